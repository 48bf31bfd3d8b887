package dev.covenant.agreement;

import java.util.Optional;

import dev.covenant.agreement.SpdxExpression.LicenseTerm;

/**
 * The facts a policy needs about one license term, and how to say them.
 *
 * <p>A term is judged by its base license: the id with its {@code +}, without its exception,
 * because an exception only adds permissions to the license it modifies.
 */
final class TermFacts {

    private final SpdxLicenses licenses;

    TermFacts(SpdxLicenses licenses) {
        this.licenses = licenses;
    }

    boolean osiApproved(LicenseTerm term) {
        return fact(term).map(LicenseFact::osiApproved).orElse(false);
    }

    boolean fsfLibre(LicenseTerm term) {
        return fact(term).map(LicenseFact::fsfLibre).orElse(false);
    }

    boolean fsfRecommendedCopyleft(LicenseTerm term) {
        return licenses.isFsfRecommendedCopyleft(licenses.currentSpelling(term.id(), term.orLater()))
                || (!term.orLater() && licenses.isFsfRecommendedCopyleft(term.id()));
    }

    /** The term as judged: without its exception. */
    String base(LicenseTerm term) {
        return new LicenseTerm(term.id(), term.orLater(), null).toString();
    }

    /** Says, after a positive fact, that the exception did not count against the term. */
    String exceptionNote(LicenseTerm term) {
        return term.exception() == null
                ? ""
                : " (" + term + " is judged as " + base(term) + ": the exception only adds permissions)";
    }

    String notOsiApproved(LicenseTerm term) {
        return unknown(term).orElse(base(term) + " is not OSI-approved");
    }

    String notFsfRecommendedCopyleft(LicenseTerm term) {
        return unknown(term).orElse(base(term) + " is not on the FSF's recommended copyleft list");
    }

    String notFsfLibreAndOsi(LicenseTerm term) {
        return unknown(term).orElseGet(() -> {
            boolean osi = osiApproved(term);
            boolean libre = fsfLibre(term);
            String lacks = !osi && !libre
                    ? "neither FSF-libre nor OSI-approved"
                    : osi ? "OSI-approved but not FSF-libre" : "FSF-libre but not OSI-approved";
            return base(term) + " is " + lacks;
        });
    }

    private Optional<String> unknown(LicenseTerm term) {
        if (fact(term).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(term.id() + " is a user-defined license, not on the SPDX License List, so nothing is known"
                + " about its approval");
    }

    private Optional<LicenseFact> fact(LicenseTerm term) {
        return term.isLicenseRef() ? Optional.empty() : licenses.find(term.id());
    }
}
