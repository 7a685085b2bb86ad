package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dscover.collect.Input;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TSV and the JSON form of one Zeek log must yield identical events, record by record (all but
 * provenance: file, line, offset). Checked on this repository's fixtures and on the real WRCCDC 2018
 * logs of the shared corpus, which Zeek 6.2 wrote in both forms.
 */
class ZeekAgreementTest {

    private static final Path WRCCDC = Path.of("../shared/corpus/zeek-logs");

    @ParameterizedTest(name = "fixture {0}: TSV and JSON agree")
    @ValueSource(strings = {"conn", "dns", "http", "ssl", "x509", "notice", "smb_files", "smb_mapping"})
    void fixturesAgree(String log, TestReporter reporter) throws IOException {
        Path tsv = ZeekReading.fixture("tsv/" + log + ".log");
        Path json = ZeekReading.fixture("json/" + log + ".json");

        long agreed = compare(Input.of(tsv), Input.of(json));

        assertThat(agreed).isEqualTo(Files.readAllLines(json).size());
        reporter.publishEntry("agreement " + log, agreed + " records");
    }

    @Test
    void theRealWrccdcLogsAgreeRecordByRecord(TestReporter reporter) throws IOException {
        assumeTrue(Files.isDirectory(WRCCDC.resolve("tsv/wrccdc-2018")), "../shared corpus not present");
        Map<String, Long> agreement = new TreeMap<>();
        try (var files = Files.list(WRCCDC.resolve("tsv/wrccdc-2018"))) {
            for (Path tsv : files.sorted().toList()) {
                String log = tsv.getFileName().toString().replace(".log.gz", "");
                Path json = WRCCDC.resolve("json/wrccdc-2018/" + log + ".json.gz");
                assertThat(json).exists();
                agreement.put(log, compare(Input.of(tsv), Input.of(json)));
            }
        }
        long total = agreement.values().stream().mapToLong(Long::longValue).sum();
        String summary = agreement + " = " + total + " records";
        System.out.println("WRCCDC TSV/JSON agreement: " + summary);
        reporter.publishEntry("WRCCDC agreement", summary);
        assertThat(agreement).hasSize(12);
        assertThat(agreement).containsEntry("dns", 53_615L).containsEntry("ssl", 49_474L).containsEntry("weird", 24_202L)
                .containsEntry("rdp", 4_122L).containsEntry("ntlm", 422L).containsEntry("smb_mapping", 393L)
                .containsEntry("x509", 348L).containsEntry("notice", 207L).containsEntry("dce_rpc", 78L)
                .containsEntry("ssh", 22L).containsEntry("smb_files", 13L).containsEntry("kerberos", 11L);
    }

    @Test
    void sslEventsOfTheCorpusCarryTheirJoinedCertificate() throws IOException {
        assumeTrue(Files.isDirectory(WRCCDC.resolve("tsv/wrccdc-2018")), "../shared corpus not present");
        java.util.Set<Object> certificates = new java.util.HashSet<>();
        try (EventStream s = new EventStream(Input.of(WRCCDC.resolve("tsv/wrccdc-2018/x509.log.gz")), List.of())) {
            for (NetworkEvent e; (e = s.next()) != null; ) {
                certificates.add(e.extra().get("zeek.fingerprint"));
            }
        }
        long joinable = 0;
        long joined = 0;
        long total = 0;
        try (EventStream s = new EventStream(Input.of(WRCCDC.resolve("tsv/wrccdc-2018/ssl.log.gz")), List.of())) {
            for (NetworkEvent e; (e = s.next()) != null; ) {
                total++;
                var tls = (io.dscover.model.event.TlsEvent) e;
                List<?> chain = (List<?>) tls.extra().get("zeek.cert_chain_fps");
                boolean known = chain != null && !chain.isEmpty() && certificates.contains(chain.get(0));
                if (known) {
                    joinable++;
                    assertThat(tls.getTlsServerHashSha256()).isEqualTo(chain.get(0));
                    assertThat(tls.getTlsServerSubject()).isNotNull();
                    assertThat(tls.getTlsServerNotAfter()).isNotNull();
                }
                if (tls.getTlsServerHashSha256() != null) {
                    joined++;
                }
            }
        }
        System.out.printf("WRCCDC ssl: %d of %d handshakes joined to their x509 certificate (%d have one in x509.log)%n",
                joined, total, joinable);
        assertThat(joined).isEqualTo(joinable).isGreaterThan(9_000);
    }

    /** Reads both inputs in step and asserts each pair of events equal; returns the number of records compared. */
    private static long compare(Input tsv, Input json) throws IOException {
        try (EventStream a = new EventStream(tsv, List.of()); EventStream b = new EventStream(json, List.of())) {
            long events = 0;
            while (true) {
                NetworkEvent x = a.next();
                NetworkEvent y = b.next();
                if (x == null || y == null) {
                    assertThat(x).as("TSV and JSON have the same number of events").isNull();
                    assertThat(y).as("TSV and JSON have the same number of events").isNull();
                    break;
                }
                events++;
                Map<String, Object> left = ZeekReading.withoutProvenance(x);
                Map<String, Object> right = ZeekReading.withoutProvenance(y);
                assertThat(right).as("%s line %d vs %s line %d", tsv, x.getLogRecord(), json, y.getLogRecord()).isEqualTo(left);
            }
            assertThat(a.ledger().rejected()).isZero();
            assertThat(b.ledger().rejected()).isZero();
            assertThat(a.ledger().flagged()).isZero();
            assertThat(b.ledger().flagged()).isZero();
            assertThat(a.ledger().recordsRead()).isEqualTo(b.ledger().recordsRead());
            return a.ledger().recordsRead();
        }
    }
}
