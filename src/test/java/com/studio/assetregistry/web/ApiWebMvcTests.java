package com.studio.assetregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.RegistryBusyException;
import com.studio.assetregistry.registry.AssetNotFoundException;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.registry.AssetValidationException;
import com.studio.assetregistry.registry.RunInfo;
import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.report.ReportedReject;
import com.studio.assetregistry.validation.RuleEntry;
import com.studio.assetregistry.validation.Severity;
import com.studio.assetregistry.validation.Violation;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The web layer alone (a Spring MVC slice): each endpoint's answer and how each failure is mapped to a problem
 * detail. The registry is a stand-in that answers as the real one does; {@code RestApiServerTests} runs the same
 * endpoints over real HTTP on a real registry.
 */
@WebMvcTest(properties = {"spring.main.web-application-type=servlet", "registry.api.max-body-size=64B"})
@Import({WebConfiguration.class, LoadLauncher.class})
class ApiWebMvcTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AssetRegistry registry;

    private static final Asset HERO = Asset.of("hero", "character", List.of(
            new AssetVersion("modeling", 1, "active"), new AssetVersion("modeling", 2, "inactive")));

    @Test
    void listsAPageOfAssetsWithTheCursorOfTheNext() throws Exception {
        when(registry.listAssets(eq("prop"), eq("sw"), isNull(), eq(3))).thenReturn(List.of(
                new AssetListing("sword", "prop", 2), new AssetListing("swords", "prop", 1),
                new AssetListing("swing", "prop", 4)));

        mvc.perform(get("/assets").param("type", "prop").param("name", "sw").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].name").value("sword"))
                .andExpect(jsonPath("$.items[0].versions").value(2))
                .andExpect(jsonPath("$.nextCursor").value(Paging.cursor("swords", "prop")));
    }

    @Test
    void theNextPageStartsAfterTheCursorsKeyAndTheLastPageHasNoCursor() throws Exception {
        when(registry.listAssets(isNull(), isNull(), eq(new AssetKey("swords", "prop")), eq(101)))
                .thenReturn(List.of(new AssetListing("swing", "prop", 4)));

        mvc.perform(get("/assets").param("cursor", Paging.cursor("swords", "prop")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void anUnknownRepeatedOrEmptyQueryParameterIsA400NamingItAndNeverReachesTheRegistry() throws Exception {
        // a misspelt dryRun: without the check, a real load
        mvc.perform(post("/assets/load?dry-run=true&force=true").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/bad-parameter"))
                .andExpect(jsonPath("$.parameter").value("dry-run"))
                .andExpect(jsonPath("$.detail")
                        .value("unknown parameter 'dry-run': this endpoint takes force, dryRun"));
        // repeated: Spring would look up the asset "a,b", and take the first of two limits
        mvc.perform(get("/assets?asset=a&type=prop&asset=b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("asset"))
                .andExpect(jsonPath("$.detail").value("asset is given 2 times; give it once"));
        mvc.perform(get("/assets?asset=&type="))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("asset"))
                .andExpect(jsonPath("$.detail").value("the query parameter asset is empty; give the asset's name"));
        mvc.perform(get("/runs?limit=1&limit=2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("limit"));
        mvc.perform(get("/rules?verbose"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown parameter 'verbose': this endpoint takes none"));
        verifyNoInteractions(registry);
    }

    @Test
    void aSwitchTakesTrueOrFalseAndAnEmptyOneIsA400NotTheDefault() throws Exception {
        // ?dryRun= is what a script sends whose variable is unset: read as false, it was a real load
        String[][] refused = {{"dryRun", ""}, {"dryRun", "yes"}, {"force", "1"}, {"force", "on"}, {"dryRun", "tru"}};
        for (String[] parameter : refused) {
            mvc.perform(post("/assets/load").param(parameter[0], parameter[1])
                            .contentType(MediaType.APPLICATION_JSON).content("[]"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.parameter").value(parameter[0]))
                    .andExpect(jsonPath("$.detail")
                            .value(parameter[0] + " must be true or false, not \"" + parameter[1] + "\""));
        }
        verifyNoInteractions(registry);

        when(registry.prepareLoad(any())).thenThrow(new LoadException("stop here", null, null));
        mvc.perform(post("/assets/load").param("dryRun", "True").param("force", "FALSE")
                .contentType(MediaType.APPLICATION_JSON).content("[]"));
        ArgumentCaptor<LoadRequest> asked = ArgumentCaptor.forClass(LoadRequest.class);
        verify(registry).prepareLoad(asked.capture());
        assertThat(asked.getValue().dryRun()).isTrue();
        assertThat(asked.getValue().force()).isFalse();
    }

    @Test
    void aWriteWhoseAnswerTheClientCannotAcceptIsA406BeforeAnythingIsWritten() throws Exception {
        // an answer of 406 after the write had committed made the client believe the write failed, and retry it
        mvc.perform(post("/assets").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"a\"}"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(post("/assets/versions").accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(post("/assets/load").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isNotAcceptable());
        verifyNoInteractions(registry);
    }

    @Test
    void aReadWhoseAnswerTheClientOnlyAcceptsAsAProblemIsA406NotAnAnswerLabelledAProblem() throws Exception {
        // an asset list labelled application/problem+json read as a failure by the client, with status 200
        for (String path : List.of("/assets", "/assets?asset=hero&type=character", "/assets/types",
                "/assets/overview?asset=hero&type=character", "/assets/versions?asset=hero&type=character", "/rules",
                "/runs", "/runs/1", "/runs/1/rejects")) {
            mvc.perform(get(path).accept(PROBLEM))
                    .andExpect(status().isNotAcceptable())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        verifyNoInteractions(registry);
    }

    @Test
    void aBadLimitOrCursorIsA400NamingTheParameterAndNeverReachesTheRegistry() throws Exception {
        mvc.perform(get("/assets").param("limit", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.parameter").value("limit"))
                .andExpect(jsonPath("$.detail").value("limit must be an integer, not \"ten\""));
        for (String notDecimal : new String[] {"0x10", "#10", "\u0661\u0660"}) { // Spring alone reads 16, 16, 10
            mvc.perform(get("/assets").param("limit", notDecimal))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("limit must be an integer, not \"" + notDecimal + "\""));
        }
        mvc.perform(get("/assets").param("limit", "1001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("limit"));
        mvc.perform(get("/assets").param("cursor", "not a cursor!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("cursor"));
        mvc.perform(get("/runs/x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"));
        verifyNoInteractions(registry);
    }

    @Test
    void getsOneAssetWithItsVersionsOr404() throws Exception {
        when(registry.getAsset("hero", "character")).thenReturn(Optional.of(HERO));

        mvc.perform(get("/assets").param("asset", "hero").param("type", "character"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("hero"))
                .andExpect(jsonPath("$.versions[1].version").value(2))
                .andExpect(jsonPath("$.versions[1].status").value("inactive"));
        mvc.perform(get("/assets").param("asset", "hero").param("type", "prop"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("hero/prop is not registered"));
        mvc.perform(get("/assets").param("asset", "hero"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("type"));
    }

    @Test
    void addsAnAssetWith201AndItsLocation() throws Exception {
        when(registry.addAsset(any(byte[].class))).thenReturn(HERO);

        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/assets?asset=hero&type=character"))
                .andExpect(jsonPath("$.versions", hasSize(2)));
    }

    @Test
    void aRegistryLockedByAnotherProcessIsA503SayingSoWhateverFailedOnIt() throws Exception {
        // a transaction that could not begin, and a statement that could not take the lock: SQLite's SQLITE_BUSY
        var busy = new SQLiteException("[SQLITE_BUSY] The database file is locked (database is locked)",
                SQLiteErrorCode.SQLITE_BUSY);
        when(registry.addAsset(any(byte[].class)))
                .thenThrow(new CannotCreateTransactionException("Could not open JDBC Connection for transaction", busy))
                .thenThrow(new CannotAcquireLockException("insert", busy))
                .thenThrow(new DataAccessResourceFailureException("disk I/O error"));

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("/problems/registry-unavailable"))
                    .andExpect(jsonPath("$.detail").value("the registry's database is locked by another process (a"
                            + " load, a backup, a sqlite3 shell); try again"));
        }
        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("the registry's database cannot answer now; try again"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aDatabaseThatCannotBeReachedIsA503SayingSoInOneLogLineWithoutAStackTrace(CapturedOutput output)
            throws Exception {
        // the pool's wait for a connection ran out, and a server that refused one (PostgreSQL stopped)
        when(registry.listRuns(anyInt()))
                .thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request"
                                + " timed out after 30000ms", new SQLException("Connection refused", "08001"))))
                .thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                                new ConnectException("Connection refused"))));

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(get("/runs"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.type").value("/problems/registry-unavailable"))
                    .andExpect(jsonPath("$.detail").value("the registry's database cannot be reached now; try"
                            + " again"));
        }
        assertThat(output.getOut()).contains("WARN", "The registry's database cannot be reached; answered 503:"
                + " Connection refused").doesNotContain("ERROR").doesNotContain("\tat ");

        // a pool whose connections are all busy: the database is there, and something holds them
        doThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                        + " after 30000ms (total=4, active=4, idle=0, waiting=2)"))).when(registry).listRuns(anyInt());
        mvc.perform(get("/runs"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("the registry's database cannot answer now; try again"));
    }

    @Test
    void anAssetAlreadyRegisteredIs409AndBrokenRulesAre422WithEveryViolation() throws Exception {
        when(registry.addAsset(any(byte[].class)))
                .thenThrow(new AssetValidationException(List.of(
                        new Violation("asset.exists", "asset", "hero/character is already registered")), true))
                .thenThrow(new AssetValidationException(List.of(
                        new Violation("name.invalid", "name", "asset.name \" hero\" has leading white space"),
                        new Violation("status.unknown", "versions[0].status", "status \"wip\" is not one of"))));

        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.violations[0].rule").value("asset.exists"));
        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations", hasSize(2)))
                .andExpect(jsonPath("$.violations[1].rule").value("status.unknown"))
                .andExpect(jsonPath("$.violations[1].field").value("versions[0].status"))
                .andExpect(jsonPath("$.violations[1].message").value("status \"wip\" is not one of"));
    }

    @Test
    void aBodyThatIsNotJsonIs400SayingWhereItBroke() throws Exception {
        // a line of load-format records that reads, and breaks a rule, before the one that does not read
        when(registry.addAsset(any(byte[].class))).thenThrow(new AssetValidationException(List.of(
                new Violation("status.unknown", "record 1: status", "status \"wip\" is not one of"),
                new Violation("json.syntax", "record 2", "line 2, column 9: Unexpected end-of-input"))));

        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the body is not JSON: line 2, column 9: Unexpected end-of-input"))
                .andExpect(jsonPath("$.violations", hasSize(2)));
    }

    @Test
    void anAddOfAVersionALoadInProgressHasWrittenIs409NamingTheLoad() throws Exception {
        String busy = "Cannot add to hero/character now: run 7, a load in progress, is registering the same version;"
                + " try again once it has ended";
        when(registry.addAsset(any(byte[].class))).thenThrow(new RegistryBusyException(busy, 7));

        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/load-running"))
                .andExpect(jsonPath("$.runningRun").value(7))
                .andExpect(jsonPath("$.detail").value(busy + " (GET /runs/7)"));
    }

    @Test
    void aLoadThatCannotStartForTheServersSakeIsA500NotAConflict() throws Exception {
        String cause = "Cannot load upload.json: its report cannot be written: /srv/reports is not a directory";
        when(registry.prepareLoad(any())).thenThrow(new LoadException(cause, null, null));

        mvc.perform(post("/assets/load").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/load-refused"))
                .andExpect(jsonPath("$.detail").value(cause));
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesTheRegistry() throws Exception {
        mvc.perform(post("/assets").contentType(MediaType.APPLICATION_JSON).content("x".repeat(65)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("64 bytes")));
        verifyNoInteractions(registry);
    }

    @Test
    void aVersionIsAdded201Or404ForAnUnknownAssetOr422ForAGapOr409ForAConflict() throws Exception {
        var record = new VersionedAsset(new AssetKey("hero", "character"), new AssetVersion("modeling", 3, "active"));
        when(registry.addAssetVersion(any(byte[].class)))
                .thenReturn(record)
                .thenThrow(new AssetNotFoundException(new AssetKey("nope", "prop")))
                .thenThrow(new AssetValidationException(List.of(
                        new Violation("version.sequence", "version", "hero/character/modeling v5: v3 is missing"))))
                .thenThrow(new AssetValidationException(List.of(
                        new Violation("version.conflict", "status", "registered as active")), true));

        mvc.perform(post("/assets/versions").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location",
                        "/assets/versions?asset=hero&type=character&department=modeling&version=3"))
                .andExpect(jsonPath("$.asset.name").value("hero"))
                .andExpect(jsonPath("$.version").value(3));
        mvc.perform(post("/assets/versions").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("nope/prop is not registered; add it with POST /assets first"));
        mvc.perform(post("/assets/versions").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations[0].rule").value("version.sequence"));
        mvc.perform(post("/assets/versions").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.violations[0].rule").value("version.conflict"));
    }

    @Test
    void listsVersionsFilteredOrOneNumberAnd404sWhatIsNotThere() throws Exception {
        when(registry.listAssetVersions("hero", "character")).thenReturn(HERO.versions());

        mvc.perform(get("/assets/versions").param("asset", "hero").param("type", "character")
                        .param("status", "inactive"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].version").value(2));
        mvc.perform(get("/assets/versions").param("asset", "hero").param("type", "character")
                        .param("version", "1").param("department", "modeling"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("active"));
        mvc.perform(get("/assets/versions").param("asset", "hero").param("type", "character")
                        .param("version", "7"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assets/versions").param("asset", "villain").param("type", "character"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assets/versions").param("asset", "hero").param("type", "character")
                        .param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("version"));
    }

    @Test
    void showsARunWithItsCountsOr404() throws Exception {
        var run = new RunInfo(7, "load", "POST /assets/load a.json", Instant.parse("2026-11-26T10:00:00Z"),
                Instant.parse("2026-11-26T10:00:01Z"), 1000L, "COMPLETED",
                new ReportSummary.Counts(20, 17, 0, 3, 0), Map.of("status.unknown", 3L), Map.of());
        when(registry.getRun(7)).thenReturn(Optional.of(run));
        when(registry.listRuns(20)).thenReturn(List.of(run));

        mvc.perform(get("/runs/7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.counts.rejected").value(3))
                .andExpect(jsonPath("$.rejectsByRule['status.unknown']").value(3))
                .andExpect(jsonPath("$.startedAt").value("2026-11-26T10:00:00Z"));
        mvc.perform(get("/runs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].durationMillis").value(1000));
        mvc.perform(get("/runs/8"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void pagesARunsRejectsByRecordNumber() throws Exception {
        var run = new RunInfo(7, "load", "a.json", Instant.EPOCH, null, null, "RUNNING",
                new ReportSummary.Counts(0, 0, 0, 0, 0), Map.of("status.unknown", 2L), Map.of());
        when(registry.getRun(7)).thenReturn(Optional.of(run));
        String record = "{\"status\":\"deprecated\",\"version\":1.10}";
        var reject = new ReportedReject(11, 92, 3, List.of(new ReportedReject.BrokenRule("status.unknown", "status",
                "status \"deprecated\" is not one of active, inactive")), record);
        when(registry.listRejects(eq(7L), eq("status.unknown"), eq(0L), eq(2))).thenReturn(List.of(reject, reject));

        mvc.perform(get("/runs/7/rejects").param("rule", "status.unknown").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].recordNumber").value(11))
                .andExpect(jsonPath("$.items[0].rules[0].id").value("status.unknown"))
                .andExpect(content().string(containsString("\"record\":" + record + "}")))
                .andExpect(jsonPath("$.nextCursor").value(Paging.cursor("11")));
        mvc.perform(get("/runs/7/rejects.jsonl"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("still running")));
    }

    @Test
    void listsTheRules() throws Exception {
        when(registry.listRules()).thenReturn(List.of(new RuleEntry("status.unknown", "status",
                "status is not one of active, inactive", Severity.ERROR, true, false)));

        mvc.perform(get("/rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("status.unknown"))
                .andExpect(jsonPath("$[0].field").value("status"))
                .andExpect(jsonPath("$[0].description").value("status is not one of active, inactive"));
    }

    @Test
    void anUnknownPathAWrongMethodAndAWrongMediaTypeAreProblemsNotPages() throws Exception {
        mvc.perform(get("/nothing/here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("/nothing/here")));
        mvc.perform(delete("/assets"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().string("Allow", "GET,POST"))
                .andExpect(jsonPath("$.type").value("/problems/method-not-allowed"))
                .andExpect(jsonPath("$.detail").value("DELETE is not a method /assets takes: GET, POST"));
        mvc.perform(post("/assets").contentType(MediaType.TEXT_PLAIN).content("hero"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/assets/load").contentType(MediaType.TEXT_PLAIN).content("hero"))
                .andExpect(status().isUnsupportedMediaType());
        verifyNoInteractions(registry);
        // a query answers only JSON: it runs (the answer's type is known once it has), then is refused
        mvc.perform(get("/assets").param("type", "prop").accept(MediaType.TEXT_PLAIN))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.type").value("/problems/not-acceptable"))
                .andExpect(jsonPath("$.detail", startsWith("the request's Accept header takes none of what this"
                        + " endpoint answers in: application/json")));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutAStackTrace() throws Exception {
        when(registry.listRules()).thenThrow(new IllegalStateException("boom at com.studio.Secret"));

        mvc.perform(get("/rules"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(content().string(not(containsString("boom"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void theRejectsOfAnUnknownRunAre404() throws Exception {
        when(registry.getRun(anyLong())).thenReturn(Optional.empty());

        mvc.perform(get("/runs/3/rejects"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("there is no run 3; GET /runs lists the recent ones"));
    }
}
