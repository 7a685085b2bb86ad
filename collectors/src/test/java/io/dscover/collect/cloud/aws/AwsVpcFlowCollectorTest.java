package io.dscover.collect.cloud.aws;

import static io.dscover.collect.cloud.CollectedInput.read;
import static io.dscover.collect.cloud.CollectedInput.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.collect.InputLedger;
import io.dscover.collect.cloud.CollectedInput;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsVpcFlowCollectorTest {

    private final AwsVpcFlowCollector aws = new AwsVpcFlowCollector();

    @Test
    void defaultFormatRecordsBecomeFlowEventsWithEveryV2Field() {
        CollectedInput in = read(aws, resource("aws/default-v2.log"));
        FlowEvent ssh = in.event(0);
        assertThat(ssh.getSourceIp()).isEqualTo("198.51.100.77");
        assertThat(ssh.getSourcePort()).isEqualTo(51514L);
        assertThat(ssh.getDestinationIp()).isEqualTo("10.0.1.25");
        assertThat(ssh.getDestinationPort()).isEqualTo(22L);
        assertThat(ssh.getNetworkTransport()).isEqualTo("tcp");
        assertThat(ssh.getSourcePackets()).isEqualTo(12L);
        assertThat(ssh.getSourceBytes()).isEqualTo(2148L);
        assertThat(ssh.getNetworkBytes()).isEqualTo(2148L);
        assertThat(Timestamps.format(ssh.getTs(), 0)).isEqualTo("2024-06-01T08:00:00Z");
        assertThat(ssh.getEventDuration()).isEqualTo(60_000_000_000L);
        assertThat(ssh.getEventAction()).isEqualTo("accept");
        assertThat(ssh.getCloudProvider()).isEqualTo("aws");
        assertThat(ssh.getCloudAccountId()).isEqualTo("111122223333");
        assertThat(ssh.getCloudInterfaceId()).isEqualTo("eni-0a1b2c3d4e5f60718");
        assertThat(ssh.getEventProvider()).isEqualTo("aws-vpc");
        assertThat(ssh.getNetworkType()).isEqualTo("ipv4");
        assertThat(ssh.getNetworkCommunityId()).startsWith("1:");
        assertThat(ssh.getFlowAggregationInterval()).isEqualTo(600_000_000_000L);
        assertThat(ssh.getFlowSamplingRate()).isEqualTo(1.0);
        assertThat(ssh.getLogRecord()).isEqualTo(1L);
        assertThat(ssh.getLogOffset()).isEqualTo(0L);
        assertThat(ssh.getLogFilePath()).endsWith("default-v2.log");
        // v2 carries no direction: it is left unset rather than guessed
        assertThat(ssh.getNetworkDirection()).isNull();

        FlowEvent reply = in.event(1);
        assertThat(reply.getLogRecord()).isEqualTo(2L);
        assertThat(reply.getLogOffset()).isGreaterThan(0L);
        // both directions of one connection share the community id
        assertThat(reply.getNetworkCommunityId()).isEqualTo(ssh.getNetworkCommunityId());
        assertThat(in.event(2).getEventAction()).isEqualTo("reject");
    }

    @Test
    void nodataAndSkipdataAreGapsInVisibilityNotFlows() {
        CollectedInput in = read(aws, resource("aws/default-v2.log"));
        InputLedger l = in.ledger();
        assertThat(l.gapCount()).isEqualTo(2);
        assertThat(l.gaps()).extracting(InputLedger.Gap::reason).containsExactly("NODATA", "SKIPDATA");
        InputLedger.Gap skip = l.gaps().get(1);
        assertThat(skip.where()).isEqualTo("eni-0f9e8d7c6b5a49382");
        assertThat(Timestamps.format(skip.startNanos(), 0)).isEqualTo("2024-06-01T08:01:00Z");
        assertThat(Timestamps.format(skip.endNanos(), 0)).isEqualTo("2024-06-01T08:02:00Z");
        assertThat(in.events()).noneMatch(e -> e.getSourceIp() == null);
        assertThat(l.skippedByReason()).hasSize(2);
    }

    @Test
    void icmpAndIpv6RecordsAreReadAndAddressesCanonicalised() {
        CollectedInput in = read(aws, resource("aws/default-v2.log"));
        FlowEvent icmp = in.event(3);
        assertThat(icmp.getNetworkTransport()).isEqualTo("icmp");
        assertThat(icmp.getSourcePort()).isZero();
        FlowEvent v6 = in.event(4);
        assertThat(v6.getNetworkType()).isEqualTo("ipv6");
        assertThat(v6.getSourceIp()).isEqualTo("2001:db8:0:1::25");
        assertThat(v6.getDestinationIp()).isEqualTo("2001:db8:0:2::9");
    }

    @Test
    void malformedRecordsAreRejectedWithLineAndReasonAndCostNothingElse() {
        CollectedInput in = read(aws, resource("aws/default-v2.log"));
        InputLedger l = in.ledger();
        assertThat(l.recordsRead()).isEqualTo(12);
        assertThat(in.events()).hasSize(6);
        assertThat(l.rejectedByReason()).containsOnly(
                Map.entry("invalid address", 1L), Map.entry("invalid action", 1L),
                Map.entry("unknown field order", 1L), Map.entry("invalid port", 1L));
        assertThat(l.examples()).anySatisfy(p -> assertThat(p.render())
                .endsWith("default-v2.log:line 8: invalid address: dstaddr '10.0.1.300'"));
        // the last line, after four bad ones, is still read
        assertThat(in.events().get(5).getDestinationPort()).isEqualTo(5432L);
    }

    @Test
    void headerLinesSetTheFieldOrderAndMayChangeItMidFile() {
        CollectedInput in = read(aws, resource("aws/custom-v5-header.log"));
        assertThat(in.events()).hasSize(5);
        FlowEvent in1 = in.event(0);
        assertThat(in1.getCloudVpcId()).isEqualTo("vpc-0123456789abcdef0");
        assertThat(in1.getCloudSubnetId()).isEqualTo("subnet-0aaaabbbbccccdddd");
        assertThat(in1.getCloudInstanceId()).isEqualTo("i-0fedcba9876543210");
        assertThat(in1.getCloudRegion()).isEqualTo("eu-west-1");
        assertThat(in1.getCloudAvailabilityZone()).isEqualTo("euw1-az2");
        assertThat(in1.getNetworkDirection()).isEqualTo("ingress");
        assertThat(in1.getTcpFlags()).containsExactly("SYN");
        assertThat(in1.getFlowTrafficPath()).isNull();
        // pkt addresses equal to the record's: no NAT to report
        assertThat(in1.getSourceNatIp()).isNull();

        FlowEvent out = in.event(1);
        assertThat(out.getNetworkDirection()).isEqualTo("egress");
        assertThat(out.getTcpFlags()).containsExactly("SYN", "ACK");
        assertThat(out.getFlowTrafficPath()).isEqualTo(8L);

        FlowEvent s3 = in.event(2);
        assertThat(s3.getTcpFlags()).containsExactly("FIN", "SYN", "ACK");
        assertThat(s3.extra()).containsEntry("aws.vpcflow.pkt_dst_aws_service", "S3");

        FlowEvent nat = in.event(3);
        assertThat(nat.getCloudInstanceId()).isNull();
        assertThat(nat.getSourceIp()).isEqualTo("10.1.9.9");
        assertThat(nat.getSourceNatIp()).isEqualTo("10.7.7.7");
        assertThat(nat.getDestinationNatIp()).isNull();

        // the second header switches to a v3 subset without account, bytes or packets
        FlowEvent mysql = in.event(4);
        assertThat(mysql.getDestinationPort()).isEqualTo(3306L);
        assertThat(mysql.getEventAction()).isEqualTo("reject");
        assertThat(mysql.getSourceBytes()).isNull();
        assertThat(mysql.getCloudAccountId()).isNull();
        assertThat(in.ledger().gapCount()).isEqualTo(1);
        assertThat(in.ledger().rejected()).isZero();
    }

    @Test
    void headerlessRecordsWithAConfiguredFormatUseIt(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("nat.log");
        Files.writeString(f, "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5\n");
        CollectedInput in = read(aws, f, Map.of(AwsVpcFlowCollector.FORMAT_OPTION,
                "${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}"));
        assertThat(in.events()).hasSize(1);
        assertThat(in.event(0).getDestinationNatIp()).isEqualTo("203.0.113.5");
        assertThat(in.event(0).getCloudInterfaceId()).isEqualTo("eni-1235b8ca123456789");
    }

    @Test
    void aBadFormatOptionIsAUsageErrorNamingTheToken() {
        assertThatThrownBy(() -> AwsRecordFormat.parse("${version} ${src addr}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'${src'");
        assertThatThrownBy(() -> AwsRecordFormat.parse("${version} ${version}"))
                .hasMessageContaining("named twice");
    }

    @Test
    void headerlessAllFieldsRecordsAreReadInAwsTableOrderByTheirFieldCount(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("v4.log");
        Files.writeString(f, "4 123456789012 eni-0abc 10.0.0.1 10.0.0.2 1000 53 17 1 70 1700000000 1700000060 ACCEPT OK"
                + " vpc-1 subnet-1 i-1 0 IPv4 10.0.0.1 10.0.0.2 us-east-2 use2-az1 - -\n");
        CollectedInput in = read(aws, f);
        assertThat(in.events()).hasSize(1);
        assertThat(in.event(0).getCloudRegion()).isEqualTo("us-east-2");
        assertThat(in.event(0).getTcpFlags()).isEmpty();
        assertThat(in.event(0).getNetworkTransport()).isEqualTo("udp");
    }

    @Test
    void s3LayoutGzipObjectsAreReadAndTheirPathFillsAccountAndRegion(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("bucket/AWSLogs/123456789012/vpcflowlogs/ap-south-1/2024/06/01");
        Files.createDirectories(folder);
        Path obj = folder.resolve("123456789012_vpcflowlogs_ap-south-1_fl-0abc_20240601T0805Z_1a2b3c4d.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(obj))) {
            out.write(("interface-id srcaddr dstaddr srcport dstport protocol packets bytes action log-status\n"
                    + "eni-0s3 10.9.0.1 10.9.0.2 33000 443 6 3 200 ACCEPT OK\n").getBytes());
        }
        assertThat(CollectedInput.probe(aws, obj)).isEqualTo(100);
        CollectedInput in = read(aws, obj);
        FlowEvent e = in.event(0);
        assertThat(e.getCloudAccountId()).isEqualTo("123456789012");
        assertThat(e.getCloudRegion()).isEqualTo("ap-south-1");
        // the format has no start/end: the object's delivery time stands in
        assertThat(Timestamps.format(e.getTs(), 0)).isEqualTo("2024-06-01T08:05:00Z");
    }

    @Test
    void cloudWatchGetLogEventsOutputIsRead() {
        CollectedInput in = read(aws, resource("aws/cloudwatch-get-log-events.json"));
        assertThat(in.events()).hasSize(2);
        assertThat(in.event(0).getDestinationPort()).isEqualTo(6379L);
        assertThat(in.event(0).getLogRecord()).isEqualTo(1L);
        assertThat(in.ledger().gapCount()).isEqualTo(1);
        assertThat(in.ledger().rejectedByReason()).containsOnly(Map.entry("no message", 1L));
    }

    @Test
    void cloudWatchSubscriptionMessagesTakeAccountAndInterfaceFromTheEnvelope() {
        Map<String, String> format = Map.of(AwsVpcFlowCollector.FORMAT_OPTION,
                "srcaddr dstaddr srcport dstport protocol action");
        CollectedInput in = read(aws, resource("aws/cloudwatch-subscription.json"), format);
        assertThat(in.events()).hasSize(3);
        FlowEvent e = in.event(1);
        assertThat(e.getCloudAccountId()).isEqualTo("777788889999");
        assertThat(e.getCloudInterfaceId()).isEqualTo("eni-0beef0beef0beef00");
        assertThat(e.getEventAction()).isEqualTo("reject");
        assertThat(Timestamps.format(e.getTs(), 0)).isEqualTo("2024-06-01T11:00:01Z");
        assertThat(in.event(2).getDestinationPort()).isEqualTo(22L);
    }

    @Test
    void messagePerLineExportsLoseOnlyABrokenLine() {
        CollectedInput in = read(aws, resource("aws/cloudwatch-message-lines.log"));
        assertThat(in.events()).hasSize(1);
        assertThat(in.ledger().gaps()).extracting(InputLedger.Gap::reason).containsExactly("SKIPDATA");
        assertThat(in.ledger().rejectedByReason()).containsOnlyKeys("document ends early");
        assertThat(in.ledger().examples().get(0).location()).isEqualTo("line 2");
    }

    @Test
    void probesRecogniseRecordsHeadersAndCloudWatchJsonButNotOtherText(@TempDir Path dir) throws IOException {
        assertThat(CollectedInput.probe(aws, resource("aws/default-v2.log"))).isEqualTo(90);
        assertThat(CollectedInput.probe(aws, resource("aws/custom-v5-header.log"))).isEqualTo(100);
        assertThat(CollectedInput.probe(aws, resource("aws/cloudwatch-get-log-events.json"))).isEqualTo(90);
        Path zeek = dir.resolve("conn.log");
        Files.writeString(zeek, "#separator \\x09\n#fields\tts\tuid\n");
        assertThat(CollectedInput.probe(aws, zeek)).isZero();
        Path json = dir.resolve("x.json");
        Files.writeString(json, "{\"message\":\"hello world\"}\n");
        assertThat(CollectedInput.probe(aws, json)).isZero();
    }

    @Test
    void tcpFlagBitsAreNamedInBitOrder() {
        assertThat(TcpFlagNames.of(0)).isEmpty();
        assertThat(TcpFlagNames.of(1)).isEqualTo(List.of("FIN"));
        assertThat(TcpFlagNames.of(3)).isEqualTo(List.of("FIN", "SYN"));
        assertThat(TcpFlagNames.of(4)).isEqualTo(List.of("RST"));
        assertThat(TcpFlagNames.of(18)).isEqualTo(List.of("SYN", "ACK"));
        assertThat(TcpFlagNames.of(19)).isEqualTo(List.of("FIN", "SYN", "ACK"));
    }
}
