package com.studio.assetregistry.cli;

import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.asset.AssetOverview.DepartmentOverview;
import com.studio.assetregistry.validation.MessageText;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code get NAME TYPE}: an asset and a compact view of its versions. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Shows an asset: its version counts and each department's latest version.",
                "Every version of it: asset-registry versions list NAME TYPE."},
        footer = {"", "Exit codes: 0 found, 1 failure, 2 usage error, 3 no such asset.",
                "", "Examples:", "  asset-registry get hero character",
                "  asset-registry get hero character --json"})
class GetCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Parameters(index = "0", paramLabel = "NAME", description = "The asset's name")
    private String name;

    @Parameters(index = "1", paramLabel = "TYPE", description = "The asset's type, e.g. character or prop")
    private String type;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        Optional<AssetOverview> found = top.withQueries(queries -> queries.getAssetOverview(name, type));
        if (found.isEmpty()) {
            return AssetMissing.report(top, name, type);
        }
        AssetOverview asset = found.get();
        if (output.json) {
            JsonOutput.print(top.out(), asset);
            return 0;
        }
        String statuses = asset.statuses().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        top.out().println(MessageText.printable(asset.name() + "/" + asset.type()) + ": "
                + HumanFormat.count(asset.versions(), "version") + " (" + statuses + ") in "
                + HumanFormat.count(asset.departments().size(), "department"));
        Table table = Table.of(top.out(), "DEPARTMENT", ">VERSIONS", "LATEST", "STATUS");
        for (DepartmentOverview department : asset.departments()) {
            table.row(department.department(), department.versions(), "v" + department.latestVersion(),
                    department.latestStatus());
        }
        table.end();
        return 0;
    }
}
