package io.dscover.collect.cloud.gcp;

import static io.dscover.collect.cloud.CollectedInput.read;
import static io.dscover.collect.cloud.CollectedInput.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.cloud.CollectedInput;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.Timestamps;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpVpcFlowCollectorTest {

    private final GcpVpcFlowCollector gcp = new GcpVpcFlowCollector();

    @Test
    void aStorageExportEntryBecomesAFlowWithConnectionCountsTimesAndTheReportersDetails() {
        CollectedInput in = read(gcp, resource("gcp/vpc-flows-export.json"));
        FlowEvent pg = in.event(0);
        assertThat(pg.getSourceIp()).isEqualTo("10.20.0.5");
        assertThat(pg.getDestinationPort()).isEqualTo(5432L);
        assertThat(pg.getNetworkTransport()).isEqualTo("tcp");
        assertThat(Timestamps.format(pg.getTs(), pg.getTsPrecision())).isEqualTo("2024-06-01T10:00:00.100000000Z");
        assertThat(pg.getEventDuration()).isEqualTo(4_800_000_000L);
        // int64 values arrive as JSON strings
        assertThat(pg.getSourceBytes()).isEqualTo(5400L);
        assertThat(pg.getSourcePackets()).isEqualTo(40L);
        assertThat(pg.getFlowReporter()).isEqualTo("SRC");
        assertThat(pg.getNetworkDirection()).isEqualTo("egress");
        assertThat(pg.getEventAction()).isEqualTo("accept");
        assertThat(pg.getCloudProvider()).isEqualTo("gcp");
        assertThat(pg.getCloudAccountId()).isEqualTo("acme-prod");
        assertThat(pg.getCloudRegion()).isEqualTo("europe-west1");
        assertThat(pg.getCloudAvailabilityZone()).isEqualTo("europe-west1-b");
        assertThat(pg.getCloudVpcId()).isEqualTo("prod-vpc");
        assertThat(pg.getCloudSubnetId()).isEqualTo("backend");
        assertThat(pg.getCloudInstanceId()).isEqualTo("web-1");
        assertThat(pg.extra()).containsEntry("gcp.vpcflow.rtt_msec", 1L)
                .containsEntry("gcp.destination.vm_name", "db-1");
        assertThat(pg.getFlowAggregationInterval()).isEqualTo(5_000_000_000L);
        assertThat(pg.getFlowSamplingRate()).isNull();
        assertThat(pg.getNetworkCommunityId()).startsWith("1:");
        assertThat(pg.getLogRecord()).isEqualTo(1L);
    }

    @Test
    void aFlowReportedByBothEndsIsCountedOnce() {
        CollectedInput in = read(gcp, resource("gcp/vpc-flows-export.json"));
        assertThat(in.events()).extracting(e -> e.extra().get("gcp.insert_id")).containsExactly("a1", "a3", "a4");
        assertThat(in.ledger().skippedByReason())
                .containsEntry("duplicate report (the other end reported the same flow)", 1L);
        CollectedInput both = read(gcp, resource("gcp/vpc-flows-export.json"), Map.of("gcp.dedup", "false"));
        assertThat(both.events()).hasSize(4);
    }

    @Test
    void inboundReportsCarryTheDestinationVmAndExternalGeoAsAlpha2() {
        CollectedInput in = read(gcp, resource("gcp/vpc-flows-export.json"));
        FlowEvent ssh = in.event(1);
        assertThat(ssh.getFlowReporter()).isEqualTo("DEST");
        assertThat(ssh.getNetworkDirection()).isEqualTo("ingress");
        assertThat(ssh.getCloudInstanceId()).isEqualTo("web-1");
        assertThat(ssh.getSourceGeoCountryIsoCode()).isEqualTo("RU");
        assertThat(ssh.extra()).containsEntry("gcp.source.asn", 49505L);
        FlowEvent dns = in.event(2);
        assertThat(dns.getNetworkTransport()).isEqualTo("udp");
        assertThat(dns.getDestinationGeoCountryIsoCode()).isEqualTo("US");
        assertThat(dns.extra()).doesNotContainKey("gcp.vpcflow.rtt_msec");
    }

    @Test
    void otherLogEntriesAndBrokenLinesAreRejectedWithTheirLine() {
        CollectedInput in = read(gcp, resource("gcp/vpc-flows-export.json"));
        assertThat(in.ledger().rejectedByReason()).containsOnly(
                Map.entry("not a VPC flow log entry", 1L), Map.entry("document ends early", 1L));
        assertThat(in.ledger().examples()).extracting(p -> p.location()).contains("line 5");
        assertThat(in.ledger().recordsRead()).isEqualTo(6);
    }

    @Test
    void aGcloudArrayIsReadAndOptionsSetIntervalAndSampling() {
        CollectedInput in = read(gcp, resource("gcp/gcloud-read.json"),
                Map.of("gcp.aggregation-interval", "30s", "gcp.sampling-rate", "0.5"));
        assertThat(in.events()).hasSize(2);
        assertThat(in.event(0).getFlowAggregationInterval()).isEqualTo(30_000_000_000L);
        assertThat(in.event(0).getFlowSamplingRate()).isEqualTo(0.5);
        assertThat(in.event(0).getDestinationGeoCountryIsoCode()).isEqualTo("DE");
        assertThat(in.event(1).getNetworkType()).isEqualTo("ipv6");
        assertThat(in.event(1).getDestinationIp()).isEqualTo("fd20::9");
        assertThat(in.event(1).getTsPrecision()).isEqualTo(1);
    }

    @Test
    void probeRecognisesFlowEntriesOnly() {
        assertThat(CollectedInput.probe(gcp, resource("gcp/vpc-flows-export.json"))).isEqualTo(100);
        assertThat(CollectedInput.probe(gcp, resource("aws/cloudwatch-get-log-events.json"))).isZero();
    }

    @Test
    void deduplicationMemoryIsBoundedByCapacityAndHorizon() {
        ReporterDeduplicator d = new ReporterDeduplicator(100);
        long s = 1_000_000_000L;
        for (int i = 0; i < 10_000; i++) {
            d.isDuplicate("k" + i, true, i * s, i * s + s);
        }
        assertThat(d.size()).isLessThanOrEqualTo(100);
        assertThat(d.isDuplicate("k9999", false, 9_999 * s, 10_000 * s)).isTrue();
        assertThat(d.isDuplicate("k9999", false, 9_999 * s, 10_000 * s)).isFalse();
        // same end twice is not a duplicate; disjoint times are not either
        assertThat(d.isDuplicate("x", true, 0, s)).isFalse();
        assertThat(d.isDuplicate("x", true, 0, s)).isFalse();
        assertThat(d.isDuplicate("y", true, 0, s)).isFalse();
        assertThat(d.isDuplicate("y", false, 100 * s, 101 * s)).isFalse();
    }
}
