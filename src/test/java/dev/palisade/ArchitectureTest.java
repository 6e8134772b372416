package dev.palisade;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STYLE.md's package rules, kept by the build. */
class ArchitectureTest {
    private static final String[] SDKS = {"software.amazon..", "com.google.api..", "com.google.auth..",
        "com.google.api.client..", "com.nimbusds..", "com.github.javakeyring..", "org.kohsuke.github.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.palisade");
    }

    @Test
    void coreAndChecksUseNoJavaFxNoJdbcAndNoSdk() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.palisade.core..", "dev.palisade.checks..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {"javafx..", "java.sql..",
                    "org.sqlite..", "dev.palisade.ui..", "dev.palisade.store..", "dev.palisade.collect..",
                    "dev.palisade.cli..", "dev.palisade.scan..", "dev.palisade.act..", "dev.palisade.auth.."}, SDKS))
                .because("the model and the checks are plain Java: pure functions from inventory and configuration to findings");
        rule.check(classes);
    }

    @Test
    void onlyTheStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("dev.palisade.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .because("the store is the only JDBC code").check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.palisade.ui..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName() + "$Gui")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..")
                .because("only the ui uses JavaFX (the Launcher only starts it)").check(classes);
    }

    @Test
    void collectorsDoNotImportEachOther() {
        slices().matching("dev.palisade.collect.(*)..").should().notDependOnEachOther()
                .because("each source's collector stands alone").check(classes);
    }

    @Test
    void collectorsEvaluateNoChecksAndShowNoUi() {
        noClasses().that().resideInAPackage("dev.palisade.collect..").and().resideOutsideOfPackage("dev.palisade.collect.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.palisade.checks..", "dev.palisade.ui..",
                    "dev.palisade.store..", "dev.palisade.cli..")
                .because("collectors return inventory; checks, storage and display happen elsewhere").check(classes);
    }

    @Test
    void nothingButTheCliWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackages("dev.palisade.cli..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().accessField(System.class, "out")
                .because("stdout carries only what a command was asked for; everything else logs through SLF4J")
                .check(classes);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
