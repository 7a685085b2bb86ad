package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.coverage.telemetry.SourceParts;
import io.dscover.model.event.DataComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/coverage.md's profile tables say what the collectors declare and what a profile may choose. */
class CoverageDocsTest {

    static final Path DOC = Path.of("docs/coverage.md");

    @Test
    void everyTelemetryCollectorHasARowWithTheEventTypesAndComponentsItDeclares() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (CollectorCapability c : CollectorCapabilities.of(BuiltInCollectors.registry())) {
            if (!c.telemetrySource()) {
                assertThat(doc).contains("`" + c.name() + "` (dscover's own events read back) is no telemetry source");
                continue;
            }
            List<String> comps = new ArrayList<>();
            for (DataComponent d : DataComponent.values()) {
                if (c.components().contains(d)) {
                    comps.add(d.shortName());
                }
            }
            assertThat(doc).contains("| `" + c.name() + "` | " + String.join(", ", c.eventTypes()) + " | "
                    + String.join(", ", comps) + " |");
        }
    }

    @Test
    void everyZeekLogAndWindowsEventAProfileMayNameIsListed() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String collector : List.of("zeek", "windows")) {
            SourceParts parts = SourceParts.of(collector).orElseThrow();
            for (String part : parts.parts().keySet()) {
                assertThat(doc).as("%s %s", collector, part).contains("`" + part + "`");
            }
        }
        assertThat(doc).contains("| `sysmon-3` | connection |", "| `conn` | connection, flow |", "| any other log | log |");
    }
}
