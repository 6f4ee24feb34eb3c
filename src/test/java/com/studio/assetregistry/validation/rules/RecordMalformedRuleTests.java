package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue.Kind;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordMalformedRuleTests {

    private final RecordMalformedRule rule = new RecordMalformedRule();

    @ParameterizedTest(name = "{0} root")
    @CsvSource({
            "ARRAY,   an array",
            "STRING,  a string",
            "INTEGER, an integer",
            "DECIMAL, a number",
            "BOOLEAN, a boolean",
            "NULL,    null",
    })
    void rejectsRecordThatIsNotAnObject(Kind root, String described) {
        // given
        InputRecord record = aRecordThatIs(root);

        // when
        boolean applies = rule.appliesTo(record);
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(applies).isTrue();
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("record.malformed");
            assertThat(v.field()).isEqualTo("record");
            assertThat(v.message()).isEqualTo("the record is " + described + ", not a JSON object");
        });
    }

    @Test
    void rejectsObjectThatRepeatsAProperty() {
        // given
        InputRecord record = aValidRecord().repeating("department").build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("record.malformed");
            assertThat(v.field()).isEqualTo("record");
            assertThat(v.message()).contains("\"department\"").contains("more than once");
        });
    }

    @Test
    void namesEveryRepeatedPropertyIncludingNestedOnes() {
        // given
        InputRecord record = aValidRecord().repeating("asset.name", "status").build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).map(Violation::message).hasValueSatisfying(message ->
                assertThat(message).contains("\"asset.name\"").contains("\"status\""));
    }

    @Test
    void acceptsObjectThatNamesEachPropertyOnce() {
        // given
        InputRecord record = aValidRecord().build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void leavesBrokenPropertyValuesToTheirOwnRules() {
        // given
        InputRecord record = aValidRecord().asset(NULL).department("").version(string("2")).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }
}
