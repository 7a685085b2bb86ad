package io.dscover.coverage.analysis;

import io.dscover.coverage.report.StrategyView;
import io.dscover.coverage.telemetry.SourceParts;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.coverage.telemetry.TelemetrySource;
import io.dscover.model.attack.DetectionStrategy;
import io.dscover.model.event.DataComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of an ATT&amp;CK v18+ analytic's log sources a telemetry profile delivers. ATT&amp;CK names log
 * sources by platform ({@code NSM:Flow}, {@code AWS:VPCFlowLogs}, {@code WinEventLog:Sysmon} with
 * channel {@code EventCode=3}); this maps the names dscover's collectors read to those collectors (the
 * table is in docs/coverage.md). A log source is delivered when a source of the profile is one of its
 * collectors and supplies the log source's DS0029 component; a channel that names Zeek logs
 * ({@code conn.log + ssl.log}) further needs the event types of every log it names (of any, when they
 * are joined by "or"), and a Windows channel's event codes must include one dscover reads (Sysmon 3,
 * Security 5156/5157). The channels are free text; reading them this way errs on the side of "not
 * collected".
 */
final class AnalyticLogSources {

    private static final List<String> NSM = List.of("pcap", "zeek");

    private AnalyticLogSources() {
    }

    static List<StrategyView> view(List<DetectionStrategy> strategies, TelemetryProfile profile) {
        List<StrategyView> out = new ArrayList<>();
        Set<DataComponent> supplied = profile.components();
        for (DetectionStrategy s : strategies) {
            List<StrategyView.AnalyticView> analytics = new ArrayList<>();
            for (DetectionStrategy.Analytic a : s.analytics()) {
                List<StrategyView.LogSourceView> sources = new ArrayList<>();
                int collected = 0;
                boolean componentSupplied = false;
                for (DetectionStrategy.LogSource ls : a.logSources()) {
                    List<String> by = collectedBy(ls, profile);
                    boolean comp = ls.component() != null && supplied.contains(ls.component());
                    componentSupplied |= comp;
                    if (!by.isEmpty()) {
                        collected++;
                    }
                    sources.add(new StrategyView.LogSourceView(ls.dataComponentName() == null ? "" : ls.dataComponentName(),
                            ls.component() != null, nullToEmpty(ls.name()), nullToEmpty(ls.channel()), by, comp));
                }
                StrategyView.Supply supply = collected > 0 && collected == a.logSources().size() ? StrategyView.Supply.COLLECTED
                        : collected > 0 ? StrategyView.Supply.PARTLY
                        : componentSupplied ? StrategyView.Supply.COMPONENT : StrategyView.Supply.NONE;
                analytics.add(new StrategyView.AnalyticView(a.id(), a.platforms(), sources, supply));
            }
            out.add(new StrategyView(s.id(), s.name(), analytics));
        }
        return out;
    }

    /** The profile's sources (by label) that deliver a log source; empty when none does. */
    static List<String> collectedBy(DetectionStrategy.LogSource ls, TelemetryProfile profile) {
        if (ls.component() == null || ls.name() == null) {
            return List.of();
        }
        String name = ls.name().trim().toLowerCase(Locale.ROOT);
        String channel = nullToEmpty(ls.channel()).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (TelemetrySource s : profile.sources()) {
            if (delivers(name, channel, ls.component(), s)) {
                out.add(s.label());
            }
        }
        return out;
    }

    private static boolean delivers(String name, String channel, DataComponent component, TelemetrySource s) {
        List<String> collectors = collectorsFor(name);
        if (!collectors.contains(s.collector()) || !s.components().contains(component)) {
            return false;
        }
        if (NSM.contains(s.collector())) {
            List<Set<String>> logs = zeekLogs(channel);
            if (logs.isEmpty()) {
                return true;
            }
            // "conn.log + ssl.log", "http.log, conn.log": every log named; "conn.log or flow data": any
            boolean any = channel.contains(" or ");
            int delivered = 0;
            for (Set<String> types : logs) {
                if (types.stream().anyMatch(t -> s.components(t).contains(component))) {
                    delivered++;
                }
            }
            return any ? delivered > 0 : delivered == logs.size();
        }
        if (s.collector().equals("windows")) {
            List<Long> codes = numbers(channel);
            if (name.equals("wineventlog:sysmon")) {
                return (codes.isEmpty() || codes.contains(3L)) && chosen(s, "sysmon-3");
            }
            return (codes.isEmpty() || codes.contains(5156L) || codes.contains(5157L))
                    && (chosen(s, "security-5156") || chosen(s, "security-5157"));
        }
        return true;
    }

    /** The collectors that read a log source of this (lower-cased) name. */
    static List<String> collectorsFor(String name) {
        return switch (name) {
            case "nsm:flow", "nsm:connections", "nsm:content", "network traffic" -> NSM;
            case "aws:vpcflowlogs", "vpcflowlogs:all" -> List.of("aws-vpc");
            case "gcp:vpcflow" -> List.of("gcp-vpc");
            case "azure:vpcflow" -> List.of("azure");
            case "wineventlog:sysmon", "wineventlog:security" -> List.of("windows");
            default -> List.of();
        };
    }

    private static boolean chosen(TelemetrySource s, String part) {
        return s.parts().isEmpty() || s.parts().contains(part);
    }

    /** Per Zeek log a channel names ({@code "http.log, conn.log"}), the event types it yields; empty when it names none. */
    static List<Set<String>> zeekLogs(String channel) {
        List<Set<String>> out = new ArrayList<>();
        SourceParts zeek = SourceParts.of("zeek").orElseThrow();
        for (String token : channel.split("[^a-z0-9_.]+")) {
            if (token.endsWith(".log") && token.length() > 4) {
                zeek.eventTypes(token.substring(0, token.length() - 4)).ifPresent(t -> out.add(new LinkedHashSet<>(t)));
            }
        }
        return out;
    }

    private static List<Long> numbers(String text) {
        List<Long> out = new ArrayList<>();
        long n = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                n = (n < 0 ? 0 : n) * 10 + (c - '0');
                if (n > 1_000_000) {
                    n = 1_000_000;
                }
            } else if (n >= 0) {
                out.add(n);
                n = -1;
            }
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** For tests: every name the table knows. */
    static Map<String, List<String>> table() {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (String n : List.of("nsm:flow", "nsm:connections", "nsm:content", "network traffic", "aws:vpcflowlogs",
                "vpcflowlogs:all", "gcp:vpcflow", "azure:vpcflow", "wineventlog:sysmon", "wineventlog:security")) {
            m.put(n, collectorsFor(n));
        }
        return m;
    }
}
