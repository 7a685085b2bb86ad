package io.dscover.collect.cloud.findings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Distinct values up to a cap: exact below it, "at least cap" above it (values past the cap are
 * not stored), so a flood of distinct addresses cannot grow memory.
 */
final class BoundedSet<T> {

    private final int cap;
    private final Set<T> values = new HashSet<>();
    private boolean overflowed;

    BoundedSet(int cap) {
        this.cap = cap;
    }

    void add(T value) {
        if (value == null || values.contains(value)) {
            return;
        }
        if (values.size() < cap) {
            values.add(value);
        } else {
            overflowed = true;
        }
    }

    /** Distinct values seen (a lower bound when {@link #overflowed()}). */
    int count() {
        return values.size();
    }

    boolean overflowed() {
        return overflowed;
    }

    /** The values, sorted by their text, at most {@code limit}. */
    List<String> sample(int limit) {
        return values.stream().map(String::valueOf).sorted().limit(limit).toList();
    }

    Set<T> values() {
        return values;
    }
}
