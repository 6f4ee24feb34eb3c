package com.studio.assetregistry.ingest;

/** What to say when the JVM runs out of heap: how large it was, and how to give it more. */
public final class Heap {

    private Heap() {
    }

    /** The sentence for {@code failure}: its own words, the heap's size, and the ways to raise it. */
    public static String exhausted(OutOfMemoryError failure) {
        return "ran out of memory (" + (failure.getMessage() == null ? "OutOfMemoryError" : failure.getMessage())
                + ") in a heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; give it a larger one,"
                + " with ASSET_REGISTRY_JAVA_OPTS=-Xmx2g bin/asset-registry ..., java -Xmx2g -jar"
                + " asset-registry.jar ..., or in a container JAVA_TOOL_OPTIONS=-Xmx2g or a larger memory limit";
    }
}
