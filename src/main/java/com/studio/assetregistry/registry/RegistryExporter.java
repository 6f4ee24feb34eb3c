package com.studio.assetregistry.registry;

import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.AssetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the registry in the load format: one JSON array, one record per line, sorted by name, type, department and
 * version, so that loading an export into an empty registry reproduces it exactly. Streams: memory does not grow with
 * the registry. Thread-safe.
 */
class RegistryExporter {

    private final JsonFactory json = JsonFactory.builder()
            .rootValueSeparator(",\n")
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private final AssetStore store;

    RegistryExporter(AssetStore store) {
        this.store = store;
    }

    /** Writes the whole registry to {@code out}, which it leaves open; returns how many records it wrote. */
    long export(Writer out) {
        long[] written = {0};
        try {
            out.write("[\n");
            try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out)) {
                store.forEachVersion(record -> {
                    write(generator, record);
                    written[0]++;
                });
            }
            out.write(written[0] == 0 ? "]\n" : "\n]\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
        }
        return written[0];
    }

    private static void write(JsonGenerator generator, VersionedAsset record) {
        generator.writeStartObject();
        generator.writeObjectPropertyStart("asset");
        generator.writeStringProperty("name", record.asset().name());
        generator.writeStringProperty("type", record.asset().type());
        generator.writeEndObject();
        generator.writeStringProperty("department", record.version().department());
        generator.writeNumberProperty("version", record.version().version());
        generator.writeStringProperty("status", record.version().status());
        generator.writeEndObject();
    }
}
