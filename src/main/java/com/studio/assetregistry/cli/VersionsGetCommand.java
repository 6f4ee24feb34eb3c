package com.studio.assetregistry.cli;

import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.registry.AssetQueries;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code versions get NAME TYPE VERSION}: one version number of an asset, in every department or in one. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows a version number of an asset, in every department or in one.",
        footer = {"",
                "Exit codes: 0 found, 1 failure, 2 usage error (a version under 1, a department no version can have), "
                        + "3 no such asset or version.",
                "",
                "Examples:",
                "  asset-registry versions get hero character 2",
                "  asset-registry versions get hero character 2 --department modeling --json"})
class VersionsGetCommand implements Callable<Integer> {

    @ParentCommand
    private VersionsCommand versions;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The asset's name")
    private String name;

    @Parameters(index = "1", paramLabel = "TYPE", description = "The asset's type")
    private String type;

    @Parameters(index = "2", paramLabel = "VERSION", description = "The version number")
    private int version;

    @Option(names = "--department", paramLabel = "D", description = "Only this department's version")
    private String department;

    @Mixin
    private JsonOption output;

    /** What the registry holds: the versions found, or the asset's overview to say what there is instead. */
    private record Found(List<AssetVersion> versions, Optional<AssetOverview> asset) {
    }

    @Override
    public Integer call() {
        AssetRegistryCommand top = versions.top;
        if (version < 1) { // as the API answers it: no version can have it
            throw new ParameterException(spec.commandLine(), "VERSION must be 1 or more, not " + version);
        }
        Found found = top.withQueries(this::find);
        if (found.versions().isEmpty()) {
            return missing(top, found.asset());
        }
        if (output.json) {
            JsonOutput.print(top.out(), found.versions());
            return 0;
        }
        Table table = Table.of(top.out(), "DEPARTMENT", ">VERSION", "STATUS");
        found.versions().forEach(v -> table.row(v.department(), v.version(), v.status()));
        table.end();
        return 0;
    }

    private Found find(AssetQueries queries) {
        queries.requireKnownDepartment(department);
        List<AssetVersion> hits = department == null ? queries.getAssetVersion(name, type, version)
                : queries.getAssetVersion(name, type, version, department).map(List::of).orElse(List.of());
        return new Found(hits, hits.isEmpty() ? queries.getAssetOverview(name, type) : Optional.empty());
    }

    private int missing(AssetRegistryCommand top, Optional<AssetOverview> asset) {
        if (asset.isEmpty()) {
            return AssetMissing.report(top, name, type);
        }
        String latest = asset.get().departments().stream()
                .filter(d -> department == null || d.department().equals(department))
                .map(d -> d.department() + " v" + d.latestVersion())
                .collect(Collectors.joining(", "));
        top.error(name + "/" + type + " has no version " + version + (department == null ? "" : " in " + department)
                + (latest.isEmpty() ? "; its departments: " + asset.get().departments().stream()
                        .map(AssetOverview.DepartmentOverview::department).collect(Collectors.joining(", "))
                        : "; latest: " + latest));
        return AssetRegistryCommand.NOT_FOUND;
    }
}
