package dev.covenant.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a shipped agreement file: {@code key: value} lines between two {@code ---} lines, then the text.
 * Deliberately not YAML: the files declare a handful of flat values and nothing else.
 */
public record FrontMatter(Map<String, String> values, String body) {

    public static FrontMatter parse(String source, String fileName) {
        String normalized = source.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalStateException(fileName + ": must start with a '---' front matter line");
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalStateException(fileName + ": front matter is not closed by a '---' line");
        }
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = normalized.substring(4, end + 1).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(
                        fileName + ": front matter line " + (i + 2) + " is not 'key: value': " + line);
            }
            values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return new FrontMatter(Map.copyOf(values), normalized.substring(end + 5));
    }

    public String require(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("Front matter lacks '" + key + "'");
        }
        return value;
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }
}
