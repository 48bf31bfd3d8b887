package dev.covenant.signing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import dev.covenant.agreement.AgreementVersion;
import dev.covenant.identity.People;
import dev.covenant.jdbc.CopyRows;
import dev.covenant.jdbc.EncodedCopy;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.LedgerEntry;
import dev.covenant.ledger.LedgerRun;
import dev.covenant.ledger.ProtectedTable;

/**
 * Writes an import's new signatures and their ledger entries in one pass, as a pipeline: while one thread sends a
 * chunk's ledger entries and signature rows to PostgreSQL with two {@code COPY}s on the transaction's connection, the
 * next chunk is prepared (rows, events, row hashes), chained and encoded for its {@code COPY}s. The ledger's numbers
 * are known in advance because the lock is held from the start ({@link LedgerRun}). What is written is exactly what
 * {@link SigningService#signAll} would write for the same requests, entry for entry.
 */
@ApplicationScoped
class SignatureImportWriter {

    private static final Logger LOG = Logger.getLogger(SignatureImportWriter.class);
    /** How many chunks the preparing may be ahead of the sending: enough to cover the people's statement. */
    private static final int AHEAD = 8;

    private final Ledger ledger;
    private final People people;
    private final Event<CoverageChanged> coverageChanged;
    private final ImportConfig config;

    SignatureImportWriter(Ledger ledger, People people, Event<CoverageChanged> coverageChanged, ImportConfig config) {
        this.ledger = ledger;
        this.people = people;
        this.coverageChanged = coverageChanged;
        this.config = config;
    }

    /** One signature ready to write: its row's columns and its ledger entry before chaining. */
    private record Prepared(Map<String, Object> columns, LedgerRun.Appended appended) {
    }

    /**
     * Signs {@code version} for each request (one per person, none of whom holds an active signature of it: the
     * caller checked under the ledger's lock), each dated as the request says; {@code logins} names every signer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void write(AgreementVersion version, List<SigningRequest> requests, Map<Long, String> logins) {
        if (requests.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        LedgerRun run = ledger.run();
        // Read here, once: the preparing then only reads what is loaded.
        String slug = version.agreement.slug;
        if (slug == null) {
            throw new IllegalStateException("agreement version " + version.id + " has no agreement");
        }
        Signature.getSession().doWork(c -> pipeline(c, version, requests, logins, run));
        long sent = System.nanoTime();
        coverageChanged.fire(CoverageChanged.people(logins.keySet(), "signature"));
        LOG.debugf("Import of %d signatures: the people, rows and ledger entries %d ms, the pull requests to evaluate"
                + " again %d ms", requests.size(), (sent - started) / 1_000_000,
                (System.nanoTime() - sent) / 1_000_000);
    }

    private void pipeline(Connection transaction, AgreementVersion version, List<SigningRequest> requests,
            Map<Long, String> logins, LedgerRun run) throws SQLException {
        // The sending thread works in this thread's transaction, on the driver's connection under the pool's wrapper
        // (which refuses statements from a thread outside the transaction): the same session, used by one thread at
        // a time, since this one only prepares while the other sends.
        Connection c = (Connection) transaction.unwrap(PGConnection.class);
        // Each row's reference to its ledger entry is checked as the row is written (its entry is written just
        // before), in the pipeline, instead of a hundred thousand checks at the commit, which nothing overlaps.
        try (Statement immediate = c.createStatement()) {
            immediate.execute("SET CONSTRAINTS signature_ledger_seq_fkey IMMEDIATE");
        }
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "covenant-import-sender"));
        // The sender works through its tasks in order; this thread stays at most a few chunks ahead of it.
        Deque<Future<?>> sending = new ArrayDeque<>();
        CopyRows ledgerBuffer = new CopyRows();
        CopyRows signatureBuffer = new CopyRows();
        try {
            // The people first: the rows refer to them. Meanwhile the first chunks are prepared.
            sending.add(sender.submit(() -> {
                people.knowAll(c, logins);
                return null;
            }));
            for (int from = 0; from < requests.size(); from += config.chunk()) {
                // On this thread alone: with two cores, PostgreSQL and the sending thread need the other one (the
                // same import took 11.7 s with the preparing spread over both cores, 9.2 s without).
                List<Prepared> prepared = IntStream.range(from, Math.min(requests.size(), from + config.chunk()))
                        .mapToObj(i -> prepare(version, requests.get(i), logins, run.seqOf(i))).toList();
                List<LedgerEntry> entries = run.chain(prepared.stream().map(Prepared::appended).toList());
                // Encoded here too: the sender then only writes bytes and waits, and PostgreSQL, the slowest part,
                // is not kept waiting while it encodes.
                EncodedCopy ledgerRows = LedgerRun.encode(entries, ledgerBuffer);
                EncodedCopy signatureRows = SignatureRows.encode(
                        prepared.stream().map(Prepared::columns).toList(), signatureBuffer);
                if (sending.size() >= AHEAD) {
                    awaitSent(sending.poll());
                }
                sending.add(sender.submit(() -> {
                    ledgerRows.send(c);
                    signatureRows.send(c);
                    return null;
                }));
            }
            while (!sending.isEmpty()) {
                awaitSent(sending.poll());
            }
        } finally {
            // The connection is the transaction's: nothing may still be writing on it when this returns.
            sender.shutdown();
            sending.forEach(SignatureImportWriter::awaitQuietly);
        }
    }

    private static Prepared prepare(AgreementVersion version, SigningRequest request, Map<Long, String> logins,
            long seq) {
        if (request.signedAt() == null) {
            throw new IllegalArgumentException("an imported signature of " + request.githubId() + " has no date");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        request.values().forEach(fields::put);
        Signature signature = SigningService.newSignature(request.githubId(), version, request, fields, null);
        signature.ledgerSeq = seq;
        Map<String, Object> columns = SignatureRows.columns(signature);
        // The source is in canonical form already, as the row keeps it: the event takes that text as it is.
        String event = CanonicalJson.write(SigningService.signedEvent(signature, logins.get(request.githubId()),
                fields, signature.importSource == null
                        ? null
                        : JsonNodeFactory.instance.rawValueNode(new RawValue(signature.importSource))));
        return new Prepared(columns, new LedgerRun.Appended(
                signature.importSource == null ? "signature.signed" : "signature.imported", event,
                ProtectedTable.SIGNATURE.row(signature.id, columns)));
    }

    private static void awaitSent(Future<?> sending) throws SQLException {
        try {
            sending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an import's rows were written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("writing an import's rows failed: " + e.getCause(), e.getCause());
        }
    }

    private static void awaitQuietly(Future<?> sending) {
        try {
            sending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Already failing for another reason, which is the one reported.
        }
    }
}
