package io.dscover.cli;

import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.Tactic;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dscover demo}: what dscover knows before it is given anything: the DS0029 model (components
 * by techniques, by tactic) and the event types rules match on. Later issues grow it into the
 * end-to-end demo on embedded samples.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show dscover on its built-in data: the ATT&CK DS0029 model (which techniques each Network "
                + "Traffic component detects, by tactic) and the event types rules match on. Needs no input and no "
                + "network.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AttackCatalog c = AttackCatalog.embeddedDs0029();
        out.println("dscover demo: the built-in DS0029 model and event schema");
        out.println();
        out.println("DS0029 Network Traffic in " + AttackCatalogOption.describe(c) + ":");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  COMPONENT", "ID", "TECHNIQUES", "PARENTS", "SUB-TECHNIQUES"});
        for (DataComponent dc : DataComponent.values()) {
            rows.add(counts("  " + dc.attackName() + " (" + dc.shortName() + ")", dc.v18Id(), c.detectedBy(dc)));
        }
        rows.add(counts("  any of the three", "", c.ds0029Techniques()));
        Tables.print(out, rows);
        out.println();
        out.println("Techniques by tactic (a technique with several tactics counts under each):");
        List<String[]> tactics = new ArrayList<>();
        tactics.add(new String[] {"  TACTIC", "", "TECHNIQUES", "CONNECTION", "CONTENT", "FLOW"});
        for (Tactic t : c.tactics()) {
            List<Technique> in = c.ds0029Techniques().stream().filter(x -> x.tactics().contains(t.shortName())).toList();
            List<String> row = new ArrayList<>(List.of("  " + t.name(), t.id(), Integer.toString(in.size())));
            for (DataComponent dc : DataComponent.values()) {
                row.add(Long.toString(in.stream().filter(x -> c.detectingComponents(x.id()).contains(dc)).count()));
            }
            tactics.add(row.toArray(String[]::new));
        }
        Tables.print(out, tactics);
        out.println();
        EventSchema schema = EventSchema.get();
        out.println("Event types (" + schema.eventTypes().size() + "; every collector produces these and rules match on them):");
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"  EVENT", "FIELDS", "EVIDENCE OF"});
        for (EventTypeDef t : schema.eventTypes()) {
            long own = t.fields().stream().filter(f -> !f.common()).count();
            events.add(new String[] {"  " + t.name(), own + " + common",
                t.components().stream().map(DataComponent::shortName).collect(Collectors.joining(", "))});
        }
        Tables.print(out, events);
        long common = schema.eventTypes().get(0).fields().stream().filter(FieldDef::common).count();
        out.println("  (" + common + " common fields: time, component, provider, provenance, 5-tuple, community id, ...)");
        out.println();
        out.println("Next:");
        out.println("  dscover attack list --component flow      the " + c.detectedBy(DataComponent.TRAFFIC_FLOW).size()
                + " techniques Network Traffic Flow detects");
        out.println("  dscover attack show T1071.004             one technique; add --attack-bundle FILE for a MITRE release");
        out.println("  dscover schema dns                        the fields of one event type");
        out.flush();
        return ExitCodes.OK;
    }

    private static String[] counts(String label, String id, List<Technique> ts) {
        long parents = ts.stream().filter(t -> !t.isSubtechnique()).count();
        return new String[] {label, id, Integer.toString(ts.size()), Long.toString(parents), Long.toString(ts.size() - parents)};
    }
}
