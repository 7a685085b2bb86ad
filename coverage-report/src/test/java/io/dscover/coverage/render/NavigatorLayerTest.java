package io.dscover.coverage.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.Tactic;
import io.dscover.model.attack.Technique;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layer loads per the Navigator's rules (shared/attack/navigator-layer-format.md, layer format 4.5): every
 * required field with its type, and every technique entry naming a technique of the catalog under one of its
 * tactics by shortname.
 */
class NavigatorLayerTest {

    static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");
    static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    static void assertLoadsInTheNavigator(CoverageReport report, AttackCatalog catalog) throws Exception {
        JsonNode layer = new ObjectMapper().readTree(NavigatorLayer.render(report));
        assertThat(layer.get("name").isTextual()).isTrue();
        assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
        JsonNode versions = layer.get("versions");
        assertThat(versions.get("layer").asText()).isEqualTo("4.5");
        assertThat(versions.get("attack").asText()).isEqualTo(catalog.attackVersion().split("\\.")[0]);
        String[] nav = versions.get("navigator").asText().split("\\.");
        assertThat(Integer.parseInt(nav[0]) * 100 + Integer.parseInt(nav[1])).as("navigator >= 4.9").isGreaterThanOrEqualTo(409);
        assertThat(layer.get("description").isTextual()).isTrue();
        assertThat(layer.get("sorting").asInt()).isBetween(0, 3);
        JsonNode layout = layer.get("layout");
        assertThat(layout.get("layout").asText()).isIn("side", "flat", "mini");
        assertThat(layout.get("aggregateFunction").asText()).isIn("average", "min", "max", "sum");
        assertThat(layout.get("expandedSubtechniques").asText()).isIn("none", "all", "annotated");
        assertThat(layer.get("hideDisabled").isBoolean()).isTrue();

        JsonNode gradient = layer.get("gradient");
        assertThat(gradient.get("colors").size()).isGreaterThanOrEqualTo(2);
        gradient.get("colors").forEach(c -> assertThat(c.asText()).matches(COLOR));
        assertThat(gradient.get("minValue").isNumber() && gradient.get("maxValue").isNumber()).isTrue();
        assertThat(gradient.get("maxValue").asDouble()).isGreaterThan(gradient.get("minValue").asDouble());
        assertThat(layer.get("legendItems")).hasSize(4).allSatisfy(item -> {
            assertThat(item.get("label").isTextual()).isTrue();
            assertThat(item.get("color").asText()).matches(COLOR);
        });
        layer.get("metadata").forEach(NavigatorLayerTest::assertMetadata);

        Set<String> shortNames = new HashSet<>();
        catalog.tactics().stream().map(Tactic::shortName).forEach(shortNames::add);
        Map<String, Entry> entries = new TreeMap<>();
        report.entries().forEach(e -> entries.put(e.id(), e));
        Set<String> seen = new HashSet<>();
        for (JsonNode t : layer.get("techniques")) {
            String id = t.get("techniqueID").asText();
            assertThat(id).matches(TECHNIQUE_ID);
            Technique technique = catalog.technique(id).orElseThrow(() -> new AssertionError(id + " is not in the catalog"));
            String tactic = t.get("tactic").asText();
            assertThat(shortNames).as("tactic shortname of %s", id).contains(tactic);
            assertThat(technique.tactics()).as("tactics of %s", id).contains(tactic);
            assertThat(t.get("score").isNumber()).as("score of %s is a JSON number", id).isTrue();
            assertThat(t.get("score").asInt()).isEqualTo(entries.get(id).level().score());
            assertThat(t.get("comment").isTextual()).isTrue();
            assertThat(t.get("enabled").isBoolean()).isTrue();
            assertThat(t.get("showSubtechniques").isBoolean()).isTrue();
            assertThat(t.get("color").asText()).isEmpty(); // the gradient colours by score
            t.get("metadata").forEach(NavigatorLayerTest::assertMetadata);
            t.get("links").forEach(l -> assertThat(l.get("url").asText()).startsWith("https://"));
            assertThat(seen.add(id + "/" + tactic)).as("one entry per technique and tactic").isTrue();
        }
        int expected = report.entries().stream().mapToInt(e -> e.tactics().size()).sum();
        assertThat(seen).hasSize(expected);
    }

    static void assertMetadata(JsonNode m) {
        if (m.has("divider")) {
            assertThat(m.get("divider").asBoolean()).isTrue();
        } else {
            assertThat(m.get("name").isTextual() && m.get("value").isTextual()).as(m.toString()).isTrue();
        }
    }

    @Test
    void theEmbeddedModelsLayerLoads() throws Exception {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: zeek\n    logs: [conn, dns]\n")
                .rules(Fixtures.DNS_TXT, Fixtures.SMB_ADMIN).report();
        assertLoadsInTheNavigator(r, AttackCatalog.embeddedDs0029());
        String layer = NavigatorLayer.render(r);
        assertThat(layer).contains("\"techniqueID\" : \"T1071.004\"", "rule dns_txt runs on dns events from zeek");
    }

    @Test
    void theV18ReleasesLayerLoads() throws Exception {
        Path v18 = Path.of("../shared/attack/enterprise-attack-v18.1.json.gz");
        assumeTrue(Files.exists(v18), "needs " + v18);
        AttackCatalog catalog = AttackCatalog.load(v18);
        CoverageReport r = Scenario.everything().catalog(catalog, AttackCatalog.embeddedDs0029())
                .rules(Fixtures.DNS_TXT, Fixtures.SMB_ADMIN).report();
        assertLoadsInTheNavigator(r, catalog);
        assertThat(new ObjectMapper().readTree(NavigatorLayer.render(r)).at("/versions/attack").asText()).isEqualTo("18");
    }

    @Test
    void parentsWithSubTechniqueEntriesShowThemAndCarryTheirAggregate() throws Exception {
        CoverageReport r = Scenario.everything().rules(Fixtures.DNS_TXT).report();
        JsonNode layer = new ObjectMapper().readTree(NavigatorLayer.render(r));
        List<JsonNode> t1071 = new java.util.ArrayList<>();
        layer.get("techniques").forEach(t -> {
            if (t.get("techniqueID").asText().equals("T1071")) {
                t1071.add(t);
            }
        });
        assertThat(t1071).singleElement().satisfies(t -> {
            assertThat(t.get("showSubtechniques").asBoolean()).isTrue();
            assertThat(t.get("comment").asText()).contains("sub-techniques (aggregate of 4)");
        });
    }
}
