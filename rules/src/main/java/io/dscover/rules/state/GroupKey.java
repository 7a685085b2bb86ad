package io.dscover.rules.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a rule's {@code by} fields for one event, as generated DRL passes them
 * ({@code new Object[]{$e.getSourceIp(), ...}}); equal when the values are equal, element by element
 * (nulls included: an unset field is a value of its own).
 */
public final class GroupKey {

    private static final Object[] NONE = new Object[0];

    private final Object[] values;
    private final int hash;

    private GroupKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** Wraps the array without copying: generated DRL creates a fresh one per call. */
    public static GroupKey of(Object[] values) {
        return new GroupKey(values == null ? NONE : values);
    }

    public int size() {
        return values.length;
    }

    public Object get(int i) {
        return values[i];
    }

    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * The key as field name to value, in order. Names missing from {@code names} (a rule that passes
     * more values than it declares fields) are called {@code key[i]}.
     */
    public Map<String, Object> toMap(List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(i < names.size() ? names.get(i) : "key[" + i + "]", values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && k.hash == hash && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
