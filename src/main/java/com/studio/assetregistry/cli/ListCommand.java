package com.studio.assetregistry.cli;

import com.studio.assetregistry.asset.AssetFilter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code list}: every asset, or those a filter lets through, streamed. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the assets by name and type, with their version counts.",
                "Streams: a registry of any size lists at once, a page at a time."},
        footer = {"",
                "Exit codes: 0 success (also when nothing matches), 1 failure, 2 usage error (also a type no asset "
                        + "can have: neither the rules' model nor the registry has it).",
                "",
                "Examples:",
                "  asset-registry list --type character",
                "  asset-registry list --name-like 'hero*' --json"})
class ListCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only assets of this type")
    private String type;

    @Option(names = "--name-like", paramLabel = "PATTERN",
            description = {"Only assets whose whole name matches: * stands for any characters, ? for one; ASCII "
                            + "letters match in either case"})
    private String nameLike;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        var filter = new AssetFilter(type, nameLike);
        if (output.json) {
            top.withQueries(queries -> {
                queries.requireKnownType(type); // before the array opens: a usage error prints nothing
                JsonOutput.Array array = JsonOutput.array(top.out());
                queries.forEachAsset(filter, asset -> {
                    top.requireOutput();
                    array.add(asset);
                });
                array.end();
                return null;
            });
            return 0;
        }
        Table table = Table.of(top.out(), "NAME", "TYPE", ">VERSIONS");
        top.withQueries(queries -> queries.forEachAsset(filter, asset -> {
            top.requireOutput();
            table.row(asset.name(), asset.type(), asset.versions());
        }));
        table.end();
        if (table.rows() == 0) {
            top.out().println(type == null && nameLike == null ? "no asset is registered" : "no asset matches");
        }
        return 0;
    }
}
