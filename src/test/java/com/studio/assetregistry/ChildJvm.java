package com.studio.assetregistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs the command-line tool's {@code Main} in a JVM of its own, on this test run's JDK and class
 * path: for the tests that need a real process (to kill it, to give it a small heap, to fill its disk).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java -cp CLASSPATH com.studio.assetregistry.cli.Main ARGUMENTS}. */
    public static List<String> command(String... arguments) {
        return command(List.of(), arguments);
    }

    /** {@code java -Djava.io.tmpdir=TMP JVM_OPTIONS -cp CLASSPATH com.studio.assetregistry.cli.Main ARGUMENTS}. */
    public static List<String> command(List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")); // the build's, not /tmp
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.studio.assetregistry.cli.Main"));
        command.addAll(List.of(arguments));
        return command;
    }
}
