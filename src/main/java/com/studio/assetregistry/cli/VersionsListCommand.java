package com.studio.assetregistry.cli;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.validation.MessageText;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code versions list NAME TYPE}: an asset's versions, by department and version. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the versions of an asset by department and version number.",
        footer = {"",
                "Exit codes: 0 success (also when no version matches), 1 failure, 2 usage error (a department or "
                        + "status no version can have), 3 no such asset.",
                "",
                "Examples:",
                "  asset-registry versions list hero character",
                "  asset-registry versions list hero character --department modeling --json"})
class VersionsListCommand implements Callable<Integer> {

    @ParentCommand
    private VersionsCommand versions;

    @Parameters(index = "0", paramLabel = "NAME", description = "The asset's name")
    private String name;

    @Parameters(index = "1", paramLabel = "TYPE", description = "The asset's type")
    private String type;

    @Option(names = "--department", paramLabel = "D", description = "Only this department's versions")
    private String department;

    @Option(names = "--status", paramLabel = "S", description = "Only versions with this status")
    private String status;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        AssetRegistryCommand top = versions.top;
        Optional<Asset> asset = top.withQueries(queries -> {
            queries.requireKnownDepartment(department);
            queries.requireKnownStatus(status);
            return queries.getAsset(name, type);
        });
        if (asset.isEmpty()) {
            return AssetMissing.report(top, name, type);
        }
        List<AssetVersion> matching = asset.get().versions().stream()
                .filter(v -> department == null || v.department().equals(department))
                .filter(v -> status == null || v.status().equals(status))
                .toList();
        if (output.json) {
            JsonOutput.print(top.out(), matching);
            return 0;
        }
        Table table = Table.of(top.out(), "DEPARTMENT", ">VERSION", "STATUS");
        matching.forEach(v -> table.row(v.department(), v.version(), v.status()));
        table.end();
        if (matching.isEmpty()) {
            top.out().println("no version of " + MessageText.printable(name + "/" + type) + " matches");
        }
        return 0;
    }
}
