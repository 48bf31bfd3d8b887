package dev.covenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of docs/architecture.md, checked on the sources: every reference between packages points down the map,
 * the rooms at the bottom use nothing of ours but the JDBC helper, there is no cycle, and only {@code github} imports
 * GitHub's library.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/covenant");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.covenant\\.([a-z.]+?)\\.[A-Z]");

    /** Higher uses lower; equal ranks do not use each other. */
    private static final Map<String, Integer> RANK = Map.ofEntries(Map.entry("", 90), Map.entry("demo", 85),
            Map.entry("admin", 85),
            Map.entry("commentsigning", 82), Map.entry("checks", 80), Map.entry("relicensing.campaign", 80),
            Map.entry("relicensing.blame", 80),
            Map.entry("relicensing.report", 70), Map.entry("relicensing.history", 60), Map.entry("coverage", 50),
            Map.entry("signing", 40), Map.entry("project", 30), Map.entry("web", 30), Map.entry("agreement", 20),
            Map.entry("inbox", 20), Map.entry("identity", 20), Map.entry("ledger", 15), Map.entry("github", 10),
            Map.entry("jobs", 10), Map.entry("api", 10), Map.entry("embedded", 10), Map.entry("jdbc", 0));

    /** Rooms that may use only these, whatever lies below them. */
    private static final Map<String, Set<String>> ONLY = Map.of("identity", Set.of("jdbc"), "inbox",
            Set.of("api", "jdbc", "jobs"), "github", Set.of(), "jobs", Set.of("jdbc"), "api", Set.of(), "embedded",
            Set.of(), "jdbc", Set.of(), "ledger", Set.of("api", "jdbc"));

    private static final Map<String, Set<String>> USES = new TreeMap<>();
    private static final List<String> GITHUB_LIBRARY = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(ArchitectureTest::read);
        }
    }

    private static void read(Path file) {
        String room = SOURCES.relativize(file.getParent() == null ? SOURCES : file.getParent()).toString()
                .replace('/', '.');
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> uses = USES.computeIfAbsent(room, r -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            if (!m.group(1).equals(room)) {
                uses.add(m.group(1));
            }
        }
        if (source.contains("import org.kohsuke.github.")) {
            GITHUB_LIBRARY.add(SOURCES.relativize(file).toString());
        }
    }

    @Test
    void everyRoomIsOnTheMap() {
        Set<String> unknown = new TreeSet<>(USES.keySet());
        USES.values().forEach(unknown::addAll);
        unknown.removeAll(RANK.keySet());
        assertEquals(Set.of(), unknown, "packages missing from docs/architecture.md and this test's map");
    }

    @Test
    void everyReferencePointsDown() {
        List<String> upward = new ArrayList<>();
        USES.forEach((room, uses) -> uses.forEach(used -> {
            Integer from = RANK.get(room);
            Integer to = RANK.get(used);
            boolean allowed = from != null && to != null && to < from
                    && (!ONLY.containsKey(room) || ONLY.get(room).contains(used));
            if (!allowed) {
                upward.add(room + " -> " + used);
            }
        }));
        assertEquals(List.of(), upward);
    }

    @Test
    void relicensingAsksCoverageNotSigning() {
        // One coverage rule: the relicensing rooms learn who is covered from coverage, never from signing's records.
        List<String> offending = USES.entrySet().stream()
                .filter(e -> e.getKey().startsWith("relicensing") && e.getValue().contains("signing"))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void onlyTheFacadeImportsGitHubsLibrary() {
        assertEquals(List.of(), GITHUB_LIBRARY.stream().filter(f -> !f.startsWith("github/")).toList());
    }

    @Test
    void theRankedMapLeavesNoCycle() {
        // Ranks strictly decrease along every reference (everyReferencePointsDown), so a cycle cannot exist; this
        // guards the map itself against two rooms of one rank allowed to use each other through ONLY.
        ONLY.forEach((room, uses) -> uses.forEach(used -> assertEquals(true, RANK.get(used) < RANK.get(room),
                room + " may use " + used + ", which is not below it")));
    }
}
