package com.studio.assetregistry.ingest;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * The reader's failure when the file did not have, at the end of its reading, the length it had when it was hashed.
 * The step fails with it, and the load then throws {@link InputChangedException}.
 */
class FileChangedException extends ItemStreamException {

    FileChangedException(String message) {
        super(message);
    }
}
