package org.hanse.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures Java sources for {@link CodeShapeTest}: lines per file (one top-level class each) and lines per method or
 * constructor, from its name's line to its closing brace. A small scanner, not a parser: comments, strings, text blocks
 * and char literals are blanked first so that their braces do not count.
 */
final class CodeShape {

    /** One file or method and its size in lines; {@code key} is what the baseline names it by. */
    record Size(String key, int lines) {
    }

    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+\\s*");
    private static final Pattern METHOD = Pattern.compile("^[\\w\\s<>\\[\\],.?&]*?\\b([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern NEW = Pattern.compile("\\bnew\\b");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try",
            "return", "new", "else", "do", "throw", "yield", "assert", "case");
    private static final Set<String> TYPES = Set.of("class", "interface", "enum", "record");

    private CodeShape() {
    }

    /** Every file's size, keyed by its path relative to {@code root}. */
    static List<Size> files(Path root) {
        List<Size> sizes = new ArrayList<>();
        for (Path file : sources(root)) {
            sizes.add(new Size(key(root, file), read(file).split("\n", -1).length - 1));
        }
        return sizes;
    }

    /** Every method's and constructor's size, keyed {@code path#name} ({@code #name~2} for a second overload). */
    static List<Size> methods(Path root) {
        List<Size> sizes = new ArrayList<>();
        for (Path file : sources(root)) {
            Map<String, Integer> seen = new HashMap<>();
            for (Size m : methodsOf(blank(read(file)))) {
                int n = seen.merge(m.key(), 1, Integer::sum);
                sizes.add(new Size(key(root, file) + "#" + m.key() + (n == 1 ? "" : "~" + n), m.lines()));
            }
        }
        return sizes;
    }

    /** Methods of one blanked source: each block whose header (the text since the last ; { or }) declares one. */
    static List<Size> methodsOf(String code) {
        List<Size> found = new ArrayList<>();
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';' || c == '}') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = withoutAnnotations(code.substring(headerStart, i));
                Matcher name = methodName(header);
                if (name != null) {
                    int first = lineOf(code, headerStart + name.start(1));
                    int last = lineOf(code, closing(code, i));
                    found.add(new Size(name.group(1), last - first + 1));
                }
                headerStart = i + 1;
            }
        }
        return found;
    }

    /** The match of the declared name when {@code header} declares a method or constructor, else null. */
    private static Matcher methodName(String header) {
        if (header.contains("->") || header.contains("=") || NEW.matcher(header).find()) {
            return null;
        }
        Matcher m = METHOD.matcher(header);
        if (!m.find() || NOT_METHODS.contains(m.group(1))) {
            return null;
        }
        for (String word : header.substring(0, m.start(1)).split("[^\\w]+")) {
            if (TYPES.contains(word) || NOT_METHODS.contains(word)) {
                return null;
            }
        }
        return m;
    }

    /** Blanks annotations with their (balanced) arguments, which may hold parentheses and '='; offsets are kept. */
    private static String withoutAnnotations(String header) {
        StringBuilder out = new StringBuilder(header);
        Matcher m = ANNOTATION.matcher(header);
        int at = 0;
        while (at < header.length() && m.find(at)) {
            int end = m.end();
            if (end < header.length() && header.charAt(end) == '(') {
                int depth = 0;
                do {
                    depth += header.charAt(end) == '(' ? 1 : header.charAt(end) == ')' ? -1 : 0;
                    end++;
                } while (depth > 0 && end < header.length());
            }
            for (int j = m.start(); j < end; j++) {
                if (out.charAt(j) != '\n') {
                    out.setCharAt(j, ' ');
                }
            }
            at = end;
        }
        return out.toString();
    }

    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            depth += code.charAt(i) == '{' ? 1 : code.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return code.length() - 1;
    }

    private static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            line += code.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    /** The source with comments, strings, text blocks and char literals replaced by spaces; line breaks are kept. */
    static String blank(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = literalEnd(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = literalEnd(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                i++;
                continue;
            }
            end = end <= i ? source.length() : end;
            for (int j = i; j < end; j++) {
                if (out.charAt(j) != '\n') {
                    out.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static int literalEnd(String source, int from, String quote) {
        for (int i = from; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            }
        }
        return source.length();
    }

    private static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
