package com.studio.assetregistry.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
}
