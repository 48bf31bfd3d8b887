package dev.covenant.relicensing.history;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/**
 * A clone's lines added and deleted per commit are exactly {@code git log --numstat --no-renames}'s, on a history
 * whose edits move and repeat blocks of lines (where diff algorithms disagree), and the import says git counted
 * them. It keeps the head commit, the {@code .mailmap} there and the SHA-256 of its canonical listing.
 */
@QuarkusTest
class CloneNumstatTest {

    @Test
    void aClonesLinesAreGitsOwn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String repository = "numstat-" + run + "/lib";
        GitRepo repo = new GitRepo();
        repo.write(".mailmap", "Ada <ada@example.org> <ada@old.example.org>\n");
        Random random = new Random(12);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(i % 7 == 0 ? "}" : "line " + (i % 11));
        }
        for (int commit = 0; commit < 25; commit++) {
            int from = random.nextInt(lines.size() - 10);
            List<String> block = new ArrayList<>(lines.subList(from, from + 1 + random.nextInt(9)));
            lines.subList(from, from + block.size()).clear();
            lines.addAll(random.nextInt(lines.size()), block);
            lines.set(random.nextInt(lines.size()), "changed " + commit);
            if (commit % 4 == 0) {
                Collections.rotate(lines.subList(5, 25), 3);
            }
            repo.write("src/file" + (commit % 3) + ".txt", String.join("\n", lines) + "\n");
            repo.commit("Ada", commit % 2 == 0 ? "ada@old.example.org" : "ada@example.org", "Edit " + commit);
        }

        JsonPath job = admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + repository + "/history").then().statusCode(200).body("state", equalTo("DONE"))
                .body("numstat", equalTo("GIT")).body("clonedBy", equalTo("GIT")).extract().jsonPath();
        assertEquals(repo.git("rev-parse", "HEAD").strip(), job.getString("headSha"));

        Map<String, List<Long>> git = new HashMap<>();
        String sha = null;
        for (String line : repo.git("log", "--numstat", "--no-renames", "--format=#%H").split("\n")) {
            if (line.startsWith("#")) {
                sha = line.substring(1);
                git.put(sha, new ArrayList<>(List.of(0L, 0L)));
            } else if (!line.isBlank() && !line.startsWith("-\t")) {
                String[] f = line.split("\t");
                git.get(sha).set(0, git.get(sha).get(0) + Long.parseLong(f[0]));
                git.get(sha).set(1, git.get(sha).get(1) + Long.parseLong(f[1]));
            }
        }
        Map<String, List<Long>> imported = new HashMap<>();
        for (String row : Sql.text("SELECT string_agg(sha || ' ' || lines_added || ' ' || lines_deleted, ',')"
                + " FROM contribution WHERE repository = ?", repository).split(",")) {
            String[] f = row.split(" ");
            imported.put(f[0], List.of(Long.parseLong(f[1]), Long.parseLong(f[2])));
        }
        assertEquals(git, imported, "git log --numstat --no-renames, commit by commit");

        StringBuilder listing = new StringBuilder();
        repo.git("rev-list", "--parents", "HEAD").lines().sorted().forEach(l -> listing.append(l).append('\n'));
        assertEquals(dev.covenant.api.Sha256.hex(listing.toString()),
                job.getString("historySha256"), "the SHA-256 of the sorted 'sha parents' listing");
        assertEquals("Ada <ada@example.org> <ada@old.example.org>\n",
                Sql.text("SELECT mailmap FROM history_import WHERE id = ?", job.getLong("id")));
        assertEquals("ada@old.example.org", Sql.text("SELECT string_agg(DISTINCT raw_email, ',') FROM"
                + " contribution_raw_address WHERE repository = ?", repository));
    }
}
