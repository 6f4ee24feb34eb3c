package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunProgressTests {

    @Test
    void aRunThatStoppedShowsWhereItsLastCommitLeftItNotAFinishedRead() {
        RunProgress stopped = RunProgress.of("stopped", 30_611_119, 41_000_000, 220_000);

        assertThat(stopped).isEqualTo(new RunProgress("stopped", 30_611_119, 41_000_000, 220_000, 0.7466));
    }

    @Test
    void onceReadingIsOverTheWholeFileIsRead() {
        for (String phase : new String[] {"resolving", "reporting", "finished"}) {
            assertThat(RunProgress.of(phase, 30_000_000, 41_000_000, 220_000)).as(phase)
                    .isEqualTo(new RunProgress(phase, 41_000_000, 41_000_000, 220_000, 1.0));
        }
    }

    @Test
    void whileItReadsTheFractionIsOfTheBytesCommittedAndNeverOverOne() {
        assertThat(RunProgress.of("reading", 1, 3, 1)).isEqualTo(new RunProgress("reading", 1, 3, 1, 0.3333));
        assertThat(RunProgress.of("reading", 5, 3, 2)).isEqualTo(new RunProgress("reading", 3, 3, 2, 1.0));
        assertThat(RunProgress.of("starting", 0, 0, 0)).isEqualTo(new RunProgress("starting", 0, 0, 0, 0.0));
    }
}
