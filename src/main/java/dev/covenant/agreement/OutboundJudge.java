package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import dev.covenant.agreement.SpdxExpression.LicenseTerm;

/** Applies one {@link OutboundPolicy} to one relicensing; the rules are on the enum. */
final class OutboundJudge {

    private final OutboundPolicy policy;
    private final SpdxExpression target;
    private final SpdxExpression submission;
    private final List<LicenseTerm> listed;
    private final TermFacts facts;

    OutboundJudge(OutboundPolicy policy, SpdxExpression target, SpdxExpression submission, List<String> listed,
            SpdxLicenses licenses) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.target = Objects.requireNonNull(target, "target");
        this.submission = submission;
        this.listed = listed == null ? List.of() : listed.stream().map(ListedLicenses::term).toList();
        this.facts = new TermFacts(licenses);
    }

    Verdict judge() {
        if (submission != null && target.isEquivalentTo(submission)) {
            String same = target.toString().equals(submission.toString())
                    ? target + " is the license the project had on the submission date"
                    : target + " is the same licensing as " + submission + ", the license on the submission date";
            return Verdict.allowed(same + ", so keeping it is not a relicensing; every policy allows that.");
        }
        return switch (policy) {
            case ANY -> Verdict.allowed("ANY allows every license, so " + target + " is allowed.");
            case ANY_KEEPING_SAME -> new KeepingSame(target, submission).judge();
            default -> everyTerm();
        };
    }

    private Verdict everyTerm() {
        List<String> reasons = new ArrayList<>();
        for (LicenseTerm term : new LinkedHashSet<>(target.terms())) {
            String why = allowedBecause(term);
            if (why == null) {
                String refusal = refusal(term);
                return Verdict.refused(target instanceof LicenseTerm
                        ? refusal
                        : "In " + target + ", " + refusal
                                + " Every license the project would apply or offer must be allowed.");
            }
            reasons.add(why);
        }
        if (reasons.size() == 1) {
            return Verdict.allowed(reasons.get(0) + ", which " + policy + " allows.");
        }
        return Verdict.allowed(policy + " allows every license in " + target + ": " + String.join("; ", reasons) + ".");
    }

    /** Why the policy allows the term, or {@code null} if it does not. */
    private String allowedBecause(LicenseTerm term) {
        if (policy != OutboundPolicy.LISTED_ONLY && isSame(term)) {
            return submission.alternatives().size() == 1
                    ? term + " is the license on the submission date"
                    : term + " is one of the alternatives of " + submission + ", the license on the submission date";
        }
        return switch (policy) {
            case SAME_PLUS_LISTED, LISTED_ONLY -> isListed(term) ? term + " is one of the listed licenses" : null;
            case SAME_OR_OSI ->
                facts.osiApproved(term) ? facts.base(term) + " is OSI-approved" + facts.exceptionNote(term) : null;
            case SAME_OR_FSF_COPYLEFT -> facts.fsfRecommendedCopyleft(term)
                    ? facts.base(term) + " is on the FSF's recommended copyleft list" + facts.exceptionNote(term)
                    : null;
            case FSF_AND_OSI -> facts.osiApproved(term) && facts.fsfLibre(term)
                    ? facts.base(term) + " is both FSF-libre and OSI-approved" + facts.exceptionNote(term)
                    : null;
            default -> null;
        };
    }

    private String refusal(LicenseTerm term) {
        String listedNames = Reasons.alternatives(listed);
        return switch (policy) {
            case NONE ->
                notSame(term.toString()) + "; under NONE contributions stay under the license they were made under.";
            case SAME -> notSame(term.toString()) + ", so SAME does not allow it.";
            case SAME_PLUS_LISTED -> notSame(term.toString()) + ", and it is not one of the listed licenses ("
                    + listedNames + "), so SAME_PLUS_LISTED does not allow it.";
            case LISTED_ONLY -> term + " is not one of the listed licenses (" + listedNames
                    + "), so LISTED_ONLY does not allow it; besides the listed licenses it only allows keeping"
                    + " the license on the submission date unchanged.";
            case SAME_OR_OSI -> facts.notOsiApproved(term) + ", and " + notSame("it")
                    + ", so SAME_OR_OSI does not allow it.";
            case SAME_OR_FSF_COPYLEFT -> facts.notFsfRecommendedCopyleft(term) + ", and " + notSame("it")
                    + ", so SAME_OR_FSF_COPYLEFT does not allow it.";
            case FSF_AND_OSI -> facts.notFsfLibreAndOsi(term) + ", and " + notSame("it")
                    + ", so FSF_AND_OSI does not allow it.";
            default -> throw new IllegalStateException(policy + " is not judged term by term");
        };
    }

    private String notSame(String subject) {
        return submission == null
                ? subject + " cannot count as the license on the submission date, because that license is unknown"
                : subject + " is not the license on the submission date (" + submission + ")";
    }

    private boolean isSame(LicenseTerm term) {
        return submission != null && submission.alternatives().stream().anyMatch(term::isEquivalentTo);
    }

    private boolean isListed(LicenseTerm term) {
        return listed.stream().anyMatch(term::isEquivalentTo);
    }
}
