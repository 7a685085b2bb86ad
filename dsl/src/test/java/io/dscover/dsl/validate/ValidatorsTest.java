package io.dscover.dsl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.Compiling;
import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.diagnostic.Diagnostic;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.RetiredTechnique;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.DataComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each validator rejects what it is named for, with the exact message and position a person sees.
 * Rule bodies go through {@link #rule}, which puts the body's first line at line 5 of {@code test.det}.
 */
class ValidatorsTest {

    /** A rule with a valid header; the body starts on line 5. */
    static String rule(String body) {
        return "rule r {\n  title: \"t\"\n  severity: low\n  techniques: [T1046]\n" + body + "\n}\n";
    }

    /** The headlines of one check's findings. */
    static List<String> findings(CompileResult r, String code) {
        return r.diagnostics().stream().filter(d -> d.code().equals(code)).map(Diagnostic::headline).toList();
    }

    static List<String> findings(String det, String code) {
        return findings(Compiling.text(det), code);
    }

    @Test
    void syntaxErrorsReadLikeAPersonWroteThem() {
        assertThat(findings(rule("  match flow where destination.port == "), "Syntax")).containsExactly(
                "test.det:5:39: error: expected a condition (e.g. destination.port == 22) after '==', found '}' on line 6 "
                        + "(rule 'r' is skipped until this is fixed)");
        assertThat(findings("rule r {\n  title \"t\"\n}", "Syntax")).containsExactly(
                "test.det:2:9: error: missing ':' after 'title', found a string '\"t\"'" + " (rule 'r' is skipped until this is fixed)");
        assertThat(findings("rule r {\n  title: \"t\"\n", "Syntax")).containsExactly(
                "test.det:2:13: error: expected a rule item (a property such as 'title:', 'tunable', 'match', 'aggregate', "
                        + "'sequence', 'beacon', 'suppress', 'test') or '}' after '\"t\"', found end of file (rule 'r' opened at line 1 is not closed with '}')"
                        + " (rule 'r' is skipped until this is fixed)");
        assertThat(findings(rule("  match flow where flow.state == \"S0"), "Syntax")).containsExactly(
                "test.det:5:34: error: unterminated string: a '\"' is missing before the end of the line" + " (rule 'r' is skipped until this is fixed)");
        assertThat(findings(rule("  match flow where destination.port % 2"), "Syntax")).containsExactly(
                "test.det:5:37: error: unexpected character '%'; expected a rule item (a property such as 'title:', 'tunable', "
                        + "'match', 'aggregate', 'sequence', 'beacon', 'suppress', 'test') or '}' after 'destination.port'" + " (rule 'r' is skipped until this is fixed)");
    }

    @Test
    void aSyntaxErrorInOneRuleDoesNotHideMistakesInTheOthers() {
        String det = rule("  match flow where destination.port == ") + rule("  match dns where dns.qname == \"x\"")
                .replace("rule r {", "rule s {");
        assertThat(Compiling.headlines(Compiling.text(det))).containsExactly(
                "test.det:5:39: error: expected a condition (e.g. destination.port == 22) after '==', found '}' on line 6 "
                        + "(rule 'r' is skipped until this is fixed)",
                "test.det:11:19: error: unknown field 'dns.qname' for event 'dns'; did you mean 'dns.question.name'?");
    }

    @Test
    void literalsAreWellFormed() {
        assertThat(findings(rule("  match http where url.original matches \"\\d+\""), "Literal")).containsExactly(
                "test.det:5:42: error: unknown escape '\\d' in a string; write '\\\\d' for a backslash, or use a raw string r\"...\" (handy for regexes)");
        assertThat(findings(rule("  match flow where source.ip in [10.0.0.1/8, 300.1.1.1]"), "Literal")).containsExactly(
                "test.det:5:34: warning: '10.0.0.1/8' has host bits set; it means 10.0.0.0/8",
                "test.det:5:46: error: '300.1.1.1' is not an IP address");
    }

    @Test
    void uniqueRuleIds() {
        assertThat(findings(rule("  match flow") + rule("  match dns"), "UniqueRuleIds")).containsExactly(
                "test.det:7:6: error: rule id 'r' is already used by the rule at test.det:1:6");
    }

    @Test
    void uniqueNames() {
        assertThat(findings("list a = [1]\nlist a = [2]\n" + rule("  match flow where destination.port in a"), "UniqueNames"))
                .containsExactly("test.det:2:6: error: 'a' is already defined at test.det:1:6; a list needs a name of its own");
    }

    @Test
    void knownProperties() {
        assertThat(findings("rule r {\n  titel: \"t\"\n  severity: low\n  techniques: [T1046]\n  match flow\n}", "KnownProperties"))
                .containsExactly("test.det:1:6: error: rule 'r' has no 'title:'",
                        "test.det:2:3: error: unknown rule property 'titel'; did you mean 'title'?");
    }

    @Test
    void propertyValues() {
        assertThat(findings("rule r {\n  title: \"t\"\n  severity: hihg\n  techniques: [T1046]\n  match flow\n}", "PropertyValues"))
                .containsExactly("test.det:3:13: error: 'hihg' is not a severity (info, low, medium, high, critical); did you mean 'high'?");
    }

    static final AttackCatalog FULL = AttackCatalog.builder("test release", "18.1", AttackCatalog.DetectionModel.DATA_COMPONENT_DETECTS)
            .technique(new Technique("T1046", "Network Service Discovery", List.of("discovery")))
            .technique(new Technique("T1110", "Brute Force", List.of("credential-access")))
            .detects(DataComponent.TRAFFIC_FLOW, "T1046")
            .build();

    static CompileResult withFullCatalog(String det) {
        return DetectionCompiler.compile(List.of(RuleSource.of("test.det", det)), FULL, CompileOptions.defaults());
    }

    @Test
    void knownTechniques() {
        String det = "rule r {\n  title: \"t\"\n  severity: low\n  techniques: [T1064, T1110]\n  match flow\n}";
        assertThat(findings(withFullCatalog(det), "KnownTechniques")).containsExactly(
                "test.det:4:16: error: unknown ATT&CK technique T1064 (not in test release, ATT&CK 18.1); did you mean 'T1046'?");
        // the embedded model holds only DS0029 techniques: it cannot tell a typo from a technique outside DS0029
        assertThat(findings(det, "KnownTechniques")).containsExactly(
                "test.det:4:16: warning: T1064 is not a DS0029 technique in the embedded DS0029 model (ATT&CK 10.1), which lists "
                        + "only DS0029's techniques; load a full ATT&CK release to check that it exists",
                "test.det:4:23: warning: T1110 is not a DS0029 technique in the embedded DS0029 model (ATT&CK 10.1), which lists "
                        + "only DS0029's techniques; load a full ATT&CK release to check that it exists");
    }

    @Test
    void retiredTechniquesNameTheirReplacement() {
        AttackCatalog release = AttackCatalog.builder("test release", "18.1", AttackCatalog.DetectionModel.DATA_COMPONENT_DETECTS)
                .technique(new Technique("T1095", "Non-Application Layer Protocol", List.of("command-and-control")))
                .retired(new RetiredTechnique("T1094", "Custom Command and Control Protocol", RetiredTechnique.Status.REVOKED,
                        List.of("T1095")))
                .retired(new RetiredTechnique("T1043", "Commonly Used Port", RetiredTechnique.Status.DEPRECATED, List.of()))
                .detects(DataComponent.TRAFFIC_FLOW, "T1095")
                .build();
        String det = "rule r {\n  title: \"t\"\n  severity: low\n  techniques: [T1094, T1043, T1095]\n  match flow\n}";
        CompileResult r = DetectionCompiler.compile(List.of(RuleSource.of("test.det", det)), release, CompileOptions.defaults());
        assertThat(findings(r, "KnownTechniques")).containsExactly(
                "test.det:4:16: error: T1094 (Custom Command and Control Protocol) is revoked in test release (ATT&CK 18.1); "
                        + "use T1095 (Non-Application Layer Protocol) instead",
                "test.det:4:23: error: T1043 (Commonly Used Port) is deprecated in test release (ATT&CK 18.1) with no "
                        + "replacement; map the rule to a current technique");
        assertThat(findings(r, "TechniqueDetectableByComponent")).isEmpty();
    }

    @Test
    void techniqueDetectableByComponent() {
        assertThat(findings(rule("  match connection where destination.port == 22"), "TechniqueDetectableByComponent"))
                .containsExactly("test.det:4:16: warning: ATT&CK lists T1046 under Network Traffic Flow only; rule matches "
                        + "'connection' (Network Connection Creation)");
        String det = "rule r {\n  title: \"t\"\n  severity: low\n  techniques: [T1110]\n  match flow\n}";
        assertThat(findings(withFullCatalog(det), "TechniqueDetectableByComponent")).containsExactly(
                "test.det:4:16: warning: ATT&CK does not list T1110 under data source DS0029 (Network Traffic); coverage will "
                        + "not count this rule for it");
    }

    @Test
    void strictTurnsWarningsIntoErrors() {
        CompileResult r = DetectionCompiler.compile(List.of(RuleSource.of("test.det", rule("  match connection"))),
                AttackCatalog.embeddedDs0029(), CompileOptions.defaults().withStrict(true));
        assertThat(r.hasErrors()).isTrue();
        assertThat(findings(r, "TechniqueDetectableByComponent")).singleElement().asString().contains(": error: ATT&CK lists T1046");
        assertThat(r.ruleSet()).isEmpty();
    }

    @Test
    void ruleShape() {
        assertThat(findings(rule("  match flow\n  match dns"), "RuleShape")).containsExactly(
                "test.det:6:3: error: rule 'r' already has a match clause (line 5); combine conditions with 'and'/'or', or write a second rule");
        assertThat(findings(rule("  aggregate count() within 1m having count > 1"), "RuleShape")).containsExactly(
                "test.det:5:3: error: 'aggregate' needs a 'match EVENT where ...' clause before it to say which events it counts");
    }

    @Test
    void knownEvents() {
        assertThat(findings(rule("  match flw where destination.port == 22"), "KnownEvents")).containsExactly(
                "test.det:5:9: error: unknown event type 'flw'; did you mean 'flow'?");
    }

    @Test
    void knownFieldsSuggestTheClosestField() {
        assertThat(findings(rule("  match dns where dns.qname == \"x\""), "KnownFields")).containsExactly(
                "test.det:5:19: error: unknown field 'dns.qname' for event 'dns'; did you mean 'dns.question.name'?");
        assertThat(findings(rule("  match flow where dns.question.name == \"x\""), "KnownFields")).containsExactly(
                "test.det:5:20: error: unknown field 'dns.question.name' for event 'flow'; it is a field of 'dns'");
    }

    @Test
    void knownNames() {
        assertThat(findings("macro outbound = source.port == 1\n" + rule("  match flow where outbund"), "KnownNames"))
                .containsExactly("test.det:6:20: error: unknown name 'outbund' (not a tunable, macro, list or field of 'flow'); did you mean 'outbound'?");
        assertThat(findings("list nets = [10.0.0.0/8]\n" + rule("  match flow where nets"), "KnownNames"))
                .containsExactly("test.det:6:20: error: list 'nets' is not a condition; write 'FIELD in nets'");
    }

    @Test
    void knownFunctions() {
        assertThat(findings(rule("  match dns where lenght(dns.question.name) > 3"), "KnownFunctions")).containsExactly(
                "test.det:5:19: error: unknown function 'lenght' (functions: entropy, is_private, labels, len, lower, max_label_len, upper)");
        assertThat(findings(rule("  match flow where is_private(destination.port)"), "KnownFunctions")).containsExactly(
                "test.det:5:31: error: is_private() takes ip, not int");
    }

    @Test
    void typesAgree() {
        assertThat(findings(rule("  match flow where destination.port == \"22\""), "TypesAgree")).containsExactly(
                "test.det:5:20: error: cannot compare 'destination.port' (int) with \"22\" (string)");
        assertThat(findings(rule("  match flow where source.ip == \"10.0.0.1\""), "TypesAgree")).containsExactly(
                "test.det:5:33: error: IP addresses are written without quotes: source.ip == 10.0.0.1");
        assertThat(findings(rule("  match flow where event.duration > 5"), "TypesAgree")).containsExactly(
                "test.det:5:37: error: 'event.duration' is a duration; write one with a unit, e.g. 500ms, 30s, 5m");
        assertThat(findings(rule("  match flow where flow.state"), "TypesAgree")).containsExactly(
                "test.det:5:20: error: 'flow.state' is a string, not a condition; compare it (e.g. flow.state == ...) or test exists(flow.state)");
        assertThat(findings(rule("  match flow where source.ip in [\"10.0.0.1\"]"), "TypesAgree")).containsExactly(
                "test.det:5:20: error: 'source.ip' is an ip, and the list is a list of strings; IP addresses and CIDRs are written without quotes");
    }

    @Test
    void regexCompiles() {
        assertThat(findings(rule("  match http where url.original matches r\"(a)\\1\""), "RegexCompiles")).containsExactly(
                "test.det:5:41: error: regex \"(a)\\\\1\" does not compile (RE2 syntax: no backreferences or lookaround): invalid escape sequence");
    }

    @Test
    void listsWellFormed() {
        assertThat(findings("list x = [1, \"a\"]\n" + rule("  match flow where destination.port in x"), "ListsWellFormed"))
                .containsExactly("test.det:1:14: error: list 'x' mixes kinds of values: 1 and \"a\"");
    }

    @Test
    void noUnusedLists() {
        assertThat(findings("list unused = [1]\n" + rule("  match flow"), "NoUnusedLists")).containsExactly(
                "test.det:1:6: warning: list 'unused' is never used");
    }

    @Test
    void noUnusedMacros() {
        assertThat(findings("macro unused = destination.port == 1\n" + rule("  match flow"), "NoUnusedMacros")).containsExactly(
                "test.det:1:7: warning: macro 'unused' is never used");
    }

    @Test
    void noMacroCycles() {
        assertThat(findings("macro a = b\nmacro b = a\n" + rule("  match flow where a"), "NoMacroCycles")).containsExactly(
                "test.det:1:7: error: macro 'a' uses itself: a -> b -> a",
                "test.det:2:7: error: macro 'b' uses itself: b -> a -> b");
    }

    @Test
    void windowPositive() {
        assertThat(findings(rule("  match flow\n  aggregate count() within 60 having count > 1"), "WindowPositive")).containsExactly(
                "test.det:6:28: error: 'within' takes a duration such as 500ms, 60s, 5m, 6h or 1d, not 60");
        assertThat(findings(rule("  match flow\n  suppress by source.ip for 0s"), "WindowPositive")).containsExactly(
                "test.det:6:29: error: 'suppress ... for' must be longer than zero");
    }

    @Test
    void aggregateWellFormed() {
        assertThat(findings(rule("  match flow\n  aggregate sum(flow.state) by source.ip within 1m having sum > 1"), "AggregateWellFormed"))
                .containsExactly("test.det:6:17: error: sum() needs a numeric field; 'flow.state' is a string");
        assertThat(findings(rule("  match flow\n  aggregate count() within 1m having destination.port > 1"), "AggregateWellFormed"))
                .containsExactly("test.det:6:38: error: 'having' compares the aggregate ('count') with a number, e.g. count >= 100");
    }

    @Test
    void sequenceWellFormed() {
        assertThat(findings(rule("  sequence by source.ip within 1m [flow]"), "SequenceWellFormed")).containsExactly(
                "test.det:5:3: error: a sequence needs at least two steps: [EVENT where ...] then [EVENT where ...]");
    }

    @Test
    void beaconWellFormed() {
        assertThat(findings(rule("  match flow\n  beacon by source.ip within 1h min 2 having score >= 1.5"), "BeaconWellFormed"))
                .containsExactly("test.det:6:37: error: 'min' takes a whole number of connections of at least 3, not 2",
                        "test.det:6:55: error: the beacon score is between 0 and 1; 1.5 is not");
    }

    @Test
    void noUnusedTunables() {
        assertThat(findings(rule("  tunable limit = 5\n  match flow"), "NoUnusedTunables")).containsExactly(
                "test.det:5:11: warning: tunable 'limit' is never used in rule 'r'");
    }

    @Test
    void testsWellFormed() {
        assertThat(findings(rule("  match flow\n  test \"t\" expect 1 { flow { destination.port: \"22\", source.ip: \"10.0.0.1\", destination.port: 1 } }"),
                "TestsWellFormed")).containsExactly(
                "test.det:6:48: error: bad value for destination.port (int): destination.port is int; write the number without quotes",
                "test.det:6:65: error: bad value for source.ip (ip): IP addresses are written without quotes: source.ip: 10.0.0.1",
                "test.det:6:77: error: 'destination.port' is set twice in this event");
        assertThat(findings(rule("  match flow\n  test \"t\" expect 1 from \"no/such.jsonl\""), "TestsWellFormed"))
                .singleElement().asString().startsWith("test.det:6:26: error: test fixture \"no/such.jsonl\" not found (looked for ");
    }

    @Test
    void importsResolve() {
        assertThat(findings("import \"missing.det\"\n" + rule("  match flow"), "ImportsResolve")).singleElement().asString()
                .startsWith("test.det:1:8: error: cannot import \"missing.det\": no such file (");
    }

    @Test
    void tunableOverridesAreTypeChecked() {
        String det = rule("  tunable limit = 5\n  match flow where destination.port > limit");
        assertThat(findings(Compiling.text(det, Map.of("r.limit", "5m")), "TunableOverrides")).containsExactly(
                "--tunable r.limit:1:1: error: tunable r.limit is an int (declared 5 at test.det:5:3); 5m is a duration");
        assertThat(findings(Compiling.text(det, Map.of("r.limt", "6")), "TunableOverrides")).containsExactly(
                "--tunable r.limt:1:3: error: rule 'r' has no tunable 'limt'; did you mean 'limit'?");
        assertThat(findings(Compiling.text(det, Map.of("q.limit", "6")), "TunableOverrides")).containsExactly(
                "--tunable q.limit:1:1: error: no rule 'q' to override; did you mean 'r'?");
        CompileResult ok = Compiling.text(det, Map.of("r.limit", "6"));
        assertThat(ok.ruleSet().orElseThrow().drl()).contains("destinationPort > 6L");
        assertThat(ok.ruleSet().orElseThrow().rules().get(0).tunables().get(0).overridden()).isTrue();
    }

    @Test
    void everyValidatorIsExercisedAbove() {
        // a new validator needs a failing example here
        List<String> tested = List.of("UniqueRuleIds", "UniqueNames", "KnownProperties", "PropertyValues", "KnownTechniques",
                "TechniqueDetectableByComponent", "RuleShape", "KnownEvents", "KnownFields", "KnownNames", "KnownFunctions",
                "TypesAgree", "RegexCompiles", "ListsWellFormed", "NoUnusedLists", "NoUnusedMacros", "NoMacroCycles",
                "WindowPositive", "AggregateWellFormed", "SequenceWellFormed", "BeaconWellFormed", "NoUnusedTunables",
                "TestsWellFormed");
        assertThat(Validators.all()).extracting(Validator::code).containsExactlyInAnyOrderElementsOf(tested);
    }
}
