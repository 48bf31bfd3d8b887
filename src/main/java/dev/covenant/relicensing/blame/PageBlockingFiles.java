package dev.covenant.relicensing.blame;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.blame.VerdictModel.Blocker;
import dev.covenant.relicensing.blame.VerdictModel.FileVerdict;
import dev.covenant.relicensing.report.BlockingFiles;
import dev.covenant.relicensing.report.ReportModel.Report;

/** The relicensing page's blocking files: the per-file verdicts of the newest finished blame, blocked ones only. */
@ApplicationScoped
public class PageBlockingFiles implements BlockingFiles {

    private static final Comparator<BlockingFile> MOST_BLOCKED = Comparator
            .comparingLong(BlockingFile::blockedLines).reversed().thenComparing(BlockingFile::path);

    private final FileVerdictService verdicts;

    PageBlockingFiles(FileVerdictService verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public Optional<Blocking> of(String owner, String repo, Report report, int limit) {
        return verdicts.verdicts(RepositoryName.of(owner, repo), report, null).map(v -> {
            List<BlockingFile> blocking = v.files().stream().filter(f -> !f.cleared()).map(PageBlockingFiles::file)
                    .sorted(MOST_BLOCKED).toList();
            return new Blocking(v.revision(), blocking.size(), blocking.subList(0, Math.min(limit, blocking.size())));
        });
    }

    private static BlockingFile file(FileVerdict f) {
        return new BlockingFile(f.path(), f.lines() - f.linesCleared(), f.blockedBy().stream()
                .sorted(Comparator.comparingLong(Blocker::lines).reversed()).map(Blocker::contributor).toList());
    }
}
