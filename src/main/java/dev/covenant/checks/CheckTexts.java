package dev.covenant.checks;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.project.ProjectMode;

/**
 * The Markdown people read on GitHub: the check run's summary and the pull request's comment, from Qute templates
 * in {@code templates/checks/}. Everything that came from a commit (names, addresses) passes through {@link #md}
 * or {@link #code}, so no author can inject links, images, tables or mentions.
 */
@CheckedTemplate(basePath = "checks")
public class CheckTexts {

    /** The hidden line that finds Covenant's comment among a pull request's comments. */
    public static final String COMMENT_MARKER = "<!-- covenant:cla-comment -->";

    /** The hidden line that names the text a contributor signs by commenting; {@code %s} is its SHA-256. */
    public static final String SIGN_MARKER = "<!-- covenant:sign-by-comment sha256=%s -->";
    /** GitHub refuses a comment over 65,536 characters: a few lines of each commit are plenty to act on. */
    static final int LISTED_COMMITS = 100;

    /**
     * What a check run or comment says about one evaluation. {@code askedVersion}: the version the project asks for
     * now, as "2.0"; null when none. {@code commentSigning}: null unless contributors may sign by comment.
     * {@code mode}: what clears a contributor; in {@code DCO} mode, {@code unsignedCommits} lack their author's
     * sign-off. {@code rebaseBase} is where {@code git rebase --signoff} starts, shown in {@code DCO} and
     * {@code CLA_OR_DCO} mode.
     */
    public record Report(String subject, String agreementTitle, String signUrl, String recheckPhrase, String checkName,
            CheckResult result, List<Line> lines, String askedVersion, CommentSigning commentSigning,
            ProjectMode mode, List<CommitLine> unsignedCommits, String rebaseBase) {
        public boolean dco() {
            return mode == ProjectMode.DCO;
        }

        /** The unsigned commits a text lists: the first {@value #LISTED_COMMITS}, so that a comment stays postable. */
        public List<CommitLine> listedCommits() {
            return unsignedCommits.subList(0, Math.min(LISTED_COMMITS, unsignedCommits.size()));
        }

        /** How many unsigned commits are not listed. */
        public int unlistedCommits() {
            return unsignedCommits.size() - listedCommits().size();
        }

        /** A contributor may sign the agreement or sign off their commits. */
        public boolean either() {
            return mode == ProjectMode.CLA_OR_DCO;
        }

        public boolean passed() {
            return result.passed();
        }

        public List<Line> missing() {
            return lines.stream().filter(l -> !l.covered()).toList();
        }

        public String marker() {
            return COMMENT_MARKER;
        }
    }

    /** The phrase that signs by comment, and the SHA-256 of the version's text a comment now signs. */
    public record CommentSigning(String phrase, String sha256) {

        public String marker() {
            return SIGN_MARKER.formatted(sha256);
        }
    }

    /**
     * One contributor: {@code login} only for accounts GitHub linked, safe to mention; {@code signedSeries} ("1.x")
     * when what they signed was superseded by a new major version the project now asks for, else null.
     */
    public record Line(String name, String login, String email, String status, String detail, boolean covered,
            boolean unknownEmail, List<String> shortShas, String signedSeries) {

        public boolean hasLogin() {
            return login != null;
        }

        public boolean signAgain() {
            return signedSeries != null;
        }
    }

    /** A commit without its author's sign-off: its short sha, title and author as git names them. */
    public record CommitLine(String shortSha, String title, String author) {
    }

    static native TemplateInstance title(Report report);

    static native TemplateInstance summary(Report report);

    static native TemplateInstance comment(Report report);

    static native TemplateInstance dcoTitle(Report report);

    static native TemplateInstance dcoSummary(Report report);

    static native TemplateInstance dcoComment(Report report);

    /** The check run's title, by the project's mode. */
    static TemplateInstance titleOf(Report report) {
        return report.dco() ? dcoTitle(report) : title(report);
    }

    /** The check run's summary, by the project's mode. */
    static TemplateInstance summaryOf(Report report) {
        return report.dco() ? dcoSummary(report) : summary(report);
    }

    /** The pull request's comment, by the project's mode. */
    static TemplateInstance commentOf(Report report) {
        return report.dco() ? dcoComment(report) : comment(report);
    }

    static native TemplateInstance noProject(String repository);

    static native TemplateInstance unlinkedRequired(String repository, String recheckPhrase);

    static native TemplateInstance superseded(String headSha, String subject);

    static native TemplateInstance mergeGroupPassed(int number);

    static native TemplateInstance gaveUp(String subject, int attempts, String state, String error,
            String recheckPhrase);

    /** Markdown-escapes free text: no emphasis, links, images, HTML, table breaks or mentions survive. */
    @TemplateExtension
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~', '>', '<', '&',
                        '=' ->
                    out.append('\\').append(c);
                // A word joiner after '@' keeps GitHub from turning "@someone" in a commit's author name into a mention.
                case '@' -> out.append("@\u2060");
                case '\r', '\n', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Inline code, for addresses people copy: backticks and line breaks cannot break out of it. */
    @TemplateExtension
    static String code(String text) {
        String clean = text == null ? "" : text.replaceAll("[`\\r\\n]", "");
        return "`` " + clean + " ``";
    }
}
