package io.dscover.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account of one input: records read, events emitted per type, records rejected or skipped
 * per reason (with the first few examples, file and location), and gaps in visibility (e.g. AWS
 * NODATA). Every run prints it, so no record is ever lost without a trace. Not thread-safe: one
 * input is read by one thread.
 */
public final class InputLedger {

    /** Examples kept per reason; counts are always complete. */
    static final int EXAMPLES_PER_REASON = 5;

    private final String input;
    private String collector = "";
    private long recordsRead;
    private final Map<String, Long> eventsByType = new TreeMap<>();
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private final Map<String, Long> flaggedByReason = new TreeMap<>();
    private final Map<String, List<InputProblem>> examples = new TreeMap<>();
    private final List<Gap> gaps = new ArrayList<>();
    private long gapsTotal;
    private long firstTs = Long.MAX_VALUE;
    private long lastTs = Long.MIN_VALUE;

    /** A span of time the input says it did not observe (e.g. NODATA/SKIPDATA flow-log records). */
    public record Gap(long startNanos, long endNanos, String reason, String where) {
    }

    public InputLedger(String input) {
        this.input = input;
    }

    public String input() {
        return input;
    }

    public String collector() {
        return collector;
    }

    public void setCollector(String collector) {
        this.collector = collector;
    }

    public void recordRead() {
        recordsRead++;
    }

    public void recordsRead(long n) {
        recordsRead += n;
    }

    public long recordsRead() {
        return recordsRead;
    }

    /** Counts an emitted event (done for collectors by {@link CollectorRegistry#read}). */
    public void eventEmitted(String eventType, long ts) {
        eventsByType.merge(eventType, 1L, Long::sum);
        if (ts < firstTs) {
            firstTs = ts;
        }
        if (ts > lastTs) {
            lastTs = ts;
        }
    }

    /** A record that could not be turned into events: counted by reason, the first few kept with their location. */
    public void reject(String location, String reason, String detail) {
        rejectedByReason.merge(reason, 1L, Long::sum);
        List<InputProblem> list = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_REASON) {
            list.add(new InputProblem(input, location, reason, detail));
        }
    }

    /**
     * A record that was used despite a problem (e.g. a field whose value did not fit its type was left
     * out, or a masked timestamp was read as the epoch): counted by reason, the first few kept with
     * their location like rejects.
     */
    public void flag(String location, String reason, String detail) {
        flaggedByReason.merge(reason, 1L, Long::sum);
        List<InputProblem> list = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_REASON) {
            list.add(new InputProblem(input, location, reason, detail));
        }
    }

    public Map<String, Long> flaggedByReason() {
        return Collections.unmodifiableMap(flaggedByReason);
    }

    public long flagged() {
        return flaggedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A record that was read and deliberately not used (e.g. a Windows event ID no collector wants). */
    public void skip(String reason) {
        skippedByReason.merge(reason, 1L, Long::sum);
    }

    public void gap(long startNanos, long endNanos, String reason, String where) {
        gapsTotal++;
        if (gaps.size() < 1000) {
            gaps.add(new Gap(startNanos, endNanos, reason, where));
        }
    }

    public Map<String, Long> eventsByType() {
        return Collections.unmodifiableMap(eventsByType);
    }

    public long eventsEmitted() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> rejectedByReason() {
        return Collections.unmodifiableMap(rejectedByReason);
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> skippedByReason() {
        return Collections.unmodifiableMap(skippedByReason);
    }

    /** Example problems, grouped by reason in reason order. */
    public List<InputProblem> examples() {
        List<InputProblem> all = new ArrayList<>();
        examples.values().forEach(all::addAll);
        return all;
    }

    /** The first gaps (up to 1,000); {@link #gapCount()} has the total. */
    public List<Gap> gaps() {
        return Collections.unmodifiableList(gaps);
    }

    public long gapCount() {
        return gapsTotal;
    }

    /** Earliest event time emitted, or {@code Long.MAX_VALUE} when none. */
    public long firstTs() {
        return firstTs;
    }

    /** Latest event time emitted, or {@code Long.MIN_VALUE} when none. */
    public long lastTs() {
        return lastTs;
    }
}
