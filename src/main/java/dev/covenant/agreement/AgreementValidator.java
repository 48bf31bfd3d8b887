package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.covenant.api.FieldError;

/** Checks agreement input field by field, so that one answer names everything that is wrong. */
public final class AgreementValidator {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int MAX_TEXT = 512 * 1024;

    private AgreementValidator() {
    }

    public static List<FieldError> checkAgreement(AgreementRequests.NewAgreement request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            return List.of(new FieldError("body", "is required"));
        }
        if (request.slug() == null || !SLUG.matcher(request.slug()).matches()) {
            errors.add(new FieldError("slug",
                    "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit"));
        }
        if (request.title() == null || request.title().isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else if (request.title().length() > 200) {
            errors.add(new FieldError("title", "must be at most 200 characters"));
        }
        if (request.kind() == null) {
            errors.add(new FieldError("kind", "is required: INDIVIDUAL or CORPORATE"));
        }
        if (request.firstVersion() != null) {
            checkVersion("firstVersion.", request.firstVersion(), Optional.empty(), errors);
        }
        return errors;
    }

    /** Checks a new version against the agreement's latest one, if there is one. */
    public static List<FieldError> checkVersion(AgreementRequests.NewVersion request,
            Optional<AgreementVersion> latest) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            return List.of(new FieldError("body", "is required"));
        }
        checkVersion("", request, latest, errors);
        return errors;
    }

    private static void checkVersion(String prefix, AgreementRequests.NewVersion request,
            Optional<AgreementVersion> latest,
            List<FieldError> errors) {
        Optional<SemanticVersion> version = SemanticVersion.parse(request.version());
        if (version.isEmpty()) {
            errors.add(
                    new FieldError(prefix + "version", "must be a semantic version MAJOR.MINOR.PATCH, such as 1.0.0"));
        } else if (latest.isPresent() && version.get().compareTo(latest.get().semanticVersion()) <= 0) {
            errors.add(new FieldError(prefix + "version",
                    "must be greater than the latest published version " + latest.get().version));
        }
        if (request.text() == null || request.text().isBlank()) {
            errors.add(new FieldError(prefix + "text", "is required and may not be empty"));
        } else if (request.text().length() > MAX_TEXT) {
            errors.add(new FieldError(prefix + "text", "must be at most " + MAX_TEXT + " characters"));
        } else if (latest.isPresent() && latest.get().sha256.equals(TextHash.of(request.text()))) {
            errors.add(new FieldError(prefix + "text",
                    "is identical to version " + latest.get().version + "; a new version needs a new text"));
        }
        checkTerms(prefix + "terms.", request.terms(), errors);
        checkFields(prefix + "fields", request.fields(), errors);
    }

    private static void checkFields(String prefix, List<FormField> fields, List<FieldError> errors) {
        if (fields == null) {
            return;
        }
        if (fields.size() > 30) {
            errors.add(new FieldError(prefix, "may hold at most 30 fields"));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            String at = prefix + "[" + i + "]";
            if (field == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            if (field.name() == null || !FormField.NAME.matcher(field.name()).matches()) {
                errors.add(new FieldError(at + ".name",
                        "must be 1-40 lower-case letters, digits or underscores, starting with a letter"));
            } else if (!names.add(field.name())) {
                errors.add(new FieldError(at + ".name", "'" + field.name() + "' is used twice"));
            }
            if (field.label() == null || field.label().isBlank() || field.label().length() > 200) {
                errors.add(new FieldError(at + ".label", "is required, at most 200 characters"));
            }
            if (field.type() == null) {
                errors.add(new FieldError(at + ".type",
                        "is required: one of " + java.util.Arrays.toString(FormField.Type.values())));
            }
        }
    }

    private static void checkTerms(String prefix, AgreementRequests.Terms terms, List<FieldError> errors) {
        if (terms == null) {
            errors.add(new FieldError(prefix.substring(0, prefix.length() - 1), "are required"));
            return;
        }
        if (terms.grant() == null) {
            errors.add(new FieldError(prefix + "grant", "is required: LICENSE, EXCLUSIVE_LICENSE or ASSIGNMENT"));
        }
        requireFlag(prefix + "sublicensable", terms.sublicensable(), errors);
        requireFlag(prefix + "coversPriorContributions", terms.coversPriorContributions(), errors);
        requireFlag(prefix + "patentGrant", terms.patentGrant(), errors);
        if (terms.outboundPolicy() == null) {
            errors.add(new FieldError(prefix + "outboundPolicy", "is required"));
            return;
        }
        List<String> listed = terms.outboundLicenses() == null ? List.of() : terms.outboundLicenses();
        if (terms.outboundPolicy().needsList() && listed.isEmpty()) {
            errors.add(new FieldError(prefix + "outboundLicenses",
                    "must list at least one SPDX license id for " + terms.outboundPolicy()));
        }
        if (!terms.outboundPolicy().needsList() && !listed.isEmpty()) {
            errors.add(new FieldError(prefix + "outboundLicenses", "must be empty for " + terms.outboundPolicy()));
        }
        for (int i = 0; i < listed.size(); i++) {
            String id = listed.get(i);
            String field = prefix + "outboundLicenses[" + i + "]";
            if (id == null || id.isBlank()) {
                errors.add(new FieldError(field, "is empty"));
            } else if (!id.startsWith("LicenseRef-") && SpdxLicenses.standard().find(id).isEmpty()) {
                errors.add(new FieldError(field, "'" + id + "' is not an SPDX license id",
                        SpdxLicenses.standard().closest(id, 5)));
            } else {
                listedTerm(field, id, errors);
            }
        }
    }

    /** A LicenseRef must name something ({@code LicenseRef-} alone does not) and be one term, as terms are kept. */
    private static void listedTerm(String field, String id, List<FieldError> errors) {
        try {
            ListedLicenses.term(id);
        } catch (SpdxParseException e) {
            errors.add(new FieldError(field, e.getMessage(), e.suggestions()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }

    private static void requireFlag(String field, Boolean value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: true or false"));
        }
    }
}
