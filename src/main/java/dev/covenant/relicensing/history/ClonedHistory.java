package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.GitIdent;
import dev.covenant.identity.Mailmap;

/**
 * The history of a repository's HEAD, read with JGit into the same {@link ParsedCommit}s that {@link GitLogParser}
 * reads from {@code git log --numstat --pretty=fuller --no-renames --use-mailmap}: names and addresses through the
 * {@code .mailmap} at HEAD, co-authors from the message, numstat from {@link CommitNumstat}. Each commit's body is
 * dropped once read, so memory grows only by JGit's small per-commit bookkeeping.
 */
public final class ClonedHistory implements Iterator<ParsedCommit>, AutoCloseable {

    private final RevWalk walk;
    private final CommitNumstat numstat;
    private final Mailmap mailmap;
    private RevCommit next;

    /** The {@code .mailmap} at HEAD, which names and addresses went through. */
    public Mailmap mailmap() {
        return mailmap;
    }

    private ClonedHistory(Repository repository, ObjectId head) throws IOException {
        this.walk = new RevWalk(repository);
        this.numstat = new CommitNumstat(repository);
        RevCommit start = walk.parseCommit(head);
        this.mailmap = mailmapAt(repository, start.getTree());
        walk.markStart(start);
    }

    /** The commits reachable from HEAD; none for an empty repository. */
    public static ClonedHistory ofHead(Repository repository) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        return head == null ? null : new ClonedHistory(repository, head);
    }

    /** How many commits HEAD reaches, counted without reading their contents. */
    public static long count(Repository repository) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return 0;
        }
        try (RevWalk counter = new RevWalk(repository)) {
            counter.setRetainBody(false);
            counter.markStart(counter.parseCommit(head));
            long count = 0;
            while (counter.next() != null) {
                count++;
            }
            return count;
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = walk.next();
            } catch (IOException e) {
                throw new UncheckedIOException("walking the cloned history failed", e);
            }
        }
        return next != null;
    }

    @Override
    public ParsedCommit next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the history has no more commits");
        }
        RevCommit commit = next;
        next = null;
        try {
            for (RevCommit parent : commit.getParents()) {
                walk.parseHeaders(parent);
            }
            ParsedCommit parsed = parsed(commit);
            commit.disposeBody();
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("reading commit " + commit.name() + " failed", e);
        }
    }

    private ParsedCommit parsed(RevCommit commit) throws IOException {
        List<String> mergeParents = commit.getParentCount() < 2
                ? List.of()
                : Arrays.stream(commit.getParents()).map(p -> p.abbreviate(7).name()).toList();
        PersonIdent author = commit.getAuthorIdent();
        PersonIdent committer = commit.getCommitterIdent();
        String message = commit.getFullMessage().stripTrailing();
        List<String> parents = Arrays.stream(commit.getParents()).map(ObjectId::name).toList();
        return new ParsedCommit(commit.name(), parents, mergeParents, ident(author),
                new GitIdent(author.getName(), author.getEmailAddress()), date(author), ident(committer),
                date(committer), message, CoAuthors.parse(message), numstat.of(commit));
    }

    private GitIdent ident(PersonIdent person) {
        return mailmap.resolve(person.getName(), person.getEmailAddress());
    }

    private static OffsetDateTime date(PersonIdent person) {
        return OffsetDateTime.ofInstant(person.getWhenAsInstant(), person.getZoneOffset());
    }

    /** The text of the {@code .mailmap} at a commit; null when it has none. */
    public static String mailmapTextAt(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk file = TreeWalk.forPath(repository, ".mailmap", walk.parseCommit(commit).getTree())) {
            if (file == null) {
                return null;
            }
            return new String(repository.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The {@code .mailmap} of a tree; an empty one when it has none. */
    public static Mailmap mailmapAt(Repository repository, RevTree tree) throws IOException {
        try (TreeWalk file = TreeWalk.forPath(repository, ".mailmap", tree)) {
            if (file == null) {
                return Mailmap.parse("");
            }
            try (InputStream in = repository.open(file.getObjectId(0)).openStream()) {
                return Mailmap.read(in);
            }
        }
    }

    @Override
    public void close() {
        numstat.close();
        walk.close();
    }
}
