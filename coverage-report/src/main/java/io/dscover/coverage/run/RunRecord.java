package io.dscover.coverage.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run read and how good it was: the measured counterpart of what DeTT&amp;CK asks users to declare.
 * The JSON form is documented in docs/coverage.md ("Run record").
 *
 * @param command    the command that wrote it: {@code collect} or {@code detect}
 * @param generator  e.g. "dscover 0.1.0"
 * @param recordedAt when the run ended (RFC 3339, UTC)
 * @param inputs     one per input, in the order read
 * @param eventTypes field fill rates per event type and collector
 */
public record RunRecord(String command, String generator, String recordedAt, List<Input> inputs,
        List<EventTypeFill> eventTypes) {

    /** The {@code format} value of the JSON form. */
    public static final String FORMAT = "dscover-run";
    /** The {@code formatVersion} this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public RunRecord {
        inputs = List.copyOf(inputs);
        eventTypes = List.copyOf(eventTypes);
    }

    /**
     * One input's ledger.
     *
     * @param input      the file as named (display name)
     * @param collector  the collector that read it; empty when none recognised it
     * @param records    records read
     * @param events     events emitted by type
     * @param rejected   records rejected, by reason
     * @param skipped    records read and deliberately not used, by reason
     * @param gapCount   spans the input says it did not observe (all of them)
     * @param gaps       the first gaps, up to {@link #MAX_GAPS}
     * @param firstEvent RFC 3339 time of the earliest event; empty when there was none
     * @param lastEvent  RFC 3339 time of the latest event; empty when there was none
     */
    public record Input(String input, String collector, long records, Map<String, Long> events,
            Map<String, Long> rejected, Map<String, Long> skipped, long gapCount, List<Gap> gaps,
            Optional<String> firstEvent, Optional<String> lastEvent) {

        /** Gaps kept per input in the record. */
        public static final int MAX_GAPS = 100;

        public Input {
            events = ordered(events);
            rejected = ordered(rejected);
            skipped = ordered(skipped);
            gaps = List.copyOf(gaps);
        }

        public long eventCount() {
            return events.values().stream().mapToLong(Long::longValue).sum();
        }

        public long rejectedCount() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A span an input did not observe, e.g. an AWS {@code NODATA} record. Times are RFC 3339; either may be empty. */
    public record Gap(String start, String end, String reason, String where) {
    }

    /**
     * How filled the fields of one event type from one collector were.
     *
     * @param eventType the event type
     * @param collector the collector its events came from
     * @param events    events of this type the run produced
     * @param examined  events whose fields were counted (all of them, or a sample of large runs)
     * @param fields    per schema field, in schema order: how many examined events had it set
     */
    public record EventTypeFill(String eventType, String collector, long events, long examined, List<FieldFill> fields) {
        public EventTypeFill {
            fields = List.copyOf(fields);
        }
    }

    /** One field's count of examined events that had it set, and that as a share (0..1). */
    public record FieldFill(String field, long set, double rate) {
    }

    private static Map<String, Long> ordered(Map<String, Long> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
