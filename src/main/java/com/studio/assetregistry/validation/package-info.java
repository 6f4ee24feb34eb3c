/**
 * The validation pipeline: the rule contract, the rules and the validator that composes them.
 * <p>
 * Rules return violations as data, every violation of a record, never only the first. Two kinds exist:
 * {@link com.studio.assetregistry.validation.RecordRule}s look at one record on its own;
 * {@link com.studio.assetregistry.validation.CrossRecordRule}s judge a record against the rest of the load and the
 * registry (duplicates, conflicts, gaps in the version sequence) from facts the storage layer computes set-wise.
 * Adding a rule is one class in {@code rules/} annotated {@code @Component}.
 */
package com.studio.assetregistry.validation;
