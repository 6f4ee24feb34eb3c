package com.studio.assetregistry.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFileTests {

    @TempDir
    Path dir;

    @Test
    void isANewFileBesideItsTargetUnderANameOfItsOwnEachTime() throws IOException {
        Path target = dir.resolve("export.json");

        PartialFile first = PartialFile.beside(target);
        PartialFile second = PartialFile.beside(target);
        first.out().write('x');
        first.out().close();
        second.out().close();

        assertThat(first.path().getParent()).isEqualTo(dir);
        assertThat(first.path().getFileName().toString()).matches("export\\.json\\.[0-9a-z]+\\.partial");
        assertThat(second.path()).isNotEqualTo(first.path());
        assertThat(first.path()).hasContent("x");
        assertThat(target).doesNotExist();
    }

    @Test
    void isNotMadeInADirectoryThatIsNotThere() {
        assertThatThrownBy(() -> PartialFile.beside(dir.resolve("gone/export.json")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(dir.resolve("gone"))).isFalse();
    }

    @Test
    void keepsItsNameWithinWhatAFileSystemTakesForATargetOfTheLongestName() throws IOException {
        Path longest = dir.resolve("a".repeat(250) + ".json"); // 255 bytes
        Path wide = dir.resolve("\u00e9".repeat(127) + ".j"); // 256 bytes: é is two

        for (Path target : new Path[] {longest, wide}) {
            PartialFile partial = PartialFile.beside(target);
            partial.out().close();

            String name = partial.path().getFileName().toString();
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThanOrEqualTo(217);
            assertThat(name).startsWith(target.getFileName().toString().substring(0, 50)).endsWith(".partial");
        }
        assertThat(PartialFile.beside(dir.resolve("short.json")).path().getFileName().toString())
                .matches("short\\.json\\.[0-9a-z]{8}\\.partial");
    }
}
