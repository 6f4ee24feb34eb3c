package com.studio.assetregistry.validation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML file bound with Spring Boot's binder (relaxed names: {@code max-length}, {@code maxLength} and
 * {@code max_length} are one key), which remembers every key it was asked for and every key it bound, so that it can
 * name the keys of the file nothing read. Every problem is a {@link RulesFileException} whose message is one line:
 * {@code FILE:LINE: KEY: PROBLEM}.
 * <p>
 * Thread-safe.
 */
final class CheckedYaml {

    /** The most values a rules file may hold once its aliases are expanded: a studio's lists, many times over. */
    static final int MAX_VALUES = 100_000;

    /** A key that names a list's item, as Spring's binder reads keys: {@code types[0]}, {@code types.2}, {@code 0}. */
    private static final Pattern LIST_ITEM_KEY = Pattern.compile("\\[|(^|\\.)\\d+($|\\.)");

    /** A whole number in plain decimal digits: the only form of one a rules file takes. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

    /** A decimal number with a fraction or an exponent, as YAML writes a float. */
    private static final Pattern FRACTION = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    private final String fileName;
    private final IterableConfigurationPropertySource source;
    private final Map<ConfigurationPropertyName, String> writtenKeys = new LinkedHashMap<>();
    private final Set<ConfigurationPropertyName> bound = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<ConfigurationPropertyName> asked = Collections.synchronizedSet(new LinkedHashSet<>());
    private final BindHandler tracker = new AbstractBindHandler() {
        @Override
        public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
            asked.add(name);
            return target;
        }

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                Object result) {
            requireWhole(name, target);
            requireText(name, target);
            requireNamedConstant(name, target);
            bound.add(name);
            return result;
        }
    };

    private CheckedYaml(String fileName, PropertySource<?> document) {
        this.fileName = fileName;
        this.source = document == null ? null
                : (IterableConfigurationPropertySource) ConfigurationPropertySource.from(document);
        if (document instanceof EnumerablePropertySource<?> enumerable) {
            for (String key : enumerable.getPropertyNames()) {
                writtenKeys.put(ConfigurationPropertyName.adapt(key, '.'), key);
            }
        }
    }

    /** Reads {@code resource}, named {@code fileName} in messages; an empty file has no key. */
    static CheckedYaml read(String fileName, Resource resource) {
        List<PropertySource<?>> documents;
        try {
            checkAliases(fileName, resource);
            documents = new YamlPropertySourceLoader().load(fileName, resource);
        } catch (CharacterCodingException e) {
            throw new RulesFileException(fileName + ": not valid YAML: the file is not UTF-8 text", e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String line = mark == null ? "" : ":" + (mark.getLine() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
            throw new RulesFileException(fileName + line + ": not valid YAML: " + problem, e);
        } catch (YAMLException e) {
            if (e.getCause() instanceof CharacterCodingException) { // the reader's, as SnakeYAML wraps it
                throw new RulesFileException(fileName + ": not valid YAML: the file is not UTF-8 text", e);
            }
            throw new RulesFileException(fileName + ": not valid YAML: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new RulesFileException("Cannot read the rules file " + fileName + ": " + e.getMessage(), e);
        }
        if (documents.size() > 1) {
            throw new RulesFileException(fileName + ": holds " + documents.size()
                    + " YAML documents; a rules file is one");
        }
        return new CheckedYaml(fileName, documents.isEmpty() ? null : documents.get(0));
    }

    /** A key as the file writes it, with its path ({@code name.max-length}), and its 1-based line. */
    private record WrittenKey(String path, int line) {
    }

    /**
     * Refuses a key the file gives twice under names Spring reads as one, which YAML's own check of a mapping's keys
     * does not see: {@code name.max-length: 40} and {@code max-length: 30} under {@code name:}, or
     * {@code max-reject-rate} and {@code maxRejectRate} (relaxed binding). The binder would keep one value, or for a
     * list merge the two item by item, silently. Walks the file's node graph, whose keys keep their lines; a key
     * repeated as it is in one mapping is left to YAML's own check, which Spring's loader makes.
     */
    private static void requireEachKeyOnce(String fileName, Node node, String path,
                                           Map<ConfigurationPropertyName, WrittenKey> seen) {
        if (node instanceof MappingNode mapping) {
            Set<String> here = new HashSet<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (!(entry.getKeyNode() instanceof ScalarNode key) || !here.add(key.getValue())) {
                    continue;
                }
                if (key.getValue().equals("<<")) {
                    // a merge (<<: *defaults) gives keys that the mapping's own may override: not written twice, but
                    // held to the rest of these checks
                    Node merged = entry.getValueNode();
                    for (Node each : merged instanceof SequenceNode many ? many.getValue() : List.of(merged)) {
                        requireEachKeyOnce(fileName, each, path, new HashMap<>());
                    }
                    continue;
                }
                String written = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                int line = key.getStartMark().getLine() + 1;
                if (LIST_ITEM_KEY.matcher(key.getValue()).find()) { // the binder would merge it into the list
                    throw new RulesFileException(fileName + ":" + line + ": " + written + ": a list's item written as a"
                            + " key of its own; write the list as one YAML list");
                }
                requireOnce(fileName, new WrittenKey(written, line), seen);
                requireEachKeyOnce(fileName, entry.getValueNode(), written, seen);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String written = path + "[" + i + "]";
                requireOnce(fileName, new WrittenKey(written, item.getStartMark().getLine() + 1), seen);
                requireEachKeyOnce(fileName, item, written, seen);
            }
        } else if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)
                && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && !DECIMAL.matcher(scalar.getValue()).matches()) {
            throw new RulesFileException(fileName + ":" + (scalar.getStartMark().getLine() + 1) + ": " + path + ": \""
                    + scalar.getValue() + "\" is the number " + new Yaml().load(scalar.getValue()) + " to YAML, which"
                    + " reads 010 as 8, 0x10 as 16 and 1:00 as 60; write a number in plain digits, or text in quotes"
                    + " ('...')");
        }
    }

    private static void requireOnce(String fileName, WrittenKey at, Map<ConfigurationPropertyName, WrittenKey> seen) {
        WrittenKey before = seen.putIfAbsent(ConfigurationPropertyName.adapt(at.path(), '.'), at);
        if (before != null) {
            throw new RulesFileException(fileName + ":" + at.line() + ": " + at.path() + ": the same key as "
                    + before.path() + " on line " + before.line() + "; write it once");
        }
    }

    /**
     * Refuses a file whose aliases ({@code *name}) repeat into more than {@link #MAX_VALUES} values, or into the
     * collection they stand in: Spring's loader expands every alias, as many as there are, so that a dozen lines of
     * aliases of aliases took minutes and gigabytes, and an alias inside its own anchor a stack overflow. Reads the
     * file's node graph, in which an alias is one node shared, and counts what it would expand to.
     */
    private static void checkAliases(String fileName, Resource resource) throws IOException {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(Integer.MAX_VALUE); // counted here, by what they expand to
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8.newDecoder())) {
            boolean first = true;
            for (Node document : new Yaml(options).composeAll(reader)) {
                if (expandedSize(fileName, document, new IdentityHashMap<>(), Collections.newSetFromMap(
                        new IdentityHashMap<>())) > MAX_VALUES) {
                    throw new RulesFileException(fileName + ": not valid YAML: its aliases expand to more than "
                            + MAX_VALUES + " values");
                }
                if (first) { // a second document is refused once the file is loaded
                    requireEachKeyOnce(fileName, document, "", new HashMap<>());
                    first = false;
                }
            }
        }
    }

    /** How many nodes {@code node} expands to, at most {@link #MAX_VALUES} + 1; {@code open}: those it is inside. */
    private static long expandedSize(String fileName, Node node, Map<Node, Long> sizes, Set<Node> open) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (!open.add(node)) {
            throw new RulesFileException(fileName + ":" + (node.getStartMark().getLine() + 1) + ": not valid YAML: "
                    + "an alias stands in the collection it names, which would never end");
        }
        long size = 1;
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size = Math.min(MAX_VALUES + 1, size + expandedSize(fileName, item, sizes, open));
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                size = Math.min(MAX_VALUES + 1, size + expandedSize(fileName, entry.getKeyNode(), sizes, open)
                        + expandedSize(fileName, entry.getValueNode(), sizes, open));
            }
        }
        open.remove(node);
        sizes.put(node, size);
        return size;
    }

    /**
     * The value under {@code key} bound to {@code type}, or {@code null} if the file has none. For a record (a
     * section), an empty value ({@code model:} with nothing under it) is no value.
     */
    <T> T bind(String key, Class<T> type) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
        try {
            return binder(name, type).bind(name, Bindable.of(type), tracker).orElse(null);
        } catch (BindException e) {
            throw cannotBind(e);
        }
    }

    /** As {@link #bind}, but an instance with every component unset when the file has no value. */
    <T> T bindOrCreate(String key, Class<T> type) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
        try {
            return binder(name, type).bindOrCreate(name, Bindable.of(type), tracker);
        } catch (BindException e) {
            throw cannotBind(e);
        }
    }

    /**
     * The first key of the file, in line order, that nothing bound; empty sections listed in {@code sections} and
     * top-level empty sections do not count.
     */
    Optional<ConfigurationPropertyName> firstUnboundKey(Collection<String> sections) {
        if (source == null) {
            return Optional.empty();
        }
        Set<ConfigurationPropertyName> emptyAllowed = sections.stream()
                .map(section -> ConfigurationPropertyName.adapt(section, '.'))
                .collect(Collectors.toSet());
        Predicate<ConfigurationPropertyName> emptySection = name -> isEmptyValue(name)
                && (name.getNumberOfElements() == 1 || emptyAllowed.contains(name));
        return source.stream()
                .filter(name -> !bound.contains(name))
                .filter(emptySection.negate())
                .min(Comparator.comparingInt(this::lineOf));
    }

    /** Whether the binder was asked for a value at {@code name}, bound or not. */
    boolean wasAsked(ConfigurationPropertyName name) {
        return asked.contains(name);
    }

    /** The keys the binder was asked for right under {@code section}, in the order it was asked, dashed. */
    List<String> keysAskedUnder(ConfigurationPropertyName section) {
        synchronized (asked) {
            return asked.stream()
                    .filter(section::isParentOf)
                    .map(name -> name.getLastElement(ConfigurationPropertyName.Form.DASHED))
                    .distinct()
                    .toList();
        }
    }

    /**
     * The text of {@code key} if the file gives it as one scalar, or {@code null}: a list's items are the keys
     * {@code key[0]}, {@code key[1]}..., and a scalar bound to a list is split at its commas.
     */
    String scalar(String key) {
        var property = source.getConfigurationProperty(ConfigurationPropertyName.of(key));
        return property == null || property.getValue() == null ? null : property.getValue().toString();
    }

    /**
     * Refuses a value bound as text that YAML read as something else: {@code no} and {@code off} are false to YAML
     * 1.1, {@code null} is nothing, {@code 010} is 8 and {@code 12:30} is 750, which the binder would then turn into
     * the text {@code false}, {@code 8} or {@code 750}, silently.
     */
    private void requireText(ConfigurationPropertyName name, Bindable<?> target) {
        if (target.getType().resolve() == String.class) {
            requireText(name);
        }
    }

    /** As for a value bound as text, for {@code key} given as one value where a list of text belongs. */
    void requireText(String key) {
        requireText(ConfigurationPropertyName.adapt(key, '.'));
    }

    private void requireText(ConfigurationPropertyName name) {
        if (source == null) {
            return;
        }
        Object value = readValue(name);
        if (value != null && !(value instanceof CharSequence)) {
            String read = value instanceof byte[] ? "binary data (!!binary)"
                    : value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
            throw problem(name, "YAML reads this value as " + read + ", not as text; write it in quotes ('...') if"
                    + " text is meant");
        }
    }

    /** A problem with {@code key}, as written by the caller. */
    RulesFileException problem(String key, String message) {
        return problem(ConfigurationPropertyName.adapt(key, '.'), key, message);
    }

    /** A problem with {@code name}, named as the file writes it. */
    RulesFileException problem(ConfigurationPropertyName name, String message) {
        return problem(name, writtenKeys.getOrDefault(name, name.toString()), message);
    }

    private RulesFileException problem(ConfigurationPropertyName name, String key, String message) {
        int line = lineOf(name);
        String where = line == Integer.MAX_VALUE ? fileName : fileName + ":" + line;
        return new RulesFileException(where + ": " + key + ": " + message);
    }

    private Binder binder(ConfigurationPropertyName name, Class<?> type) {
        if (source == null) {
            return new Binder();
        }
        if (!type.isRecord()) {
            return new Binder(source);
        }
        return new Binder(source.filter(candidate -> !candidate.equals(name) || !isEmptyValue(candidate)));
    }

    private boolean isEmptyValue(ConfigurationPropertyName name) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        return property != null && String.valueOf(property.getValue()).isEmpty();
    }

    /**
     * Refuses a number bound to a choice of words ({@code severity: 1}): the converter would take it for the
     * position of a word in the choice, and make it {@code warning}.
     */
    private void requireNamedConstant(ConfigurationPropertyName name, Bindable<?> target) {
        if (source == null || !target.getType().resolve(Object.class).isEnum()) {
            return;
        }
        Object value = readValue(name);
        if (value != null && !(value instanceof CharSequence)) {
            throw problem(name, '"' + String.valueOf(value) + "\" is not " + expected(target));
        }
    }

    /** The value of {@code name} as YAML read it (a string, a number, a boolean...), or {@code null}. */
    private Object readValue(ConfigurationPropertyName name) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        Object value = property == null ? null : property.getValue();
        return value instanceof OriginTrackedValue tracked ? tracked.getValue() : value;
    }

    /**
     * Refuses a fraction for a whole number: the binder converts {@code 2.5} to the integer 2 without a word, and a
     * setting would not be what the file says.
     */
    private void requireWhole(ConfigurationPropertyName name, Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        if (source == null || type != Integer.class && type != int.class && type != Long.class && type != long.class) {
            return;
        }
        ConfigurationProperty property = source.getConfigurationProperty(name);
        String value = property == null ? null : String.valueOf(property.getValue()).strip();
        if (value != null && FRACTION.matcher(value).matches()
                && new BigDecimal(value).stripTrailingZeros().scale() > 0) {
            throw problem(name, '"' + value + "\" is not " + expected(target));
        }
    }

    private RulesFileException cannotBind(BindException e) {
        if (e.getCause() instanceof RulesFileException problem) { // said by this class's own checks
            return problem;
        }
        ConfigurationProperty property = e.getProperty() != null ? e.getProperty()
                : source.getConfigurationProperty(e.getName());
        ConfigurationPropertyName name = property != null ? property.getName() : e.getName();
        if (property != null && e.getCause() instanceof ConversionException) {
            return problem(name, '"' + String.valueOf(property.getValue()) + "\" is not " + expected(e.getTarget()));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnboundConfigurationPropertiesException unbound) { // a list where a value belongs
            ConfigurationPropertyName first = unbound.getUnboundProperties().stream()
                    .map(ConfigurationProperty::getName).sorted().findFirst().orElse(name);
            return problem(first, "a list or a section where a value belongs");
        }
        return problem(name, root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String expected(Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" or "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a section: write its keys on the lines below it";
    }

    /** The 1-based line of a key, or of the first key under it; {@code Integer.MAX_VALUE} if the file has neither. */
    private int lineOf(ConfigurationPropertyName name) {
        if (source == null) {
            return Integer.MAX_VALUE;
        }
        ConfigurationProperty property = source.getConfigurationProperty(name);
        if (property != null) {
            return line(property.getOrigin());
        }
        return source.stream()
                .filter(name::isAncestorOf)
                .map(source::getConfigurationProperty)
                .mapToInt(descendant -> line(descendant.getOrigin()))
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    private static int line(Origin origin) {
        Origin at = origin;
        while (at != null && !(at instanceof TextResourceOrigin)) {
            at = at instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null
                    ? wrapper.getOrigin() : at.getParent();
        }
        if (!(at instanceof TextResourceOrigin text) || text.getLocation() == null) {
            return Integer.MAX_VALUE;
        }
        return text.getLocation().getLine() + 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
