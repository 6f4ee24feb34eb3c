package com.studio.assetregistry.web;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the REST API guards itself, under {@code registry.api}.
 *
 * @param token       when set, every write (POST) needs {@code Authorization: Bearer <token>}; reads stay open
 * @param readToken   when set, every read needs {@code Authorization: Bearer <readToken>} (or the write token)
 * @param maxBodySize the largest body of {@code POST /assets} and {@code POST /assets/versions} (1 MiB)
 * @param maxLoadSize the largest file {@code POST /assets/load} takes (2 GiB)
 * @param spoolDir    where an uploaded file is spooled while it loads ({@code asset-registry-spool-<user>} in the
 *                    system's temporary directory by default); each server uses a directory of its own in it
 */
@ConfigurationProperties("registry.api")
record ApiProperties(String token, String readToken, DataSize maxBodySize, DataSize maxLoadSize, Path spoolDir) {

    ApiProperties {
        token = token == null || token.isBlank() ? null : token;
        readToken = readToken == null || readToken.isBlank() ? null : readToken;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxLoadSize = maxLoadSize == null ? DataSize.ofGigabytes(2) : maxLoadSize;
        spoolDir = spoolDir == null ? Path.of(System.getProperty("java.io.tmpdir"),
                "asset-registry-spool-" + System.getProperty("user.name")) : spoolDir;
        if (maxBodySize.toBytes() < 1 || maxLoadSize.toBytes() < 1) {
            throw new IllegalArgumentException("registry.api.max-body-size and max-load-size must be 1 byte or more");
        }
    }
}
