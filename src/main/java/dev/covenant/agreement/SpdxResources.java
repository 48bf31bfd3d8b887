package dev.covenant.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads the files under {@code spdx/} on the classpath into an {@link SpdxLicenses}. */
final class SpdxResources {

    /**
     * Strict about what the facts need: a missing or null field is an error in the shipped data, not {@code false}.
     * Plain and static: the list is read on first use, also outside the application (tools, plain tests).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** {@code licenses.json}; its {@code releaseDate} is for people reading the file. */
    @JsonIgnoreProperties("releaseDate")
    record LicenseList(String licenseListVersion, List<LicenseFact> licenses) {
    }

    /** {@code exceptions.json}. */
    @JsonIgnoreProperties("releaseDate")
    record ExceptionList(String licenseListVersion, List<ExceptionFact> exceptions) {
    }

    private SpdxResources() {
    }

    static SpdxLicenses loadStandard() {
        LicenseList licenses = parse("spdx/licenses.json", read("spdx/licenses.json"), LicenseList.class);
        ExceptionList exceptions = parse("spdx/exceptions.json", read("spdx/exceptions.json"), ExceptionList.class);
        String version = licenses.licenseListVersion();
        if (!version.equals(exceptions.licenseListVersion())) {
            // Mixing two list versions would make an exception id valid or not depending on which file moved.
            throw new IllegalStateException("spdx/licenses.json is list " + version
                    + " but spdx/exceptions.json is list " + exceptions.licenseListVersion());
        }
        List<String> copyleft = read("spdx/fsf-recommended-copyleft.txt").lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
        return new SpdxLicenses(version, licenses.licenses(), exceptions.exceptions(), copyleft);
    }

    static <T> T parse(String resource, String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The SPDX data in " + resource + " is not as expected: "
                    + e.getOriginalMessage(), e);
        }
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
}
