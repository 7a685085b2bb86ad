package io.dscover.collect.windows;

import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.Timestamps;

/** The record's own time, {@code TimeCreated/@SystemTime}, in any of its spellings. */
final class RecordTime {

    private RecordTime() {
    }

    /**
     * {@code 2015-09-22T05:24:22.622090200Z} (Windows), {@code 2019-02-13 18:01:41.593830} (python-evtx:
     * space, no zone, meaning UTC), {@code 2026-06-08T06:30:53.660539Z} (evtx_dump).
     */
    static Timestamps.Parsed created(WindowsRecord r) throws UnusableRecord {
        String v = r.system(WindowsRecord.TIME_CREATED);
        if (v == null || v.isBlank()) {
            throw UnusableRecord.missing("TimeCreated");
        }
        try {
            return Timestamps.parse(v.strip());
        } catch (IllegalArgumentException e) {
            throw UnusableRecord.invalid("TimeCreated", v);
        }
    }
}
