package com.studio.assetregistry.web;

import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.registry.RunInfo;
import com.studio.assetregistry.registry.UnknownValueException;
import com.studio.assetregistry.report.ReportedReject;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.validation.RuleEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /runs}: recent runs, one run with its progress, and a run's rejects, paged or as the report file. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunController {

    private static final int DEFAULT_RUNS = 20;

    private final AssetRegistry registry;
    private final LoadLauncher launcher;

    RunController(AssetRegistry registry, LoadLauncher launcher) {
        this.registry = registry;
        this.launcher = launcher;
    }

    @Operation(operationId = "listRuns",
            summary = "The most recent runs, loads and API adds, the latest first (limit: 1 to 1000, default 20)")
    @GetMapping(path = "/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RunInfo> list(@RequestParam(required = false) Integer limit) {
        return registry.listRuns(limit == null ? DEFAULT_RUNS : Paging.limit(limit));
    }

    @Operation(operationId = "getRun",
            summary = "One run: status, counts, per-rule counts and, for a load, its progress")
    @ApiResponse(responseCode = "200", description = "the run")
    @ApiResponse(responseCode = "404", description = "there is no such run (/problems/not-found)")
    @GetMapping(path = "/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RunView get(@PathVariable long id) {
        RunInfo run = registry.getRun(id).orElseThrow(() -> noRun(id));
        if (!RunStatus.RUNNING.name().equals(run.status())) { // ended: its failure, if any, is known once its thread is done
            launcher.awaitDone(id);
        }
        return new RunView(run, registry.getRunProgress(id).orElse(null), launcher.failure(id).orElse(null));
    }

    @Operation(operationId = "listRunRejects",
            summary = "A page of the run's rejects in record order, optionally of one rule; the rejects of a"
            + " running load appear as its chunks commit")
    @ApiResponse(responseCode = "200", description = "a page of rejects, each a line of rejects.jsonl")
    @ApiResponse(responseCode = "400", description = "a rule that neither the rules in force nor the run know, a limit"
            + " or cursor this API cannot use (/problems/bad-parameter)")
    @ApiResponse(responseCode = "404", description = "there is no such run (/problems/not-found)")
    @GetMapping(path = "/runs/{id}/rejects", produces = MediaType.APPLICATION_JSON_VALUE)
    Paging.Page<ReportedReject> rejects(@PathVariable long id, @RequestParam(required = false) String rule,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor) {
        int size = Paging.limit(limit);
        long after = 0;
        if (cursor != null) {
            try {
                after = Long.parseLong(Paging.parts(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw new BadParameterException("cursor", "cursor is not a cursor this API gave: pass back the"
                        + " nextCursor of the previous page unchanged");
            }
        }
        RunInfo run = registry.getRun(id).orElseThrow(() -> noRun(id));
        if (rule != null) {
            requireKnownRule(run, rule);
        }
        List<ReportedReject> found = registry.listRejects(id, rule, after, size + 1);
        if (found.size() <= size) {
            return new Paging.Page<>(found, null);
        }
        return new Paging.Page<>(found.subList(0, size),
                Paging.cursor(Long.toString(found.get(size - 1).recordNumber())));
    }

    @Operation(operationId = "getRunReport",
            summary = "The run's rejects.jsonl report file, once the run has ended")
    @ApiResponse(responseCode = "200", description = "the report file, one reject a line")
    @ApiResponse(responseCode = "404", description = "there is no such run, it is still running, or it is an API add,"
            + " which has no report file (/problems/not-found)")
    @GetMapping(path = "/runs/{id}/rejects.jsonl", produces = MediaType.APPLICATION_NDJSON_VALUE)
    ResponseEntity<Resource> rejectsFile(@PathVariable long id) {
        RunInfo run = registry.getRun(id).orElseThrow(() -> noRun(id));
        Path file = registry.getRejectsFile(id).orElseThrow(() -> new NotFoundException(RunStatus.RUNNING.name().equals(run.status())
                ? "run " + id + " is still running: its report is written when it ends; GET /runs/" + id
                        + "/rejects pages through the rejects so far"
                : "run " + id + " has no report file" + ("api".equals(run.kind()) ? ": it is an API add" : "")));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_NDJSON)
                .body(new FileSystemResource(file));
    }

    /**
     * Refuses a rule that no reject of the run can name: neither a rule of the catalogue in force nor one the run
     * counted (a rule of an earlier rules file, or of a plugin since removed); most likely mistyped.
     */
    private void requireKnownRule(RunInfo run, String rule) {
        List<String> rules = registry.listRules().stream().map(RuleEntry::id).toList();
        if (!rules.contains(rule) && !run.rejectsByRule().containsKey(rule)
                && !run.warningsByRule().containsKey(rule)) {
            throw new UnknownValueException("rule", rule, rules);
        }
    }

    private static NotFoundException noRun(long id) {
        return new NotFoundException("there is no run " + id + "; GET /runs lists the recent ones");
    }
}
