package dev.covenant.agreement;

import java.util.List;

/** What an agreement version lets the project do with a contribution. */
public record RelicensingTerms(GrantType grant, boolean sublicensable, boolean coversPriorContributions,
        boolean patentGrant, OutboundPolicy outboundPolicy, List<String> outboundLicenses) {

    public RelicensingTerms {
        outboundLicenses = outboundLicenses == null ? List.of() : List.copyOf(outboundLicenses);
    }

    public OutboundTerms outbound() {
        return new OutboundTerms(outboundPolicy, outboundLicenses);
    }
}
