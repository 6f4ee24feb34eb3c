/**
 * The rules, one class each. A new rule is one more {@code @Component} here implementing
 * {@link com.studio.assetregistry.validation.RecordRule} or
 * {@link com.studio.assetregistry.validation.CrossRecordRule}; nothing else needs wiring.
 */
package com.studio.assetregistry.validation.rules;
