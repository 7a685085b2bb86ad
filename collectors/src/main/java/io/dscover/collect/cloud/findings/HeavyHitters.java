package io.dscover.collect.cloud.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The heaviest keys of a stream by weight, in bounded memory: entries are tracked exactly until
 * there are twice {@code capacity}, then the lighter half is dropped. A dropped key that comes
 * back starts again from zero, so a count can be low by at most {@link #maxDroppedWeight()}
 * (zero means every count is exact) — the bound is printed with the report.
 *
 * @param <K> the key (an address, a pair)
 * @param <S> what is kept per key besides its weight (sets of ports, first/last time)
 */
final class HeavyHitters<K, S> {

    /** A tracked key, its weight and its details. */
    static final class Entry<K, S> {
        final K key;
        long weight;
        final S detail;

        Entry(K key, S detail) {
            this.key = key;
            this.detail = detail;
        }
    }

    private final int capacity;
    private final Supplier<S> newDetail;
    private final Map<K, Entry<K, S>> entries = new HashMap<>();
    private long maxDropped;
    private long droppedKeys;

    HeavyHitters(int capacity, Supplier<S> newDetail) {
        this.capacity = capacity;
        this.newDetail = newDetail;
    }

    /** Adds weight to a key and returns its entry for updating the details. */
    Entry<K, S> add(K key, long weight) {
        Entry<K, S> e = entries.get(key);
        if (e == null) {
            if (entries.size() >= 2 * capacity) {
                prune();
            }
            e = new Entry<>(key, newDetail.get());
            entries.put(key, e);
        }
        e.weight += weight;
        return e;
    }

    private void prune() {
        List<Entry<K, S>> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparingLong((Entry<K, S> x) -> x.weight).reversed());
        for (int i = capacity; i < all.size(); i++) {
            Entry<K, S> dropped = all.get(i);
            maxDropped = Math.max(maxDropped, dropped.weight);
            droppedKeys++;
            entries.remove(dropped.key);
        }
    }

    /** The heaviest {@code n}, heaviest first (ties by key text, so reports are stable). */
    List<Entry<K, S>> top(int n) {
        List<Entry<K, S>> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparingLong((Entry<K, S> x) -> x.weight).reversed()
                .thenComparing(x -> String.valueOf(x.key)));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The largest weight any dropped key had: the most a reported weight can be low by. */
    long maxDroppedWeight() {
        return maxDropped;
    }

    long droppedKeys() {
        return droppedKeys;
    }

    int size() {
        return entries.size();
    }
}
