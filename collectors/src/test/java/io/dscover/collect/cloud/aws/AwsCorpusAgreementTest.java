package io.dscover.collect.cloud.aws;

import static io.dscover.collect.cloud.Agreement.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dscover.collect.InputLedger;
import io.dscover.collect.cloud.Agreement;
import io.dscover.collect.cloud.CollectedInput;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every AWS sample in the shared corpus: those with Elastic's expected output are compared field by
 * field; the AWS documentation samples must read without a single rejected record.
 */
class AwsCorpusAgreementTest {

    private static final Path CORPUS = Path.of("../shared/corpus/cloud/aws");
    private final AwsVpcFlowCollector aws = new AwsVpcFlowCollector();

    @Test
    void everyElasticExpectedDocumentAgreesFieldByField() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        Agreement agreement = new Agreement("aws-vpc vs Elastic");
        List<Path> expectedFiles;
        try (Stream<Path> s = Files.list(CORPUS)) {
            expectedFiles = s.filter(p -> p.toString().endsWith("-expected.json")).sorted().toList();
        }
        assertThat(expectedFiles).isNotEmpty();
        for (Path expectedFile : expectedFiles) {
            Path log = Path.of(expectedFile.toString().replace("-expected.json", ""));
            assertThat(CollectedInput.probe(aws, log)).as("probe %s", log).isGreaterThanOrEqualTo(90);
            CollectedInput in = CollectedInput.read(aws, log);
            assertThat(in.ledger().rejected()).as("rejects in %s", log).isZero();
            int event = 0;
            int gap = 0;
            for (JsonNode doc : Agreement.expectedDocuments(expectedFile)) {
                agreement.document();
                String where = log.getFileName() + " doc " + (event + gap + 1);
                String status = text(doc, "aws.vpcflow.log_status");
                if ("NODATA".equals(status) || "SKIPDATA".equals(status)) {
                    compareGap(agreement, where, doc, in.ledger().gaps().get(gap++));
                } else {
                    compareFlow(agreement, where, doc, in.event(event++));
                }
            }
            assertThat(event).as("events of %s", log).isEqualTo(in.events().size());
            assertThat(gap).as("gaps of %s", log).isEqualTo((int) in.ledger().gapCount());
        }
        System.out.println(agreement.summary());
        assertThat(agreement.mismatches()).isEmpty();
        assertThat(agreement.fields()).isGreaterThan(150);
    }

    @Test
    void everyAwsDocumentationSampleReadsWithoutRejects() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        List<Path> samples;
        try (Stream<Path> s = Files.list(CORPUS)) {
            samples = s.filter(p -> p.getFileName().toString().startsWith("awsdocs-")).sorted().toList();
        }
        long events = 0;
        for (Path p : samples) {
            CollectedInput in = CollectedInput.read(aws, p);
            assertThat(in.ledger().rejected()).as("rejects in %s: %s", p, in.ledger().examples()).isZero();
            assertThat(in.events().size() + in.ledger().gapCount()).as("records of %s", p)
                    .isEqualTo(in.ledger().recordsRead());
            events += in.events().size();
        }
        System.out.printf("aws documentation samples: %d files, %d flow events, all records read%n", samples.size(),
                events);
        assertThat(events).isEqualTo(7 - 2 + 8 + 6 + 4 + 2);
    }

    private static void compareFlow(Agreement a, String where, JsonNode doc, FlowEvent e) {
        a.check(where, "source.ip", text(doc, "source.ip"), e.getSourceIp());
        a.check(where, "source.port", text(doc, "source.port"), e.getSourcePort());
        a.check(where, "destination.ip", text(doc, "destination.ip"), e.getDestinationIp());
        a.check(where, "destination.port", text(doc, "destination.port"), e.getDestinationPort());
        a.check(where, "source.bytes", text(doc, "source.bytes"), e.getSourceBytes());
        a.check(where, "source.packets", text(doc, "source.packets"), e.getSourcePackets());
        a.check(where, "network.bytes", text(doc, "network.bytes"), e.getNetworkBytes());
        a.check(where, "network.packets", text(doc, "network.packets"), e.getNetworkPackets());
        a.check(where, "network.iana_number", text(doc, "network.iana_number"),
                IpProtocols.number(e.getNetworkTransport()));
        a.check(where, "network.transport", text(doc, "network.transport"), e.getNetworkTransport());
        a.check(where, "network.type", text(doc, "network.type"), e.getNetworkType());
        a.check(where, "network.community_id", text(doc, "network.community_id"), e.getNetworkCommunityId());
        a.check(where, "network.direction", text(doc, "network.direction"), e.getNetworkDirection());
        a.check(where, "event.start", text(doc, "event.start"), Timestamps.format(e.getTs(), 3));
        a.check(where, "event.end", text(doc, "event.end"), Timestamps.format(e.getTs() + e.getEventDuration(), 3));
        a.check(where, "event.outcome", outcome(text(doc, "event.outcome")), e.getEventAction());
        a.check(where, "aws.vpcflow.action", text(doc, "aws.vpcflow.action"),
                e.getEventAction() == null ? null : e.getEventAction().toUpperCase(Locale.ROOT));
        a.check(where, "cloud.account.id", text(doc, "cloud.account.id"), e.getCloudAccountId());
        a.check(where, "cloud.instance.id", text(doc, "cloud.instance.id"), e.getCloudInstanceId());
        a.check(where, "cloud.region", text(doc, "cloud.region"), e.getCloudRegion());
        a.check(where, "cloud.availability_zone", text(doc, "cloud.availability_zone"), e.getCloudAvailabilityZone());
        a.check(where, "aws.vpcflow.interface_id", text(doc, "aws.vpcflow.interface_id"), e.getCloudInterfaceId());
        a.check(where, "aws.vpcflow.vpc_id", text(doc, "aws.vpcflow.vpc_id"), e.getCloudVpcId());
        a.check(where, "aws.vpcflow.subnet_id", text(doc, "aws.vpcflow.subnet_id"), e.getCloudSubnetId());
        a.check(where, "aws.vpcflow.type", lower(text(doc, "aws.vpcflow.type")), e.getNetworkType());
        a.check(where, "aws.vpcflow.tcp_flags", text(doc, "aws.vpcflow.tcp_flags"), flagValue(e.getTcpFlags()));
        JsonNode flagArray = doc.path("aws").path("vpcflow").path("tcp_flags_array");
        if (flagArray.isArray()) {
            List<String> names = new ArrayList<>();
            flagArray.forEach(n -> names.add(n.asText().toUpperCase(Locale.ROOT)));
            a.check(where, "aws.vpcflow.tcp_flags_array", names, e.getTcpFlags());
        }
        a.check(where, "aws.vpcflow.pkt_srcaddr", text(doc, "aws.vpcflow.pkt_srcaddr"),
                e.getSourceNatIp() != null ? e.getSourceNatIp() : e.getSourceIp());
        a.check(where, "aws.vpcflow.pkt_dstaddr", text(doc, "aws.vpcflow.pkt_dstaddr"),
                e.getDestinationNatIp() != null ? e.getDestinationNatIp() : e.getDestinationIp());
        a.check(where, "aws.vpcflow.traffic_path", text(doc, "aws.vpcflow.traffic_path"), e.getFlowTrafficPath());
        a.check(where, "aws.vpcflow.pkt_src_service", text(doc, "aws.vpcflow.pkt_src_service"),
                e.extra().get("aws.vpcflow.pkt_src_aws_service"));
        a.check(where, "aws.vpcflow.pkt_dst_service", text(doc, "aws.vpcflow.pkt_dst_service"),
                e.extra().get("aws.vpcflow.pkt_dst_aws_service"));
        a.check(where, "cloud.provider", text(doc, "cloud.provider"), e.getCloudProvider());
    }

    private static void compareGap(Agreement a, String where, JsonNode doc, InputLedger.Gap g) {
        a.check(where, "aws.vpcflow.log_status", text(doc, "aws.vpcflow.log_status"), g.reason());
        a.check(where, "event.start", text(doc, "event.start"), Timestamps.format(g.startNanos(), 3));
        a.check(where, "event.end", text(doc, "event.end"), Timestamps.format(g.endNanos(), 3));
        a.check(where, "aws.vpcflow.interface_id", text(doc, "aws.vpcflow.interface_id"), g.where());
    }

    private static String outcome(String elastic) {
        if (elastic == null) {
            return null;
        }
        return switch (elastic) {
            case "allow", "success" -> "accept";
            case "deny", "failure" -> "reject";
            default -> elastic;
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Integer flagValue(List<String> names) {
        if (names == null) {
            return null;
        }
        List<String> bits = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR");
        int v = 0;
        for (String n : names) {
            v |= 1 << bits.indexOf(n);
        }
        return v;
    }
}
