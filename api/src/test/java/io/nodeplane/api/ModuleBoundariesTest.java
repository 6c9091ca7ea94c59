package io.nodeplane.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module graph of ARCHITECTURE.md; a forbidden edge fails the build. */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nodeplane");
    }

    @Test
    void eventsAreThePublishedLanguageAndDependOnNoModuleNorSpring() {
        noClasses().that().resideInAPackage("io.nodeplane.events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nodeplane.command..", "io.nodeplane.query..",
                        "io.nodeplane.projections..", "io.nodeplane.api..", "org.springframework..")
                .check(classes);
    }

    @Test
    void theCommandSideNeverReadsReadModels() {
        noClasses().that().resideInAPackage("io.nodeplane.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nodeplane.query..", "io.nodeplane.projections..",
                        "io.nodeplane.api..")
                .check(classes);
    }

    @Test
    void theQuerySideKnowsNoCommandsProjectionsOrApi() {
        noClasses().that().resideInAPackage("io.nodeplane.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nodeplane.command..", "io.nodeplane.projections..",
                        "io.nodeplane.api..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void projectionsWriteReadModelsButNeverCommand() {
        noClasses().that().resideInAPackage("io.nodeplane.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nodeplane.command..", "io.nodeplane.api..")
                .check(classes);
    }

    @Test
    void theApiUsesProjectionsOnlyAtRuntime() {
        noClasses().that().resideInAPackage("io.nodeplane.api..")
                .should().dependOnClassesThat().resideInAPackage("io.nodeplane.projections..")
                .check(classes);
    }
}
