package com.studio.assetregistry.cli;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.registry.AssetNotFoundException;
import com.studio.assetregistry.registry.AssetValidationException;
import com.studio.assetregistry.validation.MessageText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code versions add NAME TYPE VERSION.json}: registers the next version of an asset in one department. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Registers the next version of an asset in one department, from a JSON file.",
                "The file holds the version:",
                "  {\"department\": \"modeling\", \"version\": 3, \"status\": \"active\"}",
                "Per department the versions are always 1..N: a version must be the next one.",
                "- reads the version from standard input."},
        footer = {"",
                "Exit codes: 0 added, 1 refused (violations on standard error) or failed, 2 usage error, 3 no such "
                        + "asset.",
                "",
                "Examples:",
                "  asset-registry versions add hero character v3.json",
                "  echo '{\"department\": \"modeling\", \"version\": 3, \"status\": \"active\"}' \\",
                "    | asset-registry versions add hero character -"})
class VersionsAddCommand implements Callable<Integer> {

    @ParentCommand
    private VersionsCommand versions;

    @Parameters(index = "0", paramLabel = "NAME", description = "The asset's name")
    private String name;

    @Parameters(index = "1", paramLabel = "TYPE", description = "The asset's type")
    private String type;

    @Parameters(index = "2", paramLabel = "VERSION.json", description = "The version to add; - for standard input")
    private Path file;

    @Override
    public Integer call() {
        AssetRegistryCommand top = versions.top;
        boolean standardInput = AssetRegistryCommand.isStandardInput(file);
        var asset = new AssetKey(name, type);
        AssetVersion added;
        try {
            added = top.withExistingRegistry(context -> standardInput
                    ? context.registry().addAssetVersion(asset, top.in(), AssetRegistryCommand.STANDARD_INPUT)
                    : context.registry().addAssetVersion(asset, file));
        } catch (AssetValidationException refusal) {
            return Violations.refused(top, standardInput ? AssetRegistryCommand.STANDARD_INPUT : file.toString(),
                    refusal);
        } catch (AssetNotFoundException missing) {
            top.error(missing.asset() + " is not registered; add it with: asset-registry add ASSET.json");
            return AssetRegistryCommand.NOT_FOUND;
        }
        top.out().println("added " + MessageText.printable(name + "/" + type + "/" + added.department()) + " v"
                + added.version() + " (" + added.status() + ")");
        return 0;
    }
}
