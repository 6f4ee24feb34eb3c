package com.studio.assetregistry.web;

/** What a request names does not exist: a run, a version, a report. Answered with a 404 problem. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
