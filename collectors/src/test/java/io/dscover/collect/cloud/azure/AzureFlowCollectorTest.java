package io.dscover.collect.cloud.azure;

import static io.dscover.collect.cloud.CollectedInput.read;
import static io.dscover.collect.cloud.CollectedInput.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.cloud.CollectedInput;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureFlowCollectorTest {

    private final AzureFlowCollector azure = new AzureFlowCollector();

    @Test
    void nsgV2TuplesBecomeFlowsWithDecisionStateAndBothDirectionsCounters() {
        CollectedInput in = read(azure, resource("azure/nsg-v2-PT1H.json"));
        FlowEvent denied = in.event(0);
        assertThat(denied.getSourceIp()).isEqualTo("198.51.100.40");
        assertThat(denied.getDestinationPort()).isEqualTo(3389L);
        assertThat(denied.getNetworkTransport()).isEqualTo("tcp");
        assertThat(denied.getNetworkDirection()).isEqualTo("ingress");
        assertThat(denied.getEventAction()).isEqualTo("reject");
        assertThat(denied.getFlowCloudState()).isEqualTo("B");
        assertThat(denied.getSourceBytes()).isNull(); // B tuples have empty counters
        assertThat(denied.getRuleName()).isEqualTo("DefaultRule_DenyAllInBound");
        assertThat(denied.getCloudInterfaceId()).isEqualTo("60-45-BD-7A-11-C2");
        assertThat(denied.getCloudAccountId()).isEqualTo("6b1c0f2e-5d4a-4c3b-9a8f-7e6d5c4b3a29");
        assertThat(denied.extra()).containsEntry("azure.nsg", "SHOP-WEB-NSG");
        assertThat(denied.getEventProvider()).isEqualTo("azure-nsg");
        assertThat(Timestamps.format(denied.getTs(), denied.getTsPrecision())).isEqualTo("2024-06-01T12:00:01Z");
        assertThat(denied.getFlowAggregationInterval()).isEqualTo(60_000_000_000L);
        assertThat(denied.getFlowSamplingRate()).isEqualTo(1.0);

        FlowEvent cont = in.event(4);
        assertThat(cont.getRuleName()).isEqualTo("UserRule_allow-ssh-anywhere");
        assertThat(cont.getEventAction()).isEqualTo("accept");
        assertThat(cont.getFlowCloudState()).isEqualTo("C");
        assertThat(cont.getSourcePackets()).isEqualTo(40L);
        assertThat(cont.getSourceBytes()).isEqualTo(5200L);
        assertThat(cont.getDestinationPackets()).isEqualTo(38L);
        assertThat(cont.getDestinationBytes()).isEqualTo(9100L);
        assertThat(cont.getNetworkBytes()).isEqualTo(14300L);
        assertThat(cont.getNetworkCommunityId()).isEqualTo(in.event(3).getNetworkCommunityId());

        FlowEvent dns = in.event(7);
        assertThat(dns.getNetworkTransport()).isEqualTo("udp");
        assertThat(dns.getNetworkDirection()).isEqualTo("egress");
        assertThat(dns.getLogRecord()).isEqualTo(9L);
        assertThat(dns.getLogOffset()).isGreaterThan(1000L);
    }

    @Test
    void aBadTupleIsRejectedWithItsPositionAndTheRestIsRead() {
        CollectedInput in = read(azure, resource("azure/nsg-v2-PT1H.json"));
        assertThat(in.events()).hasSize(8);
        assertThat(in.ledger().recordsRead()).isEqualTo(9);
        assertThat(in.ledger().rejectedByReason()).containsOnly(Map.entry("invalid protocol", 1L));
        assertThat(in.ledger().examples().get(0).location()).startsWith("tuple 7 (offset ");
    }

    @Test
    void vnetTuplesCarryMillisecondTimesEncryptionAndDenyState() {
        CollectedInput in = read(azure, resource("azure/vnet-PT1H-appending.json"));
        FlowEvent begin = in.event(0);
        assertThat(begin.getEventProvider()).isEqualTo("azure-vnet");
        assertThat(Timestamps.format(begin.getTs(), begin.getTsPrecision())).isEqualTo("2024-06-01T13:00:01.000Z");
        assertThat(begin.getTsPrecision()).isEqualTo(3);
        assertThat(begin.getFlowEncryption()).isEqualTo("NX");
        assertThat(begin.getSourcePackets()).isZero();
        assertThat(begin.getCloudInterfaceId()).isEqualTo("7C-1E-52-AA-03-F4");
        assertThat(begin.getCloudVpcId()).isEqualTo("shop-vnet");
        assertThat(begin.getCloudAccountId()).isEqualTo("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(begin.extra()).containsEntry("azure.acl_id", "9a8b7c6d-0000-4000-8000-000000000001");
        FlowEvent end = in.event(1);
        assertThat(end.getDestinationBytes()).isEqualTo(64000L);
        FlowEvent telnet = in.event(2);
        assertThat(telnet.getFlowCloudState()).isEqualTo("D");
        assertThat(telnet.getEventAction()).isEqualTo("reject");
        assertThat(telnet.getTs() % 1_000_000_000L).isEqualTo(123_000_000L);
        FlowEvent encryptionDeny = in.event(3);
        assertThat(encryptionDeny.getFlowEncryption()).isEqualTo("NX_NOT_ACCEPTED");
        assertThat(encryptionDeny.getRuleName()).isEqualTo("unspecified");
    }

    @Test
    void aBlobStillBeingAppendedToIsReadAsFarAsItIsValidAndTheRestReported() {
        CollectedInput in = read(azure, resource("azure/vnet-PT1H-appending.json"));
        // two whole records (4 tuples) and the one complete tuple of the unfinished third
        assertThat(in.events()).hasSize(5);
        assertThat(in.event(4).getDestinationPort()).isEqualTo(1433L);
        assertThat(in.event(4).getRuleName()).isEqualTo("r");
        assertThat(in.ledger().rejectedByReason()).containsOnlyKeys("document ends early");
        assertThat(in.ledger().examples().get(0).render()).contains("offset ").contains("the rest of the input was not read");
    }

    @Test
    void nsgV1RecordsOnePerLineAreRead() {
        CollectedInput in = read(azure, resource("azure/nsg-v1-records.jsonl"));
        assertThat(in.events()).hasSize(2);
        assertThat(in.event(0).getFlowCloudState()).isNull();
        assertThat(in.event(0).getSourceBytes()).isNull();
        assertThat(in.event(0).getEventAction()).isEqualTo("accept");
        assertThat(in.event(1).getCloudInterfaceId()).isEqualTo("00-0D-3A-F8-80-1A");
    }

    @Test
    void theBlobLayoutIsWalkedWithGzipAndProbedByContent(@TempDir Path dir) throws IOException {
        Path blob = dir.resolve("insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/X/RESOURCEGROUPS/"
                + "RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG/y=2024/m=06/d=01/h=12/m=00/"
                + "macAddress=6045BD7A11C2/PT1H.json.gz");
        Files.createDirectories(blob.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(blob))) {
            out.write(Files.readAllBytes(resource("azure/nsg-v2-PT1H.json")));
        }
        assertThat(CollectedInput.probe(azure, blob)).isEqualTo(100);
        assertThat(read(azure, blob).events()).hasSize(8);
    }

    @Test
    void probeLeavesOtherFormatsAlone() {
        assertThat(CollectedInput.probe(azure, resource("aws/default-v2.log"))).isZero();
        assertThat(CollectedInput.probe(azure, resource("gcp/vpc-flows-export.json"))).isZero();
    }

    @Test
    void tuplesAreCheckedFieldByField() {
        FlowEvent e = new FlowEvent();
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,2,T,I")).isEqualTo("wrong tuple field count");
        assertThat(reason("1,10.0.0.1,10.0.0.999,1,2,T,I,A")).isEqualTo("invalid address");
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,2,T,X,A")).isEqualTo("invalid direction");
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,2,T,I,Q")).isEqualTo("invalid decision");
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,2,T,I,A,D,,,,")).isEqualTo("invalid flow state");
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,2,6,I,E,NX,1,-2,3,4")).isEqualTo("invalid counter");
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,99999,6,I,E,NX,1,2,3,4")).isEqualTo("invalid port");
        assertThat(reason("1,10.0.0.1,10.0.0.2,1,2,6,I,E,NX,1,2,3,4")).isNull();
        assertThat(e.getSourceIp()).isNull();
    }

    private static String reason(String tuple) {
        try {
            FlowTuple.parse(tuple, new FlowEvent());
            return null;
        } catch (FlowTuple.BadTuple bad) {
            return bad.reason();
        }
    }

    @Test
    void macAddressesAreNormalisedLikeElasticDoes() {
        assertThat(AzureFlowSource.macAddress("0022487bC205")).isEqualTo("00-22-48-7B-C2-05");
        assertThat(AzureFlowSource.macAddress("00:22:48:7b:c2:05")).isEqualTo("00-22-48-7B-C2-05");
        assertThat(AzureFlowSource.macAddress("not-a-mac")).isEqualTo("not-a-mac");
    }
}
