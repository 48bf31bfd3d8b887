package dev.covenant.relicensing.campaign;

/** The JSON bodies of the campaign API. */
public final class CampaignRequests {

    private CampaignRequests() {
    }

    /** Open a campaign: the target, and the license it replaces (the project's current one when absent). */
    public record Open(String to, String from) {
    }

    /**
     * An answer a maintainer obtained elsewhere: who (GitHub login or commit address), what, and the evidence.
     */
    public record RecordAnswer(String contributor, String answer, String note, String evidenceUrl) {
    }
}
