package com.studio.assetregistry.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.studio.assetregistry.validation.rules.VersionSequenceRule;
import com.studio.assetregistry.validation.rules.DepartmentUnknownRule;
import com.studio.assetregistry.validation.rules.NameReservedRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RulesFileTests {

    /** A rule the rules file may relax, as a studio's own rule would be. */
    private static final Rule STUDIO_RULE = new Rule() {
        @Override public String id() { return "studio.rule"; }
        @Override public String field() { return "asset.name"; }
        @Override public String description() { return "a rule of the studio's"; }
    };

    @TempDir
    Path dir;

    @Test
    void theFileInTheJarHoldsTheBriefsModel() {
        // when
        RulesFile rules = RulesFile.defaults();

        // then
        assertThat(rules.model()).isEqualTo(ModelValues.defaults());
        assertThat(rules.name()).isEqualTo("rules.yml (in the jar)");
    }

    @Test
    void anEmptyFileKeepsEveryDefault() {
        // when
        RulesFile rules = RulesFile.of("empty.yml", "");

        // then
        assertThat(rules.model()).isEqualTo(ModelValues.defaults());
        assertThat(rules.settings(STUDIO_RULE)).isEqualTo(RuleSettings.DEFAULT);
    }

    @Test
    void addingADepartmentKeepsTheOtherValueSetsAndLimits() {
        // when
        RulesFile rules = RulesFile.of("studio.yml", """
                model:
                  departments: [modeling, texturing, rigging, animation, cfx, fx, lighting]
                """);

        // then
        assertThat(rules.model().departments())
                .containsExactly("modeling", "texturing", "rigging", "animation", "cfx", "fx", "lighting");
        assertThat(rules.model().types()).isEqualTo(ModelValues.defaults().types());
        assertThat(rules.model().statuses()).containsExactly("active", "inactive");
        assertThat(rules.model().maxNameLength()).isEqualTo(255);
    }

    @Test
    void aListReplacesTheDefaultListWhole() {
        // when
        RulesFile rules = RulesFile.of("studio.yml", """
                model:
                  statuses:
                    - active
                    - archived
                """);

        // then
        assertThat(rules.model().statuses()).containsExactly("active", "archived");
    }

    @Test
    void addedDepartmentIsAcceptedByDepartmentUnknown() {
        // given
        RulesFile rules = RulesFile.of("studio.yml", "model: {departments: [modeling, lighting]}");
        var rule = new DepartmentUnknownRule(rules.model());

        // when
        Optional<Violation> lighting = rule.check(InputRecordBuilder.aValidRecord().department("lighting").build());
        Optional<Violation> rigging = rule.check(InputRecordBuilder.aValidRecord().department("rigging").build());

        // then
        assertThat(lighting).isEmpty();
        assertThat(rigging).map(Violation::message)
                .hasValue("department \"rigging\" is not one of modeling, lighting");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kebab case  | 'name: {max-length: 40}'
            camel case  | 'name: {maxLength: 40}'
            snake case  | 'name: {max_length: 40}'
            dotted      | 'name.max-length: 40'
            """)
    void readsKeysInAnyOfSpringsRelaxedSpellings(String spelling, String yaml) {
        // when
        RulesFile rules = RulesFile.of("studio.yml", yaml);
        new RuleCatalogue(List.of(), rules);

        // then
        assertThat(rules.model().maxNameLength()).isEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two spellings    | 'max-reject-rate: 0.5\\nmaxRejectRate: 0.1\\n'                 | 2 | maxRejectRate | max-reject-rate | 1
            snake and kebab  | 'name:\\n  max_length: 40\\n  max-length: 30\\n'             | 3 | name.max-length | name.max_length | 2
            dotted and nested | 'name.max-length: 40\\nname:\\n  maxLength: 30\\n'          | 3 | name.maxLength | name.max-length | 1
            dotted and nested, one spelling | 'name.max-length: 40\\nname:\\n  max-length: 30\\n' | 3 | name.max-length | name.max-length | 1
            two lists, which the binder would merge | 'model.types: [a, b, c]\\nmodel:\\n  types: [d]\\n' | 3 | model.types | model.types | 1
            a list under two cases | 'model:\\n  Types: [a]\\n  types: [b]\\n'                 | 3 | model.types | model.Types | 2
            """)
    void refusesOneKeyWrittenTwiceInTwoSpellingsRatherThanKeepTheLast(String spellings, String yaml, int line,
                                                                       String second, String first, int firstLine) {
        // when
        var thrown = catchThrowableOfType(RulesFileException.class,
                () -> RulesFile.of("studio.yml", yaml.replace("\\n", "\n")));

        // then: the line of the second spelling, and where the first one is
        assertThat(thrown).hasMessage("studio.yml:" + line + ": " + second + ": the same key as " + first
                + " on line " + firstLine + "; write it once");
    }

    @Test
    void aSectionLeftEmptyKeepsItsDefaults() {
        // when
        RulesFile rules = RulesFile.of("studio.yml", """
                model:
                #  departments: [modeling, lighting]
                name:
                rules:
                  studio.rule:
                """);
        new RuleCatalogue(List.of(STUDIO_RULE), rules);

        // then
        assertThat(rules.model()).isEqualTo(ModelValues.defaults());
        assertThat(rules.settings(STUDIO_RULE)).isEqualTo(RuleSettings.DEFAULT);
    }

    @Test
    void readsTheRejectBudgetAndAllowsAnyShareByDefault() {
        assertThat(RulesFile.of("studio.yml", "max-reject-rate: 0.05").maxRejectRate()).isEqualByComparingTo("0.05");
        assertThat(RulesFile.defaults().maxRejectRate()).isEqualByComparingTo("1");
        assertThat(RulesFile.of("empty.yml", "").maxRejectRate()).isEqualByComparingTo("1");
    }

    @Test
    void takesTheBoundsOfEachRangeItself() {
        // a budget of no reject at all, and the shortest and longest names a rules file may allow
        assertThat(RulesFile.of("studio.yml", "max-reject-rate: 0").maxRejectRate()).isEqualByComparingTo("0");
        assertThat(RulesFile.of("studio.yml", "name:\n  max-length: 1").model().maxNameLength()).isEqualTo(1);
        assertThat(RulesFile.of("studio.yml", "name:\n  max-length: 1024").model().maxNameLength()).isEqualTo(1024);
    }

    @Test
    void readsTheNamePattern() {
        // when
        RulesFile rules = RulesFile.of("studio.yml", "name:\n  pattern: '^[a-z][a-z0-9_]*$'\n");

        // then
        assertThat(rules.model().namePattern()).isEqualTo("^[a-z][a-z0-9_]*$");
        assertThat(RulesFile.defaults().model().compiledNamePattern()).isEmpty();
    }

    @Test
    void setsTheSeverityAndTheSwitchOfARule() {
        // given
        RulesFile rules = RulesFile.of("studio.yml", """
                rules:
                  studio.rule:
                    enabled: false
                    severity: warning
                """);

        // when
        RuleSettings settings = rules.settings(STUDIO_RULE);

        // then
        assertThat(settings).isEqualTo(new RuleSettings(false, Severity.WARNING));
    }

    @Test
    void aModelRuleMayBeListedWithTheSettingsItHasAnyway() {
        // given
        RulesFile rules = RulesFile.of("studio.yml", """
                rules:
                  version.sequence: {enabled: true, severity: error}
                """);

        // when
        var catalogue = new RuleCatalogue(List.of(new VersionSequenceRule()), rules);

        // then
        assertThat(catalogue.settings(new VersionSequenceRule())).isEqualTo(RuleSettings.DEFAULT);
    }

    /** Every way a rules file can be wrong, with the one line that says so. */
    static Stream<Arguments> wrongFiles() {
        return Stream.of(
                Arguments.of("unknown top-level key", "colour: red",
                        "studio.yml:1: colour: unknown key; a rules file takes model, name, max-reject-rate, rules"),
                Arguments.of("misspelt model key", "model:\n  department: [modeling, lighting]",
                        "studio.yml:2: model.department: unknown key; model takes types, departments, statuses"),
                Arguments.of("misspelt name key", "name:\n  max-lenght: 40",
                        "studio.yml:2: name.max-lenght: unknown key; name takes max-length, pattern"),
                Arguments.of("unknown rule", "rules:\n  name.patern:\n    severity: warning",
                        "studio.yml:3: rules.name.patern.severity: unknown key: no rule has the id it names (the rules command lists them)"),
                Arguments.of("misspelt rule key", "rules:\n  studio.rule:\n    severty: warning",
                        "studio.yml:3: rules.studio.rule.severty: unknown key; rule studio.rule takes enabled, severity"),
                Arguments.of("bad severity", "rules:\n  studio.rule:\n    severity: fatal",
                        "studio.yml:3: rules.studio.rule.severity: \"fatal\" is not error or warning"),
                Arguments.of("bad switch", "rules:\n  studio.rule:\n    enabled: maybe",
                        "studio.yml:3: rules.studio.rule.enabled: \"maybe\" is not true or false"),
                Arguments.of("length not a number", "name:\n  max-length: long",
                        "studio.yml:2: name.max-length: \"long\" is not a whole number"),
                Arguments.of("length below one", "name:\n  max-length: 0",
                        "studio.yml:2: name.max-length: must be from 1 to 1024, not 0"),
                Arguments.of("length above what a record keeps", "name:\n  max-length: 2000",
                        "studio.yml:2: name.max-length: must be from 1 to 1024, not 2000"),
                Arguments.of("length a fraction", "name:\n  max-length: 2.5",
                        "studio.yml:2: name.max-length: \"2.5\" is not a whole number"),
                Arguments.of("length a quoted fraction", "name:\n  max-length: '40.5'",
                        "studio.yml:2: name.max-length: \"40.5\" is not a whole number"),
                Arguments.of("empty value set", "model:\n  departments: []",
                        "studio.yml:2: model.departments: lists no value; leave the key out to keep the default values"),
                Arguments.of("blank value", "model:\n  statuses: [active, ' ']",
                        "studio.yml:2: model.statuses: holds a blank value"),
                Arguments.of("null value", "model:\n  statuses: [active, ~]",
                        "studio.yml:2: model.statuses: holds a blank value"),
                Arguments.of("binary value", "model:\n  types: [prop, !!binary aGVsbG8=]",
                        "studio.yml:2: model.types[1]: YAML reads this value as binary data (!!binary), not as text;"
                                + " write it in quotes ('...') if text is meant"),
                Arguments.of("list written as one value with commas", "model:\n  departments: \"fx,modeling lighting\"",
                        "studio.yml:2: model.departments: is one value, \"fx,modeling lighting\", not a list; list the "
                                + "values as [fx, modeling lighting], or one '- value' a line, if that is what is meant"),
                Arguments.of("control character in a value", "model:\n  types: [prop, \"set\\a\"]",
                        "studio.yml:2: model.types: holds \"set\\u0007\", which has white space at an end or a "
                                + "control or bidirectional character: records could not be seen to match it, nor "
                                + "messages print it"),
                Arguments.of("white space at an end of a value", "model:\n  types: [prop, 'set ']",
                        "studio.yml:2: model.types: holds \"set \", which has white space at an end or a control or "
                                + "bidirectional character: records could not be seen to match it, nor messages "
                                + "print it"),
                Arguments.of("no-break space at an end of a value", "model:\n  departments: [fx, \"\\u00a0fx\"]",
                        "studio.yml:2: model.departments: holds \"\u00a0fx\", which has white space at an end or a "
                                + "control or bidirectional character: records could not be seen to match it, nor "
                                + "messages print it"),
                Arguments.of("line separator in a value", "model:\n  statuses: [active, \"re\\Ltired\"]",
                        "studio.yml:2: model.statuses: holds \"re\\u2028tired\", which has a line or paragraph "
                                + "separator (U+2028): records could not be seen to match it, nor messages print it"),
                Arguments.of("zero-width space in a value", "model:\n  types: [prop, \"se\\u200Bt\"]",
                        "studio.yml:2: model.types: holds \"se\u200Bt\", which has an invisible formatting "
                                + "character (U+200B): records could not be seen to match it, nor messages print it"),
                Arguments.of("blank filler as a value", "model:\n  types: [prop, \"\\u3164\"]",
                        "studio.yml:2: model.types: holds \"\u3164\", which has a blank filler character "
                                + "(U+3164): records could not be seen to match it, nor messages print it"),
                Arguments.of("list written as one value ending with a comma", "model:\n  departments: \"fx,\"",
                        "studio.yml:2: model.departments: is one value, \"fx,\", not a list; list the values as "
                                + "[fx, ], or one '- value' a line, if that is what is meant"),
                Arguments.of("a value YAML reads as a boolean", "model:\n  types: [prop, no]",
                        "studio.yml:2: model.types[1]: YAML reads this value as boolean false, not as text; write it"
                                + " in quotes ('...') if text is meant"),
                Arguments.of("one value YAML reads as a boolean for a list", "model:\n  statuses: off",
                        "studio.yml:2: model.statuses: YAML reads this value as boolean false, not as text; write it"
                                + " in quotes ('...') if text is meant"),
                Arguments.of("a list in a value set", "model:\n  departments: [fx, [a, b]]",
                        "studio.yml:2: model.departments[1][0]: a list or a section where a value belongs"),
                Arguments.of("a value listed twice", "model:\n  departments:\n    - fx\n    - lighting\n    - fx",
                        "studio.yml:3: model.departments: lists \"fx\" twice"),
                Arguments.of("a severity written as a number", "rules:\n  version.sequence:\n    severity: 1",
                        "studio.yml:3: rules.version.sequence.severity: \"1\" is not error or warning"),
                Arguments.of("a list item written as a key", "model:\n  types:\n    - a\n  types[0]: b",
                        "studio.yml:4: model.types[0]: a list's item written as a key of its own; write the list as"
                                + " one YAML list"),
                Arguments.of("a list item written as a dotted key", "model:\n  types: [a, b]\nmodel.types.2: c",
                        "studio.yml:3: model.types.2: a list's item written as a key of its own; write the list as"
                                + " one YAML list"),
                Arguments.of("a list written as a mapping", "model:\n  types: {0: x, 1: y}",
                        "studio.yml:2: model.types.0: a list's item written as a key of its own; write the list as"
                                + " one YAML list"),
                Arguments.of("an octal number in a merge", "name: {<<: {max-length: 010}}",
                        "studio.yml:1: name.max-length: \"010\" is the number 8 to YAML, which reads 010 as 8, 0x10"
                                + " as 16 and 1:00 as 60; write a number in plain digits, or text in quotes ('...')"),
                Arguments.of("an octal number", "name:\n  max-length: 010",
                        "studio.yml:2: name.max-length: \"010\" is the number 8 to YAML, which reads 010 as 8, 0x10"
                                + " as 16 and 1:00 as 60; write a number in plain digits, or text in quotes ('...')"),
                Arguments.of("a base-60 number", "name:\n  max-length: 1:00",
                        "studio.yml:2: name.max-length: \"1:00\" is the number 60 to YAML, which reads 010 as 8,"
                                + " 0x10 as 16 and 1:00 as 60; write a number in plain digits, or text in quotes ('...')"),
                Arguments.of("list for one value", "name:\n  max-length: [40, 50]",
                        "studio.yml:2: name.max-length: a list where one value belongs"),
                Arguments.of("value for a section", "model: lighting",
                        "studio.yml:1: model: \"lighting\" is not a section: write its keys on the lines below it"),
                Arguments.of("pattern not a regular expression", "name:\n  pattern: '^[a-z'",
                        "studio.yml:2: name.pattern: \"^[a-z\" is not a regular expression: Unclosed character class near index 4"),
                Arguments.of("budget below zero", "max-reject-rate: -0.1",
                        "studio.yml:1: max-reject-rate: must be from 0 to 1 (a share of the records read, 0.05 for 5%), not -0.1"),
                Arguments.of("budget above one", "max-reject-rate: 5",
                        "studio.yml:1: max-reject-rate: must be from 0 to 1 (a share of the records read, 0.05 for 5%), not 5"),
                Arguments.of("budget as a percentage", "max-reject-rate: 5%",
                        "studio.yml:1: max-reject-rate: \"5%\" is not a number"),
                Arguments.of("model rule disabled", "rules:\n  version.sequence:\n    enabled: false",
                        "studio.yml:3: rules.version.sequence.enabled: version.sequence is one of the model's own rules and cannot be disabled"),
                Arguments.of("model rule a warning", "rules:\n  version.sequence:\n    severity: warning",
                        "studio.yml:3: rules.version.sequence.severity: version.sequence is one of the model's own rules and cannot be a warning"),
                Arguments.of("not YAML", "model:\n  types: [prop, set\nname: {}",
                        "studio.yml:3: not valid YAML: expected ',' or ']', but got :"),
                Arguments.of("a key given twice", "name:\n  max-length: 40\nname:\n  max-length: 50",
                        "studio.yml:3: not valid YAML: found duplicate key name"),
                Arguments.of("two documents", "name: {max-length: 40}\n---\nname: {max-length: 50}",
                        "studio.yml: holds 2 YAML documents; a rules file is one"),
                Arguments.of("an alias in the collection it names", "model:\n  types: &a [prop, *a]",
                        "studio.yml:2: not valid YAML: an alias stands in the collection it names, which would never end"),
                Arguments.of("aliases of aliases", aliasesOfAliases(9, 9),
                        "studio.yml: not valid YAML: its aliases expand to more than 100000 values"));
    }

    /** {@code levels} lists, each of {@code width} aliases of the one before: width^levels values in a few lines. */
    private static String aliasesOfAliases(int levels, int width) {
        var yaml = new StringBuilder("a0: &a0 [x]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(width, "*a" + (level - 1)))).append("]\n");
        }
        return yaml.append("model:\n  types: *a").append(levels).append('\n').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFiles")
    void refusesAFileWithOneLineNamingTheKeyAndTheProblem(String problem, String yaml, String message) {
        assertThatThrownBy(() -> new RuleCatalogue(List.of(STUDIO_RULE, new VersionSequenceRule()),
                RulesFile.of("studio.yml", yaml)))
                .isInstanceOf(RulesFileException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            written as one value with commas | 'names: "tmp,test"'   | rules.name.reserved.names: is one value, "tmp,test", not a list; list the values as [tmp, test], or one '- value' a line, if that is what is meant
            a null name                      | 'names: [tmp, ~]'     | rules.name.reserved.names: holds a blank value
            an empty name                    | 'names: [tmp, ""]'    | rules.name.reserved.names: holds a blank value
            white space at an end            | 'names: [" tmp"]'     | rules.name.reserved.names: holds " tmp", which has white space at an end or a control or bidirectional character: records could not be seen to match it, nor messages print it
            a name listed twice              | 'names: [tmp, tmp]'   | rules.name.reserved.names: lists "tmp" twice
            a name listed again in capitals  | 'names: [tmp, TMP]'   | rules.name.reserved.names: lists "tmp" and "TMP", which are one value to the rule
            """)
    void reservedNamesAreCheckedAsTheModelsValueSetsAre(String problem, String option, String message) {
        RulesFile rules = RulesFile.of("studio.yml", "rules:\n  name.reserved:\n    " + option + "\n");

        assertThatThrownBy(() -> new NameReservedRule(rules))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("studio.yml:3: " + message);
    }

    @Test
    void reservedNamesMayListNone() {
        RulesFile rules = RulesFile.of("studio.yml", "rules:\n  name.reserved:\n    names: []\n");

        assertThat(new NameReservedRule(rules).description()).endsWith("(rules.name.reserved.names: none)");
    }

    @Test
    void namesAMissingFile() {
        Path missing = dir.resolve("missing.yml");

        assertThatThrownBy(() -> RulesFile.load(missing))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("Cannot read the rules file " + missing + ": no such file");
    }

    @Test
    void refusesAFileThatIsNotUtf8Text() throws IOException {
        Path binary = Files.write(dir.resolve("binary.yml"), new byte[] {'a', ':', ' ', (byte) 0xFF, (byte) 0xFE, '\n'});

        assertThatThrownBy(() -> RulesFile.load(binary))
                .isInstanceOf(RulesFileException.class)
                .hasMessage(binary + ": not valid YAML: the file is not UTF-8 text");
    }

    @Test
    void readsAliasesThatExpandWithinTheLimit() {
        RulesFile rules = RulesFile.of("studio.yml", "model:\n  types: &both [modeling, lighting]\n"
                + "  departments: *both");

        assertThat(rules.model().departments()).containsExactly("modeling", "lighting");
        assertThat(rules.model().types()).containsExactly("modeling", "lighting");
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> RulesFile.load(dir))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("Cannot read the rules file " + dir + ": not a regular file");
    }

    @Test
    void readsAFileFromDiskAndNamesItInProblems() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("studio.yml"), "model:\n  departments: [modeling, lighting]\n");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "\nname:\n  max-length: -3\n");

        // when
        RulesFile rules = RulesFile.load(file);

        // then
        assertThat(rules.model().departments()).containsExactly("modeling", "lighting");
        assertThatThrownBy(() -> RulesFile.load(bad))
                .hasMessage(bad + ":3: name.max-length: must be from 1 to 1024, not -3");
    }
}
