package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A name is not on the studio's deny-list, {@code rules.name.reserved.names} in the rules file, compared ignoring
 * case: placeholders such as {@code tmp} or {@code untitled} never reach the registry. The list is empty by default.
 * The worked example of {@code docs/writing-a-rule.md}.
 */
@Component
@Order(23)
public class NameReservedRule implements RecordRule {

    static final String ID = "name.reserved";

    /**
     * The rule's options, under {@code rules.name.reserved} in the rules file.
     *
     * @param names the names no asset may have
     */
    public record Options(List<String> names) {
    }

    private final Set<String> reserved;
    private final String listed;

    public NameReservedRule(RulesFile rulesFile) {
        List<String> names = rulesFile.textOption(ID, "names", rulesFile.options(ID, Options.class).names(),
                NameReservedRule::fold);
        this.reserved = names == null ? Set.of()
                : names.stream().map(NameReservedRule::fold).collect(Collectors.toUnmodifiableSet());
        this.listed = names == null || names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override public String id() { return ID; }
    @Override public String field() { return "asset.name"; }
    @Override public String description() { return "the name is reserved (rules.name.reserved.names: " + listed + ")"; }

    @Override
    public boolean appliesTo(InputRecord record) {
        return !reserved.isEmpty() && record.hasAssetObject();
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue name = record.name();
        if (!name.isString() || name.isCut() || !reserved.contains(fold(name.text()))) {
            return Optional.empty();
        }
        return Optional.of(violation("asset.name " + name.describe() + " is reserved"));
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
