package com.studio.assetregistry.validation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * The rules file, {@code rules.yml}: the model's value sets, the name policy, the reject budget, and each rule's
 * settings and options.
 * <p>
 * The file in the jar holds the defaults. A studio's own file ({@code --rules FILE}, or the property
 * {@code registry.rules-file}) is read instead, and every key it leaves out keeps the value of the file in the jar.
 * The file is checked as it is read: a value that cannot be read is a {@link RulesFileException} whose one-line
 * message names the file, the line, the key and the problem. The model, the name policy and the budget are read at
 * once; each rule's section ({@code rules.<id>}) is read by the {@link RuleCatalogue} (its settings) and by the rule
 * itself (its {@link #options options}), after which the catalogue calls {@link #requireEveryKeyUsed}, so that a
 * misspelt key stops start-up instead of being silently ignored.
 * <p>
 * Thread-safe.
 */
public final class RulesFile {

    /** The rules file in the jar, on the class path. */
    public static final String DEFAULT_LOCATION = "rules.yml";
    /** The property that names another rules file. */
    public static final String FILE_PROPERTY = "registry.rules-file";

    private static final String RULES = "rules";

    /** The model's value sets, under {@code model}. */
    record ModelSection(List<String> types, List<String> departments, List<String> statuses) {
    }

    /** The name policy, under {@code name}. */
    record NameSection(Integer maxLength, String pattern) {
    }

    /** A rule's settings, under {@code rules.<id>}. */
    record RuleSection(Boolean enabled, Severity severity) {
    }

    private final String name;
    private final CheckedYaml yaml;
    private final ModelValues model;
    private final BigDecimal maxRejectRate;

    private RulesFile(String name, CheckedYaml yaml) {
        this.name = name;
        this.yaml = yaml;
        this.model = readModel();
        this.maxRejectRate = readMaxRejectRate();
    }

    /** The rules file in the jar: the defaults. */
    public static RulesFile defaults() {
        String name = DEFAULT_LOCATION + " (in the jar)";
        return new RulesFile(name, CheckedYaml.read(name, new ClassPathResource(DEFAULT_LOCATION)));
    }

    /**
     * The rules file at {@code file}, read instead of the one in the jar.
     *
     * @throws RulesFileException if it cannot be read or holds a value the service does not accept
     */
    public static RulesFile load(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new RulesFileException("Cannot read the rules file " + name + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new RulesFileException("Cannot read the rules file " + name + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new RulesFileException("Cannot read the rules file " + name + ": permission denied");
        }
        return new RulesFile(name, CheckedYaml.read(name, new FileSystemResource(file)));
    }

    /** A rules file given as text, named {@code name} in messages: for tests and tools. */
    public static RulesFile of(String name, String text) {
        var resource = new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), name);
        return new RulesFile(name, CheckedYaml.read(name, resource));
    }

    /** How messages name the file: its path as given, or {@code rules.yml (in the jar)}. */
    public String name() {
        return name;
    }

    /** The model's value sets and name policy ({@code model} and {@code name}). */
    public ModelValues model() {
        return model;
    }

    /**
     * The reject budget, {@code max-reject-rate}: the largest share of a load's records that may be rejected, from 0
     * to 1; 1 (any share) by default.
     */
    public BigDecimal maxRejectRate() {
        return maxRejectRate;
    }

    /**
     * A rule's settings, {@code rules.<id>.enabled} and {@code rules.<id>.severity}; a rule the file does not mention
     * is enabled, with severity {@code error}.
     *
     * @throws RulesFileException if a value cannot be read, or the file disables or relaxes a rule that is not
     *                            {@linkplain Rule#configurable() configurable}
     */
    public RuleSettings settings(Rule rule) {
        String key = RULES + "." + rule.id();
        RuleSection section = yaml.bind(key, RuleSection.class);
        boolean enabled = section == null || section.enabled() == null || section.enabled();
        Severity severity = section == null || section.severity() == null ? Severity.ERROR : section.severity();
        if (!rule.configurable() && !enabled) {
            throw yaml.problem(key + ".enabled", rule.id() + " is one of the model's own rules and cannot be disabled");
        }
        if (!rule.configurable() && severity != Severity.ERROR) {
            throw yaml.problem(key + ".severity", rule.id()
                    + " is one of the model's own rules and cannot be a warning");
        }
        return new RuleSettings(enabled, severity);
    }

    /**
     * A rule's own options, bound from its section {@code rules.<id>} into {@code type}: a record whose components
     * are the options (camel case in Java, kebab case in the file). Every component is unset ({@code null}) that the
     * file does not set.
     *
     * @throws RulesFileException if a value cannot be read as its component's type
     */
    public <T> T options(String ruleId, Class<T> type) {
        return yaml.bindOrCreate(RULES + "." + ruleId, type);
    }

    /**
     * Refuses a key that nothing has read: a misspelt key, or a rule id no rule has. Called once every rule has read
     * its settings and its options.
     *
     * @param ruleIds the id of every rule
     * @throws RulesFileException naming the first such key of the file
     */
    public void requireEveryKeyUsed(Collection<String> ruleIds) {
        List<String> ids = List.copyOf(ruleIds);
        List<String> sections = new ArrayList<>(ids.size());
        ids.forEach(id -> sections.add(RULES + "." + id));
        yaml.firstUnboundKey(sections).ifPresent(key -> {
            throw unknownKey(key, ids);
        });
    }

    private RulesFileException unknownKey(ConfigurationPropertyName unused, List<String> ruleIds) {
        ConfigurationPropertyName key = unused;
        while (key.isLastElementIndexed()) {
            key = key.chop(key.getNumberOfElements() - 1);
        }
        if (!key.equals(unused) && yaml.wasAsked(key)) {
            return yaml.problem(key, "a list where one value belongs");
        }
        if (key.getNumberOfElements() > 1 && key.getElement(0, ConfigurationPropertyName.Form.UNIFORM).equals(RULES)) {
            for (String id : ruleIds) {
                var section = ConfigurationPropertyName.adapt(RULES + "." + id, '.');
                if (section.isAncestorOf(key)) {
                    return yaml.problem(key, "unknown key; rule " + id + " takes "
                            + String.join(", ", yaml.keysAskedUnder(section)));
                }
            }
            return yaml.problem(key, "unknown key: no rule has the id it names (the rules command lists them)");
        }
        ConfigurationPropertyName top = key.chop(1);
        if (key.getNumberOfElements() > 1 && !yaml.keysAskedUnder(top).isEmpty()) {
            return yaml.problem(key, "unknown key; " + top + " takes " + String.join(", ", yaml.keysAskedUnder(top)));
        }
        return yaml.problem(key, "unknown key; a rules file takes " + String.join(", ", topLevelKeys()));
    }

    private List<String> topLevelKeys() {
        return List.of("model", "name", "max-reject-rate", RULES);
    }

    private ModelValues readModel() {
        ModelSection values = yaml.bind("model", ModelSection.class);
        NameSection names = yaml.bind("name", NameSection.class);
        Set<String> types = valueSet("model.types", values == null ? null : values.types());
        Set<String> departments = valueSet("model.departments", values == null ? null : values.departments());
        Set<String> statuses = valueSet("model.statuses", values == null ? null : values.statuses());
        Integer maxLength = names == null ? null : names.maxLength();
        if (maxLength != null && (maxLength < 1 || maxLength > ModelValues.MAX_NAME_LENGTH)) {
            throw yaml.problem("name.max-length", "must be from 1 to " + ModelValues.MAX_NAME_LENGTH + ", not "
                    + maxLength);
        }
        String pattern = names == null ? null : names.pattern();
        if (pattern != null && !pattern.isEmpty()) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw yaml.problem("name.pattern", '"' + pattern + "\" is not a regular expression: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }
        return new ModelValues(types, departments, statuses, maxLength, pattern);
    }

    private BigDecimal readMaxRejectRate() {
        BigDecimal rate = yaml.bind("max-reject-rate", BigDecimal.class);
        if (rate == null) {
            return BigDecimal.ONE;
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw yaml.problem("max-reject-rate", "must be from 0 to 1 (a share of the records read, 0.05 for 5%), not "
                    + rate.toPlainString());
        }
        return rate;
    }

    /**
     * A rule's option that lists text, {@code rules.<id>.<option>} (as {@code rules.name.reserved.names}), checked as
     * the model's value sets are: no blank value, none with white space at an end or a hidden character, and a list
     * written as a list, no value listed twice. An empty list is allowed: it lists nothing.
     *
     * @param values the option as {@link #options} bound it, {@code null} if the file does not set it
     * @return {@code values}
     * @throws RulesFileException if a value cannot be used
     */
    public List<String> textOption(String ruleId, String option, List<String> values) {
        return textOption(ruleId, option, values, UnaryOperator.identity());
    }

    /**
     * {@link #textOption(String, String, List)} for a rule that compares its values in a form of its own, as
     * {@code name.reserved} ignores case: two values of the same form are one value listed twice.
     *
     * @param form what the rule compares of a value, such as its lower case
     */
    public List<String> textOption(String ruleId, String option, List<String> values, UnaryOperator<String> form) {
        if (values != null && !values.isEmpty()) {
            requireTexts(RULES + "." + ruleId + "." + option, values, form);
        }
        return values;
    }

    private Set<String> valueSet(String key, List<String> values) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw yaml.problem(key, "lists no value; leave the key out to keep the default values");
        }
        requireTexts(key, values, UnaryOperator.identity());
        return new LinkedHashSet<>(values);
    }

    /** Refuses a list of text a record could not be seen to match, or written as one value with commas. */
    private void requireTexts(String key, Collection<String> values, UnaryOperator<String> form) {
        yaml.requireText(key); // one value for the list: statuses: off would be the status "false"
        String scalar = yaml.scalar(key);
        if (scalar != null && scalar.contains(",")) { // the binder would split it at its commas, unasked
            throw yaml.problem(key, "is one value, " + MessageText.quoted(scalar) + ", not a list; list the values as"
                    + " [" + String.join(", ", values) + "], or one '- value' a line, if that is what is meant");
        }
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw yaml.problem(key, "holds a blank value");
        }
        Map<String, String> seen = new HashMap<>();
        for (String value : values) {
            String earlier = seen.putIfAbsent(form.apply(value), value);
            if (earlier != null) { // a slip of an edit or a merge, which a set would hide
                throw yaml.problem(key, "lists " + MessageText.quoted(earlier) + (earlier.equals(value) ? " twice"
                        : " and " + MessageText.quoted(value) + ", which are one value to the rule"));
            }
            int hidden = HiddenCharacter.indexIn(value);
            boolean spaceAtAnEnd = FieldValue.isSpace(value.codePointAt(0))
                    || FieldValue.isSpace(value.codePointBefore(value.length())); // as name.invalid: NBSP included
            if (!MessageText.isPrintable(value) || spaceAtAnEnd || hidden >= 0) {
                throw yaml.problem(key, "holds " + MessageText.quoted(value) + ", which has " + (hidden >= 0
                        ? HiddenCharacter.of(value.codePointAt(hidden)).what() + String.format(" (U+%04X)",
                                value.codePointAt(hidden))
                        : "white space at an end or a control or bidirectional character")
                        + ": records could not be seen to match it, nor messages print it");
            }
        }
    }
}
