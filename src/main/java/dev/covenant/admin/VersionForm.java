package dev.covenant.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.covenant.agreement.AgreementRequests;
import dev.covenant.agreement.AgreementValidator;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.GrantType;
import dev.covenant.agreement.OutboundPolicy;
import dev.covenant.agreement.SemanticVersion;

/**
 * The publish form read into the API's {@link AgreementRequests.NewVersion}: the version number follows the chosen
 * bump when left empty, and must agree with it when typed. The form fields of the version before are kept.
 */
final class VersionForm {

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("version", "Version"),
            Map.entry("bump", "Kind of change"), Map.entry("text", "Text"), Map.entry("grant", "Grant"),
            Map.entry("sublicensable", "Sublicensable"),
            Map.entry("coversPriorContributions", "Covers earlier contributions"),
            Map.entry("patentGrant", "Patent grant"), Map.entry("outboundPolicy", "Relicensing policy"),
            Map.entry("outboundLicenses", "Listed licenses"));

    /** The form read and checked: the request to publish, or what is wrong. */
    record Checked(AgreementRequests.NewVersion request, boolean major, AdminForm form) {
    }

    private VersionForm() {
    }

    /** The form to start from: the latest version's text and terms, a minor change, the number left to the bump. */
    static AdminForm startingFrom(Optional<AgreementVersion> latest) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bump", "MINOR");
        latest.ifPresent(v -> {
            values.put("text", v.text);
            values.put("grant", v.grantType.name());
            values.put("sublicensable", yesNo(v.sublicensable));
            values.put("coversPriorContributions", yesNo(v.coversPriorContributions));
            values.put("patentGrant", yesNo(v.patentGrant));
            values.put("outboundPolicy", v.outboundPolicy.name());
            values.put("outboundLicenses", String.join(", ", v.terms().outboundLicenses()));
        });
        return AdminForm.of(values, LABELS);
    }

    static Checked check(Map<String, String> submitted, Optional<AgreementVersion> latest) {
        Map<String, String> values = new LinkedHashMap<>();
        LABELS.keySet().forEach(k -> values.put(k, submitted.getOrDefault(k, "").strip()));
        // A browser sends a textarea's lines ending in CR LF; the text is kept as the shipped ones are, in LF.
        values.put("text", submitted.getOrDefault("text", "").replace("\r\n", "\n"));
        AdminForm form = AdminForm.of(values, LABELS);
        boolean major = "MAJOR".equals(values.get("bump"));
        if (!major && !"MINOR".equals(values.get("bump"))) {
            form.reject("bump", "choose a major or a minor change");
        }
        String version = values.get("version");
        if (version.isEmpty() && !form.hasErrors()) {
            version = next(latest.map(AgreementVersion::semanticVersion), major).toString();
        }
        Optional<SemanticVersion> parsed = SemanticVersion.parse(version);
        if (parsed.isPresent() && latest.isPresent() && !form.hasErrors()) {
            SemanticVersion previous = latest.get().semanticVersion();
            boolean newMajor = parsed.get().requiresResigningAfter(previous);
            if (major && !newMajor) {
                form.reject("version", version + " keeps major version " + previous.major() + " of " + previous
                        + ": a major change is numbered " + (previous.major() + 1) + ".0.0 or higher");
            } else if (!major && newMajor) {
                form.reject("version", version + " starts a new major version, which everyone must sign again:"
                        + " choose a major change, or number it " + previous.major() + "." + (previous.minor() + 1)
                        + ".0");
            }
        }
        var request = new AgreementRequests.NewVersion(version, values.get("text"),
                new AgreementRequests.Terms(choice(GrantType.class, values.get("grant")),
                        flag(values.get("sublicensable")), flag(values.get("coversPriorContributions")),
                        flag(values.get("patentGrant")), choice(OutboundPolicy.class, values.get("outboundPolicy")),
                        licenses(values.get("outboundLicenses"))),
                latest.map(AgreementVersion::formFields).orElse(null));
        form.reject(AgreementValidator.checkVersion(request, latest), VersionForm::fieldOf);
        values.put("version", version);
        return new Checked(request, major, form);
    }

    /** The form field a validator's field name belongs to: {@code terms.outboundLicenses[1]} is outboundLicenses. */
    static String fieldOf(String name) {
        String field = name.replaceFirst("^terms\\.?", "").replaceFirst("\\[.*$", "");
        return field.isEmpty() ? "grant" : LABELS.containsKey(field) ? field : "text";
    }

    static SemanticVersion next(Optional<SemanticVersion> latest, boolean major) {
        return latest.map(v -> major
                ? new SemanticVersion(v.major() + 1, 0, 0)
                : new SemanticVersion(v.major(), v.minor() + 1, 0)).orElse(new SemanticVersion(1, 0, 0));
    }

    private static List<String> licenses(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Boolean flag(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        try {
            return value.isEmpty() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
