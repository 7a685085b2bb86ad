package io.dscover.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes dscover's own demo data (the inputs {@code dscover demo} ships in its jar): a packet capture,
 * Zeek logs, an AWS flow-log export and Windows events describing one fictional office morning with
 * planted attacker activity. Everything is generated here, deterministically, so the data is ours and
 * can be regenerated: {@code DemoDataIsGeneratedTest} checks the committed files equal this output.
 *
 * <p>Regenerate: {@code mvn -q -pl cli -am test -Dtest=DemoDataIsGeneratedTest -Ddscover.updateDemoData=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
final class DemoDataGenerator {

    /** Where the demo data lives in the source tree (it is a classpath resource of the cli jar). */
    static final Path RESOURCE_DIR = Path.of("cli/src/main/resources/io/dscover/cli/demo/data");

    private DemoDataGenerator() {
    }

    /** Relative path → content of every demo input. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("hq-lan.pcap", DemoCapture.generate());
        DemoZeekLogs.generate().forEach((name, bytes) -> files.put("branch-zeek/" + name, bytes));
        DemoFlowLogs.generate().forEach((name, bytes) -> files.put("aws-export/" + name, bytes));
        files.put("ws-042-sysmon-security.xml", DemoWindowsEvents.generate());
        return files;
    }

    static void writeTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }
}
