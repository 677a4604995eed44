package sluice.engine.parquet;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hadoop's codec loader warns on every start that it found no native Hadoop library, which Sluice never uses (its
 * codecs are snappy-java, zstd-jni, the JDK's gzip, aircompressor's lz4_raw and lz4-java under Hadoop's lz4): that
 * line would follow every command-line run that touches Parquet, so it is kept out. The logger is held here because
 * java.util.logging keeps loggers weakly.
 */
final class HadoopLogging {
    private static final Logger NATIVE_CODE_LOADER = quiet("org.apache.hadoop.util.NativeCodeLoader");

    private HadoopLogging() {
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Makes sure the class has run its set-up; call before parquet-mr first loads Hadoop's codecs. */
    static void quiet() {
        if (NATIVE_CODE_LOADER.getLevel() != Level.SEVERE) {
            NATIVE_CODE_LOADER.setLevel(Level.SEVERE);
        }
    }
}
