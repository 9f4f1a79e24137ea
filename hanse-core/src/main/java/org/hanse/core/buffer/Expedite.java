package org.hanse.core.buffer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hanse.core.validation.InvalidInputException;

/**
 * A buyer warned of a stockout asks for an open order sooner (RULES 3.6): the new due date must lie after now and
 * before the order's current due date, else there is nothing to expedite.
 */
public record Expedite(String order, Instant currentDue, Instant requestedDue) {

    /** An expedite of less than an hour moves nothing a supplier could act on. */
    public static final Duration MIN_GAIN = Duration.ofHours(1);

    public Expedite {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(currentDue, "currentDue");
        Objects.requireNonNull(requestedDue, "requestedDue");
    }

    /** The request, or {@link InvalidInputException} at {@code path} when the date moves nothing or lies in the past. */
    public static Expedite request(String order, Instant currentDue, Instant requestedDue, Instant now, String path) {
        if (!requestedDue.isAfter(now)) {
            throw new InvalidInputException(path, "must lie in the future (now is " + now + ")");
        }
        if (requestedDue.plus(MIN_GAIN).isAfter(currentDue)) {
            throw new InvalidInputException(path, "must be at least an hour before the order's current due date " + currentDue);
        }
        return new Expedite(order, currentDue, requestedDue);
    }

    /** How much sooner the order is wanted. */
    public Duration gain() {
        return Duration.between(requestedDue, currentDue);
    }
}
