package io.dscover.collect.cloud.gcp;

import static io.dscover.collect.cloud.Agreement.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dscover.collect.cloud.Agreement;
import io.dscover.collect.cloud.CollectedInput;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GCP sample of the shared corpus against Elastic's expected output, field by field. Elastic
 * names the VMs as {@code source.domain}/{@code destination.domain} and places instance details
 * under {@code gcp.source}/{@code gcp.destination}; dscover puts the reporting VM's details in the
 * {@code cloud.*} fields, so those are compared with the reporter's side.
 */
class GcpCorpusAgreementTest {

    private static final Path LOG = Path.of("../shared/corpus/cloud/gcp/elastic-test-vpcflow-event.first6.json");

    @Test
    void everyExpectedDocumentAgreesFieldByField() {
        assumeTrue(Files.exists(LOG), "shared corpus not present");
        GcpVpcFlowCollector gcp = new GcpVpcFlowCollector();
        assertThat(CollectedInput.probe(gcp, LOG)).isEqualTo(100);
        CollectedInput in = CollectedInput.read(gcp, LOG);
        assertThat(in.ledger().rejected()).isZero();
        List<JsonNode> expected = Agreement.expectedDocuments(Path.of(LOG + "-expected.json"));
        assertThat(in.events()).hasSameSizeAs(expected);
        Agreement a = new Agreement("gcp-vpc vs Elastic");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode doc = expected.get(i);
            FlowEvent e = in.event(i);
            String where = "doc " + (i + 1);
            a.document();
            a.check(where, "event.id", text(doc, "event.id"), e.extra().get("gcp.insert_id"));
            a.check(where, "source.ip", text(doc, "source.ip"), e.getSourceIp());
            a.check(where, "source.port", text(doc, "source.port"), e.getSourcePort());
            a.check(where, "destination.ip", text(doc, "destination.ip"), e.getDestinationIp());
            a.check(where, "destination.port", text(doc, "destination.port"), e.getDestinationPort());
            a.check(where, "network.transport", text(doc, "network.transport"), e.getNetworkTransport());
            a.check(where, "network.iana_number", text(doc, "network.iana_number"),
                    IpProtocols.number(e.getNetworkTransport()));
            a.check(where, "network.type", text(doc, "network.type"), e.getNetworkType());
            a.check(where, "source.bytes", text(doc, "source.bytes"), e.getSourceBytes());
            a.check(where, "source.packets", text(doc, "source.packets"), e.getSourcePackets());
            a.check(where, "network.bytes", text(doc, "network.bytes"), e.getNetworkBytes());
            a.check(where, "network.packets", text(doc, "network.packets"), e.getNetworkPackets());
            a.check(where, "event.start", text(doc, "event.start"), Timestamps.format(e.getTs(), 9));
            a.check(where, "event.end", text(doc, "event.end"),
                    Timestamps.format(e.getTs() + e.getEventDuration(), 9));
            a.check(where, "gcp.vpcflow.reporter", text(doc, "gcp.vpcflow.reporter"), e.getFlowReporter());
            a.check(where, "gcp.vpcflow.rtt.ms", text(doc, "gcp.vpcflow.rtt.ms"), e.extra().get("gcp.vpcflow.rtt_msec"));
            a.check(where, "source.domain", text(doc, "source.domain"), e.extra().get("gcp.source.vm_name"));
            a.check(where, "destination.domain", text(doc, "destination.domain"), e.extra().get("gcp.destination.vm_name"));
            a.check(where, "source.as.number", text(doc, "source.as.number"), e.extra().get("gcp.source.asn"));
            a.check(where, "destination.as.number", text(doc, "destination.as.number"),
                    e.extra().get("gcp.destination.asn"));
            a.check(where, "source.geo.country_name", alpha2(text(doc, "source.geo.country_name")),
                    e.getSourceGeoCountryIsoCode());
            a.check(where, "destination.geo.country_name", alpha2(text(doc, "destination.geo.country_name")),
                    e.getDestinationGeoCountryIsoCode());
            String side = "SRC".equals(e.getFlowReporter()) ? "gcp.source" : "gcp.destination";
            a.check(where, side + ".instance.region", text(doc, side + ".instance.region"), e.getCloudRegion());
            a.check(where, side + ".instance.zone", text(doc, side + ".instance.zone"), e.getCloudAvailabilityZone());
            a.check(where, side + ".instance.project_id", text(doc, side + ".instance.project_id"),
                    e.getCloudAccountId());
            a.check(where, side + ".vpc.vpc_name", text(doc, side + ".vpc.vpc_name"), e.getCloudVpcId());
            a.check(where, side + ".vpc.subnetwork_name", text(doc, side + ".vpc.subnetwork_name"),
                    e.getCloudSubnetId());
            // Elastic: outbound/inbound relative to the VPC; dscover: egress/ingress relative to the reporter
            String dir = text(doc, "network.direction");
            if ("outbound".equals(dir) || "inbound".equals(dir)) {
                a.check(where, "network.direction", dir.equals("outbound") ? "egress" : "ingress",
                        e.getNetworkDirection());
            }
        }
        System.out.println(a.summary());
        assertThat(a.mismatches()).isEmpty();
        assertThat(a.fields()).isGreaterThan(100);
    }

    private static String alpha2(String alpha3) {
        return alpha3 == null ? null : CountryCodes.alpha2(alpha3);
    }
}
