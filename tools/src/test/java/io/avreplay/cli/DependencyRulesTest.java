package io.avreplay.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.avreplay.replay.archfixture.RuleBreaker;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's dependency rules (docs/ARCHITECTURE.md), checked over the production classes of all four
 * modules, which the tools module sees on its class path: a violation fails {@code mvn verify}. Each rule
 * is also run on {@link RuleBreaker}, a test class that breaks it, to prove the rule can fail.
 */
class DependencyRulesTest {
    /** Module direction: replay-core &lt;- perception-eval &lt;- scenarios &lt;- tools. */
    static final ArchRule MODULE_DIRECTION = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true) // allFourModulesAreChecked proves none is empty in production
            .layer("replay-core").definedBy("io.avreplay.replay..", "io.avreplay.error..")
            .layer("perception-eval").definedBy("io.avreplay.eval..", "io.avreplay.perception..")
            .layer("scenarios").definedBy("io.avreplay.scenario..")
            .layer("tools").definedBy("io.avreplay.cli..")
            .whereLayer("tools").mayNotBeAccessedByAnyLayer()
            .whereLayer("scenarios").mayOnlyBeAccessedByLayers("tools")
            .whereLayer("perception-eval").mayOnlyBeAccessedByLayers("scenarios", "tools");

    /**
     * DL4J and ND4J types stay in the model packages (the ONNX backend among them: its export reads the folded
     * network and writes the ONNX protobuf classes shipped in nd4j-api); metrics, scenarios and the CLI see plain records.
     */
    static final ArchRule DL4J_ONLY_IN_MODEL_PACKAGES = noClasses().that()
            .resideOutsideOfPackages("io.avreplay.perception.model..", "io.avreplay.perception.lidar..",
                    "io.avreplay.perception.camera..", "io.avreplay.perception.train..",
                    "io.avreplay.perception.bench..", "io.avreplay.perception.onnx..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("DL4J/ND4J types stay inside perception-eval's model packages");

    /**
     * picocli is the CLI's business: the tools module's, and the fleet module's own command line (its own
     * entry point keeps Spark off this module's class path); fleet's FleetRulesTest checks that module.
     */
    static final ArchRule PICOCLI_ONLY_IN_TOOLS = noClasses().that()
            .resideOutsideOfPackages("io.avreplay.cli..", "io.avreplay.fleet.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the command line lives in tools");

    /** Only the CLIs (tools', fleet's) end the process; libraries throw domain exceptions. */
    static final ArchRule EXIT_ONLY_IN_TOOLS = noClasses().that()
            .resideOutsideOfPackages("io.avreplay.cli..", "io.avreplay.fleet.cli..")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("only the CLI decides the exit code");

    static final List<ArchRule> RULES = List.of(MODULE_DIRECTION, DL4J_ONLY_IN_MODEL_PACKAGES, PICOCLI_ONLY_IN_TOOLS,
            EXIT_ONLY_IN_TOOLS);

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // Test classes come as directories (target/test-classes) or, for another module's test jar, as *-tests.jar.
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.avreplay");
    }

    @Test
    void allFourModulesAreChecked() {
        for (String probe : new String[] {"io.avreplay.replay.arrow.LogReader", "io.avreplay.eval.coco.CocoEvaluator",
            "io.avreplay.scenario.catalog.Catalog", "io.avreplay.cli.Main"}) {
            assertTrue(production.contain(probe), probe + " was not imported");
        }
        assertTrue(!production.contain(RuleBreaker.class), "the rule-breaking fixture must not count as production");
    }

    @Test
    void productionFollowsEveryRule() {
        RULES.forEach(r -> r.check(production));
    }

    @Test
    void everyRuleFailsOnAViolation() {
        JavaClasses breaker = new ClassFileImporter().importClasses(RuleBreaker.class, ExitCodes.class);
        for (ArchRule rule : RULES) {
            AssertionError e = assertThrows(AssertionError.class, () -> rule.check(breaker), rule.getDescription());
            assertTrue(e.getMessage().contains(RuleBreaker.class.getName()), e.getMessage());
        }
    }
}
