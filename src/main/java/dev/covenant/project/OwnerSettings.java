package dev.covenant.project;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;

/**
 * What an organisation (or user account) decided for all its repositories: the conclusion of the check on a
 * repository that no project governs, {@code neutral} by default (it passes a required check) or
 * {@code action_required} (it fails closed until the repository is linked).
 */
@ApplicationScoped
public class OwnerSettings {

    public static final String NEUTRAL = "neutral";
    public static final String ACTION_REQUIRED = "action_required";
    static final Set<String> UNLINKED_CONCLUSIONS = Set.of(NEUTRAL, ACTION_REQUIRED);

    /** An owner's settings as the API shows them. */
    public record View(String owner, String unlinkedConclusion) {
    }

    private final Database db;
    private final Clock clock;

    OwnerSettings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public View of(String owner) {
        String key = owner.toLowerCase(Locale.ROOT);
        String conclusion = db.autocommit("reading the settings of " + owner,
                c -> Rows.first(c, "SELECT unlinked_conclusion FROM owner_setting WHERE owner = ?",
                        rs -> rs.getString(1), key))
                .orElse(NEUTRAL);
        return new View(key, conclusion);
    }

    /** The conclusion of the check on {@code repository} ({@code owner/name}) when no project governs it. */
    public String unlinkedConclusion(String repository) {
        int slash = repository.indexOf('/');
        return of(slash < 0 ? repository : repository.substring(0, slash)).unlinkedConclusion();
    }

    View set(String owner, String unlinkedConclusion) {
        String key = owner.toLowerCase(Locale.ROOT);
        db.committed("setting the settings of " + owner, c -> Rows.update(c,
                "INSERT INTO owner_setting (owner, unlinked_conclusion, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (owner) DO UPDATE SET unlinked_conclusion = excluded.unlinked_conclusion,"
                        + " updated_at = excluded.updated_at",
                key, unlinkedConclusion, clock.instant()));
        return new View(key, unlinkedConclusion);
    }
}
