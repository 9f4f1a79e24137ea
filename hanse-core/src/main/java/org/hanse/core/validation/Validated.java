package org.hanse.core.validation;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Either a valid value or the complete list of problems that prevented it; never both. */
public record Validated<T>(T value, List<Problem> problems) {

    public Validated {
        problems = List.copyOf(problems);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("exactly one of value or problems must be present");
        }
    }

    public static <T> Validated<T> valid(T value) {
        return new Validated<>(Objects.requireNonNull(value), List.of());
    }

    public static <T> Validated<T> invalid(List<Problem> problems) {
        return new Validated<>(null, problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The value, or an {@link InvalidInputException} carrying every problem. */
    public T orElseThrow() {
        if (!isValid()) {
            throw new InvalidInputException(problems);
        }
        return value;
    }

    public <R> Validated<R> map(Function<T, R> mapper) {
        return isValid() ? valid(mapper.apply(value)) : invalid(problems);
    }
}
