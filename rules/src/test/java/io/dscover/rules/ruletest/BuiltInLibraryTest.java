package io.dscover.rules.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.TestSpec;
import io.dscover.rules.ruleset.BuiltInLibrary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in library's own tests, run through the real engine in the build: a rule whose test
 * fails (or no longer compiles) fails the build.
 */
class BuiltInLibraryTest {

    private static CompiledRuleSet library() {
        CompileResult r = BuiltInLibrary.compile();
        assertThat(r.hasErrors()).as("the built-in library compiles: %s", r.diagnostics()).isFalse();
        return r.ruleSet().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> every_test_block_of_the_built_in_library_passes() {
        List<RuleTestOutcome> outcomes = new RuleTestRunner(library(), new JsonLinesFixtures()).runAll();
        assertThat(outcomes).isNotEmpty();
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(o.ruleId() + ": " + o.test(), () ->
                assertThat(o.status()).as("%s %s: %s", o.location(), o.test(), o.message())
                        .isEqualTo(RuleTestOutcome.Status.PASSED)));
    }

    @Test
    void every_built_in_rule_proves_itself_with_a_test_that_fires_and_one_that_does_not() {
        for (RuleSpec rule : library().enabledRules()) {
            assertThat(rule.tests()).as(rule.id() + " has a test expecting an alert")
                    .anyMatch(t -> !t.expectation().test(0));
            assertThat(rule.tests()).as(rule.id() + " has a test expecting none")
                    .anyMatch(t -> t.expectation().test(0));
            assertThat(rule.tests().stream().map(TestSpec::name)).doesNotHaveDuplicates();
        }
    }
}
