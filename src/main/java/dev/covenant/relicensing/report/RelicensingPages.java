package dev.covenant.relicensing.report;

import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.api.FieldError;
import dev.covenant.relicensing.history.ImportJob;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout.Visitor;

/** The relicensing page of a repository; in the shell of {@code web/layout}, every value escaped by Qute. */
@CheckedTemplate(basePath = "relicensing", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
public class RelicensingPages {

    /** The most contributors the page lists; the CSV has them all. */
    static final int MAX_ROWS = 1000;

    /** What the report form was given, and what was wrong with it. */
    public record ReportQuery(String to, String at, String trivialLines, List<FieldError> errors) {

        public FieldError error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }

        /** The errors in words, for the summary above the form and beside each field. */
        public FormProblems problems() {
            FormProblems problems = FormProblems.form().field("to", "to", "Relicense under")
                    .field("at", "at", "As of").field("trivialLines", "trivialLines", "The limit for trivial commits");
            errors.forEach(e -> problems.reject(e.field(), e.message()));
            return problems;
        }

        public boolean asked() {
            return to != null && !to.isBlank() || at != null && !at.isBlank();
        }
    }

    /** The clone-import form: what was typed, and why it was refused. */
    public record ImportForm(String cloneUrl, String error) {

        static final ImportForm EMPTY = new ImportForm(null, null);
    }

    /** The page's links, encoded once in {@link ReportLinks}. */
    public record Links(String page, String csv, String startImport) {
    }

    /**
     * Everything the page shows. {@code report} is null until a target is asked for or when the form has errors;
     * for someone who does not maintain the repository it holds only their own row and no totals.
     */
    public record ReportPage(String repository, boolean maintainer, ReportQuery query, Report report,
            List<ImportJob> imports, ImportForm importForm, Links links, String githubWebUrl,
            BlockingFiles.Blocking blocking, Map<String, String> contacts) {

        /** Where to reach a blocking contributor (maintainers only), else empty. */
        public String contact(ContributorReport c) {
            return c.status().cleared() ? "" : contacts.getOrDefault(ContactEmails.key(c), "");
        }

        /**
         * Whether a consent campaign for this target reached a blocking contributor: they answered ("answered"),
         * it could not ("unreachable"), or nobody asked yet ("not yet"); empty for those cleared.
         */
        public String campaign(ContributorReport c) {
            if (c.status().cleared() && !c.status().answered()) {
                return "";
            }
            if (c.status() == RelicensingStatus.UNREACHABLE) {
                return "unreachable";
            }
            return c.status().answered() ? "answered" : "not yet";
        }

        public List<ContributorReport> rows() {
            List<ContributorReport> all = report.contributors();
            return all.size() <= MAX_ROWS ? all : all.subList(0, MAX_ROWS);
        }

        public boolean truncated() {
            return report.contributors().size() > MAX_ROWS;
        }

        public int maxRows() {
            return MAX_ROWS;
        }

        /**
         * The report's progress chart, the one a campaign's dashboard shows (with the newest campaign's answers), for
         * maintainers; null otherwise.
         */
        public ProgressChart chart() {
            if (report == null || report.totals() == null || report.totals().split() == null) {
                return null;
            }
            return ProgressChart.of(repository, null, report.target(), null,
                    ReportProgress.of(report.totals(), report.contributors()), null);
        }

        /** Whether an import is still under way, so that the page follows its progress. */
        public boolean following() {
            return imports.stream().anyMatch(j -> j.state().equals("QUEUED") || j.state().equals("RUNNING"));
        }

        public boolean failed() {
            return !query.errors().isEmpty() || importForm.error() != null;
        }
    }

    static native TemplateInstance report(Visitor visitor, ReportPage page);

    static native TemplateInstance signIn(Visitor visitor, String repository, String signInUrl);
}
