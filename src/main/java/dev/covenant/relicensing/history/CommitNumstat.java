package dev.covenant.relicensing.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What {@code git log --numstat --no-renames} prints for one commit, computed with JGit: the files changed against
 * the first parent (against nothing for a root commit), lines added and deleted by a Myers diff as git's default,
 * a rename as a deletion plus an addition, and no lines for a binary file. Merges get no files, as git log shows
 * them without {@code -m}.
 */
final class CommitNumstat implements AutoCloseable {

    private final DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE);

    CommitNumstat(Repository repository) {
        formatter.setRepository(repository);
        formatter.setDetectRenames(false);
        formatter.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS));
    }

    List<FileChange> of(RevCommit commit) throws IOException {
        if (commit.getParentCount() > 1) {
            return List.of();
        }
        RevCommit parent = commit.getParentCount() == 0 ? null : commit.getParent(0);
        List<FileChange> files = new ArrayList<>();
        for (DiffEntry entry : formatter.scan(parent == null ? null : parent.getTree(), commit.getTree())) {
            String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE
                    ? entry.getOldPath()
                    : entry.getNewPath();
            FileHeader header = formatter.toFileHeader(entry);
            if (header.getPatchType() != FileHeader.PatchType.UNIFIED) {
                files.add(FileChange.binary(path));
                continue;
            }
            int added = 0;
            int deleted = 0;
            for (Edit edit : header.toEditList()) {
                added += edit.getLengthB();
                deleted += edit.getLengthA();
            }
            files.add(FileChange.text(path, added, deleted));
        }
        return files;
    }

    @Override
    public void close() {
        formatter.close();
    }
}
