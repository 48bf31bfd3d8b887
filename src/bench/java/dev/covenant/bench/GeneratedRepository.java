package dev.covenant.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * A bare git repository with a history written for blame to work through, fed to {@code git fast-import} so that
 * it takes seconds: {@code files} text files in a few dozen directories, then {@code commits} commits by eight
 * authors (one in ten with a co-author), each touching a few files: lines rewritten, added, deleted, re-indented
 * (whitespace only), a block moved within its file, or the file renamed with a line changed. Seeded, so every run
 * blames the same history.
 */
final class GeneratedRepository {

    private static final String[] AUTHORS = {"Ada Lovelace", "Grace Hopper", "Alan Turing", "Barbara Liskov",
            "Edsger Dijkstra", "Frances Allen", "Donald Knuth", "Margaret Hamilton"};

    private final Random random = new Random(14);
    private final TreeMap<String, List<String>> files = new TreeMap<>();
    private long counter;

    /** The repository's directory, and the non-blank lines of its files at HEAD. */
    record Generated(Path dir, int files, int commits, long nonBlankLines) {
    }

    static Generated generate(Path dir, int files, int commits) throws IOException, InterruptedException {
        return new GeneratedRepository().write(dir, files, commits);
    }

    private Generated write(Path dir, int fileCount, int commits) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run(dir, null, "git", "init", "-q", "--bare", "-b", "main");
        Path stream = Files.createTempFile("fast-import-", ".txt");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(stream), 1 << 20)) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < fileCount; i++) {
                String path = String.format(Locale.ROOT, "module%02d/src/Part%04d.java", i % 40, i);
                List<String> lines = new ArrayList<>();
                int size = 30 + random.nextInt(120);
                for (int l = 0; l < size; l++) {
                    lines.add(l % 9 == 8 ? "" : line());
                }
                files.put(path, lines);
                modify(first, path);
            }
            commit(out, 1, 0, first);
            for (int c = 2; c <= commits; c++) {
                StringBuilder changes = new StringBuilder();
                int touched = 1 + random.nextInt(8);
                for (int t = 0; t < touched; t++) {
                    change(changes);
                }
                commit(out, c, random.nextInt(AUTHORS.length), changes);
            }
        }
        try {
            run(dir, stream, "git", "fast-import", "--quiet");
        } finally {
            Files.deleteIfExists(stream);
        }
        long nonBlank = files.values().stream().flatMap(List::stream).filter(l -> !l.isBlank()).count();
        return new Generated(dir, files.size(), commits, nonBlank);
    }

    private void change(StringBuilder changes) {
        List<String> paths = new ArrayList<>(files.keySet());
        String path = paths.get(random.nextInt(paths.size()));
        List<String> lines = files.get(path);
        int kind = random.nextInt(20);
        int at = random.nextInt(Math.max(1, lines.size() - 10));
        if (kind < 8) {
            for (int i = at; i < Math.min(lines.size(), at + 1 + random.nextInt(5)); i++) {
                lines.set(i, line());
            }
        } else if (kind < 13) {
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                lines.add(at, line());
            }
        } else if (kind < 15 && lines.size() > 40) {
            lines.subList(at, at + 3).clear();
        } else if (kind < 16) {
            lines.replaceAll(l -> l.isEmpty() ? l : (l.startsWith("\t") ? l.substring(1) : "\t" + l));
        } else if (kind < 18 && lines.size() > 30) {
            List<String> block = new ArrayList<>(lines.subList(at, at + 8));
            lines.subList(at, at + 8).clear();
            lines.addAll(block);
        } else if (kind < 20) {
            String renamed = path.replace(".java", "") + "R.java";
            if (!files.containsKey(renamed)) {
                files.remove(path);
                lines.set(at, line());
                files.put(renamed, lines);
                changes.append("D ").append(path).append('\n');
                modify(changes, renamed);
                return;
            }
        }
        modify(changes, path);
    }

    private void modify(StringBuilder changes, String path) {
        String text = String.join("\n", files.get(path)) + "\n";
        changes.append("M 100644 inline ").append(path).append('\n');
        data(changes, text);
    }

    private void commit(OutputStream out, int mark, int author, StringBuilder changes) throws IOException {
        String who = AUTHORS[author];
        String email = who.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org";
        long when = 1_500_000_000L + mark * 3_600L;
        StringBuilder commit = new StringBuilder("commit refs/heads/main\nmark :").append(mark).append('\n');
        commit.append("author ").append(who).append(" <").append(email).append("> ").append(when).append(" +0000\n");
        commit.append("committer ").append(who).append(" <").append(email).append("> ").append(when)
                .append(" +0000\n");
        String message = "Change " + mark + "\n";
        if (mark % 10 == 0) {
            String co = AUTHORS[(author + 1) % AUTHORS.length];
            message += "\nCo-authored-by: " + co + " <" + co.toLowerCase(Locale.ROOT).replace(' ', '.')
                    + "@example.org>\n";
        }
        data(commit, message);
        if (mark > 1) {
            commit.append("from :").append(mark - 1).append('\n');
        }
        commit.append(changes).append('\n');
        out.write(commit.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void data(StringBuilder out, String text) {
        out.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text)
                .append('\n');
    }

    private String line() {
        counter++;
        return "    int value" + counter + " = compute(" + random.nextInt(1000) + ", \"" + Long.toHexString(
                random.nextLong()) + "\");";
    }

    static void run(Path dir, Path input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.redirectInput(input == null ? ProcessBuilder.Redirect.DISCARD.file() : input.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
