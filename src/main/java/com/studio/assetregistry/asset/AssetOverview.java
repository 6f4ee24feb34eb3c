package com.studio.assetregistry.asset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact view of an asset: how many versions it has, per status, and per department the count and the latest
 * version. Also the JSON shape of one asset, for the command line and the REST API.
 *
 * @param name        the asset's name
 * @param type        the asset's type
 * @param versions    how many versions it has, in all departments
 * @param statuses    how many versions have each status, by status name
 * @param departments one entry per department that has a version, by department name
 */
public record AssetOverview(String name, String type, int versions, Map<String, Integer> statuses,
                            List<DepartmentOverview> departments) {

    public AssetOverview {
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        departments = List.copyOf(departments);
    }

    /**
     * One department's versions of an asset.
     *
     * @param department    the department
     * @param versions      how many versions it has: they are always 1..{@code latestVersion}
     * @param latestVersion its highest version number
     * @param latestStatus  the status of that version
     */
    public record DepartmentOverview(String department, int versions, int latestVersion, String latestStatus) {
    }

    /** The overview of an asset and all its versions. */
    public static AssetOverview of(Asset asset) {
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, List<AssetVersion>> byDepartment = new TreeMap<>();
        for (AssetVersion version : asset.versions()) {
            statuses.merge(version.status(), 1, Integer::sum);
            byDepartment.computeIfAbsent(version.department(), d -> new ArrayList<>()).add(version);
        }
        List<DepartmentOverview> departments = byDepartment.entrySet().stream().map(entry -> {
            AssetVersion latest = entry.getValue().stream()
                    .max(Comparator.comparingInt(AssetVersion::version)).orElseThrow();
            return new DepartmentOverview(entry.getKey(), entry.getValue().size(), latest.version(), latest.status());
        }).toList();
        return new AssetOverview(asset.key().name(), asset.key().type(), asset.versions().size(), statuses,
                departments);
    }
}
