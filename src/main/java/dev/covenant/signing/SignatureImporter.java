package dev.covenant.signing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.github.GitHubDirectory;
import dev.covenant.ledger.Ledger;

/**
 * Imports signatures made elsewhere as signatures of one agreement version, each dated as recorded and carrying its
 * source (the file's SHA-256, its place in the file, the original record) in its row and its ledger entry. All or
 * nothing: a file with a malformed record or a login GitHub does not know imports nothing. Idempotent: a person who
 * already holds an active signature of the version (imported or not) is counted as present and left alone, so the
 * same file twice adds nothing the second time. Logins are looked up on GitHub before the transaction begins.
 */
@ApplicationScoped
public class SignatureImporter {

    private static final Logger LOG = Logger.getLogger(SignatureImporter.class);
    /** The most problems one answer lists; the counts are always whole. */
    static final int LISTED = 100;

    /** A login GitHub does not know, where the file names it. */
    public record UnknownLogin(String place, String login) {
    }

    /** What an import did, or (dry run) would do. */
    public record Outcome(String file, String format, String agreement, String version, boolean dryRun, int records,
            int added, int alreadyPresent, int duplicates, int unknownLogins, int malformed,
            List<UnknownLogin> unknown, List<SignatureImportFile.Malformed> problems) {
    }

    private final SignatureImportWriter writer;
    private final Ledger ledger;
    private final GitHubDirectory github;

    SignatureImporter(SignatureImportWriter writer, Ledger ledger, GitHubDirectory github) {
        this.writer = writer;
        this.ledger = ledger;
        this.github = github;
    }

    /** Imports (or with {@code dryRun} counts) the file's signatures; a 400 when it cannot be imported as a whole. */
    public Outcome importFile(String slug, String version, String fileSha256, SignatureImportFile.Parsed parsed,
            boolean dryRun) {
        long versionId = QuarkusTransaction.requiringNew().call(() -> {
            Agreement agreement = Agreement.findBySlug(slug)
                    .orElseThrow(() -> new NotFoundProblem("No agreement '" + slug + "'"));
            return AgreementVersion.find(agreement, version)
                    .orElseThrow(() -> new NotFoundProblem("Agreement '" + slug + "' has no version " + version)).id;
        });

        // GitHub first, with no transaction open: who each login is.
        Map<String, Optional<GitHubDirectory.User>> logins = new HashMap<>();
        List<UnknownLogin> unknown = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (SignatureImportFile.Entry e : parsed.entries()) {
            if (e.githubId() != null) {
                resolved.add(new Resolved(e, e.githubId(), e.login()));
                continue;
            }
            Optional<GitHubDirectory.User> user = logins.computeIfAbsent(e.login().toLowerCase(), l -> github.user(l));
            if (user.isEmpty()) {
                unknown.add(new UnknownLogin(e.place(), e.login()));
            } else {
                resolved.add(new Resolved(e, user.get().id(), user.get().login()));
            }
        }
        if (parsed.unreadable() || (!dryRun && (!parsed.malformed().isEmpty() || !unknown.isEmpty()))) {
            List<FieldError> errors = new ArrayList<>();
            parsed.malformed().stream().limit(LISTED).forEach(m -> errors.add(new FieldError(m.place(), m.reason())));
            unknown.stream().limit(LISTED).forEach(
                    u -> errors.add(new FieldError(u.place(), "GitHub knows no user " + u.login())));
            throw new InvalidInputException(errors);
        }

        long started = System.nanoTime();
        long[] written = new long[1];
        Outcome outcome = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            if (!dryRun) {
                // Every signature is written under the ledger's lock: taken first, nobody signs between the look
                // below and the writing.
                ledger.lock();
            }
            Set<Long> present = new HashSet<>(Signature.getEntityManager()
                    .createQuery("select s.githubId from Signature s where s.version.id = ?1 and s.revokedAt is null",
                            Long.class)
                    .setParameter(1, versionId).getResultList());
            Map<Long, Resolved> fresh = new LinkedHashMap<>();
            int alreadyPresent = 0;
            int duplicates = 0;
            for (Resolved r : resolved) {
                if (present.contains(r.githubId())) {
                    alreadyPresent++;
                } else if (fresh.putIfAbsent(r.githubId(), r) != null) {
                    duplicates++;
                }
            }
            if (!dryRun) {
                write(new ArrayList<>(fresh.values()), AgreementVersion.findById(versionId), fileSha256,
                        parsed.format());
                written[0] = System.nanoTime();
            }
            return new Outcome(fileSha256, parsed.format(), slug, version, dryRun, parsed.entries().size()
                    + parsed.malformed().size(), fresh.size(), alreadyPresent, duplicates, unknown.size(),
                    parsed.malformed().size(), unknown.stream().limit(LISTED).toList(),
                    parsed.malformed().stream().limit(LISTED).toList());
        });
        if (!dryRun) {
            long now = System.nanoTime();
            LOG.infof("Imported %d signatures of %s %s from %s file %s (%d present already, %d duplicates) in %d ms,"
                    + " of which the commit took %d ms", outcome.added(), slug, version, parsed.format(), fileSha256,
                    outcome.alreadyPresent(), outcome.duplicates(), (now - started) / 1_000_000,
                    (now - written[0]) / 1_000_000);
        }
        return outcome;
    }

    private void write(List<Resolved> fresh, AgreementVersion version, String fileSha256, String format) {
        Map<Long, String> logins = new HashMap<>();
        List<SigningRequest> requests = new ArrayList<>(fresh.size());
        for (Resolved r : fresh) {
            logins.put(r.githubId(), r.login());
            ObjectNode source = JsonNodeFactory.instance.objectNode();
            source.put("file", fileSha256);
            source.put("format", format);
            source.put("place", r.entry().place());
            // The record is in canonical form already: the source's text takes it as it is.
            source.putRawValue("record", new RawValue(r.entry().original()));
            requests.add(new SigningRequest(r.githubId(), version.id, r.entry().answers(), new Origin(null, null),
                    r.entry().signedAt(), source));
        }
        writer.write(version, requests, logins);
    }

    private record Resolved(SignatureImportFile.Entry entry, long githubId, String login) {
    }
}
