package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.identity.TextLines;

/** The line reader under the parser and the mailmap, fed in chunks of every size so lines cross reads. */
class GitLogTextLinesTest {

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 65536})
    void linesAreSplitOnLfOrCrlfWhateverTheChunks(int chunk) throws IOException {
        String text = "one\r\ntwo\n\n\r\nlast without end";
        assertEquals(List.of("one", "two", "", "", "last without end"),
                read(text.getBytes(StandardCharsets.UTF_8), chunk));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 5, 65536})
    void eachLineIsUtf8OrElseLatin1(int chunk) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Zoë\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("José\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes("ascii\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {(byte) 0xE2, (byte) 0x82, '\n'}); // a truncated UTF-8 sequence
        assertEquals(List.of("Zoë", "José", "ascii", "\u00e2\u0082"), read(bytes.toByteArray(), chunk));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 1000, 65536})
    void linesLongerThanTheBufferAreWhole(int chunk) throws IOException {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of("a", longLine, "b"),
                read(("a\n" + longLine + "\nb\n").getBytes(StandardCharsets.UTF_8), chunk));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 100, 65536})
    void aLineOverTheLimitIsRefusedWithItsNumber(int chunk) {
        byte[] text = ("ok\n" + "y".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8);
        TextLines lines = new TextLines(chunked(text, chunk), 4096);
        TextLines.LineTooLongException e = assertThrows(TextLines.LineTooLongException.class, () -> {
            lines.next();
            lines.next();
        });
        assertEquals(2, e.lineNumber);
        assertEquals("y".repeat(800), e.start);
    }

    private static List<String> read(byte[] bytes, int chunk) throws IOException {
        TextLines lines = new TextLines(chunked(bytes, chunk));
        List<String> read = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            read.add(line);
        }
        assertEquals(read.size(), lines.lineNumber());
        return read;
    }

    /** Hands out at most {@code chunk} bytes per read, as a network stream may. */
    private static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
