package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.Sql;

/**
 * GitHub's sample payloads ({@code webhooks/payloads}), mutated with a fixed seed (types changed, fields removed,
 * NUL characters and 100 kB strings put in, unknown events) and delivered signed: no answer is a 5xx, and every
 * delivery ends DONE, IGNORED, FAILED or DEAD, the last two with a reason, none left pending or claimed.
 */
@QuarkusTest
class WebhookFuzzTest {

    private static final long SEED = 20261203L;
    private static final int DELIVERIES = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void mutatedRealPayloadsNeverAnswer5xxAndNeverStick() throws Exception {
        List<Path> payloads;
        try (Stream<Path> files = Files.list(Path.of("webhooks", "payloads"))) {
            payloads = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(payloads.size() >= 10, "the sample payloads are missing: " + payloads);
        Random random = new Random(SEED);
        String run = "fuzz-" + Long.toHexString(System.nanoTime());
        List<String> fives = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            Path file = payloads.get(random.nextInt(payloads.size()));
            String event = file.getFileName().toString().split("\\.")[0];
            JsonNode payload = JSON.readTree(file.toFile());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(payload, random);
            }
            if (random.nextInt(20) == 0) {
                event = random.nextBoolean() ? "projects_v2_item" : "workflow_job";
            }
            String id = run + "-" + i;
            int status = WebhookEndpointTest.signed(id, event, JSON.writeValueAsString(payload)).post("/github/webhook")
                    .then().extract().statusCode();
            if (status >= 500 || status != 202 && status != 400) {
                fives.add(id + " (" + event + "): " + status);
            }
        }
        assertEquals(List.of(), fives, "answers other than 202 or 400");
        Await.until("every fuzzed delivery ends", Duration.ofSeconds(90),
                () -> "0".equals(Sql.textUnchecked("SELECT count(*) FROM delivery WHERE delivery_id LIKE ?"
                        + " AND state IN ('PENDING', 'PROCESSING')", run + "-%")));
        assertEquals("0", Sql.text("SELECT count(*) FROM delivery WHERE delivery_id LIKE ? AND state IN"
                + " ('FAILED', 'DEAD') AND (last_error IS NULL OR last_error = '')", run + "-%"),
                "failed deliveries without a reason");
        assertEquals(Integer.toString(DELIVERIES),
                Sql.text("SELECT count(*) FROM delivery WHERE delivery_id LIKE ?", run + "-%"));
    }

    /** One change at a random place of the document. */
    private static void mutate(JsonNode root, Random random) {
        List<Place> places = new ArrayList<>();
        collect(root, places);
        if (places.isEmpty()) {
            return;
        }
        Place place = places.get(random.nextInt(places.size()));
        JsonNode value = place.value();
        switch (random.nextInt(6)) {
            case 0 -> place.set(NODES.numberNode(random.nextInt()));
            case 1 -> place.set(value.isTextual() ? NODES.objectNode() : NODES.textNode("x"));
            case 2 -> place.remove();
            case 3 -> place.set(NODES.textNode("a\u0000b" + (value.isTextual() ? value.asText() : "")));
            case 4 -> place.set(NODES.textNode("y".repeat(100_000)));
            default -> place.set(random.nextBoolean() ? NODES.nullNode() : NODES.arrayNode().add(true));
        }
    }

    private static void collect(JsonNode node, List<Place> places) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                places.add(new Place(object.get(name), v -> object.set(name, v), () -> object.remove(name)));
                collect(object.get(name), places);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int at = i;
                places.add(new Place(array.get(i), v -> array.set(at, v), () -> array.set(at, NODES.nullNode())));
                collect(array.get(i), places);
            }
        }
    }

    private record Place(JsonNode value, Consumer<JsonNode> setter, Runnable remover) {
        void set(JsonNode v) {
            setter.accept(v);
        }

        void remove() {
            remover.run();
        }
    }
}
