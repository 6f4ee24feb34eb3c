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
        requireNotBlank("registry.api.token (REGISTRY_API_TOKEN)", token);
        requireNotBlank("registry.api.read-token (REGISTRY_API_READ_TOKEN)", readToken);
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxLoadSize = maxLoadSize == null ? DataSize.ofGigabytes(2) : maxLoadSize;
        spoolDir = spoolDir == null ? Path.of(System.getProperty("java.io.tmpdir"),
                "asset-registry-spool-" + System.getProperty("user.name")) : spoolDir;
        if (maxBodySize.toBytes() < 1 || maxLoadSize.toBytes() < 1) {
            throw new IllegalArgumentException("registry.api.max-body-size and max-load-size must be 1 byte or more");
        }
    }

    /**
     * Refuses a token set to nothing: {@code REGISTRY_API_TOKEN=} (a secret missing from a unit file or a container's
     * environment) would otherwise serve the API open, with no sign of it.
     */
    private static void requireNotBlank(String name, String token) {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException(name + " is set but empty, which would leave the API open: set the"
                    + " token, or unset it to serve without one");
        }
    }
}
