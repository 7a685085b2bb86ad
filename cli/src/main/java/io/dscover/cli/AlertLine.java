package io.dscover.cli;

import io.dscover.model.event.Timestamps;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.FlowTuple;
import java.util.Map;

/**
 * One alert as one short line for people (report examples, summaries): time, rule, what it is about
 * and its value. Input-controlled text is capped and stripped of control characters.
 */
final class AlertLine {

    private static final int MAX = 160;

    private AlertLine() {
    }

    static String of(Alert a) {
        StringBuilder sb = new StringBuilder();
        sb.append(Timestamps.format(a.tsNanos(), 0)).append(' ').append(a.ruleId()).append(": ");
        if (!a.group().isEmpty()) {
            String sep = "";
            for (Map.Entry<String, Object> e : a.group().entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = " ";
            }
        } else if (a.tuple() != null && !a.tuple().isEmpty()) {
            FlowTuple t = a.tuple();
            sb.append(t.sourceIp() == null ? "?" : t.sourceIp());
            if (t.sourcePort() != null) {
                sb.append(':').append(t.sourcePort());
            }
            sb.append(" -> ").append(t.destinationIp() == null ? "?" : t.destinationIp());
            if (t.destinationPort() != null) {
                sb.append(':').append(t.destinationPort());
            }
            if (t.transport() != null) {
                sb.append('/').append(t.transport());
            }
        } else {
            sb.append(a.rule().title());
        }
        if (a.value() != null) {
            String name = a.measure() == null ? "value" : a.measure();
            int eq = name.indexOf(" = ");
            Number v = a.value();
            sb.append(" (").append(eq > 0 ? name.substring(0, eq) : name).append(' ')
                    .append(v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString())
                    .append(')');
        }
        return clean(sb);
    }

    private static String clean(CharSequence s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX));
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > MAX) {
            out.setCharAt(MAX - 1, '…');
        }
        return out.toString();
    }
}
