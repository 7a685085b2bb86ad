package io.dscover.collect.cloud.findings;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An audit as Markdown (GitHub-flavoured tables): what {@code dscover audit} prints. */
public final class MarkdownAuditReport {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    private MarkdownAuditReport() {
    }

    public static String render(AuditReport r) {
        return new MarkdownAuditReport().write(r);
    }

    private String write(AuditReport r) {
        AuditFindings f = r.findings();
        AuditFindings.Visibility v = f.visibility();
        line("# Flow-log audit: " + r.provider());
        line("");
        line("Inputs: " + String.join(", ", r.inputs()) + " — generated " + r.generatedAt() + ".");
        line("");
        summary(f);
        visibility(v);
        exposure(f.exposure());
        rejected(f.rejected());
        egress(f.egress());
        alerts(r.ruleAlerts());
        return out.toString();
    }

    private void summary(AuditFindings f) {
        line("## Summary");
        line("");
        AuditFindings.Visibility v = f.visibility();
        long answering = f.exposure().services().stream().filter(AuditFindings.ExposedService::answered).count();
        bullet(String.format("%,d flow records from %,d files (%s), %s to %s.", v.flowEvents(), v.inputs(),
                String.join(", ", v.providers()), orDash(v.firstSeen()), orDash(v.lastSeen())));
        bullet(String.format("%d administrative/database services accepted connections from the internet%s.",
                f.exposure().services().size() + f.exposure().servicesNotListed(),
                answering > 0 ? " (" + answering + " answered)" : ""));
        bullet(String.format("%,d rejected flow records from %s%,d sources.", f.rejected().flows(),
                f.rejected().sources().atLeast() ? "at least " : "", f.rejected().sources().count()));
        bullet(String.format("%,d bytes in %,d flow records that internal hosts opened to public addresses.",
                f.egress().bytes(), f.egress().flows()));
        long gaps = v.gapsByReason().values().stream().mapToLong(Long::longValue).sum();
        if (gaps > 0 || v.rejectedRecords() > 0) {
            bullet(String.format("%,d visibility gaps (NODATA/SKIPDATA), %,d unreadable records.", gaps,
                    v.rejectedRecords()));
        }
        line("");
    }

    private void visibility(AuditFindings.Visibility v) {
        line("## Visibility");
        line("");
        table(List.of("", ""), List.of(
                List.of("time span", orDash(v.firstSeen()) + " to " + orDash(v.lastSeen())),
                List.of("inputs", String.format("%,d read, %,d not read", v.inputs(), v.inputsNotRead())),
                List.of("records", String.format("%,d read, %,d flow events, %,d rejected", v.records(),
                        v.flowEvents(), v.rejectedRecords())),
                List.of("accounts / projects / subscriptions", distinct(v.accounts())),
                List.of("regions", distinct(v.regions())),
                List.of("VPCs / VNets", distinct(v.vpcs())),
                List.of("subnets", distinct(v.subnets())),
                List.of("interfaces", distinct(v.interfaces())),
                List.of("aggregation interval", v.aggregationIntervals().isEmpty() ? "not stated (records do not say)"
                        : String.join(", ", v.aggregationIntervals())),
                List.of("sampling rate", v.samplingRates().isEmpty() ? "not stated" : String.join(", ", v.samplingRates()))),
                Function.identity());
        line("");
        if (!v.gapsByReason().isEmpty()) {
            line("Gaps in visibility: " + counts(v.gapsByReason()) + ". NODATA: no traffic on the interface in the"
                    + " interval; SKIPDATA: AWS dropped records (capacity or an internal error) — traffic in those"
                    + " windows is unseen.");
            line("");
            table(List.of("interface", "status", "records", "first", "last"), v.gapInterfaces(),
                    g -> List.of(g.interfaceId(), g.reason(), String.format("%,d", g.records()), orDash(g.firstSeen()),
                            orDash(g.lastSeen())));
            line("");
        }
        line("Fields the logs carry (share of sampled events):");
        line("");
        StringBuilder sb = new StringBuilder();
        for (AuditFindings.FieldPresence p : v.fields()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('`').append(p.field()).append('`');
            if (p.share() < 0.999) {
                sb.append(String.format(" (%.0f%%)", p.share() * 100));
            }
        }
        line(sb.length() == 0 ? "none (no flow events)" : sb.toString());
        line("");
        if (!v.keyFieldsMissing().isEmpty()) {
            line("Not carried, so rules that need them cannot run: "
                    + String.join(", ", v.keyFieldsMissing().stream().map(s -> "`" + s + "`").toList())
                    + ". For AWS, a custom format with versions 3–5 fields adds tcp-flags, flow-direction and"
                    + " instance/VPC/subnet ids.");
            line("");
        }
        if (!v.rejectedByReason().isEmpty() || !v.inputProblems().isEmpty()) {
            line("Input problems: " + counts(v.rejectedByReason()));
            line("");
            for (String p : v.inputProblems()) {
                line("    " + p);
            }
            line("");
        }
    }

    private void exposure(AuditFindings.Exposure x) {
        line("## Exposure: administrative and database ports reachable from the internet");
        line("");
        if (x.services().isEmpty()) {
            line("No accepted inbound connection from a public address to an administrative or database port.");
            line("");
            return;
        }
        line("Accepted inbound flows from public addresses. \"answered\": the service replied (a reply record,"
                + " reply counters, or SYN-ACK) — a reachable listener, not only an open security group.");
        line("");
        table(List.of("interface", "address", "service", "port", "answered", "flows", "sources", "bytes", "first",
                "last", "top sources"), x.services(), s -> List.of(orDash(s.interfaceId()), s.address(),
                s.service() + " (" + s.kind() + ")", s.transport() + "/" + s.port(), s.answered() ? "**yes**" : "no",
                String.format("%,d", s.flows()), s.sources() + (s.sourcesAtLeast() ? "+" : ""),
                String.format("%,d", s.bytes()), orDash(s.firstSeen()), orDash(s.lastSeen()),
                String.join(", ", s.topSources())));
        if (x.servicesNotListed() > 0) {
            line("");
            line(String.format("…and %,d more services not listed.", x.servicesNotListed()));
        }
        line("");
    }

    private void rejected(AuditFindings.RejectedTraffic r) {
        line("## Rejected traffic");
        line("");
        if (r.flows() == 0) {
            line("No rejected flows (the logs may record accepted traffic only).");
            line("");
            return;
        }
        line(String.format("%,d rejected flow records from %s%,d sources. Top sources and how they probed:",
                r.flows(), r.sources().atLeast() ? "at least " : "", r.sources().count()));
        line("");
        table(List.of("source", "country", "flows", "ports", "hosts", "shape", "top ports", "first", "last"), r.top(),
                s -> List.of(s.address(), orDash(s.country()), String.format("%,d", s.flows()),
                        s.ports() + (s.portsAtLeast() ? "+" : ""), s.hosts() + (s.hostsAtLeast() ? "+" : ""),
                        s.shape(), String.join(", ", s.topPorts()), orDash(s.firstSeen()), orDash(s.lastSeen())));
        if (r.countErrorBound() > 0) {
            line("");
            line("Counts may be low by up to " + r.countErrorBound() + " (bounded-memory counting).");
        }
        line("");
    }

    private void egress(AuditFindings.Egress e) {
        line("## Egress to public addresses");
        line("");
        if (e.flows() == 0) {
            line("No flows opened by internal hosts to public addresses.");
            line("");
            return;
        }
        line("Top talkers (bytes sent by the internal host, connections it opened):");
        line("");
        table(List.of("source", "destination", "country", "bytes", "flows", "ports", "first", "last"), e.topTalkers(),
                t -> List.of(t.source(), t.destination(), orDash(t.destinationCountry()), String.format("%,d", t.bytes()),
                        String.format("%,d", t.flows()), String.join(", ", t.ports()), orDash(t.firstSeen()),
                        orDash(t.lastSeen())));
        if (e.talkerErrorBound() > 0) {
            line("");
            line("Byte counts may be low by up to " + e.talkerErrorBound() + " (bounded-memory counting).");
        }
        line("");
        if (!e.unusualPorts().isEmpty()) {
            line("Unusual destination ports (not web, DNS, NTP, mail or QUIC):");
            line("");
            table(List.of("port", "flows", "bytes", "internal sources", "destinations", "example"), e.unusualPorts(),
                    p -> List.of(p.transport() + "/" + p.port(), String.format("%,d", p.flows()),
                            String.format("%,d", p.bytes()), String.valueOf(p.sources()),
                            String.valueOf(p.destinations()), p.example()));
            line("");
        }
        line("Long-lived flows with a public end (at least " + e.longFlowThreshold() + " from first to last record):");
        line("");
        if (e.longFlows().isEmpty()) {
            line("none.");
        } else {
            table(List.of("source", "destination", "transport", "duration", "bytes", "first", "last"), e.longFlows(),
                    l -> List.of(l.source() + ":" + l.sourcePort(), l.destination() + ":" + l.destinationPort(),
                            orDash(l.transport()), l.duration(), String.format("%,d", l.bytes()), orDash(l.firstSeen()),
                            orDash(l.lastSeen())));
        }
        line("");
    }

    private void alerts(RuleAlerts a) {
        line("## Rule alerts by technique");
        line("");
        line(a.note());
        line("");
        if (!a.byTechnique().isEmpty()) {
            table(List.of("technique", "name", "alerts", "rules", "examples"), a.byTechnique(),
                    t -> List.of(t.techniqueId(), t.techniqueName(), String.format("%,d", t.alerts()),
                            String.join(", ", t.rules()), String.join("; ", t.examples())));
            line("");
        }
    }

    private <T> void table(List<String> header, List<T> rows, Function<T, List<String>> cells) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (T row : rows) {
            List<String> c = cells.apply(row);
            line("| " + String.join(" | ", c.stream().map(MarkdownAuditReport::cell).toList()) + " |");
        }
    }

    private static String cell(Object o) {
        String s = o == null ? "-" : o.toString();
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String distinct(AuditFindings.Distinct d) {
        if (d.count() == 0) {
            return "none in the records";
        }
        String sample = String.join(", ", d.sample());
        return (d.atLeast() ? "at least " : "") + d.count() + (d.count() <= d.sample().size() ? ": " + sample
                : " (e.g. " + sample + ")");
    }

    private static String counts(Map<String, Long> m) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(m).forEach((k, n) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format("%,d %s", n, k)));
        return sb.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private void bullet(String s) {
        line("- " + s);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
