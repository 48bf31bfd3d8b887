package dev.covenant.signing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Imports of signatures made elsewhere (CLA Assistant Lite's file, a CSV export). */
@ConfigMapping(prefix = "covenant.signature-import")
public interface ImportConfig {

    /** The largest file an import takes (about 150 bytes a signature in CLA Assistant Lite's file). A larger one is 413. */
    @WithDefault("64M")
    MemorySize maxSize();

    /** How many signatures an import prepares and sends to PostgreSQL at a time, in its one transaction. */
    @WithDefault("1000")
    int chunk();
}
