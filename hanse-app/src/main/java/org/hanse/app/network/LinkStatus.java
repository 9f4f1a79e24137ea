package org.hanse.app.network;

/** Life of a link request: asked, then accepted, declined, timed out, or (once accepted) ended. */
public enum LinkStatus {
    REQUESTED, ACCEPTED, DECLINED, TIMED_OUT, ENDED;

    boolean open() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
