package org.hanse.app;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.hanse.app.ledger.Evidence;
import org.hanse.app.ledger.EvidenceLedger;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleProofs;
import org.hanse.core.ledger.MerkleTree;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code hanse bench ledger}: fills a fresh embedded H2 ledger with synthetic leaves and their interior hashes (10^7 by
 * default, written in batches), then measures real appends (one transaction each, as a record's) and inclusion proofs.
 */
final class LedgerBench {

    private final PrintWriter out;

    LedgerBench(PrintWriter out) {
        this.out = out;
    }

    /** The picocli command. */
    @CommandLine.Command(name = "ledger", mixinStandardHelpOptions = true,
            description = "Appends/s on embedded H2 and inclusion-proof time at --entries leaves (default 10^7).")
    static class Command implements Callable<Integer> {

        @Option(names = "--entries", defaultValue = "10000000", description = "Synthetic leaves filled before measuring.")
        long entries;

        @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds of appends.")
        int seconds;

        @Option(names = "--proofs", defaultValue = "10000", description = "Inclusion proofs timed.")
        int proofs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return new LedgerBench(spec.commandLine().getOut()).run(entries, seconds, proofs);
        }
    }

    int run(long entries, int seconds, int proofs) throws Exception {
        Path dir = Files.createTempDirectory("hanse-ledger-bench");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hanse.data-dir=" + dir, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.hanse=WARN"));
        try (ConfigurableApplicationContext context = SpringApplication.run(HanseApplication.class, args.toArray(String[]::new))) {
            out.printf("hanse bench ledger: embedded H2 in %s, %d cores%n", dir, Runtime.getRuntime().availableProcessors());
            long start = System.nanoTime();
            fill(context.getBean(DataSource.class), entries);
            double fillSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "filled %,d leaves and their interior hashes in %.1f s (%,.0f leaves/s, batched)%n", entries, fillSeconds,
                    entries / fillSeconds);
            out.flush();
            // The bulk load leaves H2 writing pages behind; measured rounds start once that is flushed.
            try (Connection c = context.getBean(DataSource.class).getConnection(); var st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
            EvidenceLedger ledger = context.getBean(EvidenceLedger.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            appends(ledger, tx, 5, "warm");
            // Three rounds each: the machine is shared, so the spread is part of the figure.
            for (int round = 1; round <= 3; round++) {
                double perSecond = appends(ledger, tx, seconds, "run" + round);
                out.printf(Locale.ROOT, "appends, round %d: %,.0f entries/s (one transaction each, single writer, tree of %,d)%n",
                        round, perSecond, ledger.size());
                out.flush();
            }
            for (int round = 1; round <= 3; round++) {
                proofs(ledger, proofs);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Synthetic leaves 0..n-1 straight into ledger_hash: the interior nodes from the last node of each level. */
    private static void fill(DataSource dataSource, long n) throws Exception {
        byte[][] last = new byte[64][];
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_hash (node, hash) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            int batched = 0;
            for (long i = 0; i < n; i++) {
                byte[] leaf = MerkleHash.leaf(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
                List<MerkleTree.StoredNode> nodes = MerkleTree.completedBy(i, leaf, (level, index) -> last[level]);
                last[0] = leaf;
                add(insert, 0, i, leaf);
                for (MerkleTree.StoredNode node : nodes) {
                    last[node.level()] = node.hash();
                    add(insert, node.level(), node.index(), node.hash());
                }
                batched += 1 + nodes.size();
                if (batched >= 20_000) {
                    insert.executeBatch();
                    c.commit();
                    batched = 0;
                }
            }
            insert.executeBatch();
            try (PreparedStatement head = c.prepareStatement("UPDATE ledger_head SET size = ? WHERE id = 1")) {
                head.setLong(1, n);
                head.executeUpdate();
            }
            c.commit();
        }
    }

    private static void add(PreparedStatement insert, int level, long index, byte[] hash) throws Exception {
        insert.setLong(1, ((long) level << 56) | index);
        insert.setBytes(2, hash);
        insert.addBatch();
    }

    private static double appends(EvidenceLedger ledger, TransactionTemplate tx, int seconds, String phase) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            long i = count++;
            Evidence evidence = new Evidence(List.of("buyer-" + (i % 97), "supplier-" + (i % 13)), Map.of("order", phase + "-" + i,
                    "quantity", "40", "due", "2026-12-01T00:00:00Z", "material", "4012345000016"));
            tx.executeWithoutResult(s -> ledger.append("bench.entry", phase + "-" + i, evidence));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void proofs(EvidenceLedger ledger, int count) {
        long size = ledger.size();
        byte[] root = ledger.root(size);
        SplittableRandom random = new SplittableRandom(20);
        long[] nanos = new long[count];
        int hashes = 0;
        for (int k = 0; k < count; k++) {
            long index = random.nextLong(size);
            long t = System.nanoTime();
            List<byte[]> proof = ledger.inclusionProof(index, size);
            nanos[k] = System.nanoTime() - t;
            hashes = proof.size();
            if (k == 0 && !MerkleProofs.verifyInclusion(index, size, ledger.leafHash(index), proof, root)) {
                throw new IllegalStateException("a generated proof did not verify");
            }
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "inclusion proofs at %,d entries: median %.3f ms, p99 %.3f ms, max %.3f ms (%d hashes each, %d proofs)%n",
                size, nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6, nanos[count - 1] / 1e6, hashes, count);
        out.flush();
    }
}
