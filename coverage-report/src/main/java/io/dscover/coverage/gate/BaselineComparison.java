package io.dscover.coverage.gate;

import io.dscover.coverage.json.Baseline;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --baseline old.json}: every entry's level now against an earlier report. An entry whose level
 * dropped, or that had a level above none and is no longer an entry (another catalog), is lost; one whose
 * level rose, or that is new with a level above none, is gained. Any loss fails the gate.
 *
 * @param baseline  the earlier report's file
 * @param gained    entries that rose or appeared
 * @param lost      entries that dropped or disappeared
 * @param unchanged entries at the same level
 * @param warning   set when the two reports used different ATT&amp;CK versions
 */
public record BaselineComparison(String baseline, List<Change> gained, List<Change> lost, int unchanged,
        Optional<String> warning) {

    public BaselineComparison {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
    }

    /** An entry whose level changed; a side it is missing from is empty. */
    public record Change(String id, String name, Optional<Level> before, Optional<Level> after) {

        /** "T1046 Network Service Discovery: visible → detected". */
        public String describe() {
            return id + " " + name + ": " + before.map(Level::label).orElse("not an entry") + " → "
                    + after.map(Level::label).orElse("not an entry");
        }
    }

    public boolean passed() {
        return lost.isEmpty();
    }

    public static BaselineComparison compare(CoverageReport report, Baseline baseline) {
        Map<String, Entry> now = new LinkedHashMap<>();
        report.entries().forEach(e -> now.put(e.id(), e));
        List<Change> gained = new ArrayList<>();
        List<Change> lost = new ArrayList<>();
        int unchanged = 0;
        for (Baseline.BaselineEntry b : baseline.entries().values()) {
            Entry e = now.get(b.id());
            if (e == null) {
                if (b.level() != Level.NONE) {
                    lost.add(new Change(b.id(), b.name(), Optional.of(b.level()), Optional.empty()));
                }
                continue;
            }
            int cmp = e.level().compareTo(b.level());
            if (cmp > 0) {
                gained.add(new Change(b.id(), e.fullName(), Optional.of(b.level()), Optional.of(e.level())));
            } else if (cmp < 0) {
                lost.add(new Change(b.id(), e.fullName(), Optional.of(b.level()), Optional.of(e.level())));
            } else {
                unchanged++;
            }
        }
        for (Entry e : report.entries()) {
            if (!baseline.entries().containsKey(e.id()) && e.level() != Level.NONE) {
                gained.add(new Change(e.id(), e.fullName(), Optional.empty(), Optional.of(e.level())));
            }
        }
        Optional<String> warning = baseline.attack().equals(report.attack().version()) ? Optional.empty()
                : Optional.of("the baseline was computed against ATT&CK " + baseline.attack() + ", this report against "
                        + report.attack().version() + "; entries are compared by technique ID");
        return new BaselineComparison(baseline.file(), gained, lost, unchanged, warning);
    }

    /** One line: "baseline old.json: 2 gained, 1 lost, 128 unchanged". */
    public String summary() {
        return "baseline " + baseline + ": " + gained.size() + " gained, " + lost.size() + " lost, " + unchanged
                + " unchanged";
    }
}
