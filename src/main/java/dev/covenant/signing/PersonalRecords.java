package dev.covenant.signing;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A part of a person's export that a room above signing keeps (consent answers are {@code relicensing.campaign}'s):
 * declared here so that the export is whole without signing depending on those rooms; each implementation adds one
 * section.
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
