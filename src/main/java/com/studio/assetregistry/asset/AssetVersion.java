package com.studio.assetregistry.asset;

import java.util.Objects;

/**
 * One version of an asset in one department; unique per asset by department and version number.
 *
 * @param department the department that produced it, e.g. {@code modeling}
 * @param version    the version number, 1 or more; per asset and department the versions are exactly 1..N
 * @param status     {@code active} or {@code inactive}
 */
public record AssetVersion(String department, int version, String status) {

    public AssetVersion {
        Objects.requireNonNull(department, "The department must not be null.");
        Objects.requireNonNull(status, "The status must not be null.");
    }
}
