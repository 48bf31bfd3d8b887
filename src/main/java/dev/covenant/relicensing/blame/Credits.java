package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.Mailmap;

/**
 * Who a commit's surviving lines are credited to: its author after the {@code .mailmap} (ours, the one the history
 * was imported with, never git's), lower-cased, its {@code Co-authored-by:} addresses, and its author date, as the
 * history import stores it ({@code authored_at}), since the report judges each commit by it. Not thread-safe: one
 * thread turns every file's source commits into credits.
 */
final class Credits implements AutoCloseable {

    /** Credits of the commits seen lately: a file's lines mostly come from a few commits, and so do its neighbours'. */
    private static final int REMEMBERED_COMMITS = 10_000;

    private final RevWalk walk;
    private final Mailmap mailmap;
    private final Map<ObjectId, LineCredit> credits = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, LineCredit> eldest) {
            return size() > REMEMBERED_COMMITS;
        }
    };

    Credits(Repository repository, Mailmap mailmap) {
        this.walk = new RevWalk(repository);
        this.mailmap = mailmap;
    }

    /** A file's lines per source commit, counted per credit instead (commits of the same credit summed). */
    Map<LineCredit, Long> of(Map<ObjectId, Long> sources) throws IOException {
        Map<LineCredit, Long> lines = new java.util.HashMap<>();
        for (Map.Entry<ObjectId, Long> source : sources.entrySet()) {
            lines.merge(credit(source.getKey()), source.getValue(), Long::sum);
        }
        return lines;
    }

    private LineCredit credit(ObjectId id) throws IOException {
        LineCredit known = credits.get(id);
        if (known != null) {
            return known;
        }
        RevCommit source = walk.parseCommit(id);
        PersonIdent author = source.getAuthorIdent();
        String email = mailmap.resolve(author.getName(), author.getEmailAddress()).email().toLowerCase(Locale.ROOT);
        LineCredit credit = new LineCredit(email, CoAuthors.parse(source.getFullMessage()).stream()
                .map(CoAuthors.CoAuthor::email).filter(e -> !e.equals(email)).distinct().sorted().toList(),
                author.getWhenAsInstant());
        // The walk would keep every parsed commit with its message: forget it, the credit is what is needed.
        walk.dispose();
        credits.put(id.copy(), credit);
        return credit;
    }

    @Override
    public void close() {
        walk.close();
    }
}
