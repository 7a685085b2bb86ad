package io.dscover.coverage.analysis;

import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.DataQuality;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Gaps;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.ModelDiff;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.TestVerdict;
import io.dscover.coverage.report.Totals;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.coverage.telemetry.SourceParts;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.coverage.telemetry.TelemetryProfiles;
import io.dscover.coverage.telemetry.TelemetrySource;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.RetiredTechnique;
import io.dscover.model.attack.Tactic;
import io.dscover.model.event.DataComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a {@link CoverageReport}. Deterministic: the same inputs give the same report, in the same
 * order, so reports diff cleanly and a JSON report works as a baseline.
 */
public final class CoverageAnalysis {

    /** A field a runnable rule reads is a data-quality concern when fewer than this share of events carry it. */
    static final double FIELD_CONCERN_BELOW = 0.5;

    private CoverageAnalysis() {
    }

    public static CoverageReport run(CoverageInputs in) {
        AttackCatalog catalog = in.catalog();
        Map<String, TestVerdict> verdicts = new LinkedHashMap<>();
        for (RuleSpec r : in.rules()) {
            verdicts.put(r.id(), TestVerdicts.of(r, in.testResults()));
        }
        List<RuleAssessment> rules = assess(in.rules(), verdicts, in.profile(), in.capabilities());
        boolean v18 = catalog.detectionModel() == AttackCatalog.DetectionModel.DETECTION_STRATEGIES;
        EntryLevels levels = new EntryLevels(catalog, rules, in.profile());
        List<Entry> entries = levels.entries(v18);

        Gaps gaps = new Gaps(visibleUndetected(entries), cannotRun(rules), outside(rules, catalog, entries),
                gains(in, verdicts, levels.levels()));
        Optional<ModelDiff> diff = v18 && in.legacyCatalog().isPresent()
                ? Optional.of(diff(in.legacyCatalog().get(), catalog, rules, in.profile(), entries))
                : Optional.empty();
        Optional<DataQuality> quality = in.run().map(r -> quality(r, rules, in));

        List<String> notes = new ArrayList<>(in.profile().notes());
        notes.addAll(in.testResults().notes());
        Set<String> ruleIds = new LinkedHashSet<>();
        in.rules().forEach(r -> ruleIds.add(r.id()));
        for (String r : in.testResults().rules()) {
            if (!ruleIds.contains(r)) {
                notes.add("test results name rule " + r + ", which is not among the rules; they were not counted");
            }
        }
        return new CoverageReport(in.generator(), attackInfo(catalog), in.profile(), in.rulesDescription(),
                in.testResults().sources(), summary(entries), components(entries, in.profile()), tactics(catalog, entries),
                entries, rules, gaps, diff, quality, notes);
    }

    static CoverageReport.AttackInfo attackInfo(AttackCatalog c) {
        return new CoverageReport.AttackInfo(c.attackVersion(), c.source(),
                c.detectionModel() == AttackCatalog.DetectionModel.DETECTION_STRATEGIES ? "detection-strategies"
                        : "data-component-detects", c.versionBasis());
    }

    private static List<RuleAssessment> assess(List<RuleSpec> specs, Map<String, TestVerdict> verdicts,
            TelemetryProfile profile, List<CollectorCapability> capabilities) {
        List<RuleAssessment> out = new ArrayList<>();
        for (RuleSpec r : specs) {
            out.add(RuleRunnability.assess(r, profile, capabilities, verdicts.get(r.id())));
        }
        return out;
    }

    static Totals.Summary summary(List<Entry> entries) {
        Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
        int parents = 0;
        for (Entry e : entries) {
            byLevel.merge(e.level(), 1, Integer::sum);
            parents += e.isSubtechnique() ? 0 : 1;
        }
        return new Totals.Summary(entries.size(), parents, byLevel);
    }

    private static List<Totals.Component> components(List<Entry> entries, TelemetryProfile profile) {
        List<Totals.Component> out = new ArrayList<>();
        for (DataComponent c : DataComponent.values()) {
            int mapped = 0;
            int visible = 0;
            int detected = 0;
            int validated = 0;
            for (Entry e : entries) {
                if (!e.attackComponents().contains(c)) {
                    continue;
                }
                mapped++;
                visible += e.suppliedComponents().contains(c) ? 1 : 0;
                detected += e.rules().stream().anyMatch(r -> r.runs() && r.via().contains(c)) ? 1 : 0;
                validated += e.rules().stream().anyMatch(r -> r.validated() && r.via().contains(c)) ? 1 : 0;
            }
            out.add(new Totals.Component(c, profile.suppliersOf(c), mapped, visible, detected, validated));
        }
        return out;
    }

    private static List<Totals.Tactic> tactics(AttackCatalog catalog, List<Entry> entries) {
        List<Totals.Tactic> out = new ArrayList<>();
        for (Tactic t : catalog.tactics()) {
            Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
            int n = 0;
            for (Entry e : entries) {
                if (e.tactics().contains(t.shortName())) {
                    n++;
                    byLevel.merge(e.level(), 1, Integer::sum);
                }
            }
            out.add(new Totals.Tactic(t.id(), t.shortName(), t.name(), n, byLevel));
        }
        return out;
    }

    private static List<String> visibleUndetected(List<Entry> entries) {
        return entries.stream().filter(e -> e.level() == Level.VISIBLE).map(Entry::id).toList();
    }

    private static List<Gaps.RuleGap> cannotRun(List<RuleAssessment> rules) {
        List<Gaps.RuleGap> out = new ArrayList<>();
        for (RuleAssessment r : rules) {
            if (r.enabled() && !r.canRun()) {
                out.add(new Gaps.RuleGap(r.id(), r.title(), r.techniques(), r.whyNot()));
            }
        }
        return out;
    }

    private static List<Gaps.OutsideMapping> outside(List<RuleAssessment> rules, AttackCatalog catalog, List<Entry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        boolean ds0029Only = catalog.techniques().size() == catalog.ds0029Techniques().size();
        String release = "ATT&CK " + catalog.attackVersion();
        List<Gaps.OutsideMapping> out = new ArrayList<>();
        for (RuleAssessment r : rules) {
            for (String t : r.techniques()) {
                if (ids.contains(t)) {
                    continue;
                }
                String reason;
                Optional<RetiredTechnique> retired = catalog.retiredTechnique(t);
                if (catalog.technique(t).isPresent()) {
                    reason = catalog.fullName(catalog.technique(t).get()) + ": " + release
                            + " maps no DS0029 component to it, so it is not a coverage entry";
                } else if (retired.isPresent()) {
                    RetiredTechnique rt = retired.get();
                    reason = rt.status() == RetiredTechnique.Status.REVOKED
                            ? "revoked in " + release + (rt.replacedBy().isEmpty() ? "" : "; replaced by " + String.join(", ", rt.replacedBy()))
                            : "deprecated in " + release;
                } else if (ds0029Only) {
                    reason = "not a DS0029 technique in the " + catalog.source() + " (" + release + ")";
                } else {
                    reason = "not a technique of " + release;
                }
                out.add(new Gaps.OutsideMapping(r.id(), t, reason));
            }
        }
        return out;
    }

    /** What each collector (or Zeek log, Windows event) not in the profile would add. */
    private static List<Gaps.SourceGain> gains(CoverageInputs in, Map<String, TestVerdict> verdicts, Map<String, Level> before) {
        TelemetryProfile profile = in.profile();
        List<Gaps.SourceGain> out = new ArrayList<>();
        for (CollectorCapability c : in.capabilities()) {
            if (!c.telemetrySource()) {
                continue;
            }
            Optional<TelemetrySource> present = profile.source(c.name());
            if (present.isEmpty()) {
                out.add(gain(in, verdicts, before, profile.with(TelemetryProfiles.whole(c)), c.name(), "", ""));
                continue;
            }
            TelemetrySource s = present.get();
            Optional<SourceParts> parts = SourceParts.of(c.name());
            if (s.parts().isEmpty() || parts.isEmpty()) {
                continue;
            }
            Set<Set<String>> offered = new java.util.HashSet<>();
            for (String part : parts.get().parts().keySet()) {
                if (s.parts().contains(part)) {
                    continue;
                }
                List<String> chosen = new ArrayList<>(s.parts());
                chosen.add(part);
                TelemetrySource wider = TelemetryProfiles.parts(c, chosen);
                if (wider.supplied().keySet().equals(s.supplied().keySet()) || !offered.add(wider.supplied().keySet())) {
                    continue; // nothing new, or the same as a part already offered (smb_mapping after smb_files)
                }
                out.add(gain(in, verdicts, before, profile.with(wider), c.name(), part, parts.get().key()));
            }
        }
        out.sort(Comparator.comparingInt((Gaps.SourceGain g) -> -g.detected().size())
                .thenComparingInt(g -> -g.visible().size()).thenComparing(Gaps.SourceGain::label));
        return out;
    }

    private static Gaps.SourceGain gain(CoverageInputs in, Map<String, TestVerdict> verdicts, Map<String, Level> before,
            TelemetryProfile wider, String collector, String part, String key) {
        List<RuleAssessment> rules = assess(in.rules(), verdicts, wider, in.capabilities());
        Map<String, Level> after = new EntryLevels(in.catalog(), rules, wider).levels();
        List<String> visible = new ArrayList<>();
        List<String> detected = new ArrayList<>();
        before.forEach((id, was) -> {
            Level now = after.get(id);
            if (was == Level.NONE && now.atLeast(Level.VISIBLE)) {
                visible.add(id);
            }
            if (!was.atLeast(Level.DETECTED) && now.atLeast(Level.DETECTED)) {
                detected.add(id);
            }
        });
        return new Gaps.SourceGain(collector, part, key, visible, detected);
    }

    private static ModelDiff diff(AttackCatalog legacy, AttackCatalog current, List<RuleAssessment> rules,
            TelemetryProfile profile, List<Entry> entries) {
        List<Entry> old = new EntryLevels(legacy, rules, profile).entries(false);
        Map<String, Entry> oldById = new LinkedHashMap<>();
        old.forEach(e -> oldById.put(e.id(), e));
        Map<String, Entry> newById = new LinkedHashMap<>();
        entries.forEach(e -> newById.put(e.id(), e));
        List<ModelDiff.Change> gained = new ArrayList<>();
        List<ModelDiff.Change> lost = new ArrayList<>();
        List<ModelDiff.Change> changed = new ArrayList<>();
        for (Entry e : entries) {
            Entry o = oldById.get(e.id());
            if (o == null) {
                gained.add(new ModelDiff.Change(e.id(), e.fullName(), Optional.empty(), Optional.of(e.level()), Set.of(),
                        e.attackComponents()));
            } else if (o.level() != e.level() || !o.attackComponents().equals(e.attackComponents())) {
                changed.add(new ModelDiff.Change(e.id(), e.fullName(), Optional.of(o.level()), Optional.of(e.level()),
                        o.attackComponents(), e.attackComponents()));
            }
        }
        for (Entry o : old) {
            if (!newById.containsKey(o.id())) {
                lost.add(new ModelDiff.Change(o.id(), o.fullName(), Optional.of(o.level()), Optional.empty(),
                        o.attackComponents(), Set.of()));
            }
        }
        return new ModelDiff("ATT&CK " + legacy.attackVersion() + " (" + legacy.source() + ")",
                "ATT&CK " + current.attackVersion() + " (" + current.source() + ")", summary(old), gained, lost, changed);
    }

    private static DataQuality quality(CoverageInputs.Run run, List<RuleAssessment> rules, CoverageInputs in) {
        RunRecord r = run.record();
        long records = 0;
        long events = 0;
        long rejected = 0;
        long gaps = 0;
        int unreadable = 0;
        Optional<String> first = Optional.empty();
        Optional<String> last = Optional.empty();
        for (RunRecord.Input i : r.inputs()) {
            records += i.records();
            events += i.eventCount();
            rejected += i.rejectedCount();
            gaps += i.gapCount();
            unreadable += i.collector().isEmpty() ? 1 : 0;
            first = earlier(first, i.firstEvent(), true);
            last = earlier(last, i.lastEvent(), false);
        }
        Map<String, Map<String, Set<String>>> fields = RuleFields.of(in.ruleFiles());
        List<DataQuality.FieldConcern> concerns = new ArrayList<>();
        for (RuleAssessment a : rules) {
            if (!a.canRun()) {
                continue;
            }
            Map<String, Set<String>> read = fields.getOrDefault(a.id(), Map.of());
            for (RunRecord.EventTypeFill fill : r.eventTypes()) {
                Set<String> wanted = read.getOrDefault(fill.eventType(), Set.of());
                if (fill.examined() == 0 || wanted.isEmpty()) {
                    continue;
                }
                for (RunRecord.FieldFill f : fill.fields()) {
                    if (wanted.contains(f.field()) && f.rate() < FIELD_CONCERN_BELOW) {
                        concerns.add(new DataQuality.FieldConcern(a.id(), fill.eventType(), fill.collector(), f.field(), f.rate()));
                    }
                }
            }
        }
        return new DataQuality(run.file(), r, records, events, rejected, unreadable, gaps, first, last, concerns);
    }

    /** The earlier (or later) of two RFC 3339 times; unparseable ones compare as text. */
    private static Optional<String> earlier(Optional<String> a, Optional<String> b, boolean wantEarlier) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        int cmp;
        try {
            cmp = Instant.parse(a.get()).compareTo(Instant.parse(b.get()));
        } catch (DateTimeParseException e) {
            cmp = a.get().compareTo(b.get());
        }
        return (cmp <= 0) == wantEarlier ? a : b;
    }
}
