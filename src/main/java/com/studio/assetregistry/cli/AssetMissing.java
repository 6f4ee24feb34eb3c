package com.studio.assetregistry.cli;

/** The one line a query prints for an asset that is not registered, and its exit code. */
final class AssetMissing {

    private AssetMissing() {
    }

    /** Prints that {@code name/type} is not registered, with a way to look for it, and returns exit code 3. */
    static int report(AssetRegistryCommand top, String name, String type) {
        top.error(name + "/" + type + " is not registered; look for it with: asset-registry list --name-like "
                + HumanFormat.shellQuoted(name + "*"));
        return AssetRegistryCommand.NOT_FOUND;
    }
}
