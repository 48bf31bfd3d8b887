package dev.covenant.relicensing.history;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.api.LargeBodies;

/**
 * {@code POST /api/repos/{owner}/{repo}/history} takes a repository's whole {@code git log}: up to
 * {@code covenant.relicensing.max-upload} (2 GiB by default), streamed to disk by the resource.
 */
@ApplicationScoped
public class HistoryUploadLimit implements LargeBodies {

    private static final Pattern HISTORY_UPLOAD = Pattern.compile("/api/repos/[^/]+/[^/]+/history/?");

    private final RelicensingConfig config;

    HistoryUploadLimit(RelicensingConfig config) {
        this.config = config;
    }

    @Override
    public OptionalLong limit(String method, String path) {
        return "POST".equals(method) && HISTORY_UPLOAD.matcher(path).matches()
                ? OptionalLong.of(config.maxUpload().asLongValue())
                : OptionalLong.empty();
    }
}
