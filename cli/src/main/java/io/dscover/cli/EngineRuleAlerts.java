package io.dscover.cli;

import io.dscover.collect.cloud.findings.RuleAlerts;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EngineRun;
import io.dscover.rules.engine.RunSummary;
import io.dscover.rules.ruleset.RuleSetEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The audit's rule section from the rules engine: every flow event of the audit goes through the
 * rules (in event-time order, see below) and the alerts are grouped by ATT&amp;CK technique.
 *
 * <p>The audit reads an export file after file in one pass, and flow-log records are only roughly in
 * time order: a record carries the start of its aggregation interval (AWS up to 10 minutes, GCP up to
 * 15), and an export holds several accounts or projects one after the other, each starting its clock
 * again. So events wait in a reorder buffer until an event {@link #LATENESS} newer has been read (at
 * most {@link #MAX_BUFFERED} of them: beyond that the oldest goes early), and an event more than
 * {@link #NEW_SEGMENT} older than the newest seen starts a new replay: the rules' windows never mix the
 * clock of one account's logs with another's. Events between the two bounds are processed as late
 * (counted in the note).
 */
final class EngineRuleAlerts implements AuditRuleAlerts {

    static final Duration LATENESS = Duration.ofMinutes(15);
    static final Duration NEW_SEGMENT = Duration.ofHours(1);
    static final int MAX_BUFFERED = 100_000;
    private static final int EXAMPLES = 3;

    private record Pending(NetworkEvent event, long ts, long order) {
    }

    private static final Comparator<Pending> ORDER = Comparator.comparingLong(Pending::ts).thenComparingLong(Pending::order);

    /** Alerts of one technique, in the order they were raised. */
    private static final class ByTechnique {
        long alerts;
        final Set<String> rules = new LinkedHashSet<>();
        final List<String> examples = new ArrayList<>();
    }

    private final Engine engine;
    private final String rulesLabel;
    private final int ruleCount;
    private final int flowRules;
    private final AttackCatalog catalog = AttackCatalog.embeddedDs0029();
    private final PriorityQueue<Pending> buffer = new PriorityQueue<>(ORDER);
    private final Map<String, ByTechnique> byTechnique = new LinkedHashMap<>();
    private final Map<String, Long> byRule = new LinkedHashMap<>();
    private EngineRun run;
    private long order;
    private long newest = Long.MIN_VALUE;
    private long events;
    private long late;
    private long releasedEarly;
    private int segments;
    private long ruleErrors;

    EngineRuleAlerts(CompiledRuleSet set, String rulesLabel) {
        this.engine = RuleSetEngine.build(set);
        this.rulesLabel = rulesLabel;
        this.ruleCount = set.enabledRules().size();
        this.flowRules = (int) set.enabledRules().stream().filter(EngineRuleAlerts::readsFlows).count();
        set.enabledRules().forEach(r -> byRule.put(r.id(), 0L));
    }

    private static boolean readsFlows(RuleSpec r) {
        return r.eventTypes().stream().anyMatch(t -> t.name().equals("flow"));
    }

    @Override
    public void accept(NetworkEvent event) {
        long ts = event.getTs();
        events++;
        if (newest != Long.MIN_VALUE && ts < newest - NEW_SEGMENT.toNanos()) {
            endSegment();
        }
        if (newest != Long.MIN_VALUE && ts < newest - LATENESS.toNanos()) {
            late++;
        }
        newest = Math.max(newest, ts);
        buffer.add(new Pending(event, ts, order++));
        long watermark = newest - LATENESS.toNanos();
        while (!buffer.isEmpty() && buffer.peek().ts() <= watermark) {
            feed(buffer.poll().event());
        }
        while (buffer.size() > MAX_BUFFERED) {
            releasedEarly++;
            feed(buffer.poll().event());
        }
    }

    private void feed(NetworkEvent e) {
        if (run == null) {
            run = engine.start(this::alert);
            segments++;
        }
        run.accept(e);
    }

    private void endSegment() {
        while (!buffer.isEmpty()) {
            feed(buffer.poll().event());
        }
        if (run != null) {
            RunSummary s = run.finish();
            ruleErrors += s.ruleErrors();
            run.close();
            run = null;
        }
        newest = Long.MIN_VALUE;
    }

    private void alert(Alert a) {
        byRule.merge(a.ruleId(), 1L, Long::sum);
        List<String> techniques = a.rule().techniques().isEmpty() ? List.of("-") : a.rule().techniques();
        for (String t : techniques) {
            ByTechnique b = byTechnique.computeIfAbsent(t, k -> new ByTechnique());
            b.alerts++;
            b.rules.add(a.ruleId());
            if (b.examples.size() < EXAMPLES) {
                b.examples.add(AlertLine.of(a));
            }
        }
    }

    @Override
    public RuleAlerts finish() {
        endSegment();
        long total = byRule.values().stream().mapToLong(Long::longValue).sum();
        List<RuleAlerts.TechniqueAlerts> rows = new ArrayList<>();
        byTechnique.forEach((id, b) -> rows.add(new RuleAlerts.TechniqueAlerts(id,
                catalog.technique(id).map(Technique::name).orElse(""), b.alerts, List.copyOf(b.rules), b.examples)));
        rows.sort(Comparator.comparingLong(RuleAlerts.TechniqueAlerts::alerts).reversed()
                .thenComparing(RuleAlerts.TechniqueAlerts::techniqueId));
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "%d rules (%s; %d of them match flow events, the only kind flow logs supply) ran over %,d events: %s.",
                ruleCount, rulesLabel, flowRules, events, total == 0 ? "no alerts" : String.format(Locale.ROOT,
                        "%,d alert%s on %d technique%s", total, total == 1 ? "" : "s", rows.size(), rows.size() == 1 ? "" : "s")));
        List<String> firing = new ArrayList<>();
        byRule.forEach((rule, n) -> {
            if (n > 0) {
                firing.add(rule + " " + n);
            }
        });
        if (!firing.isEmpty()) {
            note.append(" By rule: ").append(String.join(", ", firing)).append('.');
        }
        if (segments > 1) {
            note.append(String.format(Locale.ROOT, " The export's clock went back more than %d minutes %d time%s "
                    + "(several accounts or projects): each stretch was replayed on its own.",
                    NEW_SEGMENT.toMinutes(), segments - 1, segments == 2 ? "" : "s"));
        }
        if (late > 0 || releasedEarly > 0) {
            note.append(String.format(Locale.ROOT, " %,d events came more than %d minutes out of time order and "
                    + "were matched at the rules' current time.", late + releasedEarly, LATENESS.toMinutes()));
        }
        if (ruleErrors > 0) {
            note.append(String.format(Locale.ROOT, " %,d rule matches failed on an event (dscover detect shows them).",
                    ruleErrors));
        }
        return new RuleAlerts(true, note.toString(), rows);
    }
}
