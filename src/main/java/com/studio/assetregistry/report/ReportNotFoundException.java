package com.studio.assetregistry.report;

/** There is no report where one was asked for: no run report directory, or none with a summary. */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String message) {
        super(message);
    }
}
