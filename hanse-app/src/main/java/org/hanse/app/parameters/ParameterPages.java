package org.hanse.app.parameters;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.network.ConfigFiles;
import org.hanse.app.network.ConfigLines;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code /ui/network/parameters}: the platform operator edits the network's parameters as YAML, sees each problem at its
 * line (the same reader and the same service as the API) and the history of versions.
 */
@Page
class ParameterPages {

    static final int MAX_TEXT = 64 * 1024;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A problem with the line of the text it belongs to (0: the text as a whole). */
    record LineProblem(int line, String path, String message) {
    }

    /** A line of the submitted text with the problems found on it. */
    record Line(int number, String text, List<String> problems) {
    }

    private final NetworkParameterSets sets;

    ParameterPages(NetworkParameterSets sets) {
        this.sets = sets;
    }

    @GetMapping("/ui/network/parameters")
    String page(Principal principal, Model model) {
        NetworkParameterSets.requireOperator(principal);
        return show(YAML.writeValueAsString(sets.current().parameters().toTree()), model);
    }

    @PostMapping("/ui/network/parameters")
    String save(@RequestParam(defaultValue = "") String parameters, Principal principal, Model model, HttpServletResponse response) {
        NetworkParameterSets.requireOperator(principal);
        List<LineProblem> problems;
        if (parameters.length() > MAX_TEXT) {
            problems = List.of(new LineProblem(0, "parameters", "is larger than 64 KiB"));
        } else {
            try {
                model.addAttribute("stored", sets.update(ConfigFiles.parse(parameters, false), principal));
                return show(parameters, model);
            } catch (ConfigFiles.SyntaxError e) {
                problems = List.of(new LineProblem(e.line(), "", e.getMessage()));
            } catch (InvalidInputException e) {
                ConfigLines lines = ConfigLines.of(parameters);
                problems = e.problems().stream().map(p -> new LineProblem(lines.lineOf(p.path()), p.path(), p.message())).toList();
            }
        }
        response.setStatus(422);
        model.addAttribute("problems", problems);
        model.addAttribute("lines", lines(parameters, problems));
        return show(parameters, model);
    }

    private String show(String text, Model model) {
        model.addAttribute("current", sets.current());
        model.addAttribute("parameters", text);
        model.addAttribute("history", sets.history());
        return "parameters/parameters";
    }

    private static List<Line> lines(String text, List<LineProblem> problems) {
        Map<Integer, List<String>> byLine = new LinkedHashMap<>();
        for (LineProblem p : problems) {
            byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p.path() + ": " + p.message());
        }
        List<Line> lines = new ArrayList<>();
        String[] texts = text.split("\r?\n", -1);
        for (int i = 0; i < texts.length; i++) {
            lines.add(new Line(i + 1, texts[i], byLine.getOrDefault(i + 1, List.of())));
        }
        return lines;
    }
}
