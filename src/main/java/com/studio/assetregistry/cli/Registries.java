package com.studio.assetregistry.cli;

/** How a command gets its registry: started for the command by the command line, or lent by a test. */
interface Registries {

    /** The registry for a command that changes it: the whole application. */
    RegistryContext open(GlobalOptions options);

    /** The registry for a command that only reads; the same as {@link #open} unless said otherwise. */
    default RegistryContext openForReading(GlobalOptions options) {
        return open(options);
    }

    /**
     * The registry for a command that changes only what is registered already ({@code versions add}): as {@link #open},
     * but a registry file that does not exist is refused rather than created empty.
     */
    default RegistryContext openExisting(GlobalOptions options) {
        return open(options);
    }

    /**
     * The application for a command that needs no registry ({@code rules}); the same as {@link #open} unless said
     * otherwise.
     */
    default RegistryContext openWithoutRegistry(GlobalOptions options) {
        return open(options);
    }

    /** The command line's: a registry started for each command, without Spring for a query when it can be. */
    static Registries started() {
        return new Registries() {
            @Override
            public RegistryContext open(GlobalOptions options) {
                return RegistryContext.start(options);
            }

            @Override
            public RegistryContext openForReading(GlobalOptions options) {
                return RegistryContext.startReading(options);
            }

            @Override
            public RegistryContext openExisting(GlobalOptions options) {
                return RegistryContext.startExisting(options);
            }

            @Override
            public RegistryContext openWithoutRegistry(GlobalOptions options) {
                return RegistryContext.startWithoutRegistry(options);
            }
        };
    }
}
