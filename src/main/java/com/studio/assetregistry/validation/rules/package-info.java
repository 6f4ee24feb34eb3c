/**
 * The rules, one class each. A new rule is one more {@code @Component} here implementing
 * {@link com.studio.assetregistry.validation.RecordRule}; the catalogue, the validators, the report and the rules file
 * pick it up with nothing else to wire. A rule with options reads them from its section of the rules file through
 * {@link com.studio.assetregistry.validation.RulesFile#options}.
 */
package com.studio.assetregistry.validation.rules;
