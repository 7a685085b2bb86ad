package io.dscover.collect.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.collect.cloud.Agreement;
import io.dscover.collect.cloud.CollectedInput;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Azure samples of the shared corpus: Elastic's NSG and VNet tests field by field, tuple by
 * tuple; the Microsoft documentation samples read with every tuple accounted for (the count comes
 * from a plain tree walk of the file, not from the collector).
 */
class AzureCorpusAgreementTest {

    private static final Path CORPUS = Path.of("../shared/corpus/cloud/azure");
    private final AzureFlowCollector azure = new AzureFlowCollector();

    @Test
    void elasticNsgAndVnetTuplesAgreeFieldByField() {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        Agreement a = new Agreement("azure vs Elastic");
        compare(a, "elastic-test-nsg-v2.log", "azure_network_watcher_nsg", false);
        compare(a, "elastic-test-vnet-v4.log", "azure_network_watcher_vnet", true);
        System.out.println(a.summary());
        assertThat(a.mismatches()).isEmpty();
        assertThat(a.fields()).isGreaterThan(40);
    }

    private void compare(Agreement a, String file, String root, boolean vnet) {
        Path log = CORPUS.resolve(file);
        assertThat(CollectedInput.probe(azure, log)).isEqualTo(100);
        CollectedInput in = CollectedInput.read(azure, log);
        assertThat(in.ledger().rejected()).isZero();
        int i = 0;
        for (JsonNode doc : Agreement.expectedDocuments(Path.of(log + "-expected.json"))) {
            a.document();
            JsonNode l = doc.path(root).path("log");
            String mac = vnet ? l.path("mac_address").asText() : null;
            JsonNode flows = vnet ? l.path("records").path("flows") : l.path("properties").path("flows");
            for (JsonNode flow : flows) {
                for (JsonNode group : flow.path(vnet ? "groups" : "flows")) {
                    String rule = vnet ? group.path("rule").asText() : flow.path("rule").asText();
                    String groupMac = vnet ? mac : group.path("mac").asText();
                    for (JsonNode t : group.path("tuples")) {
                        FlowEvent e = in.event(i++);
                        String w = file + " tuple " + i;
                        a.check(w, "source.ip", t.path("source").path("ip").asText(), e.getSourceIp());
                        a.check(w, "source.port", t.path("source").path("port").asText(), e.getSourcePort());
                        a.check(w, "destination.ip", t.path("destination").path("ip").asText(), e.getDestinationIp());
                        a.check(w, "destination.port", t.path("destination").path("port").asText(),
                                e.getDestinationPort());
                        a.check(w, "timestamp", t.path("timestamp").asText(), Timestamps.format(e.getTs(), 3));
                        a.check(w, "bytes.sent", t.path("bytes").path("sent").asText(), e.getSourceBytes());
                        a.check(w, "bytes.received", t.path("bytes").path("received").asText(), e.getDestinationBytes());
                        a.check(w, "packets.sent", t.path("packets").path("sent").asText(), e.getSourcePackets());
                        a.check(w, "packets.received", t.path("packets").path("received").asText(),
                                e.getDestinationPackets());
                        String protocol = t.path("protocol").asText();
                        a.check(w, "protocol", protocol.equals("6") || protocol.equals("TCP") ? "tcp" : protocol,
                                e.getNetworkTransport());
                        String state = vnet ? t.path("flow").path("state").asText() : t.path("flow_state").asText();
                        a.check(w, "flow state", state.substring(0, 1), e.getFlowCloudState());
                        String direction = vnet ? t.path("flow").path("direction").asText()
                                : t.path("traffic").path("flow").asText();
                        a.check(w, "direction", direction.equals("Outbound") ? "egress" : "ingress",
                                e.getNetworkDirection());
                        if (vnet) {
                            a.check(w, "encryption", t.path("flow").path("encryption").asText(), e.getFlowEncryption());
                        } else {
                            String decision = t.path("traffic").path("decision").asText();
                            a.check(w, "decision", decision.equals("Allowed") ? "accept" : "reject", e.getEventAction());
                        }
                        a.check(w, "rule", rule, e.getRuleName());
                        a.check(w, "mac", groupMac, e.getCloudInterfaceId());
                    }
                }
            }
        }
        assertThat(i).isEqualTo(in.events().size());
    }

    @Test
    void everyMicrosoftDocumentationSampleReadsEveryTuple() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        long total = 0;
        for (String file : List.of("msdocs-nsg-v1-sample.first2records.json", "msdocs-nsg-v2-sample.json",
                "msdocs-vnet-v4-sample.json", "msdocs-nsg-v2-bandwidth-tuples.txt", "msdocs-vnet-bandwidth-tuples.txt")) {
            Path p = CORPUS.resolve(file);
            assertThat(CollectedInput.probe(azure, p)).as("probe %s", file).isGreaterThanOrEqualTo(80);
            CollectedInput in = CollectedInput.read(azure, p);
            assertThat(in.ledger().rejected()).as("rejects in %s: %s", file, in.ledger().examples()).isZero();
            assertThat(in.events()).as("tuples of %s", file).hasSize(countTuples(p));
            total += in.events().size();
        }
        System.out.printf("azure documentation samples: 5 files, %d tuples, all read%n", total);
    }

    /** Tuples in a file, counted without the collector: flowTuples arrays of a JSON tree, or non-blank lines. */
    private static int countTuples(Path p) throws IOException {
        if (p.toString().endsWith(".txt")) {
            return (int) Files.readAllLines(p).stream().filter(s -> !s.isBlank()).count();
        }
        List<JsonNode> arrays = new ArrayList<>();
        new ObjectMapper().readTree(p.toFile()).findValues("flowTuples").forEach(arrays::add);
        return arrays.stream().mapToInt(JsonNode::size).sum();
    }

    @Test
    void theVnetSampleDistinguishesDeniedFromAllowedFlows() {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        CollectedInput in = CollectedInput.read(azure, CORPUS.resolve("msdocs-vnet-v4-sample.json"));
        long denied = in.events().stream().filter(e -> "D".equals(e.getFlowCloudState())).count();
        assertThat(denied).isPositive();
        assertThat(in.events()).allSatisfy(e -> assertThat(e.getEventAction())
                .isEqualTo("D".equals(e.getFlowCloudState()) ? "reject" : "accept"));
        assertThat(in.events()).allSatisfy(e -> assertThat(e.getFlowEncryption()).isEqualTo("NX"));
        assertThat(in.events().get(0).getCloudInterfaceId()).isEqualTo("00-22-48-71-C2-05".toUpperCase(Locale.ROOT));
    }
}
