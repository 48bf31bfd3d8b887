package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.identity.People;
import dev.covenant.identity.Profile;
import dev.covenant.signing.Origin;
import dev.covenant.signing.SigningService;

/**
 * The setting the relicensing tests share: a project for an owner (the shipped individual agreement, MIT since 2000
 * unless told otherwise),
 * Ada ({@code ada@domain}, GitHub id {@code adaId}) who signed it, and Grace ({@code grace@domain}, the next id) who
 * did not.
 */
public final class SignedProject {

    private SignedProject() {
    }

    public static void create(String owner, String domain, long adaId, String run, People people,
            SigningService signing,
            String userAgent) {
        create(owner, domain, adaId, run, people, signing, userAgent,
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")));
    }

    /** The same with the given license history; returns Ada's signature. */
    public static UUID create(String owner, String domain, long adaId, String run, People people,
            SigningService signing,
            String userAgent, List<Map<String, String>> licenses) {
        admin().body(Map.of("owner", owner, "agreement", "individual", "licenses", licenses)).post("/api/projects")
                .then().statusCode(201);
        return QuarkusTransaction.requiringNew().call(() -> {
            var ada = people.remember(new Profile(adaId, "ada-" + run, "Ada",
                    List.of(new Profile.Email("ada@" + domain, true, true))));
            people.remember(new Profile(adaId + 1, "grace-" + run, "Grace",
                    List.of(new Profile.Email("grace@" + domain, true, true))));
            AgreementVersion version = AgreementVersion.findLatest(Agreement.findBySlug("individual").orElseThrow())
                    .orElseThrow();
            return signing.sign(ada, version, Map.of("name", "Ada", "email", "ada@" + domain),
                    new Origin("127.0.0.1", userAgent)).id;
        });
    }
}
