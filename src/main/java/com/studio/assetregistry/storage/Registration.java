package com.studio.assetregistry.storage;

/** What became of a run's registrations, as the store has it ({@link LoadStore#registration}). */
public enum Registration {

    /** Not resolved yet: nothing of the run is registered, and it may be resumed. */
    PENDING,

    /** Resolved and committed: its versions are registered. */
    COMMITTED,

    /** Resolved, keeping nothing: a load over its reject budget, or a dry run. Its counts are final. */
    DISCARDED
}
