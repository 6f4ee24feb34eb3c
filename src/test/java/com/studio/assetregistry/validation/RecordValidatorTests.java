package com.studio.assetregistry.validation;

import static com.studio.assetregistry.validation.InputRecordBuilder.ARRAY;
import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.decimal;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.validation.FieldValue.Kind;
import com.studio.assetregistry.validation.rules.AssetRequiredRule;
import com.studio.assetregistry.validation.rules.DepartmentRequiredRule;
import com.studio.assetregistry.validation.rules.DepartmentUnknownRule;
import com.studio.assetregistry.validation.rules.NameInvalidRule;
import com.studio.assetregistry.validation.rules.NamePatternRule;
import com.studio.assetregistry.validation.rules.NameRequiredRule;
import com.studio.assetregistry.validation.rules.RecordMalformedRule;
import com.studio.assetregistry.validation.rules.StatusRequiredRule;
import com.studio.assetregistry.validation.rules.StatusUnknownRule;
import com.studio.assetregistry.validation.rules.TypeRequiredRule;
import com.studio.assetregistry.validation.rules.TypeUnknownRule;
import com.studio.assetregistry.validation.rules.VersionInvalidRule;
import com.studio.assetregistry.validation.rules.VersionRequiredRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

class RecordValidatorTests {

    /** Every record rule, in the order of their {@code @Order}, as Spring injects them. */
    private static List<RecordRule> recordRules() {
        ModelValues model = ModelValues.defaults();
        return List.of(
                new RecordMalformedRule(),
                new AssetRequiredRule(),
                new NameRequiredRule(),
                new NameInvalidRule(model),
                new TypeRequiredRule(),
                new TypeUnknownRule(model),
                new DepartmentRequiredRule(),
                new DepartmentUnknownRule(model),
                new VersionRequiredRule(),
                new VersionInvalidRule(),
                new StatusRequiredRule(),
                new StatusUnknownRule(model));
    }

    private final RecordValidator validator = validator(recordRules(), "");

    /** A validator of these rules, set by a rules file of this content. */
    private static RecordValidator validator(List<? extends Rule> rules, String rulesFile) {
        return new RecordValidator(new RuleCatalogue(List.copyOf(rules), RulesFile.of("studio.yml", rulesFile)));
    }

    /** A validator of name.invalid, name.pattern (snake_case) and status.unknown, with name.pattern set so. */
    private static RecordValidator snakeCaseNames(String namePatternSettings) {
        RulesFile file = RulesFile.of("studio.yml", """
                name: {pattern: '^[a-z][a-z0-9_]*$'}
                rules:
                  name.pattern: %s
                """.formatted(namePatternSettings));
        ModelValues model = file.model();
        return new RecordValidator(new RuleCatalogue(
                List.of(new NameInvalidRule(model), new NamePatternRule(model), new StatusUnknownRule(model)), file));
    }

    @Test
    void listsTheRulesInTheirAnnotatedOrder() {
        // given
        List<RecordRule> shuffled = new ArrayList<>(recordRules());
        Collections.reverse(shuffled);

        // when
        AnnotationAwareOrderComparator.sort(shuffled);

        // then
        assertThat(shuffled).extracting(Rule::id)
                .containsExactlyElementsOf(recordRules().stream().map(Rule::id).toList());
    }

    @Test
    void acceptsValidRecord() {
        // given
        InputRecord record = aValidRecord().build();

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsRecordOfAWellTypedVersion() {
        // given
        var version = new VersionedAsset(new AssetKey("tree_oak", "dressing"), new AssetVersion("cfx", 12, "inactive"));

        // when
        List<Violation> violations = validator.validate(InputRecord.of(version)).errors();

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void reportsEveryViolationOfARecordInRuleOrder() {
        // given
        InputRecord record = aValidRecord()
                .repeating("status")
                .name(" hero")
                .type(MISSING)
                .department("lighting")
                .version(string("2"))
                .status(NULL)
                .build();

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule, Violation::field).containsExactly(
                tuple("record.malformed", "record"),
                tuple("name.invalid", "asset.name"),
                tuple("type.required", "asset.type"),
                tuple("department.unknown", "department"),
                tuple("version.invalid", "version"),
                tuple("status.required", "status"));
    }

    @Test
    void reportsTheOtherHalfOfTheRulesInRuleOrder() {
        // given
        InputRecord record = aValidRecord()
                .name("")
                .type("spaceship")
                .department("   ")
                .version(MISSING)
                .status("deprecated")
                .build();

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly(
                "name.required", "type.unknown", "department.required", "version.required", "status.unknown");
    }

    @Test
    void judgesFieldsOutsideAssetWhenAssetIsNotAnObject() {
        // given
        InputRecord record = aValidRecord().asset(ARRAY).department("").version(decimal("2.0")).build();

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule)
                .containsExactly("asset.required", "department.required", "version.invalid");
    }

    @Test
    void reportsOnlyAssetRequiredForAssetWhenItIsMissing() {
        // given
        InputRecord record = aValidRecord().asset(MISSING).build();

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly("asset.required");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"NULL", "STRING", "INTEGER", "DECIMAL", "BOOLEAN", "ARRAY"})
    void reportsOnlyRecordMalformedForRecordThatIsNotAnObject(Kind root) {
        // given
        InputRecord record = aRecordThatIs(root);

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly("record.malformed");
    }

    @ParameterizedTest(name = "default locale {0}")
    @ValueSource(strings = {"tr-TR", "ar-EG", "th-TH-u-nu-thai"})
    void writesTheSameMessagesWhateverTheDefaultLocale(String tag) {
        // given: records whose messages hold a kind of JSON value, a number and a code point
        List<InputRecord> records = List.of(aRecordThatIs(Kind.INTEGER), aRecordThatIs(Kind.ARRAY),
                aValidRecord().name("set_dressing_\u200B12").version(integer("0")).build(),
                aValidRecord().name("hero\uD800").status("Active").build());
        List<String> expected = messages(records);
        Locale before = Locale.getDefault();

        // when
        List<String> messages;
        try {
            Locale.setDefault(Locale.forLanguageTag(tag)); // dotless i in Turkish, other digits in the others
            messages = messages(records);
        } finally {
            Locale.setDefault(before);
        }

        // then
        assertThat(messages).isEqualTo(expected).contains("the record is an integer, not a JSON object")
                .anySatisfy(message -> assertThat(message).contains("at character 14"));
    }

    private List<String> messages(List<InputRecord> records) {
        return records.stream().flatMap(record -> validator.validate(record).errors().stream())
                .map(Violation::message).toList();
    }

    @Test
    void reportsEachRuleAtMostOnce() {
        // given
        InputRecord record = aValidRecord().asset(integer("1")).department(MISSING).version(MISSING)
                .status(MISSING).build();

        // when
        List<Violation> violations = validator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule).doesNotHaveDuplicates()
                .containsExactly("asset.required", "department.required", "version.required", "status.required");
    }

    @Test
    void reportsViolationsInTheOrderItsRulesAreGiven() {
        // given
        List<RecordRule> reversed = new ArrayList<>(recordRules());
        Collections.reverse(reversed);
        var reversedValidator = validator(reversed, "");
        InputRecord record = aValidRecord().department(MISSING).status("deprecated").build();

        // when
        List<Violation> violations = reversedValidator.validate(record).errors();

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly("status.unknown", "department.required");
    }

    @Test
    void rejectsARecordThatBreaksARuleWhoseSeverityIsError() {
        // given
        RecordValidator validator = snakeCaseNames("{severity: error}");

        // when
        RecordVerdict verdict = validator.validate(aValidRecord().name("HeroShip").build());

        // then
        assertThat(verdict.rejects()).isTrue();
        assertThat(verdict.errors()).extracting(Violation::rule).containsExactly("name.pattern");
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void reportsAWarningApartWithoutRejectingTheRecord() {
        // given
        RecordValidator validator = snakeCaseNames("{severity: warning}");

        // when
        RecordVerdict verdict = validator.validate(aValidRecord().name("HeroShip").build());

        // then
        assertThat(verdict.rejects()).isFalse();
        assertThat(verdict.errors()).isEmpty();
        assertThat(verdict.warnings()).extracting(Violation::rule).containsExactly("name.pattern");
    }

    @Test
    void keepsTheWarningsOfARecordThatErrorsReject() {
        // given
        RecordValidator validator = snakeCaseNames("{severity: warning}");

        // when
        RecordVerdict verdict = validator.validate(aValidRecord().name("HeroShip").status("deprecated").build());

        // then
        assertThat(verdict.errors()).extracting(Violation::rule).containsExactly("status.unknown");
        assertThat(verdict.warnings()).extracting(Violation::rule).containsExactly("name.pattern");
    }

    @Test
    void doesNotCheckADisabledRule() {
        // given
        RecordValidator validator = snakeCaseNames("{enabled: false}");

        // when
        RecordVerdict verdict = validator.validate(aValidRecord().name("HeroShip").build());

        // then
        assertThat(verdict).isSameAs(RecordVerdict.CLEAN);
    }
}
