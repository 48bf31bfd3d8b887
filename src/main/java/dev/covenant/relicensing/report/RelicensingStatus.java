package dev.covenant.relicensing.report;

/** Where a contributor's contributions stand for a planned relicensing. */
public enum RelicensingStatus {

    /** An agreement they signed, or their employer's, lets the project relicense under the target. */
    GRANTED,
    /**
     * The project's license on the day of these contributions already allowed the target (the same license, an
     * alternative of a choice, or a later version under "or any later version"): no grant is needed.
     */
    LICENSE_ALLOWS,
    /** They are covered by an agreement, but its outbound policy does not allow the target. */
    FORBIDDEN_BY_AGREEMENT,
    /** A known GitHub account, with no agreement covering these contributions. */
    NO_AGREEMENT,
    /** An address no GitHub account verified and no company approves: nobody to ask yet. */
    UNKNOWN_IDENTITY,
    /**
     * No agreement covers these contributions, and the project takes a DCO sign-off instead (its mode is {@code DCO}
     * or {@code CLA_OR_DCO}): they were given under the project's license at the time, which grants no relicensing.
     */
    DCO_ONLY,
    /**
     * Otherwise blocked, but each of these commits adds no more lines than the maintainer asked to leave out as
     * trivial ({@code ?trivialLines=}): reported apart, and it clears.
     */
    TRIVIAL,

    // The answers of consent campaigns: RelicensingDecision never produces them, campaign.ConsentOverlay lays them
    // over its result for contributors who are not GRANTED.

    /** Said yes in a consent campaign. */
    CONSENTED,
    /** Said no in a consent campaign. */
    DECLINED,
    /** Said yes under conditions the maintainers must read. */
    CONDITIONAL,
    /** Could not be reached in a consent campaign. */
    UNREACHABLE;

    public boolean cleared() {
        return this == GRANTED || this == LICENSE_ALLOWS || this == CONSENTED || this == TRIVIAL;
    }

    /** Cleared by an agreement, by the license itself or as trivial, so nobody needs to be asked. */
    public boolean clearedWithoutAsking() {
        return this == GRANTED || this == LICENSE_ALLOWS || this == TRIVIAL;
    }

    /** Whether this is a consent campaign's answer rather than what the agreements decided. */
    public boolean answered() {
        return ordinal() >= CONSENTED.ordinal();
    }
}
