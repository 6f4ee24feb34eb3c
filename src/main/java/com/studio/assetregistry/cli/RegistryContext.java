package com.studio.assetregistry.cli;

import com.studio.assetregistry.AssetRegistryApplication;
import com.studio.assetregistry.files.UnusableDirectoryException;
import com.studio.assetregistry.inbox.InboxIngestionConfiguration;
import com.studio.assetregistry.ingest.Heap;
import com.studio.assetregistry.registry.AssetQueries;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.storage.RegistryLockWait;
import com.studio.assetregistry.storage.jdbc.SqliteUrl;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RuleEntry;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.RulesFileException;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.StandardEnvironment;

/**
 * The registry one command uses, configured from the global options; closed when the command ends. A command that
 * changes the registry gets the Spring application; a command that only reads gets the registry's queries opened
 * read-only without Spring when it can, which starts several times faster, and the application otherwise.
 */
final class RegistryContext implements AutoCloseable {

    /** What a command's start does with the registry's database. */
    private enum Opening {
        /** Opens it, creating and migrating a SQLite file that does not exist. */
        CREATING,
        /** Opens it, refusing a SQLite file that does not exist. */
        EXISTING,
        /** Leaves it alone. */
        NONE
    }

    /** The default registry file, as application.yml's {@code registry.db} names it. */
    private static final String DEFAULT_DB = "registry.db";
    /** A command's application: no actuator endpoint, no Prometheus registry, no shutdown hook (see start). */
    private static final Map<String, String> COMMAND_PROPERTIES = Map.of(
            "management.endpoints.access.default", "none",
            "management.prometheus.metrics.export.enabled", "false",
            "spring.main.register-shutdown-hook", "false");
    /** The settings of the registry's JDBC URL, of its SQLite file, and of the URL that file gives (application.yml). */
    private static final String URL = "spring.datasource.url";
    private static final String FILE = "registry.db";
    private static final String SQLITE_URL = "registry.sqlite-url";
    /** SQLite's URI parameter that opens a database in memory, whatever the file name. */
    private static final Pattern IN_MEMORY = Pattern.compile("(?i)(^|&)mode=memory(&|$)");
    /** The loggers that log a failed start: the context's refresh, the application's run, its failure analysis. */
    private static final List<String> START_FAILURE_LOGGERS = List.of(
            "org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext",
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter");
    /** A password parameter of a JDBC URL ({@code password}, {@code sslpassword}), up to the next parameter. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;][a-z]*password=)[^&;]*");

    private final ConfigurableApplicationContext context; // null when reading without Spring
    private final AssetQueries queries; // null when the context answers
    private final boolean owned;
    private final List<ApplicationListener<?>> lockWaitListeners = new ArrayList<>();

    private RegistryContext(ConfigurableApplicationContext context, AssetQueries queries, boolean owned) {
        this.context = context;
        this.queries = queries;
        this.owned = owned;
    }

    /** A registry whose application was started elsewhere and stays open when this closes: tests share one. */
    static RegistryContext borrowing(ConfigurableApplicationContext context) {
        return new RegistryContext(context, null, false);
    }

    /**
     * The registry for a command that only reads: its queries opened read-only, without Spring, when the command
     * line alone configures the registry (no rules file, a file rather than a JDBC URL, no Spring configuration
     * beside it) and the file's schema is current; else the application, which migrates the file first.
     */
    static RegistryContext startReading(GlobalOptions options) {
        requireARegistryNamed(options);
        if (configuredByOptionsAlone(options)) {
            String db = options.db() == null ? DEFAULT_DB : options.db();
            requireExisting(db, Path.of(db));
            Optional<AssetQueries> queries = AssetQueries.openReadOnly(Path.of(db));
            if (queries.isPresent()) {
                return new RegistryContext(null, queries.get(), true);
            }
        }
        return start(options, Opening.EXISTING, COMMAND_PROPERTIES);
    }

    /**
     * The application for a command: no web server, no actuator endpoint and no Prometheus registry (the command
     * line's meters go to summary.json), so that it starts no faster or slower than without the actuator. Without
     * Spring's shutdown hook either: closing the application under a load that Ctrl-C or SIGTERM stops would fail its
     * chunk with a closed pool, and mark the run failed if it could; the process dies instead, as from SIGKILL, which a
     * resume undoes (the command's own hook says so).
     */
    static RegistryContext start(GlobalOptions options) {
        return start(options, Opening.CREATING, COMMAND_PROPERTIES);
    }

    /**
     * The application for a command that needs no registry ({@code rules}): its database is not opened, so none is
     * created or migrated, and one that cannot be opened is no matter.
     */
    static RegistryContext startWithoutRegistry(GlobalOptions options) {
        return start(options, Opening.NONE, COMMAND_PROPERTIES);
    }

    /** The application for a command that changes only what exists: a SQLite file that does not is refused. */
    static RegistryContext startExisting(GlobalOptions options) {
        return start(options, Opening.EXISTING, COMMAND_PROPERTIES);
    }

    /**
     * The application as a web server, for {@code serve}: not lazy, with the servlet stack, and the framework's
     * warnings logged (a server has no command output to read). {@code web} adds properties, the port and address.
     */
    static RegistryContext startServer(GlobalOptions options, Map<String, String> web) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.main.web-application-type", "servlet");
        properties.put("spring.main.lazy-initialization", "false");
        properties.put("logging.level.root", options.debug() ? "INFO" : "WARN");
        properties.put("logging.level.com.studio.assetregistry", "INFO"); // a load's start and end lines
        if (!options.debug()) {
            // A server that cannot start (its registry, its port) is one error line on standard error, said by
            // RegistryContext; the framework would log the same failure first, as a stack trace of 100 lines.
            for (String logger : START_FAILURE_LOGGERS) {
                properties.put("logging.level." + logger, "OFF");
            }
        }
        properties.putAll(web);
        // the scheduled ingestion of an inbox, which runs when registry.ingest.schedule holds a cron expression
        return start(options, Opening.CREATING, properties, InboxIngestionConfiguration.class);
    }

    /**
     * Starts the application with the global options and {@code overrides}, and opens its database as {@code opening}
     * says: a command that only reads or changes what exists refuses a SQLite file that does not exist rather than
     * create an empty registry, and one that needs no registry leaves the database alone.
     */
    private static RegistryContext start(GlobalOptions options, Opening opening, Map<String, String> overrides,
                                         Class<?>... extraSources) {
        requireARegistryNamed(options);
        Map<String, String> properties = new LinkedHashMap<>();
        StandardEnvironment environment = new StandardEnvironment();
        if (opening != Opening.NONE) {
            refuseSpecialFile(named(options.db(), environment));
        }
        properties.putAll(registrySettings(options.db(), environment));
        if (options.reports() != null) {
            properties.put(AssetRegistryCommand.REPORTS_DIR_PROPERTY, options.reports().toString());
        }
        if (options.rules() != null) {
            properties.put(RulesFile.FILE_PROPERTY, options.rules().toString());
        }
        // People read the command's own output; the framework's logs (and their stack traces) only with --debug.
        properties.put("logging.level.root", options.debug() ? "INFO" : "OFF");
        properties.put("logging.level.com.studio.assetregistry", options.debug() ? "INFO" : "OFF"); // a load's log lines
        properties.put("spring.main.banner-mode", "off"); // whatever SPRING_MAIN_BANNERMODE says: stdout is ours
        // A command uses a few beans: create only those, so a query does not start the batch machinery.
        properties.put("spring.main.lazy-initialization", "true");
        properties.putAll(overrides);
        // Passed as command-line arguments, which take precedence over application.yml.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        if (!options.debug()) {
            // Until Spring Boot configures logging, which it does after reading its configuration, the logging
            // library's defaults print to standard output: a configuration that cannot be read (an application.yml
            // that is not YAML, a SPRING_CONFIG_LOCATION that does not exist) would print its stack trace there.
            LoggingSystem.get(RegistryContext.class.getClassLoader())
                    .setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.OFF);
        }
        ConfigurableApplicationContext context = null;
        // every source of settings the application read (its application.yml included), for the messages of a start
        // that failed, after which the context is gone
        AtomicReference<PropertyResolver> settings = new AtomicReference<>(environment);
        try {
            // main(...) names the application class, whose AOT initializer runs with -Dspring.aot.enabled=true
            context = new SpringApplicationBuilder(AssetRegistryApplication.class).sources(extraSources)
                    .main(AssetRegistryApplication.class)
                    .listeners(new ApplicationListener<ApplicationEnvironmentPreparedEvent>() {
                        @Override // a class rather than a lambda, so that Spring sees the event type it takes
                        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent prepared) {
                            settings.set(prepared.getEnvironment());
                        }
                    })
                    .run(arguments);
            String url = context.getEnvironment().getProperty(URL);
            if (opening == Opening.NONE) {
                return new RegistryContext(context, null, true);
            }
            requireAFile(url, context.getEnvironment().getProperty(FILE));
            if (opening == Opening.EXISTING) {
                SqliteUrl.file(url).ifPresent(file -> requireExisting(file.toString(), file));
            }
            context.getBean(AssetRegistry.class); // opens and migrates the database now, so a failure is named here
            return new RegistryContext(context, null, true);
        } catch (RegistryUnavailableException e) {
            context.close();
            throw e;
        } catch (RuntimeException e) {
            if (context != null) {
                context.close();
            }
            rulesFileProblem(e).ifPresent(problem -> {
                throw problem;
            });
            Failures.settingProblem(e).ifPresent(problem -> {
                throw new RegistryUnavailableException(problem, e);
            });
            portInUse(e).ifPresent(port -> {
                throw new RegistryUnavailableException("Cannot serve on port " + port + ": it is in use; choose"
                        + " another with --port", e);
            });
            cause(e, UnusableDirectoryException.class).ifPresent(spool -> {
                throw new RegistryUnavailableException(spool.getMessage(), e);
            });
            cause(e, BindException.class).ifPresent(bind -> {
                String address = settings.get().getProperty("server.address", "127.0.0.1");
                throw new RegistryUnavailableException("Cannot serve on " + address + ": " + bind.getMessage()
                        + "; choose an address of this machine with --address (0.0.0.0 for all of them)", e);
            });
            cause(e, OutOfMemoryError.class).ifPresent(heap -> { // the heap, not the registry, as the start needed it
                throw new RegistryUnavailableException("The command " + Heap.exhausted(heap), e);
            });
            String where = named(options.db(), environment);
            throw new RegistryUnavailableException("Cannot open the registry " + withoutPassword(where) + ": "
                    + why(where, e), e);
        }
    }

    /**
     * The settings that name the registry. {@code --db} wins over any other: a file sets {@code registry.db} and the
     * URL that file gives, so that a {@code SPRING_DATASOURCE_URL} in the environment does not send the command to
     * another database than the one it names. Without {@code --db}, a {@code registry.db} ({@code REGISTRY_DB}) that
     * holds a JDBC URL is taken as {@code --db} would take it, unless {@code spring.datasource.url} is set too.
     *
     * @param environment the environment variables and system properties, as Spring would read them
     */
    static Map<String, String> registrySettings(String db, PropertyResolver environment) {
        if (db == null) {
            String file = environment.getProperty(FILE);
            boolean aUrl = file != null && file.startsWith("jdbc:") && !environment.containsProperty(URL);
            return aUrl ? Map.of(URL, file) : Map.of();
        }
        return db.startsWith("jdbc:") ? Map.of(URL, db) : Map.of(FILE, db, URL, "${" + SQLITE_URL + "}");
    }

    /**
     * Refuses a registry that names a pipe or a device ({@code --db /dev/null}): SQLite would fail on it with an I/O
     * error, which reads as a failing disk, after writing a journal beside it ({@code /dev/null-journal}).
     */
    private static void refuseSpecialFile(String named) {
        Path file = sqliteFileNamed(named);
        if (file != null && Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new RegistryUnavailableException("Cannot open the registry " + named + ": it is not a regular file"
                    + " (a pipe or a device); name a registry file, or a new file to make one", null);
        }
    }

    /**
     * Refuses to query a registry file that does not exist: SQLite would create it, and a mistyped {@code --db} or
     * {@code REGISTRY_DB} would answer "no assets" from an empty registry left behind, instead of saying what is wrong.
     */
    private static void requireExisting(String named, Path file) {
        if (Files.exists(file)) {
            return;
        }
        Optional<Path> inTheWay = fileOnTheWay(file);
        if (inTheWay.isPresent()) {
            throw new RegistryUnavailableException("Cannot open the registry " + named + ": " + inTheWay.get()
                    + " is a file, not a directory; name a file in a directory", null);
        }
        if (!Files.notExists(file)) { // neither: a directory on the way this user may not look in
            Path directory = file.toAbsolutePath().getParent();
            throw new RegistryUnavailableException("Cannot open the registry " + named + ": this user may not look"
                    + " in its directory " + directory + " (or one above it) to find it; make it searchable (chmod"
                    + " +x), or run as its owner", null);
        }
        throw new RegistryUnavailableException("Cannot open the registry " + named + ": it does not exist (a"
                + " mistyped --db or REGISTRY_DB?); a load or an add creates it", null);
    }

    /** The first of the directories {@code file} is named in that is there and is a file, not a directory, if any. */
    private static Optional<Path> fileOnTheWay(Path file) {
        for (Path above = file.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) {
                return Files.isDirectory(above) ? Optional.empty() : Optional.of(above);
            }
        }
        return Optional.empty();
    }

    /** The registry {@code --db} ({@code null} if not given) and the environment name: a file, or a JDBC URL. */
    private static String named(String db, PropertyResolver environment) {
        return db != null ? db : environment.getProperty(URL, environment.getProperty(FILE, DEFAULT_DB));
    }

    /**
     * The SQLite file of the registry {@code --db} ({@code null} if not given) names, with the environment's settings
     * ({@code REGISTRY_DB}, {@code SPRING_DATASOURCE_URL}); {@code null} for a registry on PostgreSQL, or named by a
     * {@code file:} URI.
     */
    static Path databaseFile(String db) {
        return sqliteFileNamed(named(db, new StandardEnvironment()));
    }

    private static Path sqliteFileNamed(String where) {
        try {
            return where.startsWith("jdbc:") ? SqliteUrl.file(where).orElse(null) : Path.of(where);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * Refuses {@code --db ''}: SQLite opens an empty file name as a temporary database, deleted when the command ends,
     * and a load would report its records registered, then lose them. Refuses too a file name ({@code --db} or
     * {@code REGISTRY_DB}) that the JDBC URL would not keep as a name: one with a {@code ?}, or {@code file:...}.
     */
    static void requireARegistryNamed(GlobalOptions options) {
        if (options.db() != null && options.db().isBlank()) {
            throw new RegistryUnavailableException("Cannot open the registry: --db is empty; name a registry file or"
                    + " a JDBC URL, or leave --db out for " + DEFAULT_DB, null);
        }
        String file = options.db() != null ? options.db() : new StandardEnvironment().getProperty(FILE);
        if (file != null && !file.startsWith("jdbc:") && (file.contains("?") || file.startsWith("file:"))) {
            // the URL is jdbc:sqlite:FILE?settings: the driver would read what follows '?' as settings of its own
            throw new RegistryUnavailableException("Cannot open the registry " + file + ": a registry file's name may"
                    + " not hold '?' or begin with 'file:', which SQLite reads as settings and not as the name; rename"
                    + " the file, or give a jdbc:sqlite: URL", null);
        }
    }

    /**
     * Refuses a registry whose resolved JDBC URL names no SQLite file, however it was configured: {@code REGISTRY_DB}
     * set to nothing (a blank line of a unit file or a container's environment), {@code -Dregistry.db=}, an
     * {@code application.yml}, or a {@code jdbc:sqlite::memory:} URL or one with {@code ?mode=memory}. Each is a
     * temporary database.
     */
    static void requireAFile(String url) {
        requireAFile(url, null);
    }

    /** As {@link #requireAFile(String)}, the URL made of the setting {@code registry.db} ({@code file}) if it is set. */
    private static void requireAFile(String url, String file) {
        Optional<String> database = SqliteUrl.database(url);
        if (database.isEmpty()) {
            return;
        }
        String named = database.get();
        int query = url.indexOf('?');
        boolean inMemory = query >= 0 && IN_MEMORY.matcher(url.substring(query + 1)).find();
        if (named.isBlank() || named.equals(":memory:") || named.startsWith("file::memory:") || inMemory) {
            if (!inMemory && named.isBlank() && file != null && file.isBlank()) {
                // the setting, not the URL it was made into, is what a user set
                throw new RegistryUnavailableException("Cannot open the registry: it names no file (is the setting"
                        + " registry.db, or REGISTRY_DB, set to nothing?), and SQLite would open a temporary database,"
                        + " losing what is loaded into it; name a registry file", null);
            }
            String why = inMemory ? "opens a database in memory (mode=memory)"
                    : named.isBlank() ? "names no file" : "opens a database in memory (" + named + ")";
            throw new RegistryUnavailableException("Cannot open the registry: its JDBC URL " + url + " " + why
                    + ", and SQLite would open a temporary database, losing what is loaded into it; name a registry"
                    + " file", null);
        }
    }

    /**
     * A JDBC URL as it may be printed: a password given in it ({@code ?password=...}, as PostgreSQL's driver takes
     * one) is masked, so that an error line copied into a ticket or a log does not carry it.
     */
    static String withoutPassword(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    /**
     * Why a registry could not be opened. SQLite says only that it cannot open the file when the directory that
     * should hold it does not exist (it creates the file, not its directories), and a JDBC URL of another database
     * fails on a driver class that is not there: what to do is said instead.
     */
    private static String why(String where, RuntimeException failure) {
        if (where.startsWith("jdbc:") && !where.startsWith("jdbc:sqlite:") && !where.startsWith("jdbc:postgresql:")) {
            return "the registry runs on SQLite or PostgreSQL: name a file, jdbc:sqlite:FILE or"
                    + " jdbc:postgresql://HOST/DATABASE";
        }
        if (!where.startsWith("jdbc:")) {
            Path directory = Path.of(where).toAbsolutePath().getParent();
            Optional<Path> inTheWay = fileOnTheWay(Path.of(where));
            if (inTheWay.isPresent()) {
                return inTheWay.get() + " is a file, not a directory; name a file in a directory";
            }
            if (directory != null && !Files.isDirectory(directory)) {
                return "the directory " + directory + " does not exist; create it first, or name another file";
            }
        }
        // Flyway's words: "Found non-empty schema(s) "main" but no schema history table. Use baseline() or ..."
        if (cause(failure, FlywayException.class).filter(flyway -> flyway.getMessage() != null
                && flyway.getMessage().startsWith("Found non-empty schema")).isPresent()) {
            return "it is not an asset registry: it holds tables of its own and no registry's history (another"
                    + " application's database?); name a registry, or a new file or an empty database to make one";
        }
        return Failures.describe(failure, sqliteFileNamed(where));
    }

    /**
     * Whether the registry's settings come from the command line alone, so that reading without Spring reads the
     * file the application would, under the rules it would check. Anything else that Spring Boot would read (a rules
     * file, a JDBC URL, an environment variable or system property of Spring or of the registry, an application.yml
     * or application.properties in the working directory) leaves the reading to the application.
     */
    static boolean configuredByOptionsAlone(GlobalOptions options) {
        if (options.rules() != null || options.db() != null && options.db().startsWith("jdbc:")) {
            return false;
        }
        boolean environment = System.getenv().keySet().stream()
                .anyMatch(name -> name.startsWith("SPRING_") || name.startsWith("REGISTRY_"));
        boolean systemProperties = System.getProperties().stringPropertyNames().stream()
                .anyMatch(name -> name.startsWith("registry.")
                        || name.startsWith("spring.") && !name.equals("spring.aot.enabled"));
        return !environment && !systemProperties && !hasConfigFile();
    }

    /** Whether Spring Boot would find an application configuration file: {@code ./}, {@code config/}, {@code config/*}{@code /}. */
    private static boolean hasConfigFile() {
        Path config = Path.of("config");
        List<Path> dirs = new ArrayList<>(List.of(Path.of("."), config));
        if (Files.isDirectory(config)) {
            try (DirectoryStream<Path> subdirectories = Files.newDirectoryStream(config, Files::isDirectory)) {
                subdirectories.forEach(dirs::add);
            } catch (IOException e) {
                return true; // cannot tell: let Spring read what is there
            }
        }
        return dirs.stream().anyMatch(RegistryContext::hasConfigFileIn);
    }

    private static boolean hasConfigFileIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "application.{properties,yml,yaml}")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return true;
        }
    }

    /** A rules file that cannot be used is the user's to fix, not a registry that cannot be opened. */
    private static Optional<RulesFileException> rulesFileProblem(Throwable failure) {
        return cause(failure, RulesFileException.class);
    }

    /** The port a web server failed to bind, if that is why the application failed. */
    private static Optional<Integer> portInUse(Throwable failure) {
        return cause(failure, PortInUseException.class).map(PortInUseException::getPort);
    }

    /** The first failure of {@code type} in the chain of causes of {@code failure}. */
    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        return Optional.ofNullable(ExceptionUtils.throwableOfType(failure, type));
    }

    /** The application itself, for a command that runs as long as it does ({@code serve}). */
    ConfigurableApplicationContext application() {
        return context;
    }

    /** The whole Java API, for a command that changes the registry. */
    AssetRegistry registry() {
        if (context == null) {
            throw new IllegalStateException("The registry was opened for reading only.");
        }
        return context.getBean(AssetRegistry.class);
    }

    /** Every rule, in checking order, with the rules file's settings: from the application, without the registry. */
    List<RuleEntry> rules() {
        if (context == null) {
            throw new IllegalStateException("The registry was opened for reading only.");
        }
        return context.getBean(RuleCatalogue.class).entries();
    }

    /** The registry's queries, for a command that only reads. */
    AssetQueries queries() {
        return queries != null ? queries : registry().queries();
    }

    /**
     * Calls {@code action} on each wait of the calling thread's statements for the registry's write lock, held by
     * another writer, that lasts past the notice (see {@link RegistryLockWait}), until this closes. Waits of the
     * application's own background threads are not the command's: a load's heartbeat waits for the lock that the
     * load itself holds as it resolves, which is no other writer's.
     */
    void onLockWait(Consumer<RegistryLockWait> action) {
        if (context == null) { // reading without Spring: it takes no write lock
            return;
        }
        Thread command = Thread.currentThread();
        ApplicationListener<ApplicationEvent> listener = event -> {
            // published on the thread that waits
            if (Thread.currentThread() == command && event instanceof PayloadApplicationEvent<?> published
                    && published.getPayload() instanceof RegistryLockWait wait) {
                action.accept(wait);
            }
        };
        context.addApplicationListener(listener);
        lockWaitListeners.add(listener);
    }

    /** Whether the queries read the file without the Spring application. */
    boolean readsWithoutSpring() {
        return context == null;
    }

    @Override
    public void close() {
        if (context != null) { // a borrowed application outlives this
            lockWaitListeners.forEach(context::removeApplicationListener);
        }
        if (!owned) {
            return;
        }
        if (context != null) {
            context.close();
        } else {
            queries.close();
        }
    }
}
