package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages run under {@code script-src 'self'}: no template may hold an inline script, event handler or javascript: link. */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script\\b(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\s((th:|data-)?on[a-z]+|(data-)?hx-on[^\\s=]*)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JS_URL = Pattern.compile("javascript:|hx-vals=['\"]\\s*js:", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptsOrHandlers() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(file);
                for (Pattern p : List.of(INLINE_SCRIPT, HANDLER, JS_URL)) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        found.add(TEMPLATES.relativize(file) + ": " + m.group().trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void thePatternsCatchWhatTheyAreFor() {
        assertThat(INLINE_SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(INLINE_SCRIPT.matcher("<script th:src=\"@{/js/hanse.js}\" defer></script>").find()).isFalse();
        assertThat(HANDLER.matcher("<form class=\"row\" onsubmit=\"return false\">").find()).isTrue();
        assertThat(HANDLER.matcher("<button hx-on:click=\"x()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<button th:onclick=\"x()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<section aria-labelledby=\"orders-h\" hx-trigger=\"load\">").find()).isFalse();
    }
}
