package dev.covenant.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.covenant.jdbc.AdvisoryLocks;

/**
 * Loads the agreements that ship in {@code templates/agreements/} when the database has none, so a fresh install
 * has something to sign. Once any agreement exists the files are never read again: the database is the record.
 */
@ApplicationScoped
public class ShippedAgreements {

    static final List<String> FILES = List.of("individual.md", "corporate.md");
    /** Names the advisory lock that lets one of several instances starting at once load the files. */
    private static final long LOAD_LOCK = 7301;
    private static final Logger LOG = Logger.getLogger(ShippedAgreements.class);

    private final AgreementCatalog catalog;

    ShippedAgreements(AgreementCatalog catalog) {
        this.catalog = catalog;
    }

    @Transactional
    public void loadIfEmpty() {
        // Several instances may start at once on an empty database; one loads, the others then see agreements.
        Agreement.getSession().doWork(c -> AdvisoryLocks.holdUntilTransactionEnds(c, LOAD_LOCK));
        if (Agreement.count() > 0) {
            return;
        }
        for (String file : FILES) {
            AgreementRequests.NewAgreement request = toRequest(FrontMatter.parse(read(file), file));
            catalog.create(request);
            LOG.infof("Loaded the shipped agreement '%s' version %s", request.slug(), request.firstVersion().version());
        }
    }

    static AgreementRequests.NewAgreement toRequest(FrontMatter fm) {
        String listed = fm.optional("outboundLicenses").orElse("");
        AgreementRequests.Terms terms = new AgreementRequests.Terms(
                GrantType.valueOf(fm.require("grant")),
                Boolean.valueOf(fm.require("sublicensable")),
                Boolean.valueOf(fm.require("coversPriorContributions")),
                Boolean.valueOf(fm.require("patentGrant")),
                OutboundPolicy.valueOf(fm.require("outboundPolicy")),
                listed.isEmpty() ? List.of() : Arrays.stream(listed.split(",")).map(String::trim).toList());
        return new AgreementRequests.NewAgreement(fm.require("slug"), fm.require("title"),
                AgreementKind.valueOf(fm.require("kind")),
                new AgreementRequests.NewVersion(fm.require("version"), fm.body(), terms, null));
    }

    static String read(String file) {
        String path = "templates/agreements/" + file;
        try (InputStream in = ShippedAgreements.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The shipped agreement " + path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
