package org.hanse.app.network;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where each path of a YAML config file lies: the line on which a path such as {@code bom-mapping[1].unit.code} starts,
 * so that validation problems can be shown next to the line that causes them. A path the file lacks (a missing field)
 * is placed at its nearest present parent.
 */
public final class ConfigLines {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Map<String, Integer> lines;

    private ConfigLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Reads the locations of every key and value; a file that does not parse gives no locations (its error carries its line). */
    public static ConfigLines of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // The container's own path is its parent's entry (the key or the index that holds it).
                    pointer = parser.streamReadContext().getParent() == null ? ""
                            : parser.streamReadContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JacksonException e) {
            return new ConfigLines(Map.of());
        }
        return new ConfigLines(lines);
    }

    /** The 1-based line of {@code path} (or of its nearest present parent); 0 when nothing of it is in the file. */
    public int lineOf(String path) {
        String pointer = pointer(path);
        // The document itself is no place: a missing top-level field belongs to no line.
        while (!pointer.isEmpty()) {
            Integer line = lines.get(pointer);
            if (line != null && line > 0) {
                return line;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return 0;
    }

    /** {@code a.b[2].c} → {@code /a/b/2/c}. */
    static String pointer(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        Matcher m = INDEX.matcher(path);
        String dotted = m.replaceAll(".$1");
        StringBuilder out = new StringBuilder();
        for (String part : dotted.split("\\.")) {
            if (!part.isEmpty()) {
                out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return out.toString();
    }
}
