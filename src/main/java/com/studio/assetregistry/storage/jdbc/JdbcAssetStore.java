package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.validation.ModelValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AssetStore} over JDBC. Thread-safe. */
@Repository
class JdbcAssetStore implements AssetStore {

    private static final String VERSIONS_OF_ASSET = """
            SELECT v.department, v.version, v.status
            FROM asset a JOIN asset_version v ON v.asset_id = a.id
            WHERE a.name = ? AND a.type = ?""";

    private static final RowMapper<AssetVersion> VERSION = (rs, n) ->
            new AssetVersion(rs.getString("department"), rs.getInt("version"), rs.getString("status"));

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionOperations streaming;

    JdbcAssetStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = Objects.requireNonNull(jdbc, "The JdbcTemplate must not be null.");
        this.dialect = SqlDialect.of(jdbc);
        Objects.requireNonNull(transactionManager, "The transaction manager must not be null.");
        this.streaming = dialect.streamsInTransactionOnly() ? new TransactionTemplate(transactionManager)
                : TransactionOperations.withoutTransaction();
    }

    @Override
    public Optional<Asset> findAsset(AssetKey key) {
        List<AssetVersion> versions = listVersions(key);
        return versions.isEmpty() ? Optional.empty() : Optional.of(new Asset(key, versions));
    }

    @Override
    public OptionalLong pendingLoadOf(AssetKey key) {
        if (SearchText.holdsNul(key.name(), key.type())) {
            return OptionalLong.empty();
        }
        return jdbc.queryForList("SELECT run_id FROM asset_row WHERE name = ? AND type = ?"
                        + " AND run_id IN (SELECT id FROM load_run WHERE pending = 1)", Long.class, key.name(), key.type())
                .stream().mapToLong(Long::longValue).findFirst();
    }

    @Override
    public boolean exists(AssetKey key) {
        if (SearchText.holdsNul(key.name(), key.type())) {
            return false;
        }
        return !jdbc.queryForList("SELECT 1 FROM asset WHERE name = ? AND type = ?", Integer.class,
                key.name(), key.type()).isEmpty();
    }

    @Override
    public List<AssetKey> listAssets() {
        return jdbc.query("SELECT name, type FROM asset ORDER BY name, type",
                (rs, n) -> new AssetKey(rs.getString("name"), rs.getString("type")));
    }

    @Override
    public List<AssetListing> listAssets(AssetFilter filter, AssetKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The page size must be 1 or more, got " + limit + ".");
        }
        if (SearchText.holdsNul(filter.type(), filter.nameLike(), filter.namePrefix())
                || filter.nameLike() != null && longerThanAnyName(filter.nameLike())) {
            return List.of();
        }
        // Walks the (name, type) index from the key on, so a page costs the same wherever it starts; the version
        // count is a lookup on the asset_version primary key per asset.
        var sql = new StringBuilder("""
                SELECT a.name, a.type, (SELECT COUNT(*) FROM asset_version v WHERE v.asset_id = a.id) AS versions
                FROM asset a WHERE 1 = 1""");
        List<Object> args = new ArrayList<>();
        if (after != null) {
            sql.append(" AND (a.name, a.type) > (?, ?)");
            args.add(after.name());
            args.add(after.type());
        }
        if (filter.type() != null) {
            sql.append(" AND a.type = ?");
            args.add(filter.type());
        }
        if (filter.nameLike() != null) {
            sql.append(" AND a.name ").append(dialect.caseInsensitiveLike()).append(" ? ESCAPE '\\'");
            args.add(likePattern(filter.nameLike()));
        }
        if (filter.namePrefix() != null && !filter.namePrefix().isEmpty()) {
            // a range of the (name, type) index: the names compare by code point on both databases
            sql.append(" AND a.name >= ?");
            args.add(filter.namePrefix());
            prefixEnd(filter.namePrefix()).ifPresent(end -> {
                sql.append(" AND a.name < ?");
                args.add(end);
            });
        }
        sql.append(" ORDER BY a.name, a.type LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new AssetListing(rs.getString("name"), rs.getString("type"),
                rs.getLong("versions")), args.toArray());
    }

    /**
     * The least text, in code point order, above every text that starts with {@code prefix}: the prefix without its
     * trailing U+10FFFF, with its last code point one higher (past the surrogates, which no name holds). Empty when
     * the prefix is all U+10FFFF, which nothing is above.
     */
    static Optional<String> prefixEnd(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        int length = codePoints.length;
        while (length > 0 && codePoints[length - 1] == Character.MAX_CODE_POINT) {
            length--;
        }
        if (length == 0) {
            return Optional.empty();
        }
        int next = codePoints[length - 1] + 1;
        codePoints[length - 1] = next == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
        return Optional.of(new String(codePoints, 0, length));
    }

    /**
     * Whether a name pattern needs more characters than a name can hold ({@link ModelValues#MAX_NAME_LENGTH}), every
     * {@code *} standing for none: it matches nothing, and sent as it is, one of SQLite's 50,000 bytes would fail as
     * "too complex".
     */
    static boolean longerThanAnyName(String namePattern) {
        return namePattern.codePoints().filter(c -> c != '*').limit(ModelValues.MAX_NAME_LENGTH + 1).count()
                > ModelValues.MAX_NAME_LENGTH;
    }

    /**
     * The SQL {@code LIKE} pattern of a name pattern: {@code *} and {@code ?} are wildcards ({@code %}, a run of stars
     * one, and {@code _}), everything else is literal.
     */
    static String likePattern(String namePattern) {
        var like = new StringBuilder(namePattern.length() + 4);
        int before = 0;
        for (int i = 0; i < namePattern.length(); ) {
            int c = namePattern.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '*' -> {
                    if (before != '*') {
                        like.append('%');
                    }
                }
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').appendCodePoint(c);
                default -> like.appendCodePoint(c);
            }
            before = c;
        }
        return like.toString();
    }

    @Override
    public List<AssetVersion> listVersions(AssetKey key) {
        if (SearchText.holdsNul(key.name(), key.type())) {
            return List.of();
        }
        return jdbc.query(VERSIONS_OF_ASSET + " ORDER BY v.department, v.version", VERSION, key.name(), key.type());
    }

    @Override
    public List<AssetVersion> findVersions(AssetKey key, int version) {
        if (SearchText.holdsNul(key.name(), key.type())) {
            return List.of();
        }
        return jdbc.query(VERSIONS_OF_ASSET + " AND v.version = ? ORDER BY v.department", VERSION,
                key.name(), key.type(), version);
    }

    @Override
    public Optional<AssetVersion> findVersion(AssetKey key, String department, int version) {
        if (SearchText.holdsNul(key.name(), key.type(), department)) {
            return Optional.empty();
        }
        return jdbc.query(VERSIONS_OF_ASSET + " AND v.department = ? AND v.version = ?", VERSION,
                key.name(), key.type(), department, version).stream().findFirst();
    }

    @Override
    public void forEachVersion(Consumer<VersionedAsset> action) {
        streaming.executeWithoutResult(transaction -> jdbc.query("""
                SELECT a.name, a.type, v.department, v.version, v.status
                FROM asset a JOIN asset_version v ON v.asset_id = a.id
                ORDER BY a.name, a.type, v.department, v.version""", (RowCallbackHandler) rs ->
                action.accept(new VersionedAsset(new AssetKey(rs.getString("name"), rs.getString("type")),
                        VERSION.mapRow(rs, 0)))));
    }

    @Override
    public long countVersions() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM asset_version", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public Map<String, Long> countAssetsByType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        // the (name, type) index covers the scan: no row of the table is read
        jdbc.query("SELECT type, COUNT(*) AS assets FROM asset GROUP BY type ORDER BY type",
                (RowCallbackHandler) rs -> counts.put(rs.getString("type"), rs.getLong("assets")));
        return counts;
    }

    @Override
    public boolean holdsType(String type) {
        return holds("SELECT 1 FROM asset WHERE type = ? LIMIT 1", type);
    }

    @Override
    public boolean holdsDepartment(String department) {
        return holds("SELECT 1 FROM asset_version WHERE department = ? LIMIT 1", department);
    }

    @Override
    public boolean holdsStatus(String status) {
        return holds("SELECT 1 FROM asset_version WHERE status = ? LIMIT 1", status);
    }

    /** Whether the query finds a row; a scan of the table when no row holds the value, so for rare values only. */
    private boolean holds(String query, String value) {
        return !SearchText.holdsNul(value) && !jdbc.queryForList(query, Integer.class, value).isEmpty();
    }
}
