package org.hanse.app.simulation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.hanse.sim.HtmlReport;
import org.hanse.sim.Scenario;
import org.hanse.sim.ScenarioReader;
import org.hanse.sim.SummaryJson;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The simulator page: pick a bundled scenario or paste one, run it with live progress, read its charts, compare two runs. */
@Page
class SimulatorPage {

    static final int MAX_SCENARIO = 256 * 1024;

    private final SimulationRuns runs;
    private final Map<String, String> bundled;

    SimulatorPage(SimulationRuns runs) throws IOException {
        this.runs = runs;
        this.bundled = bundledScenarios();
    }

    @GetMapping("/ui/simulator")
    String page(SignedInPerson me, Model model) {
        fill(me, model);
        model.addAttribute("scenarioText", bundled.getOrDefault("reference", ""));
        return "simulation/simulator";
    }

    /** The text of a bundled scenario, to start from. */
    @GetMapping(value = "/ui/simulator/scenarios/{name}", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String scenario(@PathVariable String name) {
        String text = bundled.get(name);
        if (text == null) {
            throw new org.hanse.app.web.NotFoundException("no bundled scenario " + name);
        }
        return text;
    }

    @PostMapping("/ui/simulator/runs")
    String start(@RequestParam(defaultValue = "") String scenario, @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
                 SignedInPerson me, Model model, HttpServletResponse response) {
        List<Problem> problems = new ArrayList<>();
        Scenario parsed = null;
        if (scenario.length() > MAX_SCENARIO) {
            problems.add(new Problem("scenario", "is larger than 256 KiB"));
        } else {
            try {
                parsed = ScenarioReader.parseUntrusted(scenario);
            } catch (InvalidInputException invalid) {
                problems.addAll(invalid.problems());
            }
        }
        SimulationRuns.State state = null;
        if (parsed != null) {
            try {
                state = runs.start(parsed, me);
            } catch (InvalidInputException invalid) {
                problems.addAll(invalid.problems());
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("errors", problems);
            model.addAttribute("scenarioText", scenario);
            model.addAttribute("bundled", bundled.keySet());
            return "simulation/simulator :: start";
        }
        if (htmx != null) {
            // htmx follows the redirect itself when told by header; a 302 would be followed inside the XHR instead.
            response.setHeader("HX-Redirect", "/ui/simulator/runs/" + state.id());
            return null;
        }
        return "redirect:/ui/simulator/runs/" + state.id();
    }

    @GetMapping("/ui/simulator/runs/{id}")
    String run(@PathVariable String id, SignedInPerson me, Model model) {
        // A small run may finish before its page is first shown: then the page carries the report at once.
        snapshot(runs.read(id, me), model);
        fill(me, model);
        return "simulation/run";
    }

    /** Polled while the run is under way; once done it answers with the report and stops polling. */
    @GetMapping("/ui/simulator/runs/{id}/progress")
    String progress(@PathVariable String id, SignedInPerson me, Model model) {
        snapshot(runs.read(id, me), model);
        return "simulation/run :: progress";
    }

    /**
     * The run's status read once, and the report if that status is DONE: the template shows this snapshot, never the
     * live state, which the worker may finish between two reads.
     */
    private static void snapshot(SimulationRuns.State state, Model model) {
        SimulationRuns.Status status = state.status();
        model.addAttribute("run", state);
        model.addAttribute("status", status.name());
        model.addAttribute("percent", state.percent());
        if (status == SimulationRuns.Status.DONE) {
            model.addAttribute("report", state.report());
        }
    }

    @GetMapping(value = "/ui/simulator/runs/{id}/summary.json", produces = "application/json")
    ResponseEntity<String> summary(@PathVariable String id, SignedInPerson me) {
        SimulationRuns.State state = runs.read(id, me);
        if (state.status() != SimulationRuns.Status.DONE) {
            throw new org.hanse.app.web.ConflictException("run " + id + " is " + state.status());
        }
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"summary-" + id + ".json\"")
                .body(SummaryJson.write(state.result.scenario(), state.result.summary()));
    }

    @GetMapping("/ui/simulator/compare")
    String compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b, SignedInPerson me, Model model) {
        List<Problem> problems = new ArrayList<>();
        SimulationRuns.State ra = pick("a", a, me, problems);
        SimulationRuns.State rb = pick("b", b, me, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        model.addAttribute("a", ra);
        model.addAttribute("b", rb);
        model.addAttribute("report", HtmlReport.compareBody(ra.result, rb.result));
        fill(me, model);
        return "simulation/compare";
    }

    private SimulationRuns.State pick(String path, String id, SignedInPerson me, List<Problem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(new Problem(path, "choose a finished run"));
            return null;
        }
        SimulationRuns.State state = runs.read(id, me);
        if (state.status() != SimulationRuns.Status.DONE) {
            problems.add(new Problem(path, "run " + id + " has not finished"));
            return null;
        }
        return state;
    }

    private void fill(SignedInPerson me, Model model) {
        model.addAttribute("bundled", bundled.keySet());
        List<SimulationRuns.State> mine = runs.list(me);
        model.addAttribute("runs", mine);
        model.addAttribute("finished", mine.stream().filter(s -> s.status() == SimulationRuns.Status.DONE).toList());
    }

    private static Map<String, String> bundledScenarios() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.yaml")) {
            String name = r.getFilename().replaceFirst("\\.yaml$", "");
            out.put(name, r.getContentAsString(StandardCharsets.UTF_8));
        }
        return out;
    }
}
