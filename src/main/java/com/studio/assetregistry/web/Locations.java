package com.studio.assetregistry.web;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/** The URIs the API answers with in {@code Location}, query values encoded. */
final class Locations {

    private Locations() {
    }

    static URI asset(String name, String type) {
        return UriComponentsBuilder.fromPath("/assets").queryParam("asset", "{name}").queryParam("type", "{type}")
                .encode().buildAndExpand(name, type).toUri();
    }

    static URI version(String name, String type, String department, int version) {
        return UriComponentsBuilder.fromPath("/assets/versions").queryParam("asset", "{name}")
                .queryParam("type", "{type}").queryParam("department", "{department}")
                .queryParam("version", version).encode().buildAndExpand(name, type, department).toUri();
    }

    static URI run(long runId) {
        return URI.create("/runs/" + runId);
    }
}
