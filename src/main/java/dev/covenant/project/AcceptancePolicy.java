package dev.covenant.project;

import dev.covenant.agreement.SemanticVersion;

/**
 * Which versions of its agreement a project accepts. A signature of a version the project accepts covers the
 * signer; a project that moves to a new major version can keep honouring older signatures with {@link #SINCE}.
 */
public enum AcceptancePolicy {
    /** Any version with the same major number as the latest published one. */
    LATEST_MAJOR,
    /** Any version at or after a named one. */
    SINCE;

    public boolean accepts(SemanticVersion candidate, SemanticVersion latest, SemanticVersion since) {
        return switch (this) {
            case LATEST_MAJOR -> candidate.major() == latest.major() && candidate.compareTo(latest) <= 0;
            case SINCE -> candidate.compareTo(since) >= 0 && candidate.compareTo(latest) <= 0;
        };
    }
}
