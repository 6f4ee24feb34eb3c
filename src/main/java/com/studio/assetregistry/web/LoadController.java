package com.studio.assetregistry.web;

import com.studio.assetregistry.ingest.AssetLoader.PreparedLoad;
import com.studio.assetregistry.registry.AssetRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code POST /assets/load}: a file of version records, as the request body ({@code application/json},
 * {@code application/x-ndjson}) or as the part {@code file} of a {@code multipart/form-data} upload. It is streamed
 * to a spool file, never held in memory, and loaded in the background: the answer is {@code 202 Accepted} with
 * {@code Location: /runs/{id}}. {@code ?force=true} and {@code ?dryRun=true} are the command line's --force and
 * --dry-run.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoadController {

    private static final String JSONL = "application/jsonl";
    /** The start of an RFC 8187 value in UTF-8, with no language: {@code UTF-8''h%C3%A9ros.json}. */
    private static final String UTF8_EXT_VALUE = "UTF-8''";
    /** The most characters of a client's file name that a run's source keeps. */
    private static final int MAX_NAME_CODE_POINTS = 200;

    private final AssetRegistry registry;
    private final LoadLauncher launcher;
    private final long maxLoad;

    LoadController(AssetRegistry registry, LoadLauncher launcher, ApiProperties properties) {
        this.registry = registry;
        this.launcher = launcher;
        this.maxLoad = properties.maxLoadSize().toBytes();
    }

    /** Describes the upload's operation too: {@link #upload} is the same operation, with the other body. */
    @Operation(operationId = "loadFile",
            summary = "Load a file of version records in the background; poll the run it answers with",
            description = "The body is the file, or the part file of a multipart/form-data upload (its one file)."
                    + " X-File-Name names a body's file in the run's source, as an upload's file name does. force"
                    + " loads content already loaded again; dryRun judges and reports without registering.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "string",
                            format = "binary", description = "the file: an array of records")),
                    @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(type = "string",
                            format = "binary", description = "the file: one record per line")),
                    @Content(mediaType = JSONL, schema = @Schema(type = "string", format = "binary",
                            description = "the file: one record per line")),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(type = "object", requiredProperties = "file"),
                            schemaProperties = @SchemaProperty(name = "file", schema = @Schema(type = "string",
                                    format = "binary", description = "the file, in either framing")))}))
    @ApiResponse(responseCode = "202", description = "the load runs in the background: its run",
            headers = @Header(name = "Location", description = "the run: /runs/{id}",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "the content was loaded already, and is not loaded again"
            + " (force=true does): the earlier run", headers = @Header(name = "Location",
            description = "the earlier run: /runs/{id}", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = "a multipart body that does not hold exactly one file, as the"
            + " part file, or a bad query parameter (/problems/bad-parameter)")
    @ApiResponse(responseCode = "409", description = "another load runs, in this server or another process; runningRun"
            + " names it (/problems/load-running)")
    @ApiResponse(responseCode = "422", description = "the file is in UTF-16 or UTF-32, or compressed"
            + " (/problems/unusable-input)")
    @PostMapping(path = "/assets/load",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE, JSONL},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> load(HttpServletRequest request,
                                   @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                   @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                                   @RequestParam(required = false) boolean force,
                                   @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                                   @RequestParam(required = false) boolean dryRun)
            throws IOException {
        InputStream body = request.getInputStream();
        return answer(launcher.start(LoadLauncher.of(body), source(headerText(fileName)), force, dryRun));
    }

    @Hidden // described with load
    @PostMapping(path = "/assets/load", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> upload(HttpServletRequest request,
                                     @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                     @RequestParam(required = false) boolean force,
                                     @RequestParam(required = false) boolean dryRun) throws IOException {
        Part file = filePart(request);
        // the header, said on purpose, over the part's file name, which a browser sets from the file picked
        String name = fileName != null ? headerText(fileName) : file.getSubmittedFileName();
        return answer(launcher.start(spool -> {
            try (InputStream in = file.getInputStream()) {
                java.nio.file.Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                file.delete();
            }
        }, source(name), force, dryRun));
    }

    /**
     * {@code 202 Accepted} and the new run for a load under way; {@code 200 OK} and the earlier run for content that
     * was already loaded, which is not loaded again (as on the command line; {@code ?force=true} loads it again).
     */
    private ResponseEntity<RunView> answer(PreparedLoad load) {
        long runId = load.runId();
        var run = registry.getRun(runId).orElseThrow();
        HttpStatus status = load.alreadyLoaded() == null ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).location(Locations.run(runId))
                .body(new RunView(run, registry.getRunProgress(runId).orElse(null), null));
    }

    /** The form fields an upload may have beside its file: the query parameters, sent in the body instead. */
    private static final List<String> FORM_FIELDS = List.of("force", "dryRun");

    /**
     * The upload's part {@code file}, when it is the one file the body holds. A second part named {@code file}, or a
     * file in a part of another name, would be left unloaded without a word: refused. Form fields (parts without a
     * file name, such as {@code force}) are not files, and may be there.
     */
    private Part filePart(HttpServletRequest request) throws IOException {
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (ServletException e) {
            throw new BadParameterException("file", "the multipart body cannot be read: " + e.getMessage());
        } catch (InvalidParameterException e) {
            throw e; // Tomcat's, mapped by ProblemHandler: too large, no boundary, cut short
        } catch (IllegalStateException e) {
            // the container's size limits
            throw new BodySizeFilter.BodyTooLargeException(maxLoad);
        }
        // a form field the upload does not take (dry-run=true for dryRun) would be ignored, and the load run for real
        parts.stream().filter(part -> part.getSubmittedFileName() == null)
                .map(Part::getName).filter(name -> !FORM_FIELDS.contains(name)).findFirst().ifPresent(name -> {
                    throw new BadParameterException(name, "unknown form field '" + name + "': an upload takes the"
                            + " file as the part file, and " + String.join(", ", FORM_FIELDS));
                });
        List<Part> named = parts.stream().filter(part -> part.getName().equals("file")).toList();
        List<String> otherFiles = parts.stream().filter(part -> !part.getName().equals("file"))
                .filter(part -> part.getSubmittedFileName() != null).map(Part::getName).toList();
        if (named.size() == 1 && otherFiles.isEmpty()) {
            return named.get(0);
        }
        String others = (otherFiles.size() == 1 ? "a file named " : "files named ") + String.join(", ", otherFiles);
        String has = named.isEmpty() ? "none named file" + (otherFiles.isEmpty() ? "" : ", and " + others)
                : named.size() > 1 ? named.size() + " parts named file" : others + " too";
        throw new BadParameterException("file", "the multipart body must hold exactly one file, as the part named"
                + " file; it has " + has);
    }

    /**
     * The text of a header's value as the client wrote it. Tomcat hands a header's bytes over as ISO-8859-1
     * characters: bytes that form UTF-8 are read as UTF-8 ({@code héros.json} sent as UTF-8), others stay as they came.
     * A value in RFC 8187's form, {@code UTF-8''h%C3%A9ros.json}, is percent-decoded.
     */
    private static String headerText(String value) {
        if (value == null) {
            return null;
        }
        if (value.regionMatches(true, 0, UTF8_EXT_VALUE, 0, UTF8_EXT_VALUE.length())) {
            try {
                return UriUtils.decode(value.substring(UTF8_EXT_VALUE.length()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) { // a % not followed by two hex digits: not RFC 8187's form
                return value;
            }
        }
        byte[] bytes = latin1(value);
        if (bytes == null) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /** The value's characters as bytes, or {@code null} if one is not an ISO-8859-1 character. */
    private static byte[] latin1(String value) {
        return StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)
                ? value.getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * The run's source: the file name the client gave, its first {@value #MAX_NAME_CODE_POINTS} characters (whole
     * ones: never half of a character beyond the Basic Multilingual Plane), else where it came from.
     */
    private static String source(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "POST /assets/load";
        }
        String name = fileName.strip().replaceAll("\\p{Cntrl}", "");
        if (name.codePointCount(0, name.length()) > MAX_NAME_CODE_POINTS) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_CODE_POINTS));
        }
        return "POST /assets/load " + name;
    }
}
