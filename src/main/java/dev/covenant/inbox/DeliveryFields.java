package dev.covenant.inbox;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The few fields the inbox files a delivery under ({@code action}, {@code installation.id},
 * {@code repository.full_name}), read in one streaming pass that builds no tree: every webhook goes through here
 * before it is answered. The pass still reads the whole document, so a payload that is not JSON is caught.
 */
record DeliveryFields(String action, Long installationId, String repository, String error) {

    private static final JsonFactory JSON = new JsonFactory();

    static DeliveryFields read(byte[] body) {
        String action = null;
        Long installationId = null;
        String repository = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return failed("the payload is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("action".equals(name) && value == JsonToken.VALUE_STRING) {
                    action = parser.getText();
                } else if ("installation".equals(name) && value == JsonToken.START_OBJECT) {
                    installationId = member(parser, "id", true).map(Long::valueOf).orElse(null);
                } else if ("repository".equals(name) && value == JsonToken.START_OBJECT) {
                    repository = member(parser, "full_name", false).orElse(null);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return failed("the payload is not a single JSON object");
            }
            String unfit = unfit("action", action, 100);
            if (unfit == null) {
                unfit = unfit("repository.full_name", repository, 300);
            }
            return unfit != null ? failed(unfit) : new DeliveryFields(action, installationId, repository, null);
        } catch (IOException e) {
            return failed("the payload is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The named scalar of the object the parser is at (a whole number, or a string), reading to its end. */
    private static java.util.Optional<String> member(JsonParser parser, String wanted, boolean number)
            throws IOException {
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean fits = number
                    ? value == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    : value == JsonToken.VALUE_STRING;
            if (wanted.equals(name) && fits) {
                found = number ? Long.toString(parser.getLongValue()) : parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** Why a field the delivery is filed under cannot be stored (a NUL, or longer than GitHub makes it), or null. */
    private static String unfit(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            return field + " holds a NUL character";
        }
        return value.length() > max ? field + " is longer than " + max + " characters" : null;
    }

    private static DeliveryFields failed(String error) {
        // Stored as the delivery's reason: a parser's message may quote the payload, NUL included.
        return new DeliveryFields(null, null, null, error.replace('\u0000', '\uFFFD'));
    }
}
