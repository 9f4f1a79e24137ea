package org.hanse.core.node;

import java.util.regex.Pattern;

/** Node identifiers: {@code [a-z0-9][a-z0-9-]{2,63}} (RULES 2). */
public final class NodeId {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    private NodeId() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }
}
