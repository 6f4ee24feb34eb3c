package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ingest.LoadProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A line a command prints beside its progress (a lock wait, a warning) stands on a line of its own. */
class NoteLineTests {

    private final StringWriter err = new StringWriter();
    private final AssetRegistryCommand top = command();

    /** A bar that has drawn its line, without its end: what a bar on a terminal leaves between two redraws. */
    private final ProgressDisplay bar = new ProgressDisplay() {
        @Override
        public void progressed(LoadProgress progress) {
        }

        @Override
        public boolean drawing() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    @Test
    void aNoteWhileABarIsDrawnEndsTheBarsLineFirst() {
        try (ProgressDisplay shown = top.showing(bar)) {
            err.write("\rbig.json  63% [====    ]");

            top.note("note: registry.db is locked by another writer");

            assertThat(err).hasToString("\rbig.json  63% [====    ]\nnote: registry.db is locked by another writer\n");
        }
    }

    @Test
    void aNoteWithoutABarIsALineAsItIs() {
        top.showing(bar).close();

        top.note("warning: run 7 is abandoned");

        assertThat(err).hasToString("warning: run 7 is abandoned\n");
    }

    private AssetRegistryCommand command() {
        CommandLine commandLine = AssetRegistryCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.getCommand();
    }
}
