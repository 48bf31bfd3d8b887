package dev.covenant.relicensing.blame;

import java.util.List;

import dev.covenant.api.Csv;
import dev.covenant.relicensing.blame.VerdictModel.Blocker;
import dev.covenant.relicensing.blame.VerdictModel.FileVerdict;
import dev.covenant.relicensing.blame.VerdictModel.Verdicts;

/**
 * The per-file verdicts as CSV for a spreadsheet, most blocked files first: one line per file and blocker (a
 * cleared file has one line with no blocker), every cell quoted, formula-looking ones defused ({@link Csv}).
 */
final class VerdictCsv {

    static final String HEADER = "path,lines,lines_cleared,cleared,blocked_by,status,blocked_lines\r\n";

    private VerdictCsv() {
    }

    static String write(Verdicts verdicts) {
        StringBuilder out = new StringBuilder(64 * (verdicts.files().size() + 1)).append(HEADER);
        for (FileVerdict file : verdicts.files()) {
            if (file.blockedBy().isEmpty()) {
                out.append(row(file, null));
            }
            file.blockedBy().forEach(blocker -> out.append(row(file, blocker)));
        }
        return out.toString();
    }

    private static String row(FileVerdict file, Blocker blocker) {
        return String.join(",", List.of(Csv.cell(file.path()), Csv.cell(file.lines()), Csv.cell(file.linesCleared()),
                Csv.cell(file.cleared()), Csv.cell(blocker == null ? null : blocker.contributor()),
                Csv.cell(blocker == null ? null : blocker.status()),
                Csv.cell(blocker == null ? null : blocker.lines())))
                + "\r\n";
    }
}
