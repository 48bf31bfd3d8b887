package dev.covenant.agreement;

import java.util.List;

/**
 * Which licenses a project may later put a contribution under ("outbound"), as promised to the
 * contributor by a Contributor License Agreement.
 *
 * <p>How {@link #allows} decides, for a target expression and the project's license on the date
 * the contribution was submitted (the "submission license"):
 * <ul>
 *   <li>Keeping the submission license is never a relicensing: a target
 *       {@linkplain SpdxExpression#isEquivalentTo equivalent} to it is allowed under every policy
 *       (operand order and deprecated spellings such as {@code GPL-2.0+} do not matter).
 *   <li>The submission license may be unknown ({@code null}); nothing can then be "the same", so
 *       {@code NONE} and {@code SAME} refuse everything and other policies rely on their other rules.
 *   <li>A compound target puts the contribution under every license it names: an {@code OR} is
 *       offered in full, an {@code AND} applies in full. So every license term of the target must be
 *       allowed on its own. The exception is {@code ANY_KEEPING_SAME}, which looks only at the
 *       top-level {@code OR} alternatives (see there).
 *   <li>A term is "the same" when it is equivalent to the submission license, or to one of that
 *       license's top-level {@code OR} alternatives (under {@code MIT OR Apache-2.0}, the project
 *       may keep only {@code MIT}). {@code GPL-2.0-only} is not the same as {@code GPL-2.0-or-later},
 *       nor is a term with an exception the same as the bare license: they are different grants.
 *   <li>Facts about a term (OSI approval, FSF libre, FSF recommended copyleft) are those of its
 *       base license: an exception after {@code WITH} only adds permissions, and {@code +} is judged
 *       by the version named. Where {@code +} turns an id into a listed "or later" id
 *       ({@code GPL-2.0-only+} is {@code GPL-2.0-or-later}), that id is judged.
 *   <li>A {@code LicenseRef-…} has no known facts: it is neither OSI-approved nor FSF-libre, and is
 *       allowed only by {@code ANY}, by sameness, or by being listed exactly.
 *   <li>Listed ids match a term exactly, exception included: a contributor who accepted
 *       {@code GPL-2.0-only} did not thereby accept {@code GPL-2.0-only WITH Classpath-exception-2.0}.
 * </ul>
 */
public enum OutboundPolicy {

    /** Inbound equals outbound, as with a DCO: only sameness. */
    NONE("Your contributions stay under the license the project had when you contributed; the project gets no right to relicense them."),
    /** Only the license the project had on the submission date. */
    SAME("The project may distribute your contributions only under the license it had when you contributed."),
    /** Sameness, or any listed license for any term. */
    SAME_PLUS_LISTED(
            "The project may distribute your contributions under the license it had when you contributed, or relicense them under %s."),
    /**
     * Only listed licenses: every term of the target must be listed. Unlike
     * {@code SAME_PLUS_LISTED}, a term being the submission license does not count, so
     * {@code MIT OR X} with only X listed is refused; keeping the submission license unchanged is
     * still allowed, as under every policy.
     */
    LISTED_ONLY(
            "The project may relicense your contributions only under %s; otherwise they keep the license the project had when you contributed."),
    /** Sameness, or any OSI-approved license. */
    SAME_OR_OSI(
            "The project may relicense your contributions under any OSI-approved license, or keep the license it had when you contributed."),
    /** Sameness, or a license on the FSF's recommended copyleft list ({@code spdx/fsf-recommended-copyleft.txt}). */
    SAME_OR_FSF_COPYLEFT(
            "The project may relicense your contributions under a copyleft license the Free Software Foundation recommends (the GNU GPL, AGPL or LGPL version 3, or GPL 2 / LGPL 2.1 \"or later\"), or keep the license it had when you contributed."),
    /** Sameness, or a license both FSF-libre and OSI-approved, as the FSFE Fiduciary License Agreement asks. */
    FSF_AND_OSI(
            "The project may relicense your contributions under any license that is both approved by the Open Source Initiative and free according to the Free Software Foundation, or keep the license it had when you contributed."),
    /**
     * Anything, as long as the submission license stays on offer: every top-level {@code OR}
     * alternative of the submission license must be an alternative of the target.
     * {@code X AND MIT} does not offer {@code MIT} (it adds X's conditions) and is refused.
     */
    ANY_KEEPING_SAME(
            "The project may license your contributions under any terms, including proprietary ones, as long as it also keeps offering them under the license it had when you contributed."),
    /** Anything, as with the Apache ICLA or the Google CLA. */
    ANY("The project may license your contributions under any terms it chooses, including proprietary ones.");

    private final String plainWords;

    OutboundPolicy(String plainWords) {
        this.plainWords = plainWords;
    }

    /** Whether the policy is meaningless without a list of SPDX ids. */
    public boolean needsList() {
        return this == SAME_PLUS_LISTED || this == LISTED_ONLY;
    }

    /**
     * One sentence a contributor can read before signing.
     *
     * @param listed the listed SPDX ids; used only when {@link #needsList()}
     * @throws IllegalArgumentException if the policy needs a list and {@code listed} is empty
     */
    public String plainWords(List<String> listed) {
        if (!needsList()) {
            return plainWords;
        }
        if (listed == null || listed.isEmpty()) {
            throw new IllegalArgumentException(name() + " needs at least one listed license");
        }
        return plainWords.formatted(Reasons.alternatives(listed));
    }

    /**
     * Judges one relicensing; see the class comment for the rules.
     *
     * @param licenseOnSubmissionDate {@code null} when unknown
     * @param listed SPDX ids, each a single license term; {@code null} is taken as none
     */
    public Verdict allows(SpdxExpression target, SpdxExpression licenseOnSubmissionDate, List<String> listed) {
        return new OutboundJudge(this, target, licenseOnSubmissionDate, listed, SpdxLicenses.standard()).judge();
    }
}
