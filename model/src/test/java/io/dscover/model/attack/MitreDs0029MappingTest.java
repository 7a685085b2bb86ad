package io.dscover.model.attack;

import static io.dscover.model.event.DataComponent.CONNECTION_CREATION;
import static io.dscover.model.event.DataComponent.TRAFFIC_CONTENT;
import static io.dscover.model.event.DataComponent.TRAFFIC_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedded DS0029 model against MITRE's own data in {@code ../shared}: the seed text, the v10.1
 * objects, the v18.1 slice and the two full releases. Skipped when {@code ../shared} is absent.
 */
class MitreDs0029MappingTest {

    static final Path ATTACK = Path.of("../shared/attack");
    static final Path SEED = Path.of("../shared/seed/DS0029-network-traffic.txt");

    static AttackCatalog load(String name) {
        Path p = ATTACK.resolve(name);
        assumeTrue(Files.exists(p), "needs " + p);
        return AttackCatalog.load(p);
    }

    /** component -> technique ID -> name, as a catalog maps it. */
    static Map<DataComponent, Map<String, String>> mapping(AttackCatalog c) {
        Map<DataComponent, Map<String, String>> m = new EnumMap<>(DataComponent.class);
        for (DataComponent dc : DataComponent.values()) {
            Map<String, String> rows = new TreeMap<>();
            c.detectedBy(dc).forEach(t -> rows.put(t.id(), t.name()));
            m.put(dc, rows);
        }
        return m;
    }

    /** The seed's rows per component: "Enterprise T1020 Name" rows and ".001 Name" rows under them. */
    static Map<DataComponent, Map<String, String>> seed() throws IOException {
        assumeTrue(Files.exists(SEED), "needs " + SEED);
        Map<DataComponent, Map<String, String>> m = new EnumMap<>(DataComponent.class);
        DataComponent current = null;
        String parent = null;
        for (String raw : Files.readAllLines(SEED, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("Network Traffic: ")) {
                current = DataComponent.parse(line.substring("Network Traffic: ".length())).orElseThrow();
                m.putIfAbsent(current, new TreeMap<>());
            } else if (current != null && line.startsWith("Enterprise T")) {
                String[] f = line.split(" ", 3);
                parent = f[1];
                m.get(current).put(parent, f[2]);
            } else if (current != null && line.matches("\\.\\d{3} .*")) {
                m.get(current).put(parent + line.substring(0, 4), line.substring(5));
            }
        }
        return m;
    }

    @Test
    void theEmbeddedModelReproducesTheSeedExactly() throws IOException {
        Map<DataComponent, Map<String, String>> seed = seed();
        Map<DataComponent, Map<String, String>> embedded = mapping(AttackCatalog.embeddedDs0029());
        assertThat(seed.get(CONNECTION_CREATION)).hasSize(58);
        assertThat(seed.get(TRAFFIC_CONTENT)).hasSize(96);
        assertThat(seed.get(TRAFFIC_FLOW)).hasSize(82);
        assertThat(embedded).isEqualTo(seed);
        Set<String> ids = new TreeSet<>();
        seed.values().forEach(rows -> ids.addAll(rows.keySet()));
        assertThat(ids).hasSize(131);
        assertThat(ids.stream().filter(id -> !id.contains("."))).hasSize(60);
    }

    @Test
    void theEmbeddedModelEqualsMitresV10Mapping() {
        AttackCatalog mitre = load("ds0029-stix-bundle.json");
        AttackCatalog embedded = AttackCatalog.embeddedDs0029();
        assertThat(mapping(embedded)).isEqualTo(mapping(mitre));
        assertThat(embedded.ds0029Techniques()).hasSize(131).isEqualTo(mitre.ds0029Techniques());
        for (Technique t : mitre.ds0029Techniques()) {
            assertThat(embedded.technique(t.id())).as(t.id()).hasValue(t); // same name, same tactics in order
            assertThat(embedded.fullName(t)).isEqualTo(mitre.fullName(t));
        }
        assertThat(embedded.tactics()).isEqualTo(mitre.tactics());
        assertThat(mitre.attackVersion()).isEqualTo("10.1");
    }

    @Test
    void theV18SliceReachesTheReadmeCountsThroughDetectionStrategies() {
        AttackCatalog v18 = load("ds0029-v18-slice.json");
        assertThat(v18.detectionModel()).isEqualTo(AttackCatalog.DetectionModel.DETECTION_STRATEGIES);
        assertThat(v18.detectedBy(CONNECTION_CREATION)).hasSize(151);
        assertThat(v18.detectedBy(TRAFFIC_CONTENT)).hasSize(139);
        assertThat(v18.detectedBy(TRAFFIC_FLOW)).hasSize(92);
        assertThat(v18.ds0029Techniques()).hasSize(221);
        assertThat(v18.attackVersion()).isEqualTo("18.1");
    }

    @Test
    void theV18MappingDriftsFromTheSeedAsTheReadmeSays() {
        AttackCatalog v18 = load("ds0029-v18-slice.json");
        AttackCatalog seed = AttackCatalog.embeddedDs0029();
        assertThat(onlyIn(seed, v18, CONNECTION_CREATION)).containsExactly("T1021.004", "T1021.005", "T1021.006", "T1542");
        assertThat(onlyIn(seed, v18, TRAFFIC_CONTENT)).containsExactly("T1003", "T1011.001", "T1020", "T1070", "T1090",
                "T1105", "T1219", "T1221", "T1491.001", "T1499", "T1563.001", "T1563.002", "T1566", "T1566.001", "T1570",
                "T1612");
        assertThat(onlyIn(seed, v18, TRAFFIC_FLOW)).hasSize(18);
        assertThat(onlyIn(v18, seed, CONNECTION_CREATION)).hasSize(97);
        assertThat(onlyIn(v18, seed, TRAFFIC_CONTENT)).hasSize(59);
        assertThat(onlyIn(v18, seed, TRAFFIC_FLOW)).hasSize(28);
    }

    static List<String> onlyIn(AttackCatalog a, AttackCatalog b, DataComponent dc) {
        Set<String> other = b.detectedBy(dc).stream().map(Technique::id).collect(Collectors.toSet());
        return a.detectedBy(dc).stream().map(Technique::id).filter(id -> !other.contains(id)).toList();
    }

    @Test
    void theFullV10ReleaseIsTheSeedsRelease() {
        AttackCatalog v10 = load("enterprise-attack-v10.1.json.gz");
        assertThat(v10.attackVersion()).isEqualTo("10.1");
        assertThat(v10.detectionModel()).isEqualTo(AttackCatalog.DetectionModel.DATA_COMPONENT_DETECTS);
        assertThat(mapping(v10)).isEqualTo(mapping(AttackCatalog.embeddedDs0029()));
        assertThat(v10.techniques().size()).isGreaterThan(500);
        assertThat(v10.retiredTechnique("T1086")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RetiredTechnique.Status.REVOKED);
            assertThat(r.replacedBy()).containsExactly("T1059.001");
        });
        assertThat(v10.retiredTechnique("T1043")).hasValueSatisfying(r ->
                assertThat(r.status()).isEqualTo(RetiredTechnique.Status.DEPRECATED));
    }

    @Test
    void theFullV18ReleaseUsesDetectionStrategies() {
        AttackCatalog v18 = load("enterprise-attack-v18.1.json.gz");
        assertThat(v18.attackVersion()).isEqualTo("18.1");
        assertThat(v18.detectionModel()).isEqualTo(AttackCatalog.DetectionModel.DETECTION_STRATEGIES);
        assertThat(v18.detectedBy(CONNECTION_CREATION)).hasSize(151);
        assertThat(v18.detectedBy(TRAFFIC_CONTENT)).hasSize(139);
        assertThat(v18.detectedBy(TRAFFIC_FLOW)).hasSize(92);
        assertThat(v18.ds0029Techniques()).hasSize(221);
        assertThat(v18.tactics()).hasSize(14);
        assertThat(v18.detectionStrategies("T1071.004")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.id()).startsWith("DET");
            assertThat(s.analytics()).isNotEmpty();
        });
    }
}
