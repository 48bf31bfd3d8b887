package dev.covenant.relicensing.campaign;

import dev.covenant.relicensing.report.RelicensingStatus;

/** What a contributor answered when asked to consent to the license change. */
public enum Answer {

    YES(RelicensingStatus.CONSENTED), NO(RelicensingStatus.DECLINED), CONDITIONAL(
            RelicensingStatus.CONDITIONAL), UNREACHABLE(RelicensingStatus.UNREACHABLE);

    private final RelicensingStatus status;

    Answer(RelicensingStatus status) {
        this.status = status;
    }

    /** The status the answer gives in a report: only a plain yes clears the contributions. */
    public RelicensingStatus status() {
        return status;
    }
}
