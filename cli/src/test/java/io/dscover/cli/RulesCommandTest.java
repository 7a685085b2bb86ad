package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dscover rules check|compile|list} from the command line, on the built-in library and on broken files. */
class RulesCommandTest {

    static final Path FIVE_MISTAKES = Path.of("cli/src/test/resources/det/five-mistakes.det");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Dscover.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void checkOnAFileWithFiveMistakesPrintsFivePreciseDiagnosticsAndExitsOne() {
        Run r = run("rules", "check", "--no-color", FIVE_MISTAKES.toString());
        assertThat(r.exit()).isEqualTo(1);
        String f = FIVE_MISTAKES.toString();
        List<String> headlines = r.err().lines().filter(l -> l.startsWith(f + ":")).toList();
        assertThat(headlines).containsExactly(
                f + ":5:13: error: 'hihg' is not a severity (info, low, medium, high, critical); did you mean 'high'?",
                f + ":6:23: error: unknown field 'dns.qname' for event 'dns'; did you mean 'dns.question.name'?",
                f + ":13:48: error: regex \"(curl|wget)/(?=\\\\d)\" does not compile (RE2 syntax: no backreferences or "
                        + "lookaround): invalid or unsupported Perl syntax",
                f + ":20:9: error: unknown event type 'flw'; did you mean 'flow'?",
                f + ":27:20: error: cannot compare 'destination.port' (int) with \"445\" (string)");
        // each headline is followed by the source line and a caret under the culprit
        assertThat(r.err()).contains("    6 |   match dns where len(dns.qname) > 60\n      |                       ^^^^^^^^^\n");
        assertThat(r.err()).contains("   20 |   match flw where destination.port == 23\n      |         ^^^\n");
        assertThat(r.err()).endsWith("4 rules in 1 file: 5 errors, 0 warnings\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void checkWritesJsonAndSarifForTools() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Run j = run("rules", "check", "--format", "json", FIVE_MISTAKES.toString());
        assertThat(j.exit()).isEqualTo(1);
        JsonNode list = json.readTree(j.out());
        assertThat(list).hasSize(5);
        assertThat(list.get(1).get("line").asInt()).isEqualTo(6);
        assertThat(list.get(1).get("column").asInt()).isEqualTo(23);
        assertThat(list.get(1).get("endColumn").asInt()).isEqualTo(32);
        assertThat(list.get(1).get("code").asText()).isEqualTo("KnownFields");

        Run s = run("rules", "check", "--format", "sarif", FIVE_MISTAKES.toString());
        JsonNode sarif = json.readTree(s.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(3).get("ruleId").asText()).isEqualTo("KnownEvents");
        assertThat(results.get(3).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(20);
    }

    @Test
    void theBuiltInLibraryChecksWithoutErrors() {
        Run r = run("rules", "check", "--no-color");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain(": error:").containsPattern("\\d+ rules in \\d+ files: 0 errors");
    }

    @Test
    void strictMakesMappingWarningsFail(@TempDir Path dir) throws Exception {
        Path det = dir.resolve("mapping.det");
        Files.writeString(det, """
                rule beaconing {
                  title: "Regular callbacks"
                  techniques: [T1573]
                  severity: high
                  match connection where destination.port == 443
                }
                """);
        assertThat(run("rules", "check", "--no-color", det.toString()).exit()).isZero();
        Run r = run("rules", "check", "--strict", "--no-color", det.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: ATT&CK lists T1573 under Network Traffic Content only; rule matches 'connection'");
    }

    @Test
    void theBuiltInLibraryIsCleanEvenUnderStrict() {
        Run r = run("rules", "check", "--strict", "--no-color");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(": 0 errors, 0 warnings");
    }

    @Test
    void compileEmitsDrlAndAst(@TempDir Path dir) throws Exception {
        Run drl = run("rules", "compile");
        assertThat(drl.exit()).isZero();
        assertThat(drl.out()).contains("package io.dscover.generated;", "rule \"port_scan\"", "rule \"smb_then_svcctl step 2\"",
                "global DetectionActions dscover;");

        Run ast = run("rules", "compile", "--emit", "ast", "-o", dir.toString());
        assertThat(ast.exit()).isZero();
        JsonNode tree = new ObjectMapper().readTree(Files.readString(dir.resolve("rules.ast.json")));
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.toString()).contains("\"node\":\"RuleDecl\"", "\"node\":\"Clause.Aggregate\"");

        Run broken = run("rules", "compile", "--no-color", FIVE_MISTAKES.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).isEmpty();
    }

    @Test
    void tunableOverridesReachTheDrlAndAreChecked() {
        Run ok = run("rules", "compile", "--tunable", "t.limit=30", "cli/src/test/resources/det/tunable.det");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("destinationPort > 30L");
        Run bad = run("rules", "check", "--no-color", "--tunable", "t.limit=5m", "cli/src/test/resources/det/tunable.det");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("--tunable t.limit:1:1: error: tunable t.limit is an int (declared 1024 at");
    }

    @Test
    void listShowsOneLinePerRule() {
        Run r = run("rules", "list");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("TITLE", "SEVERITY", "TECHNIQUES", "EVENT", "SOURCE");
        assertThat(r.out()).contains("port_scan", "T1046,T1595.001", "rules/scan.det:1", "smb_then_svcctl", "sequence");
    }

    @Test
    void missingPathsAreUsageErrors() {
        Run r = run("rules", "check", "no/such/dir");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or folder: no/such/dir");
    }
}
