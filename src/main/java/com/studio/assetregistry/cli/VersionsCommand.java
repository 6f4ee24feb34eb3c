package com.studio.assetregistry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code versions}: the versions of one asset; its subcommands add, get and list them. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "Adds, shows and lists the versions of an asset.",
        subcommands = {VersionsAddCommand.class, VersionsGetCommand.class, VersionsListCommand.class},
        footer = {"", "Examples:", "  asset-registry versions add hero character v3.json",
                "  asset-registry versions get hero character 2 --department modeling",
                "  asset-registry versions list hero character --status active"})
class VersionsCommand implements Callable<Integer> {

    @ParentCommand
    AssetRegistryCommand top;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() { // a usage error is one line, here as anywhere: it names the commands there are
        throw new ParameterException(spec.commandLine(), "Give a versions command: " + String.join(", ",
                spec.commandLine().getSubcommands().keySet()));
    }
}
