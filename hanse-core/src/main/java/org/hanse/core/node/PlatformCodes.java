package org.hanse.core.node;

/** Tells whether a platform material code exists in the dictionary (GTINs need no lookup). */
@FunctionalInterface
public interface PlatformCodes {

    /** Accepts every well-formed platform code: for offline validation of a file. */
    PlatformCodes ANY = code -> true;

    boolean exists(String code);
}
