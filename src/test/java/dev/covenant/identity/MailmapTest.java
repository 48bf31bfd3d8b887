package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row was checked with git 2.39: {@code .mailmap} holding the first column, {@code git check-mailmap
 * "<second column>"} printed the third. Where git's code and gitmailmap(5) differ (a {@code #} inside a line, an
 * indented {@code #}), git's behaviour is what {@code --use-mailmap} did to a text import, so it is what counts.
 */
class MailmapTest {

    static Stream<Arguments> mappings() {
        return Stream.of(
                // Proper Name <commit@email>
                row("Proper Name <commit@email.xx>", "Anyone <commit@email.xx>", "Proper Name <commit@email.xx>"),
                row("Proper Name <commit@email.xx>", "Anyone <COMMIT@Email.XX>", "Proper Name <COMMIT@Email.XX>"),
                row("Proper Name <commit@email.xx>", "Anyone <other@email.xx>", "Anyone <other@email.xx>"),
                // <proper@email> <commit@email>
                row("<proper@email.xx> <commit@email.xx>", "Anyone <commit@email.xx>", "Anyone <proper@email.xx>"),
                // Proper Name <proper@email> <commit@email>
                row("Proper Name <proper@email.xx> <commit@email.xx>", "Anyone <Commit@Email.xx>",
                        "Proper Name <proper@email.xx>"),
                // Proper Name <proper@email> Commit Name <commit@email>
                row("Proper Name <proper@email.xx> Commit Name <commit@email.xx>", "Commit Name <commit@email.xx>",
                        "Proper Name <proper@email.xx>"),
                row("Proper Name <proper@email.xx> Commit Name <commit@email.xx>", "cOMMIT nAME <commit@EMAIL.xx>",
                        "Proper Name <proper@email.xx>"),
                row("Proper Name <proper@email.xx> Commit Name <commit@email.xx>", "Other Name <commit@email.xx>",
                        "Other Name <commit@email.xx>"),
                row("Proper Name <proper@email.xx> Commit Name <commit@email.xx>", "Commit  Name <commit@email.xx>",
                        "Commit  Name <commit@email.xx>"),
                row("<proper@email.xx> Commit Name <commit@email.xx>", "Commit Name <commit@email.xx>",
                        "Commit Name <proper@email.xx>"),
                // by address alone, and by address and name, together
                row("Simple <c@x>\nFull <full@x> Commit Name <c@x>", "Other <c@x>", "Simple <c@x>"),
                row("Simple <c@x>\nFull <full@x> Commit Name <c@x>", "Commit Name <c@x>", "Full <full@x>"),
                // later lines
                row("First <f@x>\nSecond <f@x>", "Z <f@x>", "Second <f@x>"),
                row("First <f@x>\n<second@x> <f@x>", "Z <f@x>", "First <second@x>"),
                row("A <a@x> Foo <c@x>\nB <b@x> foo <c@x>", "FOO <c@x>", "B <b@x>"),
                // case folding is ASCII only, as strcasecmp
                row("Émile <e@x> ÉMILE <c@x>", "émile <c@x>", "émile <c@x>"),
                row("Émile <e@x> ÉMILE <c@x>", "ÉMILE <c@x>", "Émile <e@x>"),
                // empty addresses: matched when second, meaningless when first
                row("Empty <e@x> <>", "N <>", "Empty <e@x>"),
                row("Nobody <>", "N <>", "N <>"),
                row(" <spaced@x > <s@x>", "N <s@x>", "N <spaced@x >"),
                // comments and lines that map nothing
                row("# Commented <c@x>", "N <c@x>", "N <c@x>"),
                row("  # Indented <c@x>", "N <c@x>", "# Indented <c@x>"),
                row("Name # not a comment <c@x>", "N <c@x>", "Name # not a comment <c@x>"),
                row("Name <c@x> # trailing comment", "N <c@x>", "Name <c@x>"),
                row("Name <c@x> # was <old@x>", "N <old@x>", "N <old@x>"),
                row("Name <c@x> # was <old@x>", "# was <old@x>", "Name <c@x>"),
                row("no addresses here", "N <c@x>", "N <c@x>"),
                row("<only@x>", "N <only@x>", "N <only@x>"),
                row("Unclosed <c@x", "N <c@x>", "N <c@x>"),
                row("Name <p@x> Commit <c@x", "N <c@x>", "N <c@x>"),
                row("Name <p@x> Commit <c@x", "N <p@x>", "Name <p@x>"),
                row("\n\r\n# only comments\nProper <c@x>\r\n", "N <c@x>", "Proper <c@x>"));
    }

    @ParameterizedTest(name = "[{index}] {0} maps {1}")
    @MethodSource("mappings")
    void resolvesAsGitCheckMailmapDoes(String mailmap, String commit, String expected) {
        GitIdent from = ident(commit);
        assertEquals(expected, Mailmap.parse(mailmap).resolve(from.name(), from.email()).toString());
    }

    @Test
    void theFixtureRepositorysMailmapGivesTheNameGitLogPrinted() throws IOException {
        try (InputStream in = MailmapTest.class.getResourceAsStream("/relicensing/fixture.mailmap")) {
            Mailmap mailmap = Mailmap.read(in);
            // git-log.txt's first commit, made as "ada lovelace <ADA@old.example.org>".
            assertEquals(new GitIdent("Ada Lovelace", "ada@example.org"),
                    mailmap.resolve("ada lovelace", "ADA@old.example.org"));
        }
    }

    @Test
    void aLatin1MailmapIsReadAsLatin1() throws IOException {
        byte[] latin1 = "José Müller <jose@example.org> <jm@old.example.org>\n".getBytes(StandardCharsets.ISO_8859_1);
        Mailmap mailmap = Mailmap.read(new ByteArrayInputStream(latin1));
        assertEquals(new GitIdent("José Müller", "jose@example.org"), mailmap.resolve("jm", "jm@old.example.org"));
    }

    @Test
    void anEmptyMailmapChangesNothing() {
        Mailmap mailmap = Mailmap.parse("# nothing yet\n");
        assertTrue(mailmap.isEmpty());
        GitIdent ada = new GitIdent("Ada", "ada@example.org");
        assertEquals(ada, mailmap.resolve(ada));
    }

    private static Arguments row(String mailmap, String commit, String expected) {
        return Arguments.of(mailmap, commit, expected);
    }

    private static GitIdent ident(String text) {
        int open = text.lastIndexOf('<');
        return new GitIdent(text.substring(0, open).strip(), text.substring(open + 1, text.length() - 1));
    }
}
