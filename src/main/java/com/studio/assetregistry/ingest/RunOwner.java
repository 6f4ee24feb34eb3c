package com.studio.assetregistry.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The process that runs a load, as a run records it: {@code pid@host}. A process on this host can be asked whether it
 * still runs; one on another host cannot, and is presumed to.
 */
public final class RunOwner {

    private static final String HOST = hostName(); // looked up once: a host name can cost a DNS query

    /** This process: {@code pid@host}. */
    public static final String CURRENT = ProcessHandle.current().pid() + "@" + HOST;

    private RunOwner() {
    }

    /** Whether the process named {@code pid@host} may still run: it runs on this host, or it is on another. */
    public static boolean isAlive(String owner) {
        int at = owner.indexOf('@');
        if (at < 0 || !owner.substring(at + 1).equals(HOST)) {
            return true;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: nothing is known of it
        }
    }

    /** Whether a run that says it is running lost its process: {@code owner} is a process of this host that ended. */
    public static boolean ended(String owner) {
        return owner != null && !isAlive(owner);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
