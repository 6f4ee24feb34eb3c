package com.studio.assetregistry.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.studio.assetregistry.ingest.RunProgress;
import com.studio.assetregistry.registry.RunInfo;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A run as {@code GET /runs/{id}} shows it: the run ({@link RunInfo}, the shape of {@code GET /runs}), and for a
 * load its progress and, if this server ran it and it failed, why.
 *
 * @param run      the run
 * @param progress how far the load has gone; {@code null} for an API add
 * @param failure  why the load failed, when this server ran it; else {@code null}
 */
@Schema(name = "RunStatus") // its name in the API's document since the first release, which clients generate from
record RunView(@JsonUnwrapped RunInfo run, RunProgress progress, String failure) {
}
