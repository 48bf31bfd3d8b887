package dev.covenant.signing;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One signature to record: who, which version, the checked form values, from where; and for a signature made
 * elsewhere, when it was made and where it is recorded ({@code importSource}: file, format, place, record), else
 * both null.
 */
public record SigningRequest(long githubId, long versionId, Map<String, String> values, Origin origin,
        Instant signedAt, JsonNode importSource) {

    public SigningRequest {
        values = Map.copyOf(values);
    }

    /** Signed now, on Covenant's page. */
    public SigningRequest(long githubId, long versionId, Map<String, String> values, Origin origin) {
        this(githubId, versionId, values, origin, null, null);
    }
}
