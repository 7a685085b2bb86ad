package io.dscover.rules.alert;

import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alerts as a plain-text table for people: time, severity, rule, what it is about (the group key,
 * or the 5-tuple for per-event rules), the value, the title. Columns are sized to their content and
 * capped so one long domain name cannot push the table off the screen.
 */
public final class AlertTable {

    static final int MAX_COLUMN = 60;
    private static final String[] HEADER = {"TIME", "SEVERITY", "RULE", "ON", "VALUE", "TITLE"};

    private AlertTable() {
    }

    public static String render(List<Alert> alerts) {
        StringBuilder sb = new StringBuilder();
        render(alerts, sb);
        return sb.toString();
    }

    public static void render(List<Alert> alerts, Appendable out) {
        List<String[]> rows = new ArrayList<>(alerts.size() + 1);
        rows.add(HEADER);
        for (Alert a : alerts) {
            rows.add(new String[] {
                Timestamps.format(a.tsNanos(), Math.min(a.tsPrecision(), 3)),
                a.rule().severity().label(),
                a.rule().id(),
                on(a),
                value(a),
                a.rule().title()});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = cap(row[i]);
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        try {
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(row[i]);
                    if (i < row.length - 1) {
                        line.append(" ".repeat(width[i] - row[i].length() + 2));
                    }
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            out.append(alerts.size() == 1 ? "1 alert\n" : alerts.size() + " alerts\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String on(Alert a) {
        if (!a.group().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Object> e : a.group().entrySet()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            return sb.toString();
        }
        FlowTuple t = a.tuple();
        if (t == null || t.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        endpoint(sb, t.sourceIp(), t.sourcePort());
        sb.append(" -> ");
        endpoint(sb, t.destinationIp(), t.destinationPort());
        if (t.transport() != null) {
            sb.append('/').append(t.transport());
        }
        return sb.toString();
    }

    private static void endpoint(StringBuilder sb, String ip, Long port) {
        boolean v6 = ip != null && ip.indexOf(':') >= 0;
        if (v6 && port != null) {
            sb.append('[').append(ip).append(']');
        } else {
            sb.append(ip == null ? "?" : ip);
        }
        if (port != null) {
            sb.append(':').append(port);
        }
    }

    private static String value(Alert a) {
        if (a.value() == null) {
            return a.kind() == AlertKind.SEQUENCE ? "sequence" : "";
        }
        String name = a.measure() == null ? "value" : a.measure();
        int eq = name.indexOf(" = ");
        if (eq > 0) {
            name = name.substring(0, eq);
        }
        Number v = a.value();
        String text = v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString();
        return name + "=" + text;
    }

    /** Control characters (attacker-controlled names can hold terminal escapes) print as '?'. */
    private static String cap(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_COLUMN));
        for (int i = 0; i < s.length() && sb.length() < MAX_COLUMN; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > MAX_COLUMN) {
            sb.setLength(MAX_COLUMN - 1);
            sb.append('…');
        }
        return sb.toString();
    }
}
