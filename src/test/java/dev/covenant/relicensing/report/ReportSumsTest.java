package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.identity.People;
import dev.covenant.identity.Person;
import dev.covenant.relicensing.history.KeptSums;
import dev.covenant.signing.SigningService;

/**
 * The report's sums, whichever way they are reached: an address read whole from its kept sums, or summed again
 * because a license change, a signing or revocation, or the report's {@code at} falls inside its contributions; and
 * the cleared commits counted from the blocked side or from the cleared side. A random history with co-authors is
 * checked against a count made here, commit by commit, from the statuses the report gives each period.
 */
@QuarkusTest
class ReportSumsTest {

    private static final DateTimeFormatter GIT_DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z",
            Locale.ROOT);
    private static final Set<String> CLEARED = Set.of("GRANTED", "CONSENTED");

    @Inject
    People people;

    @Inject
    SigningService signing;

    @Inject
    RelicensingReports reports;

    record Commit(String sha, String author, List<String> coAuthors, Instant at, long lines) {
        List<String> credited() {
            List<String> all = new ArrayList<>(List.of(author));
            all.addAll(coAuthors);
            return all;
        }
    }

    /**
     * Ada signed now (the agreement covers earlier contributions) and revoked a moment later, so her commits after
     * today are not covered; Grace never signed; the rest are raw addresses, one of them only in the first years.
     * The license changed in 2020, or never: then only Ada's contributions are summed again, not most addresses'.
     * {@code adaShare} of the commits are Ada's: with 90% the blocked side is the smaller one to walk (about 70
     * credits against 170 cleared commits); with 10% the cleared side is.
     */
    @ParameterizedTest
    @CsvSource({"0.9, , true", "0.1, , true", "0.9, 2019-06-30, true", "0.1, 2028-01-01, true", "0.5, , false",
            "0.5, 2028-01-01, false"})
    void theSumsAndClearedCommitsMatchACountCommitByCommit(double adaShare, String at, boolean licenseChanged) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = "sums-" + run;
        String domain = run + ".example";
        long adaId = 8_100_000_000L + Math.abs(run.hashCode() % 1_000_000);
        List<Map<String, String>> licenses = licenseChanged
                ? List.of(Map.of("from", "2000-01-01", "spdx", "MIT"),
                        Map.of("from", "2020-01-01", "spdx", "Apache-2.0"))
                : List.of(Map.of("from", "2000-01-01", "spdx", "MIT"));
        UUID signature = SignedProject.create(owner, domain, adaId, run, people, signing, "ReportSumsTest", licenses);
        QuarkusTransaction.requiringNew().run(() -> signing.revoke(Person.findByGithubId(adaId).orElseThrow(),
                signature));
        List<Commit> commits = history(new Random(run.hashCode()), domain, adaShare);
        admin().contentType("text/plain").queryParam("wait", true).body(log(commits).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + owner + "/sums/history").then().statusCode(200);

        var request = admin().queryParam("to", "GPL-3.0-only");
        if (at != null) {
            request.queryParam("at", at);
        }
        JsonPath report = request.get("/api/repos/" + owner + "/sums/relicensing").then().statusCode(200).extract()
                .jsonPath();

        Instant cutoff = at == null ? Instant.MAX : Instant.parse(at + "T23:59:59.999999Z");
        List<Commit> counted = commits.stream().filter(c -> !c.at().isAfter(cutoff)).toList();
        Map<String, List<Map<String, Object>>> periodsByEmail = new HashMap<>();
        List<Map<String, Object>> contributors = report.getList("contributors");
        for (Map<String, Object> c : contributors) {
            for (Object email : (List<?>) c.get("emails")) {
                periodsByEmail.put((String) email, periods(c));
            }
            assertContributorMatches(c, counted);
        }
        long cleared = 0, clearedLines = 0, lines = 0;
        for (Commit c : counted) {
            lines += c.lines();
            if (c.credited().stream()
                    .allMatch(email -> CLEARED.contains(statusAt(periodsByEmail.get(email), c.at())))) {
                cleared++;
                clearedLines += c.lines();
            }
        }
        assertEquals(counted.size(), report.getLong("totals.commits"));
        assertEquals(lines, report.getLong("totals.linesAdded"));
        assertEquals(cleared, report.getLong("totals.commitsCleared"));
        assertEquals(clearedLines, report.getLong("totals.linesCleared"));
        assertTrue(cleared > 0 && cleared < counted.size(),
                "a history with both cleared and blocked commits: " + cleared);
        String ada = "ada@" + domain;
        Instant revoked = Instant.now();
        List<String> expected = new ArrayList<>();
        Instant licenseChange = licenseChanged ? Instant.parse("2020-01-01T00:00:00Z") : Instant.MIN;
        if (counted.stream().anyMatch(c -> c.credited().contains(ada) && c.at().isBefore(licenseChange))) {
            expected.add("GRANTED");
        }
        if (counted.stream().anyMatch(c -> c.credited().contains(ada) && !c.at().isBefore(licenseChange)
                && c.at().isBefore(revoked))) {
            expected.add("GRANTED");
        }
        if (counted.stream().anyMatch(c -> c.credited().contains(ada) && c.at().isAfter(revoked))) {
            expected.add("NO_AGREEMENT");
        }
        assertEquals(expected.toString(), report.getString("contributors.find { it.login == 'ada-" + run
                + "' }.periods.status"), "covered under each license of the project, then not after her revocation");
    }

    @Test
    void aContributorsOwnPartLooksOnlyAtTheirAddressesAndMatchesTheirRowInTheWholeReport() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = "own-" + run;
        String domain = run + ".example";
        long adaId = 8_200_000_000L + Math.abs(run.hashCode() % 1_000_000);
        SignedProject.create(owner, domain, adaId, run, people, signing, "ReportSumsTest",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")));
        List<String> addresses = List.of("ada@" + domain, adaId + "+ada-" + run + "@users.noreply.github.com",
                "ada-" + run + "@users.noreply.github.com", "grace@" + domain, "77+someone@users.noreply.github.com",
                "someone@users.noreply.github.com");
        List<Commit> commits = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            commits.add(new Commit(String.format("%040x", n + 1), addresses.get(n % addresses.size()), List.of(),
                    Instant.parse("2015-01-01T00:00:00Z").plusSeconds(86_400L * n), 3));
        }
        admin().contentType("text/plain").queryParam("wait", true).body(log(commits).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + owner + "/own/history").then().statusCode(200);

        ReportModel.Report whole = reports.report(ReportReader.admin(), owner, "own", "MIT", null);
        ReportModel.Report own = reports.report(new ReportReader(adaId, false), owner, "own", "MIT", null);
        ReportModel.ContributorReport ada = whole.contributors().stream().filter(c -> Long.valueOf(adaId)
                .equals(c.githubId())).findFirst().orElseThrow();
        assertEquals(List.of(ada), own.contributors(), "the same row, whichever way it is reached");
        assertEquals(15, ada.commits(), "her verified address and both forms of her no-reply address");
        assertEquals(null, own.totals());
        assertEquals(List.of(), reports.report(new ReportReader(adaId + 1, false), owner, "own", "MIT", null)
                .contributors().stream().filter(c -> !c.emails().contains("grace@" + domain)).toList());
    }

    /**
     * A history with many co-authors arrives in overlapping parts, then whole: each import adds only the commits it
     * brings anew, and the sums it keeps are those a rebuild from the commits gives.
     */
    @Test
    void theKeptSumsOfAHistoryImportedInOverlappingPartsMatchARebuild() throws SQLException {
        String owner = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("owner", owner, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        List<Commit> commits = history(new Random(7), "kept.example", 0.5);
        List<List<Commit>> parts = List.of(commits.subList(0, 120), commits.subList(80, 200), commits);
        List<Integer> added = List.of(120, 80, 0);
        long held = 0;
        for (int i = 0; i < parts.size(); i++) {
            admin().contentType("text/plain").queryParam("wait", true)
                    .body(log(parts.get(i)).getBytes(StandardCharsets.UTF_8))
                    .post("/api/repos/" + owner + "/kept/history")
                    .then().statusCode(200).body("commitsAdded", equalTo(added.get(i)));
            held += added.get(i);
            List<KeptSums.Row> kept = KeptSums.assertMatchARebuild(owner + "/kept");
            assertEquals(held, kept.stream().mapToLong(KeptSums.Row::authored).sum(), "every commit has one author");
        }
    }

    private static void assertContributorMatches(Map<String, Object> contributor, List<Commit> commits) {
        @SuppressWarnings("unchecked")
        List<String> emails = (List<String>) contributor.get("emails");
        long credited = 0, authored = 0, lines = 0;
        for (Commit c : commits) {
            if (c.credited().stream().anyMatch(emails::contains)) {
                credited++;
                lines += c.lines();
            }
            if (emails.contains(c.author())) {
                authored++;
            }
        }
        assertEquals(List.of(credited, authored, lines), List.of(number(contributor, "commits"),
                number(contributor, "authoredCommits"), number(contributor, "linesAdded")), emails.toString());
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> periods(Map<String, Object> contributor) {
        return (List<Map<String, Object>>) contributor.get("periods");
    }

    private static String statusAt(List<Map<String, Object>> periods, Instant at) {
        assertNotNull(periods, "every credited address is some contributor's");
        for (Map<String, Object> p : periods) {
            if (!at.isBefore(Instant.parse((String) p.get("from")))
                    && !at.isAfter(Instant.parse((String) p.get("to")))) {
                return (String) p.get("status");
            }
        }
        throw new AssertionError("no period holds " + at + ": " + periods);
    }

    /** 200 commits from 2001 to 2028, about 50 days apart; about one in four has one or two co-authors. */
    private static List<Commit> history(Random random, String domain, double adaShare) {
        List<String> others = List.of("grace@" + domain, "raw1@" + domain, "raw2@" + domain, "raw3@" + domain);
        List<Commit> commits = new ArrayList<>();
        ZonedDateTime first = ZonedDateTime.of(2001, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        for (int n = 0; n < 200; n++) {
            Instant at = first.plusHours(n * 1200L + random.nextInt(1000)).toInstant();
            String author = random.nextDouble() < adaShare
                    ? "ada@" + domain
                    : others.get(random.nextInt(others.size()));
            if (author.startsWith("raw3@") && n > 20) {
                author = "raw1@" + domain; // raw3 only in the early years: an address read whole from its sums
            }
            List<String> coAuthors = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                coAuthors.add(random.nextBoolean() ? "ada@" + domain : "helper@" + domain);
                if (random.nextInt(3) == 0) {
                    coAuthors.add("grace@" + domain);
                }
                coAuthors.remove(author);
            }
            commits.add(new Commit(String.format("%040x", n + 1), author, List.copyOf(coAuthors), at,
                    1 + random.nextInt(40)));
        }
        return commits;
    }

    private static String log(List<Commit> commits) {
        StringBuilder text = new StringBuilder();
        for (int i = commits.size() - 1; i >= 0; i--) {
            Commit c = commits.get(i);
            String date = GIT_DATE.format(c.at().atZone(ZoneOffset.UTC));
            text.append("commit ").append(c.sha()).append('\n')
                    .append("Author:     Someone <").append(c.author()).append(">\n")
                    .append("AuthorDate: ").append(date).append('\n')
                    .append("Commit:     Someone <").append(c.author()).append(">\n")
                    .append("CommitDate: ").append(date).append("\n\n")
                    .append("    Change ").append(c.sha(), 34, 40).append('\n');
            if (!c.coAuthors().isEmpty()) {
                text.append("    \n");
                c.coAuthors().forEach(co -> text.append("    Co-authored-by: Helper <").append(co).append(">\n"));
            }
            text.append('\n').append(c.lines()).append("\t0\tsrc/File").append(c.sha(), 38, 40).append(".java\n\n");
        }
        return text.toString();
    }
}
