package com.studio.assetregistry.validation;

import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** A rule from another jar, declared for ServiceLoader, in a small application context of its own. */
class ServiceLoaderRulesTests {

    /** A studio's rule from its own jar: names in capitals. */
    public static class ShoutingNameRule implements RecordRule {

        @Override public String id() { return "studio.shouting"; }
        @Override public String field() { return "asset.name"; }
        @Override public String description() { return "the name is in capitals"; }

        @Override
        public Optional<Violation> check(InputRecord record) {
            String name = record.name().text();
            return name != null && name.equals(name.toUpperCase()) ? Optional.of(violation(name + " shouts"))
                    : Optional.empty();
        }
    }

    @TempDir
    Path jar;

    @Test
    void aRuleDeclaredForTheServiceLoaderIsCataloguedConfiguredAndChecked() throws IOException {
        // given a jar that declares the rule, and a rules file that makes it a warning
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve(Rule.class.getName()), ShoutingNameRule.class.getName() + "\n");
        RulesFile rulesFile = RulesFile.of("studio.yml", "rules:\n  studio.shouting:\n    severity: warning\n");

        try (var classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             var context = new AnnotationConfigApplicationContext()) {
            context.setClassLoader(classLoader);
            context.registerBean(RulesFile.class, () -> rulesFile);
            context.register(ServiceLoaderRules.class, RuleCatalogue.class, RecordValidator.class);

            // when
            context.refresh();

            // then
            RuleCatalogue catalogue = context.getBean(RuleCatalogue.class);
            assertThat(catalogue.find("studio.shouting")).hasValueSatisfying(rule ->
                    assertThat(catalogue.settings(rule)).isEqualTo(new RuleSettings(true, Severity.WARNING)));
            RecordVerdict verdict = context.getBean(RecordValidator.class)
                    .validate(aValidRecord().name("HERO").build());
            assertThat(verdict.errors()).isEmpty();
            assertThat(verdict.warnings()).extracting(Violation::rule).containsExactly("studio.shouting");
        }
    }

    @Test
    void aRuleDeclaredForTheServiceLoaderThatIsABeanAlreadyIsCataloguedOnce() throws IOException {
        // given a jar that declares the rule, whose class the application also makes a bean of (a component scan)
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve(Rule.class.getName()), ShoutingNameRule.class.getName() + "\n");

        try (var classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             var context = new AnnotationConfigApplicationContext()) {
            context.setClassLoader(classLoader);
            context.registerBean(RulesFile.class, () -> RulesFile.of("empty.yml", ""));
            context.register(ShoutingNameRule.class, ServiceLoaderRules.class, RuleCatalogue.class);

            // when: two of it would refuse to start ("Two rules have the id ...")
            context.refresh();

            // then
            assertThat(context.getBean(RuleCatalogue.class).rules()).extracting(Rule::id)
                    .containsExactly("studio.shouting");
        }
    }

    @Test
    void addsNoRuleWhenNoJarDeclaresOne() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.registerBean(RulesFile.class, () -> RulesFile.of("empty.yml", ""));
            context.register(ServiceLoaderRules.class, RuleCatalogue.class);

            context.refresh();

            assertThat(context.getBean(RuleCatalogue.class).rules()).isEmpty();
        }
    }
}
