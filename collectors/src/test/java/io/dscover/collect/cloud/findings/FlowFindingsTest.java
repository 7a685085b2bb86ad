package io.dscover.collect.cloud.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.cloud.CollectedInput;
import io.dscover.collect.cloud.aws.AwsVpcFlowCollector;
import io.dscover.model.event.FlowEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit findings of a small AWS export written to show each finding once: an SSH server the
 * internet reaches, an open Redis port nobody answers on, three kinds of scanners, a bulk upload,
 * a long-lived connection to an unusual port, and NODATA/SKIPDATA gaps.
 */
class FlowFindingsTest {

    private static final String HEADER = "version account-id vpc-id subnet-id interface-id instance-id srcaddr dstaddr"
            + " srcport dstport protocol packets bytes start end action tcp-flags flow-direction log-status";
    private static final long T0 = 1_717_200_000L;

    @TempDir
    static Path dir;
    static AuditFindings findings;

    @BeforeAll
    static void audit() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        // three internet clients reach SSH on web-1; the server answers each (SYN-ACK)
        for (int i = 1; i <= 3; i++) {
            lines.add(rec("eni-web1", "198.51.100." + i, "10.0.1.10", 40000 + i, 22, 6, 12, 2000, 60 * i, "ACCEPT", 2, "ingress"));
            lines.add(rec("eni-web1", "10.0.1.10", "198.51.100." + i, 22, 40000 + i, 6, 10, 3000, 60 * i, "ACCEPT", 18, "egress"));
        }
        // Redis on cache-1 accepted from the internet but never answers; HTTPS on web-1 is not sensitive
        lines.add(rec("eni-cache1", "192.0.2.99", "10.0.1.11", 50000, 6379, 6, 1, 60, 30, "ACCEPT", 2, "ingress"));
        lines.add(rec("eni-web1", "192.0.2.98", "10.0.1.10", 50001, 443, 6, 8, 900, 30, "ACCEPT", 2, "ingress"));
        // a vertical scan: 60 ports on one host
        for (int p = 1; p <= 60; p++) {
            lines.add(rec("eni-web1", "203.0.113.66", "10.0.1.10", 60000, p, 6, 1, 40, 5, "REJECT", 2, "ingress"));
        }
        // a horizontal sweep: telnet on 25 hosts
        for (int h = 1; h <= 25; h++) {
            lines.add(rec("eni-web1", "203.0.113.7", "10.0.2." + h, 61000, 23, 6, 1, 40, 5, "REJECT", 2, "ingress"));
        }
        // repeated RDP attempts against one host
        for (int n = 0; n < 30; n++) {
            lines.add(rec("eni-web1", "192.0.2.5", "10.0.1.10", 62000 + n, 3389, 6, 2, 80, 5 + n, "REJECT", 2, "ingress"));
        }
        // a bulk upload and the backup server's answers, which are not egress the host opened
        lines.add(rec("eni-db1", "10.0.1.20", "203.0.113.200", 45000, 443, 6, 400000, 5_000_000_000L, 100, "ACCEPT", 3, "egress"));
        lines.add(rec("eni-db1", "203.0.113.200", "10.0.1.20", 443, 45000, 6, 200000, 9_000_000L, 100, "ACCEPT", 19, "ingress"));
        // a connection to port 4444 that lasts two hours (one record per 10 minutes)
        for (int k = 0; k < 13; k++) {
            lines.add(rec("eni-app1", "10.0.1.21", "198.51.100.9", 51000, 4444, 6, 5, 700, 600 * k, "ACCEPT", k == 0 ? 2 : 0, "egress"));
        }
        lines.add("5 111122223333 vpc-1 subnet-1 eni-app1 i-app1 - - - - - - - " + (T0 + 9000) + " " + (T0 + 9600) + " - - - NODATA");
        lines.add("5 111122223333 vpc-1 subnet-1 eni-db1 i-db1 - - - - - - - " + (T0 + 9000) + " " + (T0 + 9600) + " - - - SKIPDATA");
        Path log = dir.resolve("AWSLogs/111122223333/vpcflowlogs/eu-west-1/2024/06/01/flows.log");
        Files.createDirectories(log.getParent());
        Files.write(log, lines);

        CollectedInput in = CollectedInput.read(new AwsVpcFlowCollector(), log);
        assertThat(in.ledger().rejected()).isZero();
        FlowFindings f = new FlowFindings();
        in.events().forEach(f::add);
        f.addLedger(in.ledger());
        findings = f.result();
    }

    private static String rec(String eni, String src, String dst, long sport, long dport, int proto, long packets,
            long bytes, long offset, String action, int flags, String direction) {
        long start = T0 + offset;
        return String.join(" ", "5", "111122223333", "vpc-1", "subnet-1", eni, "i-" + eni.substring(4), src, dst,
                String.valueOf(sport), String.valueOf(dport), String.valueOf(proto), String.valueOf(packets),
                String.valueOf(bytes), String.valueOf(start), String.valueOf(start + 60), action, String.valueOf(flags),
                direction, "OK");
    }

    @Test
    void visibilityCoversTimeIdsGapsAndFields() {
        AuditFindings.Visibility v = findings.visibility();
        assertThat(v.providers()).contains("aws-vpc");
        assertThat(v.firstSeen()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(v.interfaces().sample()).contains("eni-web1", "eni-cache1", "eni-db1", "eni-app1");
        assertThat(v.accounts().sample()).containsExactly("111122223333");
        assertThat(v.gapsByReason()).containsEntry("NODATA", 1L).containsEntry("SKIPDATA", 1L);
        assertThat(v.gapInterfaces()).extracting(AuditFindings.GapInterface::interfaceId).contains("eni-db1");
        assertThat(v.fields()).extracting(AuditFindings.FieldPresence::field).contains("tcp.flags",
                "network.direction", "cloud.instance.id");
        // bytes in the other direction are not in AWS records
        assertThat(v.keyFieldsMissing()).contains("destination.bytes").doesNotContain("tcp.flags");
        assertThat(v.aggregationIntervals()).containsExactly("10m");
    }

    @Test
    void exposureListsSensitiveServicesReachedFromTheInternetAndWhetherTheyAnswered() {
        List<AuditFindings.ExposedService> s = findings.exposure().services();
        assertThat(s).extracting(AuditFindings.ExposedService::service).containsExactly("SSH", "Redis");
        AuditFindings.ExposedService ssh = s.get(0);
        assertThat(ssh.interfaceId()).isEqualTo("eni-web1");
        assertThat(ssh.address()).isEqualTo("10.0.1.10");
        assertThat(ssh.sources()).isEqualTo(3);
        assertThat(ssh.flows()).isEqualTo(3);
        assertThat(ssh.answered()).isTrue();
        assertThat(s.get(1).answered()).isFalse();
    }

    @Test
    void rejectedSourcesAreRankedAndTheirScanShapeNamed() {
        AuditFindings.RejectedTraffic r = findings.rejected();
        assertThat(r.flows()).isEqualTo(60 + 25 + 30);
        assertThat(r.sources().count()).isEqualTo(3);
        assertThat(r.top()).extracting(AuditFindings.RejectedSource::address)
                .containsExactly("203.0.113.66", "192.0.2.5", "203.0.113.7");
        assertThat(r.top().get(0).shape()).startsWith("vertical port scan (60 ports on 1 host)");
        assertThat(r.top().get(1).shape()).startsWith("repeated attempts (30 flows to 1 port)");
        assertThat(r.top().get(2).shape()).startsWith("horizontal sweep (25 hosts on 1 port)");
        assertThat(r.countErrorBound()).isZero();
    }

    @Test
    void egressRanksTalkersByBytesAndIgnoresServersAnswering() {
        AuditFindings.Egress e = findings.egress();
        assertThat(e.topTalkers().get(0).source()).isEqualTo("10.0.1.20");
        assertThat(e.topTalkers().get(0).bytes()).isEqualTo(5_000_000_000L);
        // the SSH server's answers to internet clients are not talkers
        assertThat(e.topTalkers()).noneMatch(t -> t.source().equals("10.0.1.10"));
        assertThat(e.unusualPorts()).extracting(AuditFindings.UnusualPort::port).containsExactly(4444L);
        assertThat(e.longFlows()).hasSize(1);
        assertThat(e.longFlows().get(0).destinationPort()).isEqualTo(4444L);
        assertThat(e.longFlows().get(0).duration()).isEqualTo("2h01m");
    }

    @Test
    void reportsRenderEverySectionAndEscapeLogContentInHtml() {
        RuleAlerts none = RuleAlerts.unavailable("rule alerts: engine not yet available");
        AuditReport report = new AuditReport("aws", List.of("flows/<script>"), "2024-06-02T00:00:00Z", findings, none);
        String md = MarkdownAuditReport.render(report);
        assertThat(md).contains("## Visibility", "## Exposure", "## Rejected traffic", "## Egress to public addresses",
                "## Rule alerts by technique", "| eni-web1 | 10.0.1.10 | SSH (administration) | tcp/22 | **yes** |",
                "vertical port scan", "rule alerts: engine not yet available");
        String html = HtmlAuditReport.render(report);
        assertThat(html).contains("<table>", "<th>interface</th>", "flows/&lt;script&gt;").doesNotContain("<script>");
        String json = JsonAuditReport.render(report);
        assertThat(json).contains("\"exposure\"", "\"services\"", "\"answered\" : true", "\"ruleAlerts\"");
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctScanners() {
        FlowFindings f = new FlowFindings(new FlowFindings.Limits(10, 100, 3_600_000_000_000L));
        for (int i = 0; i < 100_000; i++) {
            FlowEvent e = new FlowEvent();
            e.setSourceIp("198." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
            e.setDestinationIp("10.0.0." + (i % 200));
            e.setDestinationPort((long) (i % 5000));
            e.setNetworkTransport("tcp");
            e.setEventAction(i % 2 == 0 ? "reject" : "accept");
            e.setSourceBytes((long) i);
            e.setTs(i * 1_000_000_000L);
            f.add(e);
        }
        AuditFindings r = f.result();
        assertThat(r.rejected().sources().atLeast()).isTrue();
        assertThat(r.rejected().top()).hasSize(10);
        assertThat(r.exposure().services().size() + r.exposure().servicesNotListed()).isLessThanOrEqualTo(100);
        assertThat(r.visibility().flowEvents()).isEqualTo(100_000);
    }

    @Test
    void publicAddressesAreTellingApartFromInternalOnes() {
        assertThat(AddressScope.isPublic("8.8.8.8")).isTrue();
        assertThat(AddressScope.isPublic("203.0.113.5")).isTrue();
        assertThat(AddressScope.isPublic("10.1.2.3")).isFalse();
        assertThat(AddressScope.isPublic("172.31.0.1")).isFalse();
        assertThat(AddressScope.isPublic("172.32.0.1")).isTrue();
        assertThat(AddressScope.isPublic("100.64.1.1")).isFalse();
        assertThat(AddressScope.isPublic("169.254.169.254")).isFalse();
        assertThat(AddressScope.isPublic("2600:1f18::1")).isTrue();
        assertThat(AddressScope.isPublic("fd00::1")).isFalse();
        assertThat(AddressScope.isPublic("fe80::1")).isFalse();
        assertThat(AddressScope.isPublic("::ffff:10.0.0.1")).isFalse();
        assertThat(AddressScope.isPublic("not an address")).isFalse();
    }
}
