package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.RunStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

/**
 * The process that runs a load, as a run records it: {@code pid@host}. A process on this host can be asked whether it
 * still runs. One on another host (another machine, or another container, which has a host name of its own) cannot:
 * it says so itself, with a heartbeat every {@link #HEARTBEAT} while it runs a load, and is presumed gone once silent
 * for {@link #SILENCE}.
 */
public final class RunOwner {

    /** How often a process says it still runs its runs. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);

    /**
     * How long a process on another host may be silent before its runs are presumed orphaned: six heartbeats, so that
     * a writer kept waiting by a long transaction of another (a large resolution on SQLite) is not taken for gone.
     */
    public static final Duration SILENCE = Duration.ofMinutes(2);

    private static final String HOST = hostName(); // looked up once: a host name can cost a DNS query

    /** This process: {@code pid@host}. */
    public static final String CURRENT = ProcessHandle.current().pid() + "@" + HOST;

    private RunOwner() {
    }

    /**
     * Whether the process running {@code run} may still run it: a process of this host that is alive, or one of
     * another host that has said so within {@link #SILENCE} (since its run started, for a run recorded before
     * heartbeats).
     */
    public static boolean isAlive(LoadRun run) {
        String owner = run.owner();
        int at = owner == null ? -1 : owner.indexOf('@');
        if (at >= 0 && owner.substring(at + 1).equals(HOST)) {
            try {
                return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(ProcessHandle::isAlive)
                        .orElse(false);
            } catch (NumberFormatException e) { // not one of ours: only its heartbeat tells
            }
        }
        Instant lastSign = run.heartbeat() != null ? run.heartbeat() : run.startedAt();
        return lastSign.isAfter(Instant.now().minus(SILENCE));
    }

    /** Whether a run that says it is running lost its process. */
    public static boolean ended(LoadRun run) {
        return run.status() == RunStatus.RUNNING && run.owner() != null && !isAlive(run);
    }

    /** Whether {@code owner} is a process of another host, whose state only its heartbeat tells. */
    static boolean elsewhere(String owner) {
        int at = owner.indexOf('@');
        return at < 0 || !owner.substring(at + 1).equals(HOST);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
