package io.dscover.coverage.report;

import io.dscover.coverage.run.RunRecord;
import java.util.List;
import java.util.Optional;

/**
 * Data quality measured from a run ({@code --from-run}): the run record, and what it adds up to.
 *
 * @param file          the run record file
 * @param run           the record
 * @param records       records read over all inputs
 * @param events        events emitted
 * @param rejected      records rejected
 * @param unreadable    inputs no collector could read
 * @param gaps          spans the inputs said they did not observe
 * @param firstEvent    earliest event time of the run (RFC 3339), if any
 * @param lastEvent     latest event time, if any
 * @param rulesFields   per rule that can run, the fields it reads that the run left mostly empty
 */
public record DataQuality(String file, RunRecord run, long records, long events, long rejected, int unreadable,
        long gaps, Optional<String> firstEvent, Optional<String> lastEvent, List<FieldConcern> rulesFields) {

    public DataQuality {
        rulesFields = List.copyOf(rulesFields);
    }

    /** Rejected records as a share of records read (0..1). */
    public double rejectedShare() {
        return records == 0 ? 0 : (double) rejected / records;
    }

    /**
     * A field a rule reads that the run's events of that type rarely carried.
     *
     * @param rule      the rule
     * @param eventType the event type
     * @param collector the collector whose events were measured
     * @param field     the field
     * @param rate      share of examined events that had it (0..1)
     */
    public record FieldConcern(String rule, String eventType, String collector, String field, double rate) {
    }
}
