package io.dscover.cli;

import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.DetectionStrategy;
import io.dscover.model.attack.RetiredTechnique;
import io.dscover.model.attack.Tactic;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.DataComponent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dscover attack show ID}: one technique as dscover sees it: names, tactics, its parent or
 * sub-techniques, which DS0029 components detect it and, with a v18+ release, the detection
 * strategies and analytics that connect them.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one technique: name, tactics, parent and sub-techniques, the DS0029 components that detect "
                + "it and, with an ATT&CK v18+ --attack-bundle, its detection strategies and analytics with their log "
                + "sources and tunable elements.")
final class AttackShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AttackCatalogOption attack;

    @Parameters(paramLabel = "ID", description = "A technique or sub-technique ID, e.g. T1071.004 (or its exact name).")
    String id;

    @Override
    public Integer call() {
        AttackCatalog c = attack.catalog();
        String wanted = id.strip();
        Technique t = c.technique(wanted.toUpperCase(Locale.ROOT)).or(() -> byName(c, wanted)).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        if (t == null) {
            Optional<RetiredTechnique> retired = c.retiredTechnique(wanted.toUpperCase(Locale.ROOT));
            if (retired.isPresent()) {
                printRetired(out, c, retired.get());
                out.flush();
                return ExitCodes.OK;
            }
            throw new UserError(ExitCodes.USAGE, unknown(c, wanted));
        }
        print(out, c, t);
        out.flush();
        return ExitCodes.OK;
    }

    private static Optional<Technique> byName(AttackCatalog c, String name) {
        return c.techniques().stream().filter(t -> c.fullName(t).equalsIgnoreCase(name)).findFirst()
                .or(() -> {
                    List<Technique> same = c.techniques().stream().filter(t -> t.name().equalsIgnoreCase(name)).toList();
                    return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
                });
    }

    private String unknown(AttackCatalog c, String wanted) {
        List<String> ids = c.techniques().stream().map(Technique::id).toList();
        String hint = Suggestions.didYouMean(wanted.toUpperCase(Locale.ROOT), ids);
        boolean wellFormed = Technique.isTechniqueId(wanted.toUpperCase(Locale.ROOT));
        // a well-formed ID missing from the embedded model is most likely a real technique outside DS0029, not a typo
        if (!hint.startsWith("; did you mean") || (wellFormed && attack.bundle() == null)) {
            hint = "";
        }
        String where = attack.bundle() == null
                ? " in the embedded DS0029 model (it holds the 131 techniques DS0029 detects; --attack-bundle FILE"
                        + " loads all of ATT&CK)"
                : " in " + AttackCatalogOption.describe(c);
        if (!wellFormed && hint.isEmpty()) {
            return "'" + wanted + "' is not a technique ID (T####, or T####.### for a sub-technique) nor a technique name"
                    + where;
        }
        return "no technique " + wanted + where + hint;
    }

    private static void printRetired(PrintWriter out, AttackCatalog c, RetiredTechnique r) {
        out.println(r.id() + "  " + r.name());
        String status = r.status() == RetiredTechnique.Status.REVOKED ? "revoked" : "deprecated";
        out.println("  status:          " + status + " in " + AttackCatalogOption.describe(c));
        if (!r.replacedBy().isEmpty()) {
            out.println("  replaced by:     " + r.replacedBy().stream()
                    .map(id -> id + c.technique(id).map(t -> " " + c.fullName(t)).orElse(""))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void print(PrintWriter out, AttackCatalog c, Technique t) {
        out.println(t.id() + "  " + c.fullName(t));
        out.println("  name:            " + t.name());
        out.println("  tactics:         " + t.tactics().stream()
                .map(s -> c.tactic(s).map(x -> x.name() + " (" + x.id() + ")").orElse(s))
                .collect(Collectors.joining(", ")));
        if (t.isSubtechnique()) {
            out.println("  parent:          " + t.parentId() + c.technique(t.parentId()).map(p -> " " + p.name()).orElse(""));
        } else {
            List<Technique> subs = c.techniques().stream().filter(s -> s.isSubtechnique() && s.parentId().equals(t.id()))
                    .toList();
            if (!subs.isEmpty()) {
                out.println("  sub-techniques:  " + subs.size());
                for (Technique s : subs) {
                    out.println("    " + s.id() + "  " + s.name() + components(c, s.id(), true));
                }
            }
        }
        Set<DataComponent> by = c.detectingComponents(t.id());
        out.println("  DS0029 components that detect it:" + (by.isEmpty() ? " none" : ""));
        for (DataComponent dc : by) {
            out.println("    " + dc.attackName() + " (" + dc.shortName() + ", " + dc.v18Id() + ")");
        }
        List<DetectionStrategy> strategies = c.detectionStrategies(t.id());
        if (c.detectionModel() == AttackCatalog.DetectionModel.DETECTION_STRATEGIES) {
            out.println("  detection strategies: " + (strategies.isEmpty() ? "none" : strategies.size()));
            for (DetectionStrategy s : strategies) {
                printStrategy(out, c, s);
            }
        } else {
            out.println("  detection strategies: none in this release (ATT&CK v18 introduced them; use --attack-bundle"
                    + " with a v18+ release)");
        }
        out.println("  source:          " + AttackCatalogOption.describe(c) + "; " + c.versionBasis());
    }

    private static void printStrategy(PrintWriter out, AttackCatalog c, DetectionStrategy s) {
        out.println("    " + s.id() + "  " + s.name());
        for (DetectionStrategy.Analytic a : s.analytics()) {
            boolean ds0029 = a.logSources().stream().anyMatch(l -> l.component() != null);
            out.println("      " + a.id() + "  " + String.join(", ", a.platforms())
                    + (ds0029 ? "" : "  (no DS0029 log source)"));
            c.analyticDescription(a.id()).ifPresent(d -> out.println("        " + oneLine(d, 160)));
            for (DetectionStrategy.LogSource l : a.logSources()) {
                String dc = l.dataComponentName() == null ? l.dataComponentId() : l.dataComponentName();
                out.println("        log source: " + (l.component() != null ? "[DS0029 " + l.component().shortName() + "] " : "")
                        + dc + ": " + l.name() + (l.channel() == null || l.channel().equals("None") ? "" : " / " + l.channel()));
            }
            for (DetectionStrategy.MutableElement m : a.mutableElements()) {
                out.println("        tunable: " + m.field() + (m.description() == null ? "" : " - " + oneLine(m.description(), 140)));
            }
        }
    }

    private static String components(AttackCatalog c, String id, boolean brackets) {
        Set<DataComponent> by = c.detectingComponents(id);
        if (by.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        by.forEach(d -> names.add(d.shortName()));
        return brackets ? "  [" + String.join(", ", names) + "]" : String.join(", ", names);
    }

    private static String oneLine(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    static String tacticName(AttackCatalog c, String shortName) {
        return c.tactic(shortName).map(Tactic::name).orElse(shortName);
    }
}
