package io.dscover.cli;

import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the event/field reference from {@link EventSchema}: the text of {@code dscover schema} and {@code docs/events.md}. */
final class SchemaReference {

    private SchemaReference() {
    }

    static String text(List<EventTypeDef> types, boolean includeCommon) {
        StringBuilder sb = new StringBuilder();
        for (EventTypeDef t : types) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t.name()).append(" — ").append(t.doc()).append('\n');
            sb.append("  components: ").append(components(t)).append('\n');
            List<FieldDef> fields = t.fields().stream().filter(f -> includeCommon || !f.common()).toList();
            int width = fields.stream().mapToInt(f -> f.name().length()).max().orElse(10);
            int typeWidth = fields.stream().mapToInt(f -> f.type().displayName().length()).max().orElse(6);
            for (FieldDef f : fields) {
                sb.append("  ").append(pad(f.name(), width)).append("  ").append(pad(f.type().displayName(), typeWidth))
                        .append("  ").append(f.doc()).append('\n');
            }
            if (!includeCommon) {
                sb.append("  (and the common fields: dscover schema --common)\n");
            }
        }
        return sb.toString();
    }

    static String markdown() {
        EventSchema schema = EventSchema.get();
        StringBuilder sb = new StringBuilder();
        sb.append("# Event and field reference\n\n");
        sb.append("<!-- Generated from the EventSchema registry by `dscover schema --format markdown`; "
                + "do not edit by hand (a test compares it with the registry). -->\n\n");
        sb.append("Every collector turns its input into these events, and rules match on them "
                + "(`match dns where ...`). Field names are ECS-style dotted names. Types: `string`, `int` "
                + "(64-bit), `decimal`, `bool`, `ip` (IPv4 or IPv6; compares with CIDRs), `time` (RFC 3339 in "
                + "JSON), `duration` (nanoseconds in JSON; `500ms 30s 5m 1h 1d` in rules), `list<string>`, "
                + "`list<int>`. A field that the input did not supply is unset: it matches no comparison, "
                + "and `exists(field)` is false.\n\n");
        sb.append("| event | DS0029 components it can be evidence of | what it is |\n|---|---|---|\n");
        for (EventTypeDef t : schema.eventTypes()) {
            sb.append("| [`").append(t.name()).append("`](#").append(t.name()).append(") | ")
                    .append(components(t)).append(" | ").append(escape(t.doc())).append(" |\n");
        }
        sb.append("\n## Common fields\n\nEvery event type has these.\n\n");
        appendTable(sb, schema.eventTypes().get(0).fields().stream().filter(FieldDef::common).toList());
        for (EventTypeDef t : schema.eventTypes()) {
            sb.append("\n## ").append(t.name()).append("\n\n").append(escape(t.doc())).append("\n\n");
            sb.append("Components: ").append(components(t)).append(".\n\n");
            List<FieldDef> own = t.fields().stream().filter(f -> !f.common()).toList();
            if (own.isEmpty()) {
                sb.append("No fields beyond the common ones; the input's own fields are kept as extra fields.\n");
            } else {
                appendTable(sb, own);
            }
        }
        return sb.toString();
    }

    private static void appendTable(StringBuilder sb, List<FieldDef> fields) {
        sb.append("| field | type | description |\n|---|---|---|\n");
        for (FieldDef f : fields) {
            sb.append("| `").append(f.name()).append("` | ").append(f.type().displayName()).append(" | ")
                    .append(escape(f.doc())).append(" |\n");
        }
    }

    private static String components(EventTypeDef t) {
        return t.components().stream().map(DataComponent::attackName).collect(Collectors.joining(", "));
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
