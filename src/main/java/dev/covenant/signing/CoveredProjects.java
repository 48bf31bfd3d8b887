package dev.covenant.signing;

import java.time.Instant;
import java.util.List;

/**
 * What a person's own page asks of the coverage rule: which projects accept their contributions now, and by what,
 * and which no longer do because the project now asks for a new major version of what they signed. Declared here so
 * that signing does not depend on coverage; {@code coverage.PersonCoverage} answers.
 */
public interface CoveredProjects {

    /** A project and, in words, what covers the person there; {@code signedAt} when it is their own signature. */
    record CoveredProject(String scope, String by, Instant signedAt) {

        public CoveredProject(String scope, String by) {
            this(scope, by, null);
        }
    }

    /**
     * A project whose coverage the person's signature lost: they signed {@code signedVersion} of the agreement, the
     * project now asks for {@code askedVersion}.
     */
    record SignAgain(String scope, String agreementSlug, String agreementTitle, String signedVersion,
            String askedVersion) {

        /** "1.x" for 1.4.0: what was signed, as the person remembers it. */
        public String signedSeries() {
            return signedVersion.substring(0, signedVersion.indexOf('.')) + ".x";
        }

        /** The repository, for the signing page's "sent here by"; null for an organisation's project. */
        public String repository() {
            return scope.contains("/") ? scope : null;
        }
    }

    /** Where the person stands in every project. */
    record Standing(List<CoveredProject> covered, List<SignAgain> signAgain) {
    }

    /** Projects where the person is covered by a signature or a company (allowlists aside), and those they lost. */
    Standing of(long githubId, String login);
}
