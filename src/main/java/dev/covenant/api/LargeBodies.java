package dev.covenant.api;

import java.util.OptionalLong;

/**
 * A larger request-body cap than the API's 1 MiB, declared by the capability whose path needs it, so that the filter
 * ({@link BodyLimitFilter}) need not know the capabilities. A request given a cap here may also come chunked, without
 * a length: the resource then counts what arrives.
 */
public interface LargeBodies {

    /** The cap for this request, or empty when it is not one of these. */
    OptionalLong limit(String method, String path);
}
