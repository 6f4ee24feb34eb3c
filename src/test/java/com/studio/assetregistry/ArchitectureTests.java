package com.studio.assetregistry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependency rules that docs/architecture.md draws and states, checked on the compiled classes: a
 * dependency that breaks one fails the build here, not in a later reader's understanding.
 */
class ArchitectureTests {

    private static final String ROOT = "com.studio.assetregistry";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("__")) // Spring's AOT code, which wires every package
            .importPackages(ROOT);

    @Test
    void thePackagesDependOnEachOtherWithoutACycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingUsesTheCommandLineOrTheRestApi() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..").check(CLASSES);
        noClasses().that().resideOutsideOfPackage(ROOT + ".web..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".web..").check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesTheInbox() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".inbox..", ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".inbox..").check(CLASSES);
    }

    @Test
    void theModelDependsOnNothingOfTheApplicationAndTheRulesOnlyOnTheModel() {
        noClasses().that().resideInAPackage(ROOT + ".asset..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".asset..", "java..")
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".validation..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", ROOT + ".web..",
                        ROOT + ".inbox..", ROOT + ".registry..", ROOT + ".ingest..", ROOT + ".storage..",
                        ROOT + ".report..", ROOT + ".generate..", ROOT + ".files..")
                .check(CLASSES);
    }

    @Test
    void theSqlLivesInStorageSaveTheJobsProgressAndTheInboxLock() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".storage.jdbc..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".ingest.RunProgressReader")
                .and().doNotHaveFullyQualifiedName(ROOT + ".inbox.InboxIngestionConfiguration")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc.core..",
                        "org.springframework.jdbc.datasource..")
                .check(CLASSES);
    }

    @Test
    void onlyStorageSpeaksJdbcSaveTheJobsProgressAndTheInboxLock() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".storage..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".ingest.RunProgressReader")
                .and().doNotHaveFullyQualifiedName(ROOT + ".inbox.InboxIngestionConfiguration")
                .and().doNotHaveFullyQualifiedName(ROOT + ".inbox.LockTableExceptionTranslator")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(CLASSES);
    }
}
