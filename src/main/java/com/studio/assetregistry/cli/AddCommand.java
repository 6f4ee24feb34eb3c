package com.studio.assetregistry.cli;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.registry.AssetValidationException;
import com.studio.assetregistry.validation.MessageText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code add ASSET.json}: registers a new asset with its versions, all or nothing. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Registers a new asset with its versions, from a JSON file.",
                "The file holds the asset, with at least one version:",
                "  {\"name\": \"hero\", \"type\": \"character\", \"versions\": [",
                "    {\"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}]}",
                "or records in the load format (an array, or one per line) of one asset.",
                "All or nothing: a file that breaks a rule registers nothing, and every violation is listed on "
                        + "standard error. - reads the asset from standard input."},
        footer = {"",
                "Exit codes: 0 added, 1 refused (violations on standard error) or failed, 2 usage error.",
                "",
                "Examples:",
                "  asset-registry add hero.json",
                "  echo '{\"name\": \"sword\", \"type\": \"prop\", \"versions\": [' \\",
                "    '{\"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}]}' \\",
                "    | asset-registry add -"})
class AddCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Parameters(paramLabel = "ASSET.json", description = "The asset to add; - for standard input")
    private Path file;

    @Override
    public Integer call() {
        boolean standardInput = AssetRegistryCommand.isStandardInput(file);
        Asset added;
        try {
            added = top.withRegistry(context -> standardInput
                    ? context.registry().addAsset(top.in(), AssetRegistryCommand.STANDARD_INPUT)
                    : context.registry().addAsset(file));
        } catch (AssetValidationException refusal) {
            return Violations.refused(top, standardInput ? AssetRegistryCommand.STANDARD_INPUT : file.toString(),
                    refusal);
        }
        AssetOverview overview = AssetOverview.of(added);
        top.out().println("added " + MessageText.printable(added.key().toString()) + " with "
                + HumanFormat.count(overview.versions(), "version") + ": "
                + overview.departments().stream()
                        .map(d -> d.department() + " " + (d.versions() == 1 ? "v1" : "v1-" + d.latestVersion()))
                        .collect(Collectors.joining(", ")));
        return 0;
    }
}
