package com.studio.assetregistry.validation;

/**
 * One rule of the catalogue, with the settings in force: what the {@code rules} command and the API list.
 *
 * @param id           the rule's stable id
 * @param field        the record field it checks
 * @param description  one line saying when it breaks, with the configured values it uses
 * @param severity     what breaking it does to a record
 * @param enabled      whether records are checked against it
 * @param configurable whether the rules file may disable it or make it a warning
 */
public record RuleEntry(String id, String field, String description, Severity severity, boolean enabled,
                        boolean configurable) {
}
