package com.studio.assetregistry.web;

/** A query parameter or path variable the API cannot use; answered with a 400 problem naming it. */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
