package io.dscover.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.dscover.collect.archfixture.CollectorThatImportsRules;
import io.dscover.rules.archfixture.RulesEngineStandIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of ARCHITECTURE.md section 1, enforced rather than agreed:
 * <pre>
 * model        &lt;- nothing internal
 * dsl          &lt;- model
 * collectors   &lt;- model
 * rules        &lt;- model, dsl
 * coverage     &lt;- model, dsl (never Drools)
 * cli          &lt;- all
 * </pre>
 */
class ModuleBoundariesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dscover");
    }

    static final ArchRule MODEL_DEPENDS_ON_NOTHING_INTERNAL = noClasses()
            .that().resideInAPackage("io.dscover.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.dscover.dsl..", "io.dscover.rules..", "io.dscover.collect..", "io.dscover.coverage..",
                    "io.dscover.cli..", "org.drools..", "org.kie..", "picocli..")
            .as("model depends on nothing internal")
            .allowEmptyShould(true);

    static final ArchRule DSL_DEPENDS_ONLY_ON_MODEL = noClasses()
            .that().resideInAPackage("io.dscover.dsl..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.dscover.rules..", "io.dscover.collect..", "io.dscover.coverage..", "io.dscover.cli..",
                    "org.drools..", "org.kie..", "picocli..")
            .as("dsl depends only on model (it emits DRL text and knows no Drools runtime class)")
            .allowEmptyShould(true);

    static final ArchRule COLLECTORS_DEPEND_ONLY_ON_MODEL = noClasses()
            .that().resideInAPackage("io.dscover.collect..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.dscover.dsl..", "io.dscover.rules..", "io.dscover.coverage..", "io.dscover.cli..",
                    "org.drools..", "org.kie..", "picocli..")
            .as("collectors depend only on model (they know nothing of rules)")
            .allowEmptyShould(true);

    static final ArchRule RULES_DEPEND_ON_MODEL_AND_DSL = noClasses()
            .that().resideInAPackage("io.dscover.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.dscover.collect..", "io.dscover.coverage..", "io.dscover.cli..", "picocli..")
            .as("rules depend only on model and dsl")
            .allowEmptyShould(true);

    static final ArchRule COVERAGE_NEVER_STARTS_DROOLS = noClasses()
            .that().resideInAPackage("io.dscover.coverage..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.dscover.rules..", "io.dscover.collect..", "io.dscover.cli..", "org.drools..", "org.kie..",
                    "picocli..")
            .as("coverage depends only on model and dsl, and never on Drools")
            .allowEmptyShould(true);

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.dscover.(**)").should().beFreeOfCycles()
            .as("no cycles between packages");

    @Test
    void theImportSeesTheModules() {
        // guards the rules below against passing vacuously because the import found nothing
        for (String pkg : new String[] {"io.dscover.model", "io.dscover.collect", "io.dscover.cli"}) {
            org.assertj.core.api.Assertions.assertThat(production.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void modelDependsOnNothingInternal() {
        MODEL_DEPENDS_ON_NOTHING_INTERNAL.check(production);
    }

    @Test
    void dslDependsOnlyOnModel() {
        DSL_DEPENDS_ONLY_ON_MODEL.check(production);
    }

    @Test
    void collectorsDependOnlyOnModel() {
        COLLECTORS_DEPEND_ONLY_ON_MODEL.check(production);
    }

    @Test
    void rulesDependOnlyOnModelAndDsl() {
        RULES_DEPEND_ON_MODEL_AND_DSL.check(production);
    }

    @Test
    void coverageNeverStartsDrools() {
        COVERAGE_NEVER_STARTS_DROOLS.check(production);
    }

    @Test
    void packagesAreFreeOfCycles() {
        NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void theRulesCatchAForbiddenImport() {
        // A class in io.dscover.collect.* that uses io.dscover.rules.*: the boundary rule must reject it.
        JavaClasses violating = new ClassFileImporter().importClasses(CollectorThatImportsRules.class,
                RulesEngineStandIn.class);
        assertThatThrownBy(() -> COLLECTORS_DEPEND_ONLY_ON_MODEL.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("collectors depend only on model");
    }
}
