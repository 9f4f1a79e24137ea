package org.hanse.app.web;

import tools.jackson.core.JacksonException;

/** The path ({@code lines[0].quantity}) a JSON body failed at when it was bound to a typed request record. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of the deepest Jackson error behind {@code e}, or "" when the body failed before any field. */
    static String of(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : jackson.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.toString();
            }
        }
        return "";
    }
}
