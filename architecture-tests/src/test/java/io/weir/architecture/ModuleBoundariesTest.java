package io.weir.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces DESIGN.md section 1: a lower module never imports a higher one, and a few third-party
 * libraries stay inside the one package that owns them (STYLE.md item 17).
 *
 * <p>Maven's dependency graph already keeps a higher module off a lower module's classpath; these
 * rules also catch a dependency added to a module's pom by mistake, and the library boundaries
 * inside a module.
 */
class ModuleBoundariesTest {
    private static final String CHECKPOINT = "io.weir.checkpoint..";
    private static final String RUNTIME = "io.weir.runtime..";
    private static final String CODEGEN = "io.weir.codegen..";
    private static final String PARSER = "io.weir.parser..";
    private static final String PLANNER = "io.weir.planner..";
    private static final String CONNECTORS = "io.weir.connectors..";
    private static final String CLIENT = "io.weir.client..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.weir");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void checkpointDependsOnNoOtherWeirModule() {
        check(noClasses().that().resideInAPackage(CHECKPOINT).should().dependOnClassesThat()
            .resideInAnyPackage(RUNTIME, CODEGEN, PARSER, PLANNER, CONNECTORS, CLIENT));
    }

    @Test
    void runtimeDependsOnlyOnCheckpoint() {
        check(noClasses().that().resideInAPackage(RUNTIME).should().dependOnClassesThat()
            .resideInAnyPackage(CODEGEN, PARSER, PLANNER, CONNECTORS, CLIENT));
    }

    @Test
    void codegenDoesNotKnowThePlannerOrConnectors() {
        check(noClasses().that().resideInAPackage(CODEGEN).should().dependOnClassesThat()
            .resideInAnyPackage(PARSER, PLANNER, CONNECTORS, CLIENT));
    }

    @Test
    void connectorsDoNotKnowThePlanner() {
        check(noClasses().that().resideInAPackage(CONNECTORS).should().dependOnClassesThat()
            .resideInAnyPackage(CODEGEN, PARSER, PLANNER, CLIENT));
    }

    @Test
    void parserDependsOnNoOtherWeirModule() {
        check(noClasses().that().resideInAPackage(PARSER).should().dependOnClassesThat()
            .resideInAnyPackage(CHECKPOINT, RUNTIME, CODEGEN, PLANNER, CONNECTORS, CLIENT));
    }

    @Test
    void plannerDoesNotKnowConnectorsOrTheClient() {
        check(noClasses().that().resideInAPackage(PLANNER).should().dependOnClassesThat()
            .resideInAnyPackage(CONNECTORS, CLIENT));
    }

    @Test
    void rocksDbStaysInsideTheRocksDbBackendPackage() {
        check(noClasses().that().resideOutsideOfPackage("io.weir.checkpoint.state.rocksdb..")
            .and().resideInAPackage("io.weir..")
            .should().dependOnClassesThat().resideInAPackage("org.rocksdb.."));
    }

    @Test
    void janinoStaysInsideCodegen() {
        check(noClasses().that().resideOutsideOfPackage(CODEGEN)
            .and().resideInAPackage("io.weir..")
            .should().dependOnClassesThat().resideInAnyPackage("org.codehaus.janino..", "org.codehaus.commons.compiler.."));
    }

    @Test
    void calciteNeverReachesRuntimeOrCheckpoint() {
        check(noClasses().that().resideInAnyPackage(RUNTIME, CHECKPOINT)
            .should().dependOnClassesThat().resideInAPackage("org.apache.calcite.."));
    }
}
