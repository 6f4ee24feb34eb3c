package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileEncodingTests {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UTF-16LE | '[{"asset": 1}]'
            UTF-16LE | '{"asset": 1}'
            UTF-16LE | ' ['
            UTF-16BE | '[{"asset": 1}]'
            UTF-16BE | '\t{'
            UTF-32LE | '[{"asset": 1}]'
            UTF-32LE | '{'
            UTF-32BE | '[{"asset": 1}]'
            UTF-32BE | '\n{'
            """)
    void namesAJsonTextInUtf16OrUtf32WithoutAByteOrderMark(String encoding, String json) {
        byte[] bytes = json.getBytes(Charset.forName(encoding));

        assertThat(FileEncoding.otherThanUtf8(bytes, Math.min(4, bytes.length))).hasValue(encoding);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UTF-16LE | fffe
            UTF-16BE | feff
            UTF-32LE | fffe0000
            UTF-32BE | 0000feff
            """)
    void namesAFileByItsByteOrderMark(String encoding, String mark) {
        byte[] bom = HexFormat.of().parseHex(mark);
        byte[] text = "x".getBytes(Charset.forName(encoding)); // not a JSON start: the mark alone decides
        byte[] head = Arrays.copyOf(bom, 4);
        System.arraycopy(text, 0, head, bom.length, Math.min(text.length, 4 - bom.length));

        assertThat(FileEncoding.otherThanUtf8(head, 4)).hasValue(encoding);
        assertThat(FileEncoding.otherThanUtf8(bom, bom.length)).as("the mark alone").hasValue(encoding);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[{\"asset\": 1}]", "{\"a\"", "\uFEFF[{}]", " \n[", "[", "", "42", "null", "x\u0000y\u0000",
        "[\u0000{\"a\": 1}]", "\u0000[{\"a\": 1}]", "[\u0000{"})
    void readsUtf8AndAnythingThatIsNotAJsonTextInAnotherEncodingAsUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(FileEncoding.otherThanUtf8(bytes, Math.min(4, bytes.length))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"89504e47", "ffd8ffe0", "cafebabe", "4d5a9000", "7f454c46", "00000000", "425a6878"})
    void readsABinaryFileAsUtf8SoThatItsLinesAreRejectedOneByOne(String magic) {
        byte[] head = HexFormat.of().parseHex(magic);

        assertThat(FileEncoding.otherThanUtf8(head, head.length)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gzip  | 1f8b0800      | gzip-compressed | decompress it first, for example with gunzip -k in.json.gz
            bzip2 | 425a6839314159 | bzip2-compressed | decompress it first, for example with bunzip2 -k in.json.gz
            xz    | fd377a585a0000 | xz-compressed   | decompress it first, for example with unxz -k in.json.gz
            zstd  | 28b52ffd2400  | zstd-compressed | decompress it first, for example with unzstd in.json.gz
            zip   | 504b03041400  | a zip archive   | extract its JSON file first, for example with unzip in.json.gz
            """)
    void namesACompressedFileByItsMagicNumberAndSaysHowToUnpackIt(String encoding, String magic, String description,
                                                                  String remedy) {
        byte[] head = HexFormat.of().parseHex(magic);

        Optional<String> named = FileEncoding.otherThanUtf8(head, Math.min(FileEncoding.HEAD_BYTES, head.length));

        assertThat(named).hasValue(encoding);
        assertThat(FileEncoding.describe(encoding)).isEqualTo(description);
        assertThat(FileEncoding.remedy(encoding, "in.json.gz")).isEqualTo(remedy);
    }

    @Test
    void aMagicNumberCutShortByTheEndOfTheFileIsNotTakenForCompression() {
        byte[] head = HexFormat.of().parseHex("fd377a58");

        assertThat(FileEncoding.otherThanUtf8(head, head.length)).isEmpty();
    }
}
