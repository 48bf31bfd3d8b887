package dev.covenant.signing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.FormValues;
import dev.covenant.identity.PersonEmail;
import dev.covenant.web.PageException;

/**
 * The "Sign" clicks of one batch, checked together in the batch's transaction: each agreement, its versions and every
 * signer's verified addresses are read once for the batch rather than once per click, which is what two hundred
 * people clicking at the same moment would otherwise queue on (a transaction and four queries each). The rules are
 * the signing page's: an individual agreement, the version the page showed, its text unchanged, still the latest,
 * and a valid form.
 */
final class SignClicks {

    private SignClicks() {
    }

    /** One click on "Sign": who, the agreement's slug, the form as sent (one value per field), from where. */
    record Click(long githubId, String slug, Map<String, String> form, Origin origin) {
    }

    /** The form is not valid: what was typed and what is wrong, for the page to show again with the errors. */
    static final class Refused extends RuntimeException {
        final long versionId;
        final Map<String, String> submitted;
        final Map<String, String> errors;

        Refused(long versionId, Map<String, String> submitted, Map<String, String> errors) {
            super("the signing form is not valid: " + errors.keySet(), null, false, false);
            this.versionId = versionId;
            this.submitted = submitted;
            this.errors = errors;
        }
    }

    /** Each click's request, or the exception that refuses it, in the clicks' order; in the caller's transaction. */
    static List<Object> check(List<Click> clicks) {
        Map<Long, List<String>> verified = PersonEmail
                .verifiedByPerson(new TreeSet<>(clicks.stream().map(Click::githubId).toList()));
        Map<String, Optional<Agreement>> agreements = new HashMap<>();
        Map<Long, Optional<AgreementVersion>> latest = new HashMap<>();
        Map<List<Object>, Optional<AgreementVersion>> versions = new HashMap<>();
        List<Object> checked = new ArrayList<>(clicks.size());
        for (Click click : clicks) {
            try {
                Agreement agreement = agreements
                        .computeIfAbsent(click.slug(), s -> Agreement.findBySlug(s)
                                .filter(a -> a.kind == AgreementKind.INDIVIDUAL))
                        .orElseThrow(() -> PageException
                                .notFound("There is no individual agreement called '" + click.slug() + "'."));
                String number = String.valueOf(click.form().get("version"));
                AgreementVersion version = versions
                        .computeIfAbsent(List.of(agreement.id, number), k -> AgreementVersion.find(agreement, number))
                        .orElseThrow(() -> PageException.notFound("That version of the agreement does not exist."));
                checked.add(check(click, version,
                        latest.computeIfAbsent(agreement.id, id -> AgreementVersion.findLatest(agreement)),
                        verified.getOrDefault(click.githubId(), List.of())));
            } catch (PageException | Refused e) {
                checked.add(e);
            }
        }
        return checked;
    }

    private static SigningRequest check(Click click, AgreementVersion version, Optional<AgreementVersion> latest,
            List<String> verified) {
        if (!version.sha256.equals(click.form().get("sha256"))) {
            throw new PageException(409, "The text changed",
                    "The text you read is not the text of this version. Please reload and read it again.");
        }
        if (latest.map(l -> !l.id.equals(version.id)).orElse(true)) {
            throw new PageException(409, "A newer version exists",
                    "Please read and sign the latest version of this agreement.");
        }
        FormValues.Checked form = FormValues.check(version.formFields(), click.form(), verified);
        if (!form.valid()) {
            throw new Refused(version.id, click.form(), form.errors());
        }
        return new SigningRequest(click.githubId(), version.id, form.values(), click.origin());
    }
}
