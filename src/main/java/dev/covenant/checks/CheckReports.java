package dev.covenant.checks;

import java.util.List;

/** Turns a check's verdict into what its texts show. */
final class CheckReports {

    private CheckReports() {
    }

    static CheckTexts.Report report(String subject, String agreementTitle, String signUrl, String recheckPhrase,
            String checkName, CheckResult result) {
        List<CheckTexts.Line> lines = result.rows().stream().map(CheckReports::line).toList();
        return new CheckTexts.Report(subject, agreementTitle, signUrl, recheckPhrase, checkName, result, lines);
    }

    private static CheckTexts.Line line(CheckResult.Row row) {
        Contributor c = row.contributor();
        boolean unknownEmail = row.status() == CheckResult.Status.UNKNOWN_EMAIL;
        String status = switch (row.status()) {
            case COVERED -> "✅ covered";
            case NOT_COVERED -> "❌ not covered";
            case UNKNOWN_EMAIL -> "❓ unknown e-mail";
        };
        // Addresses are shown only where they are all there is to go on.
        String email = c.kind() == Contributor.Kind.EMAIL_ONLY ? c.email() : null;
        List<String> shas = c.shas().stream().limit(5).map(s -> s.length() > 7 ? s.substring(0, 7) : s).toList();
        return new CheckTexts.Line(c.displayName(), c.login(), email, status, row.detail(),
                row.status() == CheckResult.Status.COVERED,
                unknownEmail, shas);
    }
}
