package io.dscover.rules.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a rule's {@code by} fields for one event, as generated DRL passes them
 * ({@code new Object[]{$e.getSourceIp(), ...}}); equal when the values are equal, element by element
 * (nulls included: an unset field is a value of its own).
 *
 * <p>The first two values are held in fields, not in the array DRL made: a table lookup then follows
 * one pointer less (table node → key, instead of node → key → array), which showed in profiles as the
 * engine's largest single cost, and a key is 16 bytes smaller.
 */
public final class GroupKey {

    private static final Object[] NONE = new Object[0];

    private final int size;
    private final Object first;
    private final Object second;
    private final Object[] rest;
    private final int hash;

    private GroupKey(Object[] values) {
        this.size = values.length;
        this.first = size > 0 ? values[0] : null;
        this.second = size > 1 ? values[1] : null;
        this.rest = size > 2 ? Arrays.copyOfRange(values, 2, size) : NONE;
        this.hash = hash(values);
    }

    /** The key of these values (the array is not kept). */
    public static GroupKey of(Object[] values) {
        return new GroupKey(values == null ? NONE : values);
    }

    /**
     * Mixes the elements' hashes (MurmurHash3's steps) instead of {@link Arrays#hashCode}: that one
     * combines with the factor 31, the same base String.hashCode uses, so keys of addresses such as
     * ("10.1.3.30", "23.5.0.17") and ("10.1.3.31", "23.5.0.16") collide in droves and turn table
     * lookups into list walks (it was 20% of the time in profiles).
     */
    private static int hash(Object[] values) {
        int h = 0x9747b28c ^ values.length;
        for (Object v : values) {
            int k = v == null ? 0 : v.hashCode();
            k *= 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15);
            k *= 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    public int size() {
        return size;
    }

    /** Whether this key holds these values (what a table compares against what its groups keep inline). */
    boolean matches(int otherHash, int otherSize, Object otherFirst, Object otherSecond, GroupKey other) {
        return otherHash == hash && otherSize == size && Objects.equals(otherFirst, first)
                && Objects.equals(otherSecond, second) && (size <= 2 || Arrays.equals(other.rest, rest));
    }

    Object first() {
        return first;
    }

    Object second() {
        return second;
    }

    public Object get(int i) {
        Objects.checkIndex(i, size);
        return i == 0 ? first : i == 1 ? second : rest[i - 2];
    }

    public List<Object> values() {
        Object[] all = new Object[size];
        for (int i = 0; i < size; i++) {
            all[i] = get(i);
        }
        return Collections.unmodifiableList(Arrays.asList(all));
    }

    /**
     * The key as field name to value, in order. Names missing from {@code names} (a rule that passes
     * more values than it declares fields) are called {@code key[i]}.
     */
    public Map<String, Object> toMap(List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            m.put(i < names.size() ? names.get(i) : "key[" + i + "]", get(i));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && k.hash == hash && k.size == size && Objects.equals(k.first, first)
                && Objects.equals(k.second, second) && (size <= 2 || Arrays.equals(k.rest, rest));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return values().toString();
    }
}
