package dev.covenant.signing;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.api.Csv;
import dev.covenant.ledger.CanonicalJson;

/**
 * A file of signatures made elsewhere, read into records: CLA Assistant Lite's {@code cla.json} as it is, or a CSV with
 * a header (CLA Assistant's export, a spreadsheet). Pure: what GitHub says of the logins and what the database holds
 * are the importer's business. A record that cannot be read is listed with its place and why, never guessed at.
 */
public final class SignatureImportFile {

    /** CSV headers, case and spaces aside, that name the GitHub user id, the login and the date signed. */
    static final Set<String> ID_COLUMNS = Set.of("github_id", "githubid", "user_id", "userid", "id");
    static final Set<String> LOGIN_COLUMNS = Set.of("login", "github_login", "github", "user", "user_name", "username",
            "github_username");
    static final Set<String> DATE_COLUMNS = Set.of("signed_at", "signedat", "created_at", "createdat", "date",
            "signed", "signed_on", "date_signed");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One signature to import: where it is in the file, who (an id, a login, or both), when, its form answers, and the
     * record as the file holds it ({@code original}, in canonical JSON).
     */
    public record Entry(String place, Long githubId, String login, Instant signedAt, Map<String, String> answers,
            String original) {
    }

    /** A record that cannot be imported, and why. */
    public record Malformed(String place, String reason) {
    }

    /** What the file holds; {@code unreadable} when it is not a file of this kind at all (then nothing else is read). */
    public record Parsed(String format, List<Entry> entries, List<Malformed> malformed, boolean unreadable) {

        static Parsed unreadable(String format, String place, String reason) {
            return new Parsed(format, List.of(), List.of(new Malformed(place, reason)), true);
        }
    }

    private SignatureImportFile() {
    }

    /**
     * CLA Assistant Lite's file: {@code {"signedContributors": [{"name", "id", "created_at", ...}]}}. Read one
     * record at a time, each kept as its canonical text: read as one tree, every record's tree stayed alive until
     * the import ended, for the collector to copy (a third of its CPU in an import of a hundred thousand).
     */
    public static Parsed lite(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        boolean found = false;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return notLite();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"signedContributors".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    return notLite();
                }
                // As a tree would have it: the last of two signedContributors counts.
                found = true;
                entries.clear();
                malformed.clear();
                for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                    liteRecord("signedContributors[" + i + "]", parser.readValueAsTree(), entries, malformed);
                }
            }
        } catch (IOException e) {
            JsonLocation location = e instanceof JsonProcessingException json ? json.getLocation() : null;
            String where = location == null
                    ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return Parsed.unreadable("cla-assistant-lite", "file", "not JSON" + where + ": " + reason);
        }
        return found ? new Parsed("cla-assistant-lite", entries, malformed, false) : notLite();
    }

    private static Parsed notLite() {
        return Parsed.unreadable("cla-assistant-lite", "signedContributors",
                "CLA Assistant Lite's file holds an array signedContributors; this one does not");
    }

    /** One record of a Lite file, as an entry or as the reason it cannot be one. */
    private static void liteRecord(String place, JsonNode item, List<Entry> entries, List<Malformed> malformed) {
        if (item == null || !item.isObject()) {
            malformed.add(new Malformed(place, "not an object"));
            return;
        }
        JsonNode id = item.get("id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
            malformed.add(new Malformed(place + ".id", "a GitHub user id (a positive whole number) is needed"));
            return;
        }
        JsonNode name = item.get("name");
        String login = name != null && name.isTextual() && LOGIN.matcher(name.asText()).matches()
                ? name.asText()
                : null;
        JsonNode created = item.get("created_at");
        Instant signedAt = created != null && created.isTextual() ? date(created.asText()) : null;
        if (signedAt == null) {
            malformed.add(new Malformed(place + ".created_at",
                    "the date signed is missing or not a date (e.g. 2021-03-04T05:06:07Z)"));
            return;
        }
        if (hasFraction(item)) {
            malformed.add(new Malformed(place, "holds a number with a fraction, which the ledger cannot keep"
                    + " exactly (its events hold whole numbers and text)"));
            return;
        }
        entries.add(new Entry(place, id.asLong(), login, signedAt, Map.of(), CanonicalJson.write(item)));
    }

    /** A CSV with a header naming at least a GitHub user id or login column and a date column. */
    public static Parsed csv(String text) {
        List<Csv.Row> rows;
        try {
            rows = Csv.rows(text);
        } catch (IllegalArgumentException e) {
            return Parsed.unreadable("csv", "file", "not CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return Parsed.unreadable("csv", "line 1", "the file is empty");
        }
        List<String> header = rows.get(0).cells().stream().map(h -> h.trim()).toList();
        int idColumn = column(header, ID_COLUMNS);
        int loginColumn = column(header, LOGIN_COLUMNS);
        int dateColumn = column(header, DATE_COLUMNS);
        if ((idColumn < 0 && loginColumn < 0) || dateColumn < 0) {
            return Parsed.unreadable("csv", "line 1",
                    "the header must name a GitHub user id column (github_id) or a login column (login) and a"
                            + " date column (signed_at); it has " + String.join(", ", header));
        }
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String place = "line " + row.line();
            if (row.cells().size() != header.size()) {
                malformed.add(new Malformed(place,
                        row.cells().size() + " cells where the header has " + header.size()));
                continue;
            }
            ObjectNode original = JsonNodeFactory.instance.objectNode();
            Map<String, String> answers = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                original.put(header.get(c), row.cells().get(c));
                if (c != idColumn && c != loginColumn && c != dateColumn && !header.get(c).isEmpty()) {
                    answers.put(header.get(c), row.cells().get(c));
                }
            }
            Long githubId = null;
            if (idColumn >= 0 && !row.cells().get(idColumn).isBlank()) {
                githubId = positiveLong(row.cells().get(idColumn).trim());
                if (githubId == null) {
                    malformed.add(new Malformed(place + ": " + header.get(idColumn),
                            "a GitHub user id (a positive whole number) is needed"));
                    continue;
                }
            }
            String login = loginColumn >= 0 ? row.cells().get(loginColumn).trim() : "";
            if (!login.isEmpty() && !LOGIN.matcher(login).matches()) {
                malformed.add(new Malformed(place + ": " + header.get(loginColumn), "not a GitHub login"));
                continue;
            }
            if (githubId == null && login.isEmpty()) {
                malformed.add(new Malformed(place, "neither a GitHub user id nor a login"));
                continue;
            }
            Instant signedAt = date(row.cells().get(dateColumn).trim());
            if (signedAt == null) {
                malformed.add(new Malformed(place + ": " + header.get(dateColumn),
                        "not a date (e.g. 2021-03-04T05:06:07Z or 2021-03-04)"));
                continue;
            }
            entries.add(new Entry(place, githubId, login.isEmpty() ? null : login, signedAt, answers,
                    CanonicalJson.write(original)));
        }
        return new Parsed("csv", entries, malformed, false);
    }

    /** An instant with an offset, or a day (taken as its start in UTC); null for anything else. */
    static Instant date(String text) {
        Instant plain = plainUtc(text);
        if (plain != null) {
            return plain;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not a date and time with an offset; maybe a day
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The shape nearly every file has, {@code 2021-03-04T05:06:07Z} with or without a fraction of a second, read
     * without the formatter's machinery (a hundred thousand dates took it a second); null for any other shape or an
     * impossible date, which {@link #date} then leaves to the formatter.
     */
    static Instant plainUtc(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || n == 21 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':'
                || (n > 20 && t.charAt(19) != '.')) {
            return null;
        }
        int nanos = 0;
        for (int i = 20; i < n - 1; i++) {
            int digit = digit(t, i);
            if (digit < 0) {
                return null;
            }
            nanos = nanos * 10 + digit;
        }
        for (int digits = Math.max(0, n - 21); digits < 9; digits++) {
            nanos *= 10;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 2);
        int day = number(t, 8, 2);
        int hour = number(t, 11, 2);
        int minute = number(t, 14, 2);
        int second = number(t, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String t, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            int digit = digit(t, i);
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int digit(String t, int i) {
        char c = t.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static boolean hasFraction(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasFraction(child)) {
                return true;
            }
        }
        return false;
    }

    private static Long positiveLong(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).toLowerCase(Locale.ROOT).replace(' ', '_'))) {
                return i;
            }
        }
        return -1;
    }
}
