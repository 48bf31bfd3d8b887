package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Co-author values, addresses and message lines are read by hand ({@link CoAuthors#nameAndAddress},
 * {@link CoAuthors#isAddress}, {@link Trailers#lines}); each must agree with the regular expression it replaced on
 * every text, here tens of thousands of random ones made of the characters that matter to them.
 */
class HandReadValuesTest {

    private static final Pattern VALUE = Pattern.compile("^(.+?)\\s*<([^>]+)>$");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final char[] ALPHABET = {'a', 'b', ' ', ' ', '<', '<', '>', '>', '@', '\t', '\n', '\r', '\u000B',
            '\f', '\u0085', '\u2028', '\u2029', '\u00A0', '.', 'é'};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void nameAndAddressAgreeWithTheExpression(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 50_000; n++) {
            String value = random(random, 14);
            Matcher m = VALUE.matcher(value);
            String expected = m.matches() ? m.group(1) + "|" + m.group(2) : "none";
            String[] parts = CoAuthors.nameAndAddress(value);
            assertEquals(expected, parts == null ? "none" : parts[0] + "|" + parts[1], () -> codes(value));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void addressesAgreeWithTheExpression(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 50_000; n++) {
            String value = random(random, 8);
            assertEquals(ADDRESS.matcher(value).matches(), CoAuthors.isAddress(value), () -> codes(value));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void linesAgreeWithTheSplit(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 50_000; n++) {
            String value = random(random, 12);
            assertEquals(Arrays.asList(LINE_BREAK.split(value, -1)), Trailers.lines(value), () -> codes(value));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 200_000})
    void aLongRunOfSpacesIsReadInLinearTime(int spaces) {
        String value = "a" + " ".repeat(spaces) + "b <a@b>";
        assertEquals(List.of("a" + " ".repeat(spaces) + "b", "a@b"),
                Arrays.asList(CoAuthors.nameAndAddress(value)));
    }

    private static String random(Random random, int maxLength) {
        char[] chars = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        // Many values end as a co-author's does.
        return random.nextBoolean() ? new String(chars) + ">" : new String(chars);
    }

    private static String codes(String value) {
        return value.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }
}
