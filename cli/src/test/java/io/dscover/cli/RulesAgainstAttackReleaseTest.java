package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dscover rules check|compile|list|test --attack-bundle FILE}: technique IDs are checked against the
 * release the user names. A small self-made legacy-model bundle (ATT&amp;CK 15.1 shape: one revoked, one
 * deprecated, one non-DS0029 technique) covers the feature; MITRE's real releases in {@code ../shared}
 * are used when present.
 */
class RulesAgainstAttackReleaseTest {

    static final String BUNDLE = "cli/src/test/resources/io/dscover/cli/legacy-model-bundle.json";
    static final String RULES = "cli/src/test/resources/det/release-techniques.det";
    static final String GOOD_RULES = "cli/src/test/resources/det/tunable.det";
    static final Path LIBRARY = Path.of("rules/src/main/resources/rules");

    static List<String> headlines(CommandRun r) {
        return r.err().lines().filter(l -> l.startsWith(RULES + ":")).toList();
    }

    @Test
    void checkReportsRevokedDeprecatedAndUnknownTechniquesOfTheGivenRelease() {
        CommandRun r = CommandRun.of("rules", "check", "--no-color", "--attack-bundle", BUNDLE, RULES);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(headlines(r)).containsExactly(
                RULES + ":5:16: error: T1094 (Custom Command and Control Protocol) is revoked in legacy-model-bundle.json "
                        + "(ATT&CK 15.1); use T1095 (Non-Application Layer Protocol) instead",
                RULES + ":5:23: error: T1043 (Commonly Used Port) is deprecated in legacy-model-bundle.json (ATT&CK 15.1) "
                        + "with no replacement; map the rule to a current technique",
                RULES + ":12:16: warning: ATT&CK does not list T1110 under data source DS0029 (Network Traffic); coverage "
                        + "will not count this rule for it",
                RULES + ":12:23: error: unknown ATT&CK technique T1064 (not in legacy-model-bundle.json, ATT&CK 15.1); "
                        + "did you mean 'T1046'?");
        assertThat(r.err()).endsWith("2 rules in 1 file: 3 errors, 1 warning\n");
    }

    @Test
    void withoutABundleTheEmbeddedModelCanOnlyWarn() {
        CommandRun r = CommandRun.of("rules", "check", "--no-color", RULES);
        assertThat(r.exitCode()).isZero();
        assertThat(headlines(r)).hasSize(4).allMatch(l -> l.contains(": warning: ")
                && l.contains("is not a DS0029 technique in the embedded DS0029 model (ATT&CK 10.1)"));
    }

    @Test
    void compileListAndTestRefuseRulesWithRetiredTechniquesAndAcceptTheRest() {
        CommandRun compile = CommandRun.of("rules", "compile", "--no-color", "--attack-bundle", BUNDLE, RULES);
        assertThat(compile.exitCode()).isEqualTo(1);
        assertThat(compile.out()).isEmpty();
        assertThat(compile.err()).contains("error: T1094 (Custom Command and Control Protocol) is revoked");

        CommandRun list = CommandRun.of("rules", "list", "--attack-bundle", BUNDLE, RULES);
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.out()).isEmpty();
        assertThat(list.err()).contains("error: T1043 (Commonly Used Port) is deprecated");

        CommandRun test = CommandRun.of("rules", "test", "--no-color", "--attack-bundle", BUNDLE, RULES);
        assertThat(test.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(test.err()).contains("error: T1094 (Custom Command and Control Protocol) is revoked");

        CommandRun good = CommandRun.of("rules", "list", "--attack-bundle", BUNDLE, GOOD_RULES);
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.out()).contains("T1046", "tunable.det:1");
        CommandRun drl = CommandRun.of("rules", "compile", "--attack-bundle", BUNDLE, GOOD_RULES);
        assertThat(drl.exitCode()).as(drl.err()).isZero();
        assertThat(drl.out()).contains("rule \"t\"");
    }

    @Test
    void aBundleThatCannotBeReadIsAUsageError() {
        CommandRun r = CommandRun.of("rules", "check", "--attack-bundle", "no/such/bundle.json", GOOD_RULES);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--attack-bundle no/such/bundle.json: no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enterprise-attack-v10.1.json.gz", "enterprise-attack-v18.1.json.gz"})
    void mitreReleasesRetireTheOldTechniquesAndAcceptTheBuiltInLibrary(String release) {
        Path bundle = Path.of("../shared/attack").resolve(release);
        assumeTrue(Files.exists(bundle), "ATT&CK release not present: " + bundle);
        String version = release.replaceAll("enterprise-attack-v|\\.json\\.gz", "");

        CommandRun r = CommandRun.of("rules", "check", "--no-color", "--attack-bundle", bundle.toString(), RULES,
                LIBRARY.toString()); // one load of the release: the old file and the built-in library
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(headlines(r)).containsExactly(
                RULES + ":5:16: error: T1094 (Custom Command and Control Protocol) is revoked in " + release
                        + " (ATT&CK " + version + "); use T1095 (Non-Application Layer Protocol) instead",
                RULES + ":5:23: error: T1043 (Commonly Used Port) is deprecated in " + release + " (ATT&CK " + version
                        + ") with no replacement; map the rule to a current technique",
                RULES + ":12:16: warning: ATT&CK does not list T1110 under data source DS0029 (Network Traffic); coverage "
                        + "will not count this rule for it",
                RULES + ":12:23: error: T1064 (Scripting) is deprecated in " + release + " (ATT&CK " + version
                        + ") with no replacement; map the rule to a current technique");

        assertThat(r.err().lines().filter(l -> l.startsWith(LIBRARY + "/") && l.contains(": error:")))
                .as("the built-in library against " + release).isEmpty();
    }
}
