/**
 * The validation pipeline: the rule contract, the rules and the validators that compose them, and the rules file
 * that configures them.
 * <p>
 * Rules return violations as data, every violation of a record, never only the first. Two kinds exist:
 * {@link com.studio.assetregistry.validation.RecordRule}s look at one record on its own;
 * {@link com.studio.assetregistry.validation.CrossRecordRule}s judge a record against the rest of the load and the
 * registry (duplicates, conflicts, gaps in the version sequence) from facts the storage layer computes set-wise.
 * <p>
 * The {@link com.studio.assetregistry.validation.RulesFile} ({@code rules.yml}) sets the model's value sets, the name
 * policy, the reject budget, and per rule whether it is enabled and whether breaking it is an error or a warning; the
 * {@link com.studio.assetregistry.validation.RuleCatalogue} lists every rule with its settings. Adding a rule is one
 * class: in {@code rules/} annotated {@code @Component}, or in another jar declared for {@link java.util.ServiceLoader}
 * (see {@code docs/writing-a-rule.md}).
 */
package com.studio.assetregistry.validation;
