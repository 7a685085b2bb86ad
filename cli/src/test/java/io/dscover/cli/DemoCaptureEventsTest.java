package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo capture is protocol-correct: the pcap collector reads it without a single reject, and
 * every planted behaviour gives the content events a real capture of it gives (the events the
 * built-in rules look for).
 */
class DemoCaptureEventsTest {

    private static final String CAPTURE = CollectRunJsonTest.DEMO + "hq-lan.pcap";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String ledger;
    private static final List<JsonNode> events = new ArrayList<>();

    @BeforeAll
    static void collect(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("events.jsonl");
        CommandRun r = CommandRun.of("collect", CAPTURE, "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        ledger = r.err();
        for (String line : Files.readAllLines(out)) {
            events.add(JSON.readTree(line));
        }
    }

    @Test
    void nothingInTheCaptureIsRejected() {
        assertThat(ledger).contains("[pcap]:").doesNotContain("rejected");
        // the only packets the ledger sets aside are ARP's (not IP; the ARP watch still reads them)
        assertThat(ledger.lines().filter(l -> l.contains("skipped")))
                .allSatisfy(l -> assertThat(l).contains("not IP: ARP"));
    }

    @Test
    void sshPasswordGuessingShowsThirtyFailedLoginsWithNegotiatedAlgorithms() {
        List<JsonNode> ssh = of("ssh", e -> true);
        assertThat(ssh).hasSize(30).allSatisfy(e -> {
            assertThat(text(e, "ssh.client")).isEqualTo("SSH-2.0-libssh_0.9.6");
            assertThat(text(e, "ssh.server")).startsWith("SSH-2.0-OpenSSH_9.2p1");
            assertThat(text(e, "ssh.kex")).isEqualTo("curve25519-sha256");
            assertThat(text(e, "ssh.cipher")).isEqualTo("aes128-ctr");
            assertThat(text(e, "ssh.mac")).isEqualTo("hmac-sha2-256");
            assertThat(e.path("ssh.hassh").asText()).hasSize(32);
            assertThat(e.path("ssh.auth_success").asBoolean(true)).isFalse();
            // three refusals of one size: Zeek takes the first as the failure size and counts the next two
            assertThat(e.path("ssh.auth_attempts").asLong()).isEqualTo(2);
        });
        assertThat(of("flow", e -> e.path("destination.port").asInt() == 22 && text(e, "network.protocol") != null))
                .hasSize(30).allSatisfy(f -> assertThat(text(f, "network.protocol")).isEqualTo("ssh"));
    }

    @Test
    void executableCopiedToAdminShareOverAnNtlmSession() {
        assertThat(of("ntlm", e -> true)).singleElement().satisfies(e -> {
            assertThat(text(e, "user.name")).isEqualTo("administrator");
            assertThat(text(e, "user.domain")).isEqualTo("ACME");
            assertThat(text(e, "ntlm.hostname")).isEqualTo("WS-042");
            assertThat(e.path("ntlm.success").asBoolean(false)).isTrue();
        });
        assertThat(of("smb", e -> "tree_connect".equals(text(e, "smb.action")))).singleElement().satisfies(e -> {
            assertThat(text(e, "smb.path")).isEqualTo("\\\\10.20.1.31\\ADMIN$");
            assertThat(text(e, "smb.share_type")).isEqualTo("DISK");
            assertThat(text(e, "smb.status")).isEqualTo("STATUS_SUCCESS");
        });
        assertThat(of("smb", e -> "file_write".equals(text(e, "smb.action")))).singleElement()
                .satisfies(e -> assertThat(text(e, "file.name")).isEqualTo("rWsXqLpB.exe"));
    }

    @Test
    void rpcToTheEndpointMapperOfTheSameHost() {
        assertThat(of("dce_rpc", e -> true)).singleElement().satisfies(e -> {
            assertThat(text(e, "destination.ip")).isEqualTo("10.20.1.31");
            assertThat(e.path("destination.port").asInt()).isEqualTo(135);
            assertThat(text(e, "dce_rpc.endpoint")).isEqualTo("epmapper");
            assertThat(text(e, "dce_rpc.operation")).isEqualTo("ept_lookup");
        });
    }

    @Test
    void rdpWithTheAdministratorCookieThenCredSspOverTls() {
        assertThat(of("rdp", e -> true)).singleElement().satisfies(e -> {
            assertThat(text(e, "rdp.cookie")).isEqualTo("administrator");
            assertThat(text(e, "rdp.security_protocol")).isEqualTo("HYBRID");
            assertThat(e.path("rdp.requested_protocols").toString()).isEqualTo("[\"SSL\",\"HYBRID\",\"HYBRID_EX\"]");
        });
        assertThat(of("tls", e -> e.path("destination.port").asInt() == 3389)).hasSize(1);
    }

    @Test
    void arpPoisoningMovesTheGatewayAddressAndTheGatewayMovesItBack() {
        assertThat(of("weird", e -> "arp_binding_changed".equals(text(e, "weird.name"))))
                .extracting(e -> text(e, "weird.addl"))
                .containsExactly("10.20.1.1 moved from 02:00:0a:14:01:01 to 02:00:0a:14:01:63 (reply)",
                        "10.20.1.1 moved from 02:00:0a:14:01:63 to 02:00:0a:14:01:01 (request)");
    }

    @Test
    void llmnrQueryForWpadAnsweredByTheRogueHost() {
        List<JsonNode> llmnr = of("dns", e -> "llmnr".equals(text(e, "dns.protocol")));
        assertThat(llmnr).hasSize(2).allSatisfy(e -> assertThat(text(e, "dns.question.name")).isEqualTo("wpad"));
        assertThat(llmnr).filteredOn(e -> e.path("dns.answers").size() > 0).singleElement().satisfies(e -> {
            assertThat(text(e, "destination.ip")).isEqualTo("10.20.1.99");
            assertThat(e.path("destination.port").asInt()).isEqualTo(5355);
            assertThat(e.path("dns.answers").toString()).isEqualTo("[\"10.20.1.99\"]");
        });
    }

    private static List<JsonNode> of(String type, Predicate<JsonNode> filter) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).filter(filter).toList();
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
