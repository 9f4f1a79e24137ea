package org.hanse.core.event;

import java.util.Map;
import org.hanse.core.patch.JsonMergePatch;

/**
 * A neighbour's copy of a node's config at a version. A CONFIG_CHANGED patch from v to v+1 applies only
 * to a view at v; an older view must fetch the full snapshot; a view already at or past v+1 ignores it
 * (so a redelivered event changes nothing).
 */
public record ConfigView(long version, Map<String, Object> config) {

    /** What happened when a change was offered to the view. */
    public enum Outcome { APPLIED, ALREADY_CURRENT, SNAPSHOT_NEEDED }

    /** The view after the change, with the outcome; on SNAPSHOT_NEEDED and ALREADY_CURRENT the view is unchanged. */
    public record Result(Outcome outcome, ConfigView view) {
    }

    @SuppressWarnings("unchecked")
    public Result offer(long fromVersion, long toVersion, Map<String, Object> patch) {
        if (toVersion <= version) {
            return new Result(Outcome.ALREADY_CURRENT, this);
        }
        if (fromVersion != version) {
            return new Result(Outcome.SNAPSHOT_NEEDED, this);
        }
        return new Result(Outcome.APPLIED,
                new ConfigView(toVersion, (Map<String, Object>) JsonMergePatch.apply(config, patch)));
    }
}
