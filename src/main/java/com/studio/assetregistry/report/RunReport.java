package com.studio.assetregistry.report;

import java.util.List;

/**
 * A run's report at a glance: its summary, and for each rule it counts, how many records broke it, their share of
 * the rejects, what the rule means and the first few of those records. Also the JSON shape of a report, for the
 * command line and the REST API.
 *
 * @param summary the run's {@code summary.json}
 * @param rules   one entry per rule that rejected a record, most rejects first
 */
public record RunReport(ReportSummary summary, List<RuleReport> rules) {

    public RunReport {
        rules = List.copyOf(rules);
    }

    /**
     * What one rule did in a run.
     *
     * @param id           the rule id
     * @param rejects      how many records broke it
     * @param share        those records' share of all rejected records, from 0 to 1, to four decimals; the shares
     *                     add up to more than 1 when records broke several rules
     * @param description  when the rule breaks; {@code null} if the report does not say
     * @param firstRejects the first records that broke it, in record order
     */
    public record RuleReport(String id, long rejects, double share, String description,
                             List<ReportedReject> firstRejects) {

        public RuleReport {
            firstRejects = List.copyOf(firstRejects);
        }
    }
}
