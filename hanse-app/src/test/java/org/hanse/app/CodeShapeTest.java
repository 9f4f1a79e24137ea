package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The house's size limits on hanse-app's main code: no class (file) over 300 lines, no method over 60. Offenders that
 * predate the rule are listed with their size in {@code code-shape-baseline.txt}; new ones fail, baselined ones must not
 * grow, and a fixed one must leave the baseline so that it cannot come back.
 */
class CodeShapeTest {

    static final int MAX_CLASS_LINES = 300;
    static final int MAX_METHOD_LINES = 60;
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path BASELINE = Path.of("src/test/resources/code-shape-baseline.txt");

    @Test
    void noClassOrMethodIsOverItsLimitUnlessBaselinedAndNoneGrew() throws IOException {
        Map<String, Integer> offenders = new LinkedHashMap<>();
        CodeShape.files(MAIN).stream().filter(s -> s.lines() > MAX_CLASS_LINES)
                .forEach(s -> offenders.put("class " + s.key(), s.lines()));
        CodeShape.methods(MAIN).stream().filter(s -> s.lines() > MAX_METHOD_LINES)
                .forEach(s -> offenders.put("method " + s.key(), s.lines()));
        System.out.println("Code shape: " + offenders.size() + " offenders (class > " + MAX_CLASS_LINES + " lines, method > "
                + MAX_METHOD_LINES + " lines):");
        offenders.forEach((key, lines) -> System.out.println(key + " " + lines));

        Map<String, Integer> baseline = baseline();
        List<String> failures = new ArrayList<>();
        offenders.forEach((key, lines) -> {
            Integer allowed = baseline.get(key);
            if (allowed == null) {
                failures.add(key + " has " + lines + " lines: split it (the baseline is for code older than the rule)");
            } else if (lines > allowed) {
                failures.add(key + " grew from " + allowed + " to " + lines + " lines: shrink it");
            } else if (lines < allowed) {
                System.out.println("shrunk, lower its baseline entry: " + key + " " + lines);
            }
        });
        baseline.keySet().stream().filter(key -> !offenders.containsKey(key)).forEach(key ->
                failures.add(key + " is within the limit now: remove its line from " + BASELINE));
        assertThat(failures).as("code shape").isEmpty();
    }

    @Test
    void theScannerCountsFromTheNameToTheClosingBraceAndSkipsBracesInLiteralsLambdasAndAnonymousClasses() {
        String source = """
                class A {
                    @Option(names = "--x", description = "a } brace")
                    int x;

                    @Override
                    public Integer call(int a) throws Exception {
                        String s = "{{{";
                        list.forEach(p -> {
                            run(p);
                        });
                        return new Thread(new Runnable() {
                            public void run() {
                            }
                        }) == null ? 1 : 0; // }
                    }

                    A() { }
                }
                """;
        assertThat(CodeShape.methodsOf(CodeShape.blank(source))).containsExactly(
                new CodeShape.Size("call", 10), new CodeShape.Size("run", 2), new CodeShape.Size("A", 1));
    }

    private static Map<String, Integer> baseline() throws IOException {
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(BASELINE, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int space = entry.lastIndexOf(' ');
            entries.put(entry.substring(0, space), Integer.parseInt(entry.substring(space + 1)));
        }
        return entries;
    }
}
