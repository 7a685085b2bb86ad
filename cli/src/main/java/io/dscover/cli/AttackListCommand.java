package io.dscover.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dscover attack list}: one row per DS0029 technique with the components that detect it, or,
 * with {@code --component}, one row per entry of that component (58, 96 and 82 in ATT&amp;CK v10.1).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the techniques DS0029 detects: each technique once with the components that detect it, or "
                + "with --component the entries of one component, as ATT&CK lists them on the component's page.")
final class AttackListCommand implements Callable<Integer> {

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    AttackCatalogOption attack;

    @Option(names = "--component", paramLabel = "COMPONENT",
            description = "Only what one component detects: connection, content or flow "
                    + "(or its ATT&CK name, e.g. \"Network Traffic Flow\").")
    String component;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    Format format = Format.table;

    @Override
    public Integer call() throws IOException {
        AttackCatalog c = attack.catalog();
        DataComponent only = null;
        if (component != null) {
            only = DataComponent.parse(component).orElseThrow(() -> new UserError(ExitCodes.USAGE,
                    "unknown component '" + component + "'" + Suggestions.didYouMean(component,
                            List.of("connection", "content", "flow"))));
        }
        List<Technique> rows = only == null ? c.ds0029Techniques() : c.detectedBy(only);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case table -> table(out, c, rows, only);
            case json -> json(out, c, rows);
        }
        out.flush();
        if (!GlobalOptions.of(spec).quiet) {
            long parents = rows.stream().filter(t -> !t.isSubtechnique()).count();
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%d %s (%d techniques, %d sub-techniques) in %s%s%n", rows.size(),
                    only == null ? "DS0029 techniques" : "entries of " + only.attackName(), parents,
                    rows.size() - parents, AttackCatalogOption.describe(c),
                    c.detectionModel() == AttackCatalog.DetectionModel.DETECTION_STRATEGIES
                            ? ", reached through detection strategies and analytics" : "");
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** ID, the components (all three unless one was asked for), tactics, and the name last so long names do not push columns. */
    private static void table(PrintWriter out, AttackCatalog c, List<Technique> rows, DataComponent only) {
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("ID"));
        if (only == null) {
            for (DataComponent dc : DataComponent.values()) {
                header.add(dc.shortName().toUpperCase(java.util.Locale.ROOT));
            }
        }
        header.add("TACTICS");
        header.add("TECHNIQUE");
        cells.add(header.toArray(String[]::new));
        for (Technique t : rows) {
            List<String> row = new ArrayList<>(List.of(t.id()));
            if (only == null) {
                Set<DataComponent> by = c.detectingComponents(t.id());
                for (DataComponent dc : DataComponent.values()) {
                    row.add(by.contains(dc) ? "x" : "-");
                }
            }
            row.add(String.join(",", t.tactics()));
            row.add(c.fullName(t));
            cells.add(row.toArray(String[]::new));
        }
        Tables.print(out, cells);
    }

    private static void json(PrintWriter out, AttackCatalog c, List<Technique> rows) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Technique t : rows) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("name", t.name());
                g.writeStringField("full_name", c.fullName(t));
                g.writeStringField("parent", t.isSubtechnique() ? t.parentId() : null);
                g.writeArrayFieldStart("tactics");
                for (String tactic : t.tactics()) {
                    g.writeString(tactic);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("components");
                for (DataComponent dc : c.detectingComponents(t.id())) {
                    g.writeString(dc.shortName());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("detection_strategies");
                for (var s : c.detectionStrategies(t.id())) {
                    g.writeString(s.id());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}
