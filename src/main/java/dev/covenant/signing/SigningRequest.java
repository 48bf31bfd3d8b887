package dev.covenant.signing;

import java.time.Instant;
import java.util.Map;

/**
 * One signature to record: who, which version, the checked form values, from where; and for a signature made
 * elsewhere, when it was made and where it is recorded ({@code importSource}, canonical JSON), else both null.
 */
public record SigningRequest(long githubId, long versionId, Map<String, String> values, Origin origin,
        Instant signedAt, String importSource) {

    public SigningRequest {
        values = Map.copyOf(values);
    }

    /** Signed now, on Covenant's page. */
    public SigningRequest(long githubId, long versionId, Map<String, String> values, Origin origin) {
        this(githubId, versionId, values, origin, null, null);
    }
}
