package com.studio.assetregistry.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a reproducible file of version records in the load format and returns what a correct load of it into an
 * empty registry produces.
 * <p>
 * Assets look like a production's: most have several versions in several departments. Their records are spread
 * through the file by a bounded shuffle, so versions of one asset and department arrive out of order, yet memory stays
 * flat whatever the number of records. Broken records are extra records, each breaking exactly one rule and leaving
 * the valid ones untouched, so the expected counts are exact: field errors on assets of their own, repeats of earlier
 * valid records ({@code version.duplicate}), and versions two above a department's last one ({@code version.sequence}).
 * <p>
 * Not thread-safe; one generator writes one file at a time.
 */
public final class AssetDataGenerator {

    private static final int SHUFFLE_WINDOW = 4_096;
    private static final int RECENT = 256;
    private static final String[] TYPES = {"character", "prop", "set", "environment", "vehicle", "dressing", "fx"};
    private static final String[] DEPARTMENTS = {"modeling", "texturing", "rigging", "animation", "cfx", "fx"};
    private static final String[] WORDS = {"hero", "villain", "dragon", "sword", "castle", "forest", "tavern", "horse",
        "lantern", "chest", "street", "throne", "wagon", "crow", "storm", "bridge", "harbor", "mask", "clock", "moth"};

    /** The ways a generated record breaks the rules, each with the one rule it breaks. */
    private enum Breakage {
        STATUS_UNKNOWN("status.unknown"), STATUS_REQUIRED("status.required"),
        DEPARTMENT_UNKNOWN("department.unknown"), DEPARTMENT_REQUIRED("department.required"),
        TYPE_UNKNOWN("type.unknown"), TYPE_REQUIRED("type.required"),
        NAME_REQUIRED("name.required"), NAME_INVALID("name.invalid"),
        VERSION_INVALID("version.invalid"), VERSION_REQUIRED("version.required"),
        ASSET_REQUIRED("asset.required"), RECORD_MALFORMED("record.malformed"), JSON_SYNTAX("json.syntax"),
        VERSION_DUPLICATE("version.duplicate"), VERSION_SEQUENCE("version.sequence");

        private final String rule;

        Breakage(String rule) {
            this.rule = rule;
        }
    }

    /** A department of an asset whose versions 1..last are all in the file. */
    private record Group(String name, String type, String department, int last) {
    }

    private SplittableRandom random;
    private List<String> window;
    private List<String> recentRecords;
    private List<Group> recentGroups;
    private Writer out;
    private boolean jsonLines;
    private long written;

    /**
     * Writes the file described by {@code options} to {@code out}, which it flushes and leaves open.
     *
     * @return what a correct load of the file into an empty registry produces
     */
    public ExpectedOutcome generate(GeneratorOptions options, Writer out) throws IOException {
        this.random = new SplittableRandom(options.seed());
        this.window = new ArrayList<>(SHUFFLE_WINDOW);
        this.recentRecords = new ArrayList<>(RECENT);
        this.recentGroups = new ArrayList<>(RECENT);
        this.out = out;
        this.jsonLines = options.jsonLines();
        this.written = 0;

        long broken = Math.round(options.records() * options.errorRate());
        long valid = options.records() - broken;
        Map<String, Long> byRule = new HashMap<>();
        var assets = new ValidRecords(valid);
        long brokenLeft = broken;
        if (!jsonLines) {
            out.write("[\n");
        }
        for (long left = options.records(); left > 0; left--) {
            if (random.nextLong(left) < brokenLeft) {
                Breakage breakage = pickBreakage();
                byRule.merge(breakage.rule, 1L, Long::sum);
                emit(broken(breakage, broken - brokenLeft));
                brokenLeft--;
            } else {
                emit(assets.next());
            }
        }
        while (!window.isEmpty()) {
            write(window.remove(random.nextInt(window.size())));
        }
        out.write(jsonLines ? "" : written == 0 ? "]\n" : "\n]\n");
        out.flush();
        return new ExpectedOutcome(options.records(), valid, broken, byRule);
    }

    /** Produces the valid records: whole assets, department by department, versions 1..n in order. */
    private final class ValidRecords {

        private final long total;
        private long produced;
        private long assetNumber;
        private final List<String> pending = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();

        ValidRecords(long total) {
            this.total = total;
        }

        String next() {
            if (pending.isEmpty()) {
                nextAsset();
            }
            produced++;
            String record = pending.remove(pending.size() - 1);
            remember(recentRecords, record);
            if (pending.isEmpty()) {
                groups.forEach(group -> remember(recentGroups, group));
                groups.clear();
            }
            return record;
        }

        private void nextAsset() {
            long number = assetNumber++;
            String name = WORDS[(int) (number % WORDS.length)] + "_" + number;
            String type = TYPES[random.nextInt(TYPES.length)];
            List<String> departments = new ArrayList<>(List.of(DEPARTMENTS));
            int departmentCount = 1 + random.nextInt(4);
            List<String> records = new ArrayList<>();
            for (int d = 0; d < departmentCount && produced + records.size() < total; d++) {
                String department = departments.remove(random.nextInt(departments.size()));
                int versions = 1 + (int) Math.min(7, -Math.log(1 - random.nextDouble()) * 2);
                int last = 0;
                for (int v = 1; v <= versions && produced + records.size() < total; v++) {
                    records.add(record(name, type, department, v, random.nextInt(4) == 0 ? "inactive" : "active"));
                    last = v;
                }
                groups.add(new Group(name, type, department, last));
            }
            for (int i = records.size() - 1; i >= 0; i--) { // taken from the end: versions come out 1, 2, 3...
                pending.add(records.get(i));
            }
        }
    }

    private Breakage pickBreakage() {
        Breakage[] all = Breakage.values();
        Breakage breakage = all[random.nextInt(all.length)];
        if (breakage == Breakage.VERSION_DUPLICATE && recentRecords.isEmpty()
                || breakage == Breakage.VERSION_SEQUENCE && recentGroups.isEmpty()) {
            return Breakage.STATUS_UNKNOWN; // nothing to repeat or extend yet
        }
        return breakage;
    }

    private String broken(Breakage breakage, long number) {
        String name = "broken_" + number;
        String asset = "{\"name\":\"" + name + "\",\"type\":\"prop\"}";
        return switch (breakage) {
            case STATUS_UNKNOWN -> record(name, "prop", "modeling", 1, "deprecated");
            case STATUS_REQUIRED -> "{\"asset\":" + asset + ",\"department\":\"modeling\",\"version\":1}";
            case DEPARTMENT_UNKNOWN -> record(name, "prop", "compositing", 1, "active");
            case DEPARTMENT_REQUIRED -> record(name, "prop", "", 1, "active");
            case TYPE_UNKNOWN -> record(name, "creature", "modeling", 1, "active");
            case TYPE_REQUIRED -> "{\"asset\":{\"name\":\"" + name + "\",\"type\":null},"
                    + "\"department\":\"modeling\",\"version\":1,\"status\":\"active\"}";
            case NAME_REQUIRED -> record("", "prop", "modeling", 1, "active");
            case NAME_INVALID -> record(" " + name, "prop", "modeling", 1, "active");
            case VERSION_INVALID -> "{\"asset\":" + asset + ",\"department\":\"modeling\",\"version\":\"1\","
                    + "\"status\":\"active\"}";
            case VERSION_REQUIRED -> "{\"asset\":" + asset + ",\"department\":\"modeling\",\"status\":\"active\"}";
            case ASSET_REQUIRED -> "{\"department\":\"modeling\",\"version\":1,\"status\":\"active\"}";
            case RECORD_MALFORMED -> "{\"asset\":" + asset + ",\"department\":\"modeling\",\"version\":1,"
                    + "\"status\":\"active\",\"status\":\"active\"}";
            case JSON_SYNTAX -> "{\"asset\":" + asset + ",\"department\" \"modeling\",\"version\":1,"
                    + "\"status\":\"active\"}";
            case VERSION_DUPLICATE -> recentRecords.get(random.nextInt(recentRecords.size()));
            case VERSION_SEQUENCE -> {
                // each department gets at most one: two records two above its last version would repeat each other
                Group group = recentGroups.remove(random.nextInt(recentGroups.size()));
                yield record(group.name(), group.type(), group.department(), group.last() + 2, "active");
            }
        };
    }

    private static String record(String name, String type, String department, int version, String status) {
        return "{\"asset\":{\"name\":\"" + name + "\",\"type\":\"" + type + "\"},\"department\":\"" + department
                + "\",\"version\":" + version + ",\"status\":\"" + status + "\"}";
    }

    private static <T> void remember(List<T> recent, T item) {
        if (recent.size() == RECENT) {
            recent.remove(0);
        }
        recent.add(item);
    }

    /** Holds records in a bounded window and writes a random one once it is full: a shuffle in constant memory. */
    private void emit(String record) throws IOException {
        if (window.size() < SHUFFLE_WINDOW) {
            window.add(record);
            return;
        }
        int pick = random.nextInt(SHUFFLE_WINDOW);
        write(window.set(pick, record));
    }

    private void write(String record) throws IOException {
        if (!jsonLines && written > 0) {
            out.write(",\n");
        }
        out.write(record);
        if (jsonLines) {
            out.write('\n');
        }
        written++;
    }
}
