package dev.covenant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    @Test
    void knownDigestOfAbc() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
    }

    /** Whatever the text (lone surrogates, supplementary characters, past the thread's buffer), the JDK's answer. */
    @ParameterizedTest
    @ValueSource(ints = {1, 40, 2_000, 8_192, 8_193, 40_000})
    void textHashesAsItsStringBytesDo(int length) throws Exception {
        Random random = new Random(length);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                int kind = random.nextInt(6);
                text.append(switch (kind) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0x800 + random.nextInt(0xD000));
                    case 3 -> (char) (0xD800 + random.nextInt(0x800));
                    case 4 -> (char) (0xE000 + random.nextInt(0x2000));
                    default -> "\uD83D\uDE00";
                });
            }
            String expected = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, Sha256.hex(text), "round " + round);
            assertEquals(expected, Sha256.hex(text.toString()), "round " + round);
        }
    }

    @Test
    void bytesAndTheirTextAgree() {
        String text = "Covenant \u00e9t\u00e9 \u2713 \uD83D\uDE00";
        assertEquals(Sha256.hex(text), Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
    }
}
