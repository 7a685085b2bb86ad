package io.dscover.model.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a bundle and writing it back gives the same JSON: nothing dscover does not model is lost. */
class StixRoundTripTest {

    static String resource(String name) throws IOException {
        try (InputStream in = StixRoundTripTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode tree(String json) throws IOException {
        return StixJson.mapper().readTree(json);
    }

    @Test
    void everyKnownTypeIsReadAsItsRecord() throws IOException {
        Bundle b = StixJson.readBundle(resource("mixed-bundle.json"));
        assertThat(b.objects()).extracting(o -> o.getClass().getSimpleName()).containsExactly(
                "Identity", "MarkingDefinition", "AttackPattern", "MitreTactic", "MitreMatrix", "MitreCollection",
                "MitreDataSource", "MitreDataComponent", "MitreAnalytic", "MitreDetectionStrategy", "Relationship",
                "UnknownStixObject");
        AttackPattern p = (AttackPattern) b.objects().get(2);
        assertThat(p.attackId()).isEqualTo("T1071");
        assertThat(p.killChainPhases()).extracting(KillChainPhase::phaseName).containsExactly("command-and-control");
        assertThat(p.xMitreIsSubtechnique()).isFalse();
        assertThat(p.extra()).containsKeys("x_future_field", "object_marking_refs", "x_mitre_detection");
        MitreAnalytic a = (MitreAnalytic) b.objects().get(8);
        assertThat(a.xMitreLogSourceReferences()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("NSM:Flow");
            assertThat(l.xMitreDataComponentRef()).endsWith("1001");
        });
        assertThat(a.xMitreMutableElements()).extracting(MitreAnalytic.MutableElement::field).containsExactly("TimeWindow");
        assertThat(((MarkingDefinition) b.objects().get(1)).statement()).startsWith("Copyright example");
        assertThat(((MitreCollection) b.objects().get(5)).xMitreVersion()).isEqualTo("99.9");
    }

    @Test
    void unknownTypesAndPropertiesSurviveARoundTrip() throws IOException {
        String original = resource("mixed-bundle.json");
        String written = StixJson.write(StixJson.readBundle(original));
        assertThat(JsonDiff.firstDifference(tree(written), tree(original))).isNull();
    }

    @Test
    void objectsWithoutSpecVersionAreStix20AndKeepHavingNone() throws IOException {
        Bundle b = StixJson.readBundle(resource("mixed-bundle.json"));
        StixObject identity = b.objects().get(0);
        assertThat(identity.specVersion()).isNull();
        assertThat(identity.stixVersion()).isEqualTo("2.0");
        assertThat(b.objects().get(3).stixVersion()).isEqualTo("2.1");
        assertThat(StixJson.write(identity)).doesNotContain("spec_version");
        assertThat(b.specVersion()).isEqualTo("2.0");
    }

    @Test
    void timestampsKeepTheirPrecision() throws IOException {
        Bundle b = StixJson.readBundle(resource("mixed-bundle.json"));
        AttackPattern p = (AttackPattern) b.objects().get(2);
        assertThat(p.created().fractionDigits()).isEqualTo(6);
        assertThat(p.created().toString()).isEqualTo("2020-01-02T03:04:05.123456Z");
        assertThat(b.objects().get(3).modified().toString()).isEqualTo("2025-04-25T14:45:36.917Z");
        assertThat(((MarkingDefinition) b.objects().get(1)).created().toString()).isEqualTo("2017-06-01T00:00:00Z");
        assertThat(b.objects().get(11).modified().toString()).isEqualTo("2030-01-01T00:00:00.000000001Z");
    }

    @Test
    void anUnknownObjectIsItsJson() throws IOException {
        Bundle b = StixJson.readBundle(resource("mixed-bundle.json"));
        UnknownStixObject u = (UnknownStixObject) b.objects().get(11);
        assertThat(u.type()).isEqualTo("x-dscover-future-type");
        assertThat(u.id()).endsWith("1401");
        assertThat(u.extra()).containsKeys("anything", "empty_list", "empty_object").doesNotContainKeys("type", "id");
        assertThat(u.json().get("anything").get("goes")).hasSize(4);
    }

    @Test
    void mitresV10ObjectsRoundTripOneByOne() throws IOException {
        assertRoundTripsObjectByObject(Path.of("../shared/attack/ds0029-stix-bundle.json"));
    }

    @Test
    void mitresV18ObjectsRoundTripOneByOne() throws IOException {
        assertRoundTripsObjectByObject(Path.of("../shared/attack/ds0029-v18-slice.json"));
    }

    private static void assertRoundTripsObjectByObject(Path file) throws IOException {
        assumeTrue(Files.exists(file), "needs " + file);
        JsonNode original = StixJson.mapper().readTree(file.toFile()).get("objects");
        List<StixObject> read = new ArrayList<>();
        StixBundleReader.Summary s = StixBundleReader.read(file, read::add);
        assertThat(s.malformedObjects()).isZero();
        assertThat(read).hasSize(original.size());
        for (int i = 0; i < read.size(); i++) {
            assertThat(JsonDiff.firstDifference(tree(StixJson.write(read.get(i))), original.get(i)))
                    .as("object %d %s", i, read.get(i).id()).isNull();
        }
    }
}
