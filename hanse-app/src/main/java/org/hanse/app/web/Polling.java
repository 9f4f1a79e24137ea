package org.hanse.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Objects;
import org.hanse.core.digest.Sha256;

/**
 * Live panels poll every few seconds with the fingerprint of what they show; an unchanged panel is answered 204
 * and htmx leaves it alone, so focus and half-typed input survive and nothing is re-rendered needlessly.
 */
public final class Polling {

    private Polling() {
    }

    /** A short digest of the state a panel shows. */
    public static String fingerprint(Object... state) {
        return Sha256.hex(Arrays.deepToString(state)).substring(0, 16);
    }

    /**
     * True (and the response set to 204) when the client already shows {@code current}; the handler then returns
     * null, which Spring MVC takes as a response already complete.
     */
    public static boolean unchanged(String since, String current, HttpServletResponse response) {
        if (Objects.equals(since, current)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return true;
        }
        return false;
    }
}
