package com.studio.assetregistry.ingest;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.storage.Warning;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordValidator;
import com.studio.assetregistry.validation.RecordVerdict;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The step's processor: puts every record through the composite of record rules. A record that breaks no rule whose
 * severity is error is staged; any other becomes a reject carrying every error. Either way, the violations of rules
 * whose severity is warning go with it, to be reported apart. Nothing is filtered out, so every record read is
 * accounted for. Thread-safe.
 */
class RecordCheckProcessor implements ItemProcessor<SourceRecord, CheckedRecord> {

    private final RecordValidator validator;
    private final RecordParser parser;

    RecordCheckProcessor(RecordValidator validator, RecordParser parser) {
        this.validator = validator;
        this.parser = parser;
    }

    @Override
    public CheckedRecord process(SourceRecord record) {
        if (record instanceof SourceRecord.Unreadable unreadable) {
            return new CheckedRecord.Rejected(
                    new Reject(unreadable.position(), List.of(unreadable.violation()), unreadable.recordJson()), null);
        }
        var parsed = (SourceRecord.Parsed) record;
        RecordVerdict verdict = validator.validate(parsed.input());
        if (verdict == RecordVerdict.CLEAN) {
            return new CheckedRecord.Staged(new StagedVersion(parsed.position(), toVersion(parsed.input())), null);
        }
        String recordJson = parser.reportText(parsed.raw(), parsed.position().length());
        Warning warning = verdict.warnings().isEmpty() ? null
                : new Warning(parsed.position(), verdict.warnings(), recordJson);
        if (verdict.rejects()) {
            return new CheckedRecord.Rejected(new Reject(parsed.position(), verdict.errors(), recordJson), warning);
        }
        return new CheckedRecord.Staged(new StagedVersion(parsed.position(), toVersion(parsed.input())), warning);
    }

    /** The typed version of a record that broke no error rule, so every value is present and well-typed. */
    static VersionedAsset toVersion(InputRecord input) {
        return new VersionedAsset(new AssetKey(input.name().text(), input.type().text()),
                new AssetVersion(input.department().text(), Integer.parseInt(input.version().text()),
                        input.status().text()));
    }
}
