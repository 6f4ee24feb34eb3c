package com.studio.assetregistry.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every rule the service applies, in the order they are checked: reading, record rules, cross-record rules; each
 * with its settings from the rules file.
 * <p>
 * Building it checks the rules against each other and the rules file against the rules: ids must be unique and
 * usable as keys of the rules file, the model's own rules cannot be disabled or made warnings, and a key of the rules
 * file that no rule read stops start-up. Immutable.
 * <p>
 * Created eagerly even when the context starts lazily (as the command line's does), so that a rules file that
 * cannot be used fails every command at start-up, not only the ones that happen to validate records.
 */
@Component
@Lazy(false)
public class RuleCatalogue {

    /** Lower-case words joined by dots, at least two: {@code status.unknown}, {@code record.too_large}. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private final List<Rule> rules;
    private final Map<String, RuleSettings> settings;
    /** What the digest is of: a line per rule, by id. */
    private final String judgement;

    public RuleCatalogue(List<Rule> rules, RulesFile rulesFile) {
        Objects.requireNonNull(rules, "The rules must not be null.");
        Objects.requireNonNull(rulesFile, "The rules file must not be null.");
        this.rules = List.copyOf(rules);
        Map<String, RuleSettings> byId = new LinkedHashMap<>();
        for (Rule rule : this.rules) {
            requireUsableId(rule, byId);
            byId.put(rule.id(), rulesFile.settings(rule));
        }
        rulesFile.requireEveryKeyUsed(byId.keySet());
        this.settings = Collections.unmodifiableMap(byId);
        this.judgement = judgement(entries());
    }

    /** Whether the text is in the form every rule's id takes: lower-case words joined by dots, at least two. */
    public static boolean isRuleId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /**
     * A digest (SHA-256, in hex) of every rule's id, settings and description, which states its parameters (the
     * values it knows, its pattern, its limit): two catalogues that judge records alike have the same.
     */
    public String fingerprint() {
        return sha256(judgement);
    }

    /**
     * As {@link #fingerprint()}, with settings outside the catalogue that judge records too (the reader's limits,
     * which make a record {@code record.too_large}), by their text.
     */
    public String fingerprint(Object otherSettings) {
        return sha256(judgement + otherSettings);
    }

    private static String judgement(List<RuleEntry> entries) {
        StringBuilder text = new StringBuilder();
        // by id: the order the rules come in (a plugin jar's, on a class path expanded in any order) judges nothing
        for (RuleEntry entry : entries.stream().sorted(Comparator.comparing(RuleEntry::id)).toList()) {
            text.append(entry.id()).append('\t').append(entry.enabled()).append('\t').append(entry.severity())
                    .append('\t').append(entry.description()).append('\n');
        }
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256.", e);
        }
    }

    /** All rules. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id, if there is one. */
    public Optional<Rule> find(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** Every rule with its settings, in the order they are checked. */
    public List<RuleEntry> entries() {
        return rules.stream()
                .map(rule -> new RuleEntry(rule.id(), rule.field(), rule.description(), settings(rule).severity(),
                        settings(rule).enabled(), rule.configurable()))
                .toList();
    }

    /** The settings of a rule of this catalogue. */
    public RuleSettings settings(Rule rule) {
        RuleSettings found = settings.get(rule.id());
        if (found == null) {
            throw new IllegalArgumentException("No rule " + rule.id() + " is in the catalogue.");
        }
        return found;
    }

    private void requireUsableId(Rule rule, Map<String, RuleSettings> seen) {
        if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
            throw new IllegalStateException("The rule " + rule.getClass().getName() + " has the id \"" + rule.id()
                    + "\"; an id is lower-case words joined by dots, such as name.reserved.");
        }
        if (seen.containsKey(rule.id())) {
            throw new IllegalStateException("Two rules have the id " + rule.id() + ": " + rule.getClass().getName()
                    + " and " + find(rule.id()).map(other -> other.getClass().getName()).orElse("another") + ".");
        }
    }
}
