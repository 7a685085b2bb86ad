package io.dscover.coverage.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/coverage.md's table of ATT&amp;CK log source names and the collectors that deliver them is the code's. */
class LogSourceTableIsDocumentedTest {

    @Test
    void everyLogSourceNameIsDocumentedWithItsCollectors() throws Exception {
        String doc = Files.readString(Path.of("docs/coverage.md"), StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf("| log source name (any case) | collected by |"));
        table = table.substring(0, table.indexOf("\n\n"));
        for (Map.Entry<String, List<String>> e : AnalyticLogSources.table().entrySet()) {
            String row = table.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains("`" + e.getKey() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + " is not in the table"));
            String collectors = row.substring(row.lastIndexOf("` |") + 3);
            for (String c : e.getValue()) {
                assertThat(collectors).as(e.getKey()).contains(c);
            }
        }
    }
}
