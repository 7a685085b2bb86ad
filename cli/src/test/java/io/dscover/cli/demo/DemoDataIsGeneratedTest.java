package io.dscover.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo data in the jar is exactly what {@link DemoDataGenerator} writes: ours, and reproducible. */
class DemoDataIsGeneratedTest {

    @Test
    void committedDemoDataEqualsTheGeneratorsOutput() throws IOException {
        if (Boolean.getBoolean("dscover.updateDemoData")) {
            DemoDataGenerator.writeTo(DemoDataGenerator.RESOURCE_DIR);
        }
        Map<String, byte[]> generated = DemoDataGenerator.files();
        for (Map.Entry<String, byte[]> f : generated.entrySet()) {
            Path committed = DemoDataGenerator.RESOURCE_DIR.resolve(f.getKey());
            assertThat(committed).as("regenerate with -Ddscover.updateDemoData=true").exists();
            assertThat(Files.readAllBytes(committed)).as(f.getKey()).isEqualTo(f.getValue());
        }
    }

    @Test
    void generationIsDeterministic() {
        Map<String, byte[]> first = DemoDataGenerator.files();
        Map<String, byte[]> second = DemoDataGenerator.files();
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }
}
