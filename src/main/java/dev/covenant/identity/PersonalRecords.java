package dev.covenant.identity;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A part of a person's export that another room keeps (consent answers are {@code relicensing.campaign}'s): declared
 * here, with the people, so that signing's export is whole without signing and the campaigns depending on each other;
 * each implementation adds one section.
 */
public interface PersonalRecords {

    /** The section's name in the export. */
    String section();

    /**
     * Inside the export's transaction: every record of the person (by account, or by one of their verified addresses
     * where records name an address), each with the ledger entries that record it.
     */
    JsonNode of(long githubId, List<String> verifiedEmails);
}
