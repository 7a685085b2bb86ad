package io.dscover.coverage.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a collector's input a telemetry profile can choose: Zeek's logs ({@code logs: [conn,
 * dns]}) and the Windows events ({@code events: [sysmon-3]}), each with the event types it yields. The
 * tables mirror what the collectors do (docs/zeek.md, docs/collectors/windows.md); docs/coverage.md
 * prints them.
 *
 * @param key        the profile key: {@code logs} or {@code events}
 * @param parts      part name to the event types it yields, in documentation order
 * @param otherParts the event types of a part name not in {@code parts} (Zeek: any other log becomes
 *                   {@code log} events); empty when an unknown name is an error
 */
public record SourceParts(String key, Map<String, Set<String>> parts, Set<String> otherParts) {

    public SourceParts {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        otherParts = Set.copyOf(otherParts);
    }

    /** Zeek: a {@code conn} log is both Network Connection Creation ({@code connection}) and flow evidence. */
    static final SourceParts ZEEK_LOGS = new SourceParts("logs", zeekLogs(), Set.of("log"));

    /** Windows: Sysmon event 3 and the Security log's Filtering Platform events 5156 (allowed) and 5157 (blocked). */
    static final SourceParts WINDOWS_EVENTS = new SourceParts("events", windowsEvents(), Set.of());

    private static Map<String, Set<String>> zeekLogs() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("conn", Set.of("connection", "flow"));
        m.put("dns", Set.of("dns"));
        m.put("http", Set.of("http"));
        m.put("ssl", Set.of("tls"));
        m.put("ssh", Set.of("ssh"));
        for (String smb : List.of("smb_files", "smb_mapping", "smb_cmd")) {
            m.put(smb, Set.of("smb"));
        }
        for (String same : List.of("dce_rpc", "rdp", "ftp", "smtp", "snmp", "tftp", "ntlm", "kerberos", "notice", "weird")) {
            m.put(same, Set.of(same));
        }
        m.put("notice_alarm", Set.of("notice"));
        return m;
    }

    private static Map<String, Set<String>> windowsEvents() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("sysmon-3", Set.of("connection"));
        m.put("security-5156", Set.of("connection"));
        m.put("security-5157", Set.of("connection"));
        return m;
    }

    /** The choosable parts of a collector's input, by collector name; empty when its input has none. */
    public static Optional<SourceParts> of(String collector) {
        return switch (collector) {
            case "zeek" -> Optional.of(ZEEK_LOGS);
            case "windows" -> Optional.of(WINDOWS_EVENTS);
            default -> Optional.empty();
        };
    }

    /** The event types a part yields; empty when the name is unknown and unknown names are not allowed. */
    public Optional<Set<String>> eventTypes(String part) {
        Set<String> known = parts.get(part);
        if (known != null) {
            return Optional.of(known);
        }
        return otherParts.isEmpty() ? Optional.empty() : Optional.of(otherParts);
    }
}
