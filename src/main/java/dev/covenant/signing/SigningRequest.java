package dev.covenant.signing;

import java.util.Map;

/** One signature to record: who, which version, the checked form values, from where. */
public record SigningRequest(long githubId, long versionId, Map<String, String> values, Origin origin) {
    public SigningRequest {
        values = Map.copyOf(values);
    }
}
