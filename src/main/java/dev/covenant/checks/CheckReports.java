package dev.covenant.checks;

import java.util.List;

import dev.covenant.coverage.Coverage;
import dev.covenant.github.CommitInfo;
import dev.covenant.project.ProjectMode;

/** Turns a check's verdict into what its texts show. */
final class CheckReports {

    private CheckReports() {
    }

    /** {@code askedVersion} is the version of the agreement the project asks for now (null when none). */
    static CheckTexts.Report report(String subject, String agreementTitle, String signUrl, String recheckPhrase,
            String checkName, CheckResult result, String askedVersion) {
        return report(subject, agreementTitle, signUrl, recheckPhrase, checkName, result, askedVersion, null,
                ProjectMode.CLA, List.of(), null);
    }

    /**
     * As above, for a project in {@code mode}: {@code commentSigning} when contributors may sign by comment (then a
     * version is asked for); {@code unsigned} lack a sign-off, {@code rebaseBase} is their base.
     */
    static CheckTexts.Report report(String subject, String agreementTitle, String signUrl, String recheckPhrase,
            String checkName, CheckResult result, String askedVersion, CheckTexts.CommentSigning commentSigning,
            ProjectMode mode, List<CommitInfo> unsigned, String rebaseBase) {
        List<CheckTexts.Line> lines = result.rows().stream().map(CheckReports::line).toList();
        List<CheckTexts.CommitLine> commits = unsigned.stream()
                .map(c -> new CheckTexts.CommitLine(shortSha(c.sha()), c.title(), c.author().name())).toList();
        return new CheckTexts.Report(subject, agreementTitle, signUrl, recheckPhrase, checkName, result, lines,
                askedVersion == null ? null : majorMinor(askedVersion), askedVersion == null ? null : commentSigning,
                mode, commits,
                rebaseBase != null && rebaseBase.matches("[0-9a-fA-F]{7,64}") ? rebaseBase : "<base>");
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /** "2.0" for 2.0.0: the version as a person names it. */
    static String majorMinor(String version) {
        int second = version.indexOf('.', version.indexOf('.') + 1);
        return second < 0 ? version : version.substring(0, second);
    }

    /** "1.x" for 1.4.2: the series a person signed, of which no version counts any more. */
    static String series(String version) {
        int first = version.indexOf('.');
        return (first < 0 ? version : version.substring(0, first)) + ".x";
    }

    private static CheckTexts.Line line(CheckResult.Row row) {
        Contributor c = row.contributor();
        boolean unknownEmail = row.status() == CheckResult.Status.UNKNOWN_EMAIL;
        String status = switch (row.status()) {
            case COVERED -> row.coverage().by() == Coverage.By.SIGN_OFF ? "✅ signed off" : "✅ covered";
            case NOT_COVERED -> "❌ not covered";
            case UNKNOWN_EMAIL -> "❓ unknown e-mail";
        };
        // Addresses are shown only where they are all there is to go on.
        String email = c.kind() == Contributor.Kind.EMAIL_ONLY ? c.email() : null;
        List<String> shas = c.shas().stream().limit(5).map(CheckReports::shortSha).toList();
        // Coverage says which version they hold when a new major one superseded it; the texts only word it.
        String signedSeries = row.coverage().mustSignNewVersion() ? series(row.coverage().heldVersion()) : null;
        return new CheckTexts.Line(c.displayName(), c.login(), email, status, row.detail(),
                row.status() == CheckResult.Status.COVERED,
                unknownEmail, shas, signedSeries);
    }
}
