package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The Jackson configuration for STIX: snake_case property names, absent properties left absent,
 * unknown properties kept (by the records' any-setters), exact decimals, and bounds on what one
 * hostile bundle can make the parser allocate.
 */
public final class StixJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(16 << 20)
                    .maxNumberLength(100)
                    .build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectReader OBJECT_READER = MAPPER.readerFor(StixObject.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader BUNDLE_READER = MAPPER.readerFor(Bundle.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StixJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static JsonFactory factory() {
        return FACTORY;
    }

    /** Reads one object from JSON text. */
    public static StixObject readObject(String json) throws StixFormatException {
        try {
            return OBJECT_READER.readValue(json);
        } catch (IOException e) {
            throw new StixFormatException("not a STIX object: " + StixBundleReader.firstLine(e.getMessage()), e);
        }
    }

    static ObjectReader objectReader() {
        return OBJECT_READER;
    }

    /** Reads a whole bundle into memory (small bundles, tests, round trips). */
    public static Bundle readBundle(String json) throws StixFormatException {
        try {
            Bundle b = BUNDLE_READER.readValue(json);
            if (!Bundle.TYPE.equals(b.type()) || b.objects() == null) {
                throw new StixFormatException("not a STIX bundle (needs \"type\": \"bundle\" and \"objects\")");
            }
            return b;
        } catch (StixFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new StixFormatException("not a STIX bundle: " + StixBundleReader.firstLine(e.getMessage()), e);
        }
    }

    public static String write(Object stix) {
        try {
            return MAPPER.writeValueAsString(stix);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write STIX JSON", e);
        }
    }

    public static void write(Object stix, OutputStream out, boolean pretty) throws IOException {
        ObjectWriter w = pretty ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer();
        w.writeValue(out, stix);
    }
}
