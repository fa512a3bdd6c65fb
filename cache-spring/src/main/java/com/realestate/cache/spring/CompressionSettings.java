package com.realestate.cache.spring;

import com.realestate.cache.client.CacheConfigurationException;
import com.realestate.cache.client.Compression;
import com.realestate.cache.client.CompressionDictionary;
import com.realestate.cache.spring.RealEstateCacheProperties.CompressionSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;

/**
 * The client's {@link Compression} from {@code realestate.cache.compression.*}: cache-core's defaults, or its
 * dictionary mode when a dictionary is given, with the threshold of that mode unless one is set. Dictionaries are
 * read here, at start, so that a missing or damaged file stops the start naming its property instead of turning
 * every compressed value into a miss.
 */
final class CompressionSettings {

    private static final String PROPERTY = "realestate.cache.compression.";

    private CompressionSettings() {
    }

    /**
     * @throws CacheConfigurationException naming the property and location of a dictionary that is missing,
     *                                     unreadable or no zstd dictionary, or two dictionaries sharing an id
     */
    static Compression resolve(CompressionSpec spec) {
        CompressionDictionary dictionary = spec.dictionary() == null ? null : read("dictionary", spec.dictionary());
        List<CompressionDictionary> previous = new ArrayList<>();
        for (int index = 0; index < spec.previousDictionaries().size(); index++) {
            previous.add(read("previous-dictionaries[" + index + "]", spec.previousDictionaries().get(index)));
        }
        Compression compression;
        if (!spec.enabled()) {
            compression = Compression.off();
            if (dictionary != null) {
                previous.addFirst(dictionary);
            }
        } else {
            compression = dictionary == null ? Compression.defaults() : Compression.dictionary(dictionary);
            if (spec.threshold() != null) {
                compression = compression.withThresholdBytes((int) spec.threshold().toBytes());
            }
        }
        try {
            return compression.alsoReading(previous);
        } catch (CacheConfigurationException e) {
            throw new CacheConfigurationException(PROPERTY + "dictionary and " + PROPERTY
                    + "previous-dictionaries cannot be used together: " + e.getMessage(), e);
        }
    }

    /** How {@code compression} treats values, with where its dictionaries came from, for the start-up log. */
    static String describe(Compression compression, CompressionSpec spec) {
        StringBuilder text = new StringBuilder();
        if (compression.thresholdBytes() == Integer.MAX_VALUE) {
            text.append("Cache values are not compressed");
        } else {
            text.append("Cache values from ").append(compression.thresholdBytes())
                    .append(" bytes are compressed with zstd");
            if (compression.dictionary() != null) {
                text.append(" and dictionary ").append(compression.dictionary().id())
                        .append(" (").append(spec.dictionary().getDescription()).append(')');
            }
        }
        if (!compression.previousDictionaries().isEmpty()) {
            text.append("; values of dictionaries ").append(compression.previousDictionaries().stream()
                    .map(previous -> String.valueOf(previous.id())).toList()).append(" are still read");
        }
        return text.toString();
    }

    private static CompressionDictionary read(String property, Resource location) {
        String where = PROPERTY + property + " (" + location.getDescription() + ")";
        if (!location.exists()) {
            throw new CacheConfigurationException(where + " does not exist");
        }
        if (!location.isReadable()) {
            throw new CacheConfigurationException(where + " is not a readable file");
        }
        byte[] bytes;
        try {
            bytes = location.getContentAsByteArray();
        } catch (IOException e) {
            throw new CacheConfigurationException(where + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return CompressionDictionary.of(bytes);
        } catch (CacheConfigurationException e) {
            throw new CacheConfigurationException(where + " cannot be used: " + e.getMessage(), e);
        }
    }
}
