package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliteUrlTests {

    @ParameterizedTest(name = "{0} -> database ''{1}'', file ''{2}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            jdbc:sqlite:registry.db                        | registry.db      | registry.db
            jdbc:sqlite:/srv/reg/registry.db?journal_mode=WAL | /srv/reg/registry.db | /srv/reg/registry.db
            jdbc:sqlite:a dir/it.db                        | a dir/it.db      | a dir/it.db
            jdbc:sqlite:file:registry.db?mode=rw           | file:registry.db | -
            jdbc:sqlite::memory:                           | :memory:         | -
            jdbc:sqlite::night.db                          | :night.db        | :night.db
            jdbc:sqlite:                                   | ''               | -
            jdbc:sqlite:?busy_timeout=1                    | ''               | -
            jdbc:sqlite:nul\u0000.db                       | nul\u0000.db     | -
            jdbc:postgresql://db/registry                  | -                | -
            registry.db                                    | -                | -
            """)
    void readsWhatTheUrlNames(String url, String database, String file) {
        String unescaped = url.replace("\\u0000", "\0");
        assertThat(SqliteUrl.database(unescaped))
                .isEqualTo(Optional.ofNullable(database).map(name -> name.replace("\\u0000", "\0")));
        assertThat(SqliteUrl.file(unescaped)).isEqualTo(Optional.ofNullable(file).map(Path::of));
    }

    @Test
    void noUrlNamesNothing() {
        assertThat(SqliteUrl.database(null)).isEmpty();
        assertThat(SqliteUrl.file(null)).isEmpty();
    }
}
