package org.hanse.app.network;

import org.hanse.core.validation.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Parses a node config file (YAML, or JSON, which is also YAML) into a plain tree; syntax errors name line and column. */
public final class ConfigFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigFiles() {
    }

    /** The tree of {@code text}; {@code json} selects the strict JSON parser. */
    public static Object parse(String text, boolean json) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("", "the config file is empty");
        }
        try {
            return json ? JSON.readValue(text, Object.class) : YAML.readValue(text, Object.class);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new SyntaxError(at == null ? 0 : at.getLineNr(), "not valid " + (json ? "JSON" : "YAML") + where + ": " + e.getOriginalMessage());
        }
    }

    /** A config file that does not parse, with the line of the error (0 when unknown). */
    public static final class SyntaxError extends InvalidInputException {

        private final int line;

        SyntaxError(int line, String message) {
            super("", message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
