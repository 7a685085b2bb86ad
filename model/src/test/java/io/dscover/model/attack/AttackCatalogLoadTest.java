package io.dscover.model.attack;

import static io.dscover.model.event.DataComponent.CONNECTION_CREATION;
import static io.dscover.model.event.DataComponent.TRAFFIC_CONTENT;
import static io.dscover.model.event.DataComponent.TRAFFIC_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading releases from dscover's own small bundles, one per detection model. */
class AttackCatalogLoadTest {

    @TempDir
    Path tmp;

    Path fixture(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    static Technique t(AttackCatalog c, String id) {
        return c.technique(id).orElseThrow();
    }

    @Test
    void legacyModelComponentsDetectTechniques() throws IOException {
        AttackCatalog c = AttackCatalog.load(fixture("legacy-model-bundle.json"));
        assertThat(c.detectionModel()).isEqualTo(AttackCatalog.DetectionModel.DATA_COMPONENT_DETECTS);
        assertThat(c.source()).isEqualTo("legacy-model-bundle.json");
        assertThat(c.detectedBy(TRAFFIC_FLOW)).extracting(Technique::id).containsExactly("T1041", "T1048.003", "T1071");
        assertThat(c.detectedBy(TRAFFIC_CONTENT)).extracting(Technique::id).containsExactly("T1041", "T1071.004");
        assertThat(c.detectedBy(CONNECTION_CREATION)).extracting(Technique::id).containsExactly("T1041", "T1048");
        assertThat(c.detectingComponents("T1041")).containsExactlyInAnyOrder(CONNECTION_CREATION, TRAFFIC_CONTENT,
                TRAFFIC_FLOW);
        assertThat(c.detectionStrategies("T1071")).isEmpty();
    }

    @Test
    void revokedAndDeprecatedTechniquesAreRetiredNotListed() throws IOException {
        AttackCatalog c = AttackCatalog.load(fixture("legacy-model-bundle.json"));
        assertThat(c.techniques()).extracting(Technique::id)
                .containsExactly("T1041", "T1048", "T1048.003", "T1071", "T1071.004");
        assertThat(c.retiredTechnique("T1043")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RetiredTechnique.Status.REVOKED);
            assertThat(r.replacedBy()).containsExactly("T1071");
            assertThat(r.name()).isEqualTo("Commonly Used Port");
        });
        assertThat(c.retiredTechnique("T1999")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RetiredTechnique.Status.DEPRECATED);
            assertThat(r.replacedBy()).isEmpty();
        });
        assertThat(c.detectingComponents("T1043")).as("a detects relationship to a revoked technique").isEmpty();
        assertThat(c.retiredTechnique("T1071")).isEmpty();
    }

    @Test
    void tacticsFollowTheMatrixOrderAndTechniquesTheirTacticsInThatOrder() throws IOException {
        AttackCatalog c = AttackCatalog.load(fixture("legacy-model-bundle.json"));
        assertThat(c.tactics()).extracting(Tactic::id).containsExactly("TA0011", "TA0010");
        assertThat(t(c, "T1041").tactics()).containsExactly("command-and-control", "exfiltration");
        assertThat(c.fullName(t(c, "T1071.004"))).isEqualTo("Application Layer Protocol: DNS");
        assertThat(c.tactic("exfiltration")).hasValueSatisfying(x -> assertThat(x.name()).isEqualTo("Exfiltration"));
    }

    @Test
    void releaseOfABundleWithoutCollectionComesFromItsNewestModification() throws IOException {
        AttackCatalog c = AttackCatalog.load(fixture("legacy-model-bundle.json"));
        assertThat(c.attackVersion()).isEqualTo("11.2");
        assertThat(c.versionBasis()).contains("2022-05-20", "11.2", "2022-05-24");
    }

    @Test
    void v18ModelComponentsReachTechniquesThroughAnalyticsAndStrategies() throws IOException {
        AttackCatalog c = AttackCatalog.load(fixture("v18-model-bundle.json"));
        assertThat(c.detectionModel()).isEqualTo(AttackCatalog.DetectionModel.DETECTION_STRATEGIES);
        assertThat(c.attackVersion()).isEqualTo("18.1");
        assertThat(c.versionBasis()).contains("x-mitre-collection");
        assertThat(c.ds0029Techniques()).extracting(Technique::id).containsExactly("T1071.004");
        assertThat(c.detectingComponents("T1071.004")).containsExactlyInAnyOrder(CONNECTION_CREATION, TRAFFIC_CONTENT);
        assertThat(c.detectedBy(TRAFFIC_FLOW)).as("only a deprecated analytic reads flows").isEmpty();
    }

    @Test
    void strategiesCarryTheirLiveAnalyticsLogSourcesAndMutableElements() throws IOException {
        AttackCatalog c = AttackCatalog.load(fixture("v18-model-bundle.json"));
        assertThat(c.detectionStrategies("T1071.004")).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("DET0001");
            assertThat(s.name()).isEqualTo("Strategy 1");
            assertThat(s.analytics()).extracting(DetectionStrategy.Analytic::id).containsExactly("AN0001", "AN0002");
            DetectionStrategy.Analytic an1 = s.analytics().get(0);
            assertThat(an1.platforms()).containsExactly("Windows");
            assertThat(an1.logSources()).extracting(DetectionStrategy.LogSource::component)
                    .containsExactly(CONNECTION_CREATION, null);
            assertThat(an1.logSources().get(0).name()).isEqualTo("WinEventLog:Sysmon");
            assertThat(an1.logSources().get(0).channel()).isEqualTo("EventCode=3");
            assertThat(an1.logSources().get(1).dataComponentName()).isEqualTo("Process Creation");
            assertThat(an1.mutableElements()).extracting(DetectionStrategy.MutableElement::field).containsExactly("TimeWindow");
        });
        assertThat(c.analyticDescription("AN0001")).hasValue("Analytic 1 looks for something.");
        assertThat(c.detectionStrategies("T1572")).extracting(DetectionStrategy::id).as("no DS0029 source, still a strategy")
                .containsExactly("DET0002");
        assertThat(c.detectionStrategies("T1001")).as("deprecated strategy").isEmpty();
        assertThat(c.tactics()).extracting(Tactic::shortName).containsExactly("command-and-control");
    }

    @Test
    void gzipIsRecognisedByContentWhateverTheName() throws IOException {
        Path plain = fixture("v18-model-bundle.json");
        Path gz = tmp.resolve("bundle.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        assertThat(AttackCatalog.load(gz).ds0029Techniques()).hasSize(1);
    }

    @Test
    void aMalformedObjectIsSkippedWithAWarningAndTheRestLoads() throws IOException {
        String json = Files.readString(fixture("legacy-model-bundle.json"))
                .replaceFirst("\"modified\": \"2020-06-01T00:00:00.000Z\"", "\"modified\": \"June 2020\"");
        Path p = Files.writeString(tmp.resolve("one-bad.json"), json);
        AttackCatalog c = AttackCatalog.load(p);
        assertThat(c.loadWarnings()).first().asString().isEqualTo("1 malformed object(s) skipped");
        assertThat(c.loadWarnings().get(1)).contains("attack-pattern", "June 2020");
        assertThat(c.techniques()).hasSize(4);
        assertThat(AttackCatalog.load(fixture("legacy-model-bundle.json")).loadWarnings()).isEmpty();
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> AttackCatalog.load(tmp.resolve("nope.json")))
                .isInstanceOf(AttackBundleException.class).hasMessageEndingWith("nope.json: no such file");
    }

    @Test
    void aFolderSaysSo() {
        assertThatThrownBy(() -> AttackCatalog.load(tmp)).isInstanceOf(AttackBundleException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void textThatIsNotJsonSaysWhere() throws IOException {
        Path p = Files.writeString(tmp.resolve("notes.txt"), "T1071 is DNS\n");
        assertThatThrownBy(() -> AttackCatalog.load(p)).isInstanceOf(AttackBundleException.class)
                .hasMessageContaining("notes.txt: not valid JSON at line 1");
    }

    @Test
    void jsonThatIsNotABundleSaysSo() throws IOException {
        Path p = Files.writeString(tmp.resolve("layer.json"), "{\"name\":\"a navigator layer\",\"techniques\":[]}");
        assertThatThrownBy(() -> AttackCatalog.load(p)).isInstanceOf(AttackBundleException.class)
                .hasMessageContaining("layer.json: not a STIX bundle");
    }

    @Test
    void aBundleWithoutTechniquesSaysSo() throws IOException {
        Path p = Files.writeString(tmp.resolve("empty.json"), "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[]}");
        assertThatThrownBy(() -> AttackCatalog.load(p)).isInstanceOf(AttackBundleException.class)
                .hasMessageContaining("no ATT&CK techniques");
    }

    @Test
    void aTruncatedGzipSaysSo() throws IOException {
        Path plain = fixture("legacy-model-bundle.json");
        Path gz = tmp.resolve("cut.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> AttackCatalog.load(gz)).isInstanceOf(AttackBundleException.class)
                .hasMessageContaining("cut.json.gz: truncated");
    }
}
