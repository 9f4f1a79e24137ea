package org.hanse.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hanse.app.continuity.NodeVerification;
import org.hanse.app.dictionary.MaterialDictionary;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.network.ConfigFiles;
import org.hanse.app.network.Links;
import org.hanse.app.network.NodeRegistry;
import org.hanse.app.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the demo furniture cluster on first start when {@code hanse.demo.enabled}: platform materials,
 * 19 nodes from their config files, 18 accepted links and eight weeks of stock history for a few buffers. The nodes' API keys go to {@code demo-keys.txt}
 * in the data directory, since a key is shown only once; each node's admin sign-in for the web UI goes to {@code demo-people.txt}.
 */
@Component
class DemoNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);
    static final String ANCHOR_NODE = "loehne-moebelwerk";

    private final NodeRegistry registry;
    private final Links links;
    private final MaterialDictionary dictionary;
    private final StockBook stock;
    private final org.hanse.app.security.People people;
    private final NodeVerification verification;
    private final java.time.Clock clock;
    private final boolean enabled;
    private final Path dataDir;

    DemoNetwork(NodeRegistry registry, Links links, MaterialDictionary dictionary, StockBook stock, org.hanse.app.security.People people,
                NodeVerification verification, java.time.Clock clock,
                @Value("${hanse.demo.enabled:false}") boolean enabled, @Value("${hanse.data-dir}") Path dataDir) {
        this.registry = registry;
        this.links = links;
        this.dictionary = dictionary;
        this.stock = stock;
        this.people = people;
        this.verification = verification;
        this.clock = clock;
        this.enabled = enabled;
        this.dataDir = dataDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnStart() throws IOException {
        if (!enabled) {
            return;
        }
        if (registry.list(Principal.OPERATOR).stream().anyMatch(n -> n.id().equals(ANCHOR_NODE))) {
            LOG.info("Demo network already loaded (node {} exists); keys are in {}", ANCHOR_NODE, dataDir.resolve("demo-keys.txt"));
            return;
        }
        List<String> signIns = new ArrayList<>();
        List<String> keys = load(signIns);
        Files.createDirectories(dataDir);
        Path keyFile = writeOwnerOnly(dataDir.resolve("demo-keys.txt"), keys);
        Path peopleFile = writeOwnerOnly(dataDir.resolve("demo-people.txt"), signIns);
        LOG.info("Demo network loaded: {} nodes; their API keys are in {}, their admins' web sign-ins in {}", keys.size(),
                keyFile.toAbsolutePath(), peopleFile.toAbsolutePath());
    }

    /**
     * Writes secrets readable by the owner only: the lines go into a temporary file created with mode 0600 (never
     * readable by others, not even for a moment), which then replaces the target, whatever mode an old copy had.
     */
    static Path writeOwnerOnly(Path target, List<String> lines) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(dir, ".demo-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".demo-", ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Registers everything and returns "node-id api-key" lines; adds "email password" lines of the node admins to {@code signIns}. */
    @SuppressWarnings("unchecked")
    List<String> load(List<String> signIns) throws IOException {
        Map<String, Object> network = (Map<String, Object>) ConfigFiles.parse(read("classpath:demo/links.yaml"), false);
        for (Map<String, Object> m : (List<Map<String, Object>>) network.get("materials")) {
            dictionary.create((String) m.get("code"), (String) m.get("name"), (String) m.get("unit"), "operator");
        }
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/nodes/*.yaml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<String> keys = new ArrayList<>();
        for (Resource file : files) {
            NodeRegistry.Registration registration = registry.register(ConfigFiles.parse(read(file), false));
            keys.add(registration.id() + " " + registration.apiKey());
            // The demo's operator has checked its firms, so an exit in the demo finds substitutes among them.
            verification.verify(registration.id(), true, "demo network");
            String email = "admin@" + registration.id() + ".demo";
            String password = "demo-" + org.hanse.app.security.ApiKeys.generate().substring(3, 19);
            people.createNodeAdmin(registration.id(), email, "Admin of " + registration.id(), password);
            signIns.add(email + " " + password);
        }
        for (Map<String, Object> l : (List<Map<String, Object>>) network.get("links")) {
            String buyer = (String) l.get("buyer");
            String supplier = (String) l.get("supplier");
            Links.Outcome requested = links.request(new Links.Request("demo-" + buyer + "--" + supplier, buyer, supplier,
                    (List<String>) l.get("materials")), Principal.node(supplier));
            links.accept(requested.link().id(), Principal.node(buyer));
        }

        for (Map<String, Object> b : (List<Map<String, Object>>) network.get("stock")) {
            history((String) b.get("node"), (String) b.get("material"), ((Number) b.get("daily")).doubleValue(),
                    ((Number) b.get("on-hand")).doubleValue());
        }
        return keys;
    }

    /**
     * Eight weeks of history for a buffer: daily consumption around {@code daily} (±20 %, deterministic), and one
     * opening receipt sized so that today's stock is {@code onHand}.
     */
    private void history(String node, String material, double daily, double onHand) {
        java.time.Instant now = clock.instant();
        double[] used = new double[56];
        double total = 0;
        for (int k = 0; k < used.length; k++) {
            used[k] = Math.round(daily * (1 + 0.2 * Math.sin(k * 1.7)) * 10) / 10.0;
            total += used[k];
        }
        String opening = java.math.BigDecimal.valueOf(total + onHand).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        stock.record(node, "demo-open-" + node + "-" + material, material, "RECEIPT", opening, now.minus(java.time.Duration.ofDays(57)));
        for (int k = 55; k >= 0; k--) {
            stock.record(node, "demo-use-" + node + "-" + material + "-" + k, material, "CONSUMPTION",
                    Double.toString(used[55 - k]), now.minus(java.time.Duration.ofDays(k)).minusSeconds(60));
        }
    }

    private static String read(String location) throws IOException {
        return read(new PathMatchingResourcePatternResolver().getResource(location));
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
