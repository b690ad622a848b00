package io.avreplay.fleet.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.avreplay.fleet.job.archfixture.CliReacher;
import io.avreplay.fleetfixture.RuleBreaker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet module's dependency rules, over the production classes of all five modules (tools is on
 * this module's test class path): picocli and {@code System.exit} only in the two CLIs (tools'
 * {@code io.avreplay.cli} and {@code io.avreplay.fleet.cli}, as tools' DependencyRulesTest also says),
 * Spark only in the fleet module, no other module depending on the fleet, and the fleet's jobs not
 * reaching up into a CLI (the fleet's, or tools' whose option mixins the fleet's CLI uses). Each rule is also run on a fixture that breaks it, to prove it can fail.
 */
class FleetRulesTest {
    static final ArchRule PICOCLI_ONLY_IN_CLIS = noClasses().that()
            .resideOutsideOfPackages("io.avreplay.cli..", "io.avreplay.fleet.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the command lines live in tools and in the fleet's cli package");

    static final ArchRule EXIT_ONLY_IN_CLIS = noClasses().that()
            .resideOutsideOfPackages("io.avreplay.cli..", "io.avreplay.fleet.cli..")
            .should().callMethod(System.class, "exit", int.class)
            .because("only a CLI decides the exit code");

    static final ArchRule SPARK_ONLY_IN_FLEET = noClasses().that().resideOutsideOfPackage("io.avreplay.fleet..")
            .and().resideInAPackage("io.avreplay..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .because("Spark stays in the fleet module, off the plain CLI's class path");

    static final ArchRule NOTHING_DEPENDS_ON_FLEET = noClasses().that().resideOutsideOfPackage("io.avreplay.fleet..")
            .and().resideInAPackage("io.avreplay..")
            .should().dependOnClassesThat().resideInAPackage("io.avreplay.fleet..")
            .because("the fleet module is on top of the others");

    /** The jobs are a library: only the fleet's command line uses command-line code (its own, tools' mixins). */
    static final ArchRule JOBS_BELOW_CLI = noClasses().that().resideInAPackage("io.avreplay.fleet.job..")
            .should().dependOnClassesThat().resideInAnyPackage("io.avreplay.fleet.cli..", "io.avreplay.cli..")
            .because("the jobs are a library the fleet CLI drives");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // Test classes come as directories (target/test-classes) or, for another module's test jar, as *-tests.jar.
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.avreplay");
    }

    @Test
    void allFiveModulesAreChecked() {
        for (String probe : List.of("io.avreplay.replay.arrow.LogReader", "io.avreplay.eval.coco.CocoEvaluator",
                "io.avreplay.scenario.catalog.Catalog", "io.avreplay.cli.Main", "io.avreplay.fleet.cli.FleetMain",
                "io.avreplay.fleet.job.LogJob")) {
            assertTrue(production.contain(probe), probe + " was not imported");
        }
        assertTrue(!production.contain(RuleBreaker.class), "the fixtures must not count as production");
    }

    @Test
    void productionFollowsEveryRule() {
        List.of(PICOCLI_ONLY_IN_CLIS, EXIT_ONLY_IN_CLIS, SPARK_ONLY_IN_FLEET, NOTHING_DEPENDS_ON_FLEET, JOBS_BELOW_CLI)
                .forEach(r -> r.check(production));
    }

    @Test
    void everyRuleFailsOnAViolation() {
        JavaClasses breakers = new ClassFileImporter().importClasses(RuleBreaker.class, CliReacher.class);
        Map<ArchRule, Class<?>> cases = Map.of(PICOCLI_ONLY_IN_CLIS, RuleBreaker.class, EXIT_ONLY_IN_CLIS,
                RuleBreaker.class, SPARK_ONLY_IN_FLEET, RuleBreaker.class, NOTHING_DEPENDS_ON_FLEET, RuleBreaker.class,
                JOBS_BELOW_CLI, CliReacher.class);
        cases.forEach((rule, breaker) -> {
            AssertionError e = assertThrows(AssertionError.class, () -> rule.check(breakers), rule.getDescription());
            assertTrue(e.getMessage().contains(breaker.getName()), e.getMessage());
        });
    }
}
