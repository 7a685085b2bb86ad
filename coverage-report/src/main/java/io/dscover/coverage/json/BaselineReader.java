package io.dscover.coverage.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.coverage.report.Level;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the entries of a coverage JSON report ({@link CoverageJson}) as a {@link Baseline}. */
public final class BaselineReader {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private BaselineReader() {
    }

    public static Baseline read(Path file) throws BaselineException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such file");
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static Baseline parse(String json, String name) throws BaselineException {
        try {
            return read(new StringReader(json), name);
        } catch (IOException e) {
            throw new BaselineException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Baseline read(Reader in, String name) throws BaselineException, IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new BaselineException(name + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || !root.isObject() || !CoverageJson.FORMAT.equals(root.path("format").asText())) {
            throw new BaselineException(name + ": not a dscover coverage report (\"format\": \"" + CoverageJson.FORMAT
                    + "\" missing; write one with dscover coverage --format json)");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version < 1 || version > CoverageJson.FORMAT_VERSION) {
            throw new BaselineException(name + ": coverage report format version " + root.path("formatVersion")
                    + " is newer than this dscover reads (" + CoverageJson.FORMAT_VERSION + ")");
        }
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new BaselineException(name + ": \"entries\" must be an array");
        }
        Map<String, Baseline.BaselineEntry> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String id = e.path("id").asText("");
            JsonNode level = e.get("level");
            if (id.isEmpty() || level == null || !level.isInt() || level.asInt() < 0 || level.asInt() > 3) {
                throw new BaselineException(name + ": entries[" + i + "] needs an \"id\" and a \"level\" from 0 to 3");
            }
            out.put(id, new Baseline.BaselineEntry(id, e.path("fullName").asText(e.path("name").asText("")),
                    Level.ofScore(level.asInt())));
        }
        return new Baseline(name, root.path("attack").path("version").asText(""), out);
    }
}
