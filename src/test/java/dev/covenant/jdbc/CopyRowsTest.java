package dev.covenant.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows are written into bytes by hand; what they must equal is what the plain way writes: the value escaped
 * for COPY's text format and encoded with {@code String.getBytes(UTF_8)}, dates by {@code ISO_OFFSET_DATE_TIME}.
 */
class CopyRowsTest {

    private static final char[] ALPHABET = {'a', 'Z', '0', ' ', '\\', '\t', '\n', '\r', '\0', 'é', 'ß', '€', '日',
            '\uD83D', '\uDE00', '\uDBFF', '\uDFFF', 'N', '<', '\u2028', '\u007F', '\u0080', '\u07FF', '\u0800',
            '\uFFFF'};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void textIsEscapedAndEncodedAsTheStringWould(long seed) {
        Random random = new Random(seed);
        CopyRows rows = new CopyRows();
        for (int n = 0; n < 2_000; n++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String value = new String(chars);
            rows.clear();
            rows.text(value).text(null).text("").endRow();
            assertEquals(expected(escaped(value) + "\t\\N\t\n"), written(rows), () -> "for " + codes(value));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 12345, 1_000_000_007L, Long.MAX_VALUE, -1, -42, Long.MIN_VALUE})
    void numbersAreWrittenInDecimal(long value) {
        CopyRows rows = new CopyRows();
        rows.number(value).bool(true).bool(false).endRow();
        assertEquals(expected(Long.toString(value) + "\tt\tf\n"), written(rows));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void datesAreWrittenAsTheIsoFormatterWrites(long seed) {
        Random random = new Random(seed);
        CopyRows rows = new CopyRows();
        for (int n = 0; n < 5_000; n++) {
            // Years -200 to 10200, every kind of fraction, offsets with and without minutes and seconds.
            long second = Math.floorMod(random.nextLong(), 328_000_000_000L) - 68_600_000_000L;
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            int offset = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> (random.nextInt(37) - 18) * 3600;
                case 2 -> (random.nextInt(2 * 18 * 60 + 1) - 18 * 60) * 60;
                default -> random.nextInt(2 * 18 * 3600 + 1) - 18 * 3600;
            };
            OffsetDateTime date = Instant.ofEpochSecond(second, nano).atOffset(ZoneOffset.ofTotalSeconds(offset));
            rows.clear();
            rows.time(date).endRow();
            assertEquals(expected(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date) + "\n"), written(rows),
                    date::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100_000, 300_000})
    void theBufferGrowsForLongValues(int size) {
        String value = "€".repeat(size);
        CopyRows rows = new CopyRows();
        rows.text("x").text(value).endRow();
        assertEquals(expected("x\t" + value + "\n"), written(rows));
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String expected(String text) {
        return Arrays.toString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String written(CopyRows rows) {
        return Arrays.toString(Arrays.copyOf(rows.bytes(), rows.length()));
    }

    private static String codes(String value) {
        return value.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }
}
