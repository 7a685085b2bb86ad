package io.dscover.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dscover schema [EVENT]}: the event and field reference, from the schema registry. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the event types and their fields (the names rules use).")
final class SchemaCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "EVENT", description = "One event type, e.g. dns. Default: all.")
    String event;

    @Option(names = "--common", description = "Also list the fields every event type has (time, 5-tuple, provenance).")
    boolean common;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), markdown or json.")
    Format format = Format.text;

    @Override
    public Integer call() throws IOException {
        EventSchema schema = EventSchema.get();
        List<EventTypeDef> types = schema.eventTypes();
        if (event != null) {
            List<String> known = types.stream().map(EventTypeDef::name).toList();
            EventTypeDef t = schema.eventType(event).orElseThrow(() -> new UserError(ExitCodes.USAGE,
                    "unknown event type '" + event + "'" + Suggestions.didYouMean(event, known)));
            types = List.of(t);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> out.print(SchemaReference.text(types, common || event != null));
            case markdown -> out.print(SchemaReference.markdown());
            case json -> writeJson(out, types);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void writeJson(PrintWriter out, List<EventTypeDef> types) throws IOException {
        try (JsonGenerator g = EventJson.factory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (EventTypeDef t : types) {
                g.writeStartObject();
                g.writeStringField("event", t.name());
                g.writeStringField("doc", t.doc());
                g.writeArrayFieldStart("components");
                for (DataComponent c : t.components()) {
                    g.writeString(c.attackName());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("fields");
                for (FieldDef f : t.fields()) {
                    g.writeStartObject();
                    g.writeStringField("name", f.name());
                    g.writeStringField("type", f.type().displayName());
                    g.writeBooleanField("common", f.common());
                    g.writeStringField("doc", f.doc());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}
