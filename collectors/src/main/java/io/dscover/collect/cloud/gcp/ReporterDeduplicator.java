package io.dscover.collect.cloud.gcp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises the second report of a flow that both ends logged: GCP logs a VM-to-VM flow at the
 * sending VM ({@code reporter SRC}) and again at the receiving one ({@code DEST}) when both have
 * flow logs on. A report is a duplicate when the other end reported the same 5-tuple in an
 * overlapping time span.
 *
 * <p>Memory is bounded: reports are remembered for {@link #HORIZON_NANOS} of log time after their
 * end (the longest aggregation interval plus delivery slack) and at most {@code capacity} at a
 * time, oldest forgotten first; a pair whose reports are further apart than that is counted twice.
 */
final class ReporterDeduplicator {

    /** 15 minutes (the longest aggregation interval) plus 5 minutes for the two ends' clocks and batching. */
    static final long HORIZON_NANOS = 20L * 60 * 1_000_000_000L;
    private static final long SLACK_NANOS = 1_000_000_000L;

    private record Report(boolean sourceSide, long start, long end) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Report> recent = new LinkedHashMap<>();
    private long latestEnd = Long.MIN_VALUE;
    private long forgottenEarly;

    ReporterDeduplicator(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Whether this report duplicates one already seen from the other end (it is then forgotten: a pair
     * is matched once).
     *
     * @param sourceSide reported by the sending end (SRC, SRC_GATEWAY)
     */
    boolean isDuplicate(String fiveTuple, boolean sourceSide, long start, long end) {
        Report other = recent.get(fiveTuple);
        if (other != null && other.sourceSide != sourceSide && start <= other.end + SLACK_NANOS
                && other.start <= end + SLACK_NANOS) {
            recent.remove(fiveTuple);
            return true;
        }
        recent.remove(fiveTuple); // re-insert so insertion order stays time order
        recent.put(fiveTuple, new Report(sourceSide, start, end));
        latestEnd = Math.max(latestEnd, end);
        expire();
        return false;
    }

    private void expire() {
        Iterator<Map.Entry<String, Report>> it = recent.entrySet().iterator();
        while (it.hasNext()) {
            Report r = it.next().getValue();
            boolean old = r.end < latestEnd - HORIZON_NANOS;
            if (!old && recent.size() <= capacity) {
                return;
            }
            if (!old) {
                forgottenEarly++;
            }
            it.remove();
        }
    }

    /** Reports forgotten before their horizon because the table was full. */
    long forgottenEarly() {
        return forgottenEarly;
    }

    int size() {
        return recent.size();
    }
}
