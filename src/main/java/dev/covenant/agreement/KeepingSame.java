package dev.covenant.agreement;

import java.util.List;

/**
 * Judges {@link OutboundPolicy#ANY_KEEPING_SAME}: the target may add anything, but a recipient must
 * still be able to choose the license the project had on the submission date.
 *
 * <p>Only the target's top-level {@code OR} alternatives count as offers. An {@code AND} that
 * contains the submission license imposes the other operand's conditions as well, so it does not
 * leave the contributor's license available.
 */
final class KeepingSame {

    private final SpdxExpression target;
    private final SpdxExpression submission;

    KeepingSame(SpdxExpression target, SpdxExpression submission) {
        this.target = target;
        this.submission = submission;
    }

    Verdict judge() {
        if (submission == null) {
            return Verdict.refused("ANY_KEEPING_SAME requires the license on the submission date to stay available"
                    + " as an alternative, but that license is unknown, so " + target
                    + " cannot be shown to offer it.");
        }
        List<SpdxExpression> missing = submission.alternatives().stream().filter(this::notOffered).toList();
        if (missing.isEmpty()) {
            return Verdict.allowed(target + " still offers " + submission
                    + ", the license on the submission date, as an alternative, which ANY_KEEPING_SAME requires.");
        }
        String what = submission.alternatives().size() == 1
                ? submission + ", the license on the submission date,"
                : Reasons.alternatives(missing) + " (of " + submission + ", the license on the submission date)";
        String how = appearsOnlyUnderAnd(missing)
                ? " as an alternative: it is only combined with other licenses by AND, which adds their conditions"
                : " as an alternative";
        return Verdict.refused(
                target + " does not offer " + what + how + "; ANY_KEEPING_SAME requires it to stay available.");
    }

    private boolean notOffered(SpdxExpression alternative) {
        return target.alternatives().stream().noneMatch(alternative::isEquivalentTo);
    }

    private boolean appearsOnlyUnderAnd(List<SpdxExpression> missing) {
        return missing.stream().allMatch(m -> m instanceof SpdxExpression.LicenseTerm term
                && target.terms().stream().anyMatch(term::isEquivalentTo));
    }
}
