package io.dscover.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.EventTypeDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dscover rules list [PATHS]}: one line per rule. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List rules: id, title, severity, techniques, event, kind and where each is written.")
final class RulesListCommand implements Callable<Integer> {

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    RuleSetMixin rules;

    @Mixin
    AttackCatalogOption attack;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    Format format = Format.table;

    @Override
    public Integer call() throws IOException {
        CompileResult result = rules.options.compile(attack.catalog());
        if (result.ruleSet().isEmpty()) {
            DiagnosticsPrinter.print(spec.commandLine().getErr(), result, false);
            return ExitCodes.FINDINGS;
        }
        List<RuleSpec> specs = result.ruleSet().get().rules();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            json(out, specs);
        } else {
            table(out, specs);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void table(PrintWriter out, List<RuleSpec> specs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "TITLE", "SEVERITY", "TECHNIQUES", "EVENT", "KIND", "SOURCE"});
        for (RuleSpec r : specs) {
            rows.add(new String[] {r.id() + (r.enabled() ? "" : " (disabled)"), r.title(), r.severity().label(),
                String.join(",", r.techniques()), r.eventTypes().stream().map(EventTypeDef::name).collect(Collectors.joining(",")),
                r.kind(), r.sourceLine()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.min(Math.max(widths[i], row[i].length()), i == 1 ? 50 : 60);
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i].length() > widths[i] ? row[i].substring(0, widths[i] - 1) + "…" : row[i];
                sb.append(cell);
                if (i < row.length - 1) {
                    sb.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static void json(PrintWriter out, List<RuleSpec> specs) throws IOException {
        try (JsonGenerator g = EventJson.factory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (RuleSpec r : specs) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("title", r.title());
                g.writeStringField("severity", r.severity().label());
                g.writeArrayFieldStart("techniques");
                for (String t : r.techniques()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("events");
                for (EventTypeDef e : r.eventTypes()) {
                    g.writeString(e.name());
                }
                g.writeEndArray();
                g.writeStringField("kind", r.kind());
                g.writeBooleanField("enabled", r.enabled());
                g.writeStringField("status", r.status().label());
                g.writeStringField("source", r.sourceLine());
                g.writeNumberField("tests", r.tests().size());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}
