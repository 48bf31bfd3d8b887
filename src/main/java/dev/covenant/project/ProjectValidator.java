package dev.covenant.project;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.FormField;
import dev.covenant.agreement.SemanticVersion;
import dev.covenant.agreement.SpdxExpression;
import dev.covenant.agreement.SpdxParseException;
import dev.covenant.api.FieldError;

/** Field-by-field checks of project input; the agreement's existence is checked by the service. */
final class ProjectValidator {

    // GitHub's own rules: owners are alphanumeric with single dashes, repositories also allow '.' and '_'.
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private ProjectValidator() {
    }

    static void checkNew(ProjectRequests.NewProject request, List<FieldError> errors) {
        if (request.owner() == null || !OWNER.matcher(request.owner()).matches()) {
            errors.add(new FieldError("owner", "must be a GitHub user or organisation name"));
        }
        if (request.repo() != null && !request.repo().isEmpty()
                && (!REPO.matcher(request.repo()).matches() || request.repo().equals(".")
                        || request.repo().equals(".."))) {
            errors.add(new FieldError("repo",
                    "must be a GitHub repository name, or empty for every repository of the owner"));
        }
        if (request.agreement() == null || request.agreement().isBlank()) {
            errors.add(new FieldError("agreement", "is required: the slug of the agreement contributors sign"));
        }
        checkSettings(request.settings(), errors);
        if (request.licenses() != null) {
            for (int i = 0; i < request.licenses().size(); i++) {
                checkLicense("licenses[" + i + "].", request.licenses().get(i), errors);
            }
        }
    }

    static void checkSettings(ProjectRequests.Settings settings, List<FieldError> errors) {
        if (settings.accepts() == AcceptancePolicy.SINCE && SemanticVersion.parse(settings.acceptsSince()).isEmpty()) {
            errors.add(new FieldError("acceptsSince", "must be a version MAJOR.MINOR.PATCH when accepts is SINCE"));
        }
        if (settings.accepts() != AcceptancePolicy.SINCE && settings.acceptsSince() != null) {
            errors.add(new FieldError("acceptsSince", "is only meaningful when accepts is SINCE"));
        }
        if (settings.mode() != null && ProjectMode.named(settings.mode()).isEmpty()) {
            errors.add(new FieldError("mode", "must be CLA, DCO or CLA_OR_DCO", ProjectMode.names()));
        }
        String phrase = settings.signByCommentPhrase();
        // Shown as inline code in the check's comment: no line break or backtick may cut it short.
        if (phrase != null && (phrase.isBlank() || phrase.strip().length() > 200
                || phrase.strip().chars().anyMatch(c -> c == '`' || Character.isISOControl(c)))) {
            errors.add(
                    new FieldError("signByCommentPhrase", "must be one line of 1-200 characters, without backticks"));
        }
        if (settings.allowlist() != null) {
            if (settings.allowlist().size() > 200) {
                errors.add(new FieldError("allowlist", "may hold at most 200 patterns"));
            }
            for (int i = 0; i < settings.allowlist().size(); i++) {
                if (!Allowlist.isValidPattern(settings.allowlist().get(i))) {
                    errors.add(new FieldError("allowlist[" + i + "]",
                            "must be 1-100 characters of a GitHub login, with * and ? as wildcards"));
                }
            }
        }
    }

    /**
     * Signing by comment fills in no form, so it is allowed only for an agreement whose versions the project accepts
     * ask for no required field.
     */
    static void checkSignByComment(ProjectRequests.Settings settings, List<AgreementVersion> accepted,
            List<FieldError> errors) {
        if (!Boolean.TRUE.equals(settings.signByComment())) {
            return;
        }
        List<String> asking = accepted.stream()
                .filter(v -> v.formFields().stream().anyMatch(FormField::required)).map(v -> v.version).toList();
        if (!asking.isEmpty()) {
            errors.add(new FieldError("signByComment", "is only allowed for an agreement without required form"
                    + " fields; versions " + String.join(", ", asking) + " ask for some: contributors sign those on"
                    + " the signing page"));
        }
    }

    static void checkLicense(String prefix, ProjectRequests.NewLicense license, List<FieldError> errors) {
        if (license == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "is required"));
            return;
        }
        try {
            if (license.from() == null) {
                errors.add(new FieldError(prefix + "from", "is required: an ISO date such as 2011-09-01"));
            } else {
                LocalDate.parse(license.from());
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(prefix + "from", "must be an ISO date such as 2011-09-01"));
        }
        if (license.spdx() == null || license.spdx().isBlank()) {
            errors.add(new FieldError(prefix + "spdx", "is required: an SPDX license expression"));
            return;
        }
        try {
            SpdxExpression.parse(license.spdx());
        } catch (SpdxParseException e) {
            errors.add(new FieldError(prefix + "spdx", e.getMessage(), e.suggestions()));
        }
    }
}
