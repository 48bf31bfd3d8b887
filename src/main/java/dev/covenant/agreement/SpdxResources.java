package dev.covenant.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the files under {@code spdx/} on the classpath into an {@link SpdxLicenses}. */
final class SpdxResources {

    private SpdxResources() {
    }

    static SpdxLicenses loadStandard() {
        Map<String, Object> licenses = object(SimpleJson.parse(read("spdx/licenses.json")));
        Map<String, Object> exceptions = object(SimpleJson.parse(read("spdx/exceptions.json")));
        String version = text(licenses, "licenseListVersion");
        if (!version.equals(text(exceptions, "licenseListVersion"))) {
            // Mixing two list versions would make an exception id valid or not depending on which file moved.
            throw new IllegalStateException("spdx/licenses.json is list " + version
                    + " but spdx/exceptions.json is list " + text(exceptions, "licenseListVersion"));
        }
        List<LicenseFact> licenseFacts = list(licenses, "licenses").stream()
                .map(SpdxResources::object)
                .map(e -> new LicenseFact(text(e, "id"), text(e, "name"),
                        flag(e, "osiApproved"), flag(e, "fsfLibre"), flag(e, "deprecated")))
                .toList();
        List<ExceptionFact> exceptionFacts = list(exceptions, "exceptions").stream()
                .map(SpdxResources::object)
                .map(e -> new ExceptionFact(text(e, "id"), text(e, "name"), flag(e, "deprecated")))
                .toList();
        List<String> copyleft = read("spdx/fsf-recommended-copyleft.txt").lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
        return new SpdxLicenses(version, licenseFacts, exceptionFacts, copyleft);
    }

    private static String read(String resource) {
        ClassLoader loader = SpdxResources.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("Expected a JSON object in the SPDX data but found " + value);
    }

    private static List<?> list(Map<String, Object> owner, String key) {
        if (owner.get(key) instanceof List<?> values) {
            return values;
        }
        throw new IllegalStateException("Expected a JSON array at \"" + key + "\" in the SPDX data");
    }

    private static String text(Map<String, Object> owner, String key) {
        if (owner.get(key) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("Expected a string at \"" + key + "\" in " + owner);
    }

    private static boolean flag(Map<String, Object> owner, String key) {
        if (owner.get(key) instanceof Boolean value) {
            return value;
        }
        throw new IllegalStateException("Expected true or false at \"" + key + "\" in " + owner);
    }
}
