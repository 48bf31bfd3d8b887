package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import io.restassured.response.Response;

import dev.covenant.relicensing.history.GitRepo;

/**
 * The repository the blame tests work on, built with the git CLI: Ada (under an old address that the .mailmap
 * maps) writes it; Grace rewrites two of her lines and adds a file; Zoe re-indents everything (whitespace only);
 * Ada renames Grace's file; Grace moves a block of Ada's within a file; Octo Cat adds a guide co-authored by Alan.
 * A binary logo stays untouched.
 */
final class BlameFixture {

    static final String MOVED = "src/Moved.java";

    final GitRepo repo;
    /** Grace's commit, where Core.java has her rewritten lines and src/Util.java is new. */
    final String rewritten;
    final String head;

    BlameFixture(String domain) throws IOException {
        GitRepo repo = new GitRepo();
        this.repo = repo;
        String ada = "ada@" + domain;
        String grace = "grace@" + domain;
        repo.write(".mailmap", "Ada Lovelace <" + ada + "> <ada@old." + domain + ">\n");
        repo.write("README.md", "hello\nworld\n");
        repo.write("src/Core.java", "class Core {\n    int alpha = 1;\n    int beta = 2;\n\n    int gamma = 3;\n"
                + "    int delta = 4;\n}\n");
        repo.write(MOVED, "// block one: the first paragraph of this file\nint firstValueOfTheFirstBlock = 1;\n"
                + "int secondValueOfTheFirstBlock = 2;\n// block two: the second paragraph of this file\n"
                + "int firstValueOfTheSecondBlock = 3;\nint secondValueOfTheSecondBlock = 4;\n");
        repo.writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        repo.commit("ada lovelace", "ADA@old." + domain, "Initial import");
        repo.write("src/Core.java", "class Core {\n    int alpha = 1;\n    int beta = 20; // tuned\n\n"
                + "    int gamma = 30; // tuned\n    int delta = 4;\n    int epsilon = 5;\n}\n");
        repo.write("src/Util.java", "final class Util {\n    static int twice(int x) { return 2 * x; }\n}\n");
        repo.commit("Grace Hopper", grace, "Tune Core, add Util");
        rewritten = repo.git("rev-parse", "HEAD").strip();
        repo.write("src/Core.java", "class Core {\n\tint alpha = 1;  \n\tint beta = 20; // tuned\n\n"
                + "\tint   gamma = 30; // tuned\n\tint delta = 4;\n\tint epsilon = 5;\n}\n");
        repo.commit("Zoe Ng", "zoe@" + domain, "Indent with tabs");
        Files.createDirectories(repo.dir.resolve("lib"));
        repo.git("mv", "src/Util.java", "lib/Helpers.java");
        repo.commit("Ada Lovelace", ada, "Move Util to lib/Helpers");
        repo.write(MOVED, "// block two: the second paragraph of this file\nint firstValueOfTheSecondBlock = 3;\n"
                + "int secondValueOfTheSecondBlock = 4;\n// block one: the first paragraph of this file\n"
                + "int firstValueOfTheFirstBlock = 1;\nint secondValueOfTheFirstBlock = 2;\n");
        repo.commit("Grace Hopper", grace, "Second block first");
        repo.write("docs/guide.md", "# Guide\n\nRead the code.\n");
        repo.write("@notes.txt", "=1+1\n");
        repo.commit("Octo Cat", "583231+octocat@users.noreply.github.com",
                "Guide\n\nCo-authored-by: Alan Turing <Alan@" + domain + ">");
        head = repo.git("rev-parse", "HEAD").strip();
    }

    static String blamePath(String repository) {
        return "/api/repos/" + repository + "/relicensing/blame";
    }

    /** Asks the service (as admin) to blame this repository, as {@code owner/name}, at a revision (null: HEAD). */
    Response blame(String repository, String revision, boolean wait) {
        String url = repo.dir.toUri().toString();
        Map<String, String> body = revision == null
                ? Map.of("cloneUrl", url)
                : Map.of("cloneUrl", url, "revision",
                        revision);
        return dev.covenant.Api.admin().queryParam("wait", wait).body(body).post(blamePath(repository));
    }
}
