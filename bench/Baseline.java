import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The benchmark's baseline: the least a loader must do. Streams the file with Jackson and inserts the rows with plain
 * JDBC batches (1,000 per batch, a commit per 10,000 rows) into the registry's own schema (the Flyway migration
 * V1 of the database's vendor, with its UNIQUE constraints), with the same SQLite settings as the service, or on
 * PostgreSQL with the same driver setting (reWriteBatchedInserts). No validation, no report, no restart state: a record
 * that breaks a constraint is skipped. Reads JSON Lines, one parser per line, so that a broken line is skipped too (the
 * benchmark's files are JSON Lines).
 *
 * Usage: java -cp CLASSPATH bench/Baseline.java FILE DB, where DB is a SQLite file or a jdbc:postgresql: URL
 */
public class Baseline {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean postgres = args[1].startsWith("jdbc:postgresql:");
        String url = postgres ? args[1] + (args[1].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true"
                : "jdbc:sqlite:" + args[1] + "?journal_mode=WAL&synchronous=NORMAL&cache_size=-65536";
        String vendor = postgres ? "postgresql" : "sqlite";
        try (Connection db = DriverManager.getConnection(url)) {
            try (Statement schema = db.createStatement()) {
                Path migration = Path.of("src/main/resources/db/migration", vendor, "V1__registry.sql");
                for (String sql : Files.readString(migration)
                        .replaceAll("(?m)--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        schema.execute(sql);
                    }
                }
            }
            db.setAutoCommit(false);
            long records = load(file, db);
            db.commit();
            System.out.println("baseline: " + records + " records");
        }
    }

    private static long load(Path file, Connection db) throws Exception {
        Map<String, Long> assetIds = new HashMap<>();
        long nextAssetId = 1;
        long records = 0;
        int batched = 0;
        JsonFactory json = new JsonFactory();
        try (BufferedReader lines = Files.newBufferedReader(file);
             PreparedStatement asset = db.prepareStatement("INSERT INTO asset (id, name, type) VALUES (?, ?, ?) "
                     + "ON CONFLICT DO NOTHING");
             PreparedStatement version = db.prepareStatement("INSERT INTO asset_version "
                     + "(asset_id, department, version, status, run_id) VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            String line;
            while ((line = lines.readLine()) != null) {
                String name = null, type = null, department = null, status = null;
                int number = 0;
                try (JsonParser parser = json.createParser(ObjectReadContext.empty(), line)) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        records++;
                        continue;
                    }
                    String field;
                    while ((field = parser.nextName()) != null) {
                        JsonToken value = parser.nextToken();
                        switch (field) {
                            case "asset" -> {
                                while (value == JsonToken.START_OBJECT && parser.nextName() != null) {
                                    String key = parser.currentName();
                                    parser.nextToken();
                                    if (key.equals("name")) name = parser.getString();
                                    else if (key.equals("type")) type = parser.getString();
                                    else parser.skipChildren();
                                }
                            }
                            case "department" -> department = parser.getString();
                            case "version" -> number = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 0;
                            case "status" -> status = parser.getString();
                            default -> parser.skipChildren();
                        }
                    }
                } catch (JacksonException e) {
                    records++;
                    continue;
                }
                records++;
                // what SQLite's INSERT OR IGNORE used to skip, and PostgreSQL's ON CONFLICT does not: a CHECK violation
                if (name == null || type == null || department == null || status == null || number < 1) {
                    continue;
                }
                String key = name + '\u0000' + type;
                Long assetId = assetIds.get(key);
                if (assetId == null) {
                    assetId = nextAssetId++;
                    assetIds.put(key, assetId);
                    asset.setLong(1, assetId);
                    asset.setString(2, name);
                    asset.setString(3, type);
                    asset.addBatch();
                }
                version.setLong(1, assetId);
                version.setString(2, department);
                version.setInt(3, number);
                version.setString(4, status);
                version.addBatch();
                if (++batched % 1_000 == 0) {
                    asset.executeBatch();
                    version.executeBatch();
                }
                if (batched % 10_000 == 0) {
                    asset.executeBatch();
                    version.executeBatch();
                    db.commit();
                }
            }
            asset.executeBatch();
            version.executeBatch();
        }
        return records;
    }
}
