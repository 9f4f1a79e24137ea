package org.hanse.app.network;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.SecurityProperties;
import org.hanse.app.security.SessionSignIn;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The node's config file on the web. Joining without code: paste or load the file, name its admin, and see every problem
 * next to the line that causes it; on success the node is registered, its admin signed in, its API key shown once.
 * Later, the node's people edit the same file; a valid change becomes a new version sent to the neighbours as a patch.
 */
@Page
class ConfigFilePages {

    static final int MAX_CONFIG = 256 * 1024;

    private final Joining joining;
    private final SessionSignIn signIn;
    private final SecurityProperties security;

    private final NodeRegistry registry;

    ConfigFilePages(Joining joining, SessionSignIn signIn, SecurityProperties security, NodeRegistry registry) {
        this.joining = joining;
        this.signIn = signIn;
        this.security = security;
        this.registry = registry;
    }

    private static final tools.jackson.dataformat.yaml.YAMLMapper YAML = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();

    @GetMapping("/ui/nodes/{id}/config")
    String config(@org.springframework.web.bind.annotation.PathVariable String id, org.hanse.app.security.Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        NodeRegistry.Snapshot node = registry.read(id, principal);
        model.addAttribute("node", node);
        model.addAttribute("config", YAML.writeValueAsString(node.config()));
        return "network/config";
    }

    @PostMapping("/ui/nodes/{id}/config")
    String updateConfig(@org.springframework.web.bind.annotation.PathVariable String id, @RequestParam(defaultValue = "") String config,
                        org.hanse.app.security.Principal principal, Model model, HttpServletResponse response) {
        principal.requireSelfOrOperator(id);
        model.addAttribute("config", config);
        List<Joining.LineProblem> problems = List.of(new Joining.LineProblem(0, "config", "is larger than 256 KiB"));
        if (config.length() <= MAX_CONFIG) {
            try {
                model.addAttribute("updated", joining.update(id, config, principal));
                problems = List.of();
            } catch (Joining.Rejected rejected) {
                problems = rejected.problems();
            }
        }
        // Read after the update, so the page shows the version just stored.
        model.addAttribute("node", registry.read(id, principal));
        return problems.isEmpty() ? "network/config" : rejected(problems, config, model, response, "network/config");
    }

    /** A line of the submitted file with the problems found on it. */
    record Line(int number, String text, List<String> problems) {
    }

    @GetMapping("/join")
    String form(Model model) {
        requireOpen();
        model.addAttribute("config", "");
        return "network/join";
    }

    @PostMapping("/join")
    String join(@RequestParam(defaultValue = "") String config, @RequestParam(required = false) String email,
                @RequestParam(required = false) String name, @RequestParam(required = false) String password,
                Model model, HttpServletRequest request, HttpServletResponse response) {
        requireOpen();
        model.addAttribute("config", config);
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        if (config.length() > MAX_CONFIG) {
            return rejected(List.of(new Joining.LineProblem(0, "config", "is larger than 256 KiB")), config, model, response, "network/join");
        }
        try {
            Joining.Joined joined = joining.join(config, email, name, password);
            signIn.signIn(joined.admin(), request, response);
            model.addAttribute("nodeId", joined.registration().id());
            model.addAttribute("apiKey", joined.registration().apiKey());
            return "network/joined";
        } catch (Joining.Rejected rejected) {
            return rejected(rejected.problems(), config, model, response, "network/join");
        }
    }

    private static String rejected(List<Joining.LineProblem> problems, String config, Model model, HttpServletResponse response, String view) {
        response.setStatus(422);
        Map<Integer, List<String>> byLine = new LinkedHashMap<>();
        for (Joining.LineProblem p : problems) {
            byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p.path() + ": " + p.message());
        }
        List<Line> lines = new ArrayList<>();
        String[] texts = config.split("\r?\n", -1);
        for (int i = 0; i < texts.length; i++) {
            lines.add(new Line(i + 1, texts[i], byLine.getOrDefault(i + 1, List.of())));
        }
        model.addAttribute("problems", problems);
        model.addAttribute("lines", lines);
        return view;
    }

    private void requireOpen() {
        if (!security.selfRegistration()) {
            throw new ForbiddenException("this network registers new nodes through its operator; self-registration is off");
        }
    }
}
