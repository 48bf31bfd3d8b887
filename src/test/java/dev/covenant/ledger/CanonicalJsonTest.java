package dev.covenant.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The canonical text is what every ledger hash is computed over, so its writer must never drift: it is held here to
 * the text Jackson's own generator writes for the same tree with its keys sorted (the form the ledger has always been
 * hashed in), over every UTF-16 code unit and over random trees.
 */
class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void everyCodeUnitIsEscapedAsJacksonEscapesIt() throws IOException {
        for (int c = 0; c <= 0xFFFF; c += 1) {
            ObjectNode node = NODES.objectNode().put("k" + (char) c, "a" + (char) c + "b");
            assertEquals(jackson(node), CanonicalJson.write(node), "code unit " + Integer.toHexString(c));
        }
    }

    @Test
    void randomTreesAreWrittenAsJacksonWritesThemSorted() throws IOException {
        Random random = new Random(20261203);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = tree(random, 0);
            assertEquals(jackson(tree), CanonicalJson.write(tree));
        }
    }

    @Test
    void keysAreSortedAndRawValuesKept() {
        ObjectNode node = NODES.objectNode();
        node.put("b", 1);
        node.putRawValue("a", new com.fasterxml.jackson.databind.util.RawValue("{\"z\":1,\"y\":2}"));
        node.put("big", new BigInteger("123456789012345678901234567890"));
        assertEquals("{\"a\":{\"z\":1,\"y\":2},\"b\":1,\"big\":123456789012345678901234567890}",
                CanonicalJson.write(node));
    }

    @Test
    void floatingPointNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(NODES.objectNode().put("x", 1.5)));
    }

    private static JsonNode tree(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(text(random), tree(random, depth + 1));
                }
                return object;
            }
            case 1 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(tree(random, depth + 1));
                }
                return array;
            }
            case 2 -> {
                return NODES.textNode(text(random));
            }
            case 3 -> {
                return NODES.numberNode(random.nextLong());
            }
            case 4 -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case 5 -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.numberNode(random.nextInt());
            }
        }
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int pick = random.nextInt(4);
            s.append((char) (pick == 0
                    ? random.nextInt(0x30)
                    : pick == 1
                            ? 'a' + random.nextInt(26)
                            : pick == 2 ? random.nextInt(0x800) : random.nextInt(0x10000)));
        }
        return s.toString();
    }

    /** The reference: Jackson's generator over the tree, object keys sorted. */
    private static String jackson(JsonNode node) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            jackson(generator, node);
        }
        return out.toString();
    }

    private static void jackson(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                jackson(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                jackson(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}
