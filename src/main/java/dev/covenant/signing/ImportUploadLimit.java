package dev.covenant.signing;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.api.LargeBodies;

/** {@code POST /api/agreements/{slug}/versions/{version}/signatures/import} takes up to {@link ImportConfig#maxSize()}. */
@ApplicationScoped
public class ImportUploadLimit implements LargeBodies {

    private static final Pattern IMPORT = Pattern.compile("/api/agreements/[^/]+/versions/[^/]+/signatures/import/?");

    private final ImportConfig config;

    ImportUploadLimit(ImportConfig config) {
        this.config = config;
    }

    @Override
    public OptionalLong limit(String method, String path) {
        return "POST".equals(method) && IMPORT.matcher(path).matches()
                ? OptionalLong.of(config.maxSize().asLongValue())
                : OptionalLong.empty();
    }
}
