package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.RecordValidator;
import com.studio.assetregistry.validation.RecordVerdict;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code docs/writing-a-rule.md} shows the project's own code and a rules file the service reads as it says. */
class WritingARuleDocTests {

    private static final Path DOC = Path.of("docs/writing-a-rule.md");

    @Test
    void everyJavaBlockIsCodeOfTheFileItsFirstLineNames() throws IOException {
        List<String> blocks = blocks("java");

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        for (String block : blocks) {
            String firstLine = block.substring(0, block.indexOf('\n'));
            assertThat(firstLine).startsWith("// src/");
            Path source = Path.of(firstLine.substring("// ".length()));
            assertThat(Files.readString(source)).as("the code of %s", source)
                    .contains(block.substring(firstLine.length() + 1));
        }
    }

    @Test
    void theRulesFileBlockConfiguresTheExampleRuleAsItSays() throws IOException {
        // given
        String yaml = blocks("yaml").get(0);
        RulesFile rulesFile = RulesFile.of("studio-rules.yml", yaml);
        var rule = new NameReservedRule(rulesFile);
        var validator = new RecordValidator(new RuleCatalogue(List.of(rule), rulesFile));

        // when
        RecordVerdict untitled = validator.validate(aValidRecord().name("Untitled").build());
        RecordVerdict hero = validator.validate(aValidRecord().name("hero").build());

        // then
        assertThat(untitled.errors()).isEmpty();
        assertThat(untitled.warnings()).extracting(Violation::message).containsExactly("asset.name \"Untitled\" is reserved");
        assertThat(hero).isEqualTo(RecordVerdict.CLEAN);
        assertThat(rule.description()).isEqualTo("the name is reserved (rules.name.reserved.names: tmp, test, untitled)");
    }

    /** The fenced code blocks of the document in this language, without their fences. */
    private static List<String> blocks(String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(DOC)) {
            if (block == null && line.equals("```" + language)) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
