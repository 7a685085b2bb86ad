package io.dscover.collect.zeek;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Zeek types of standard log columns whose JSON form is ambiguous (a time or an interval is just a
 * number, an address just text), from the bundled {@code column-types.tsv}. TSV logs never need it:
 * {@code #types} says it all.
 */
final class ColumnTypes {

    private static final Map<String, ZeekType> TYPES = load();

    private ColumnTypes() {
    }

    /** The type of {@code column} in log {@code path}, or {@code null} when the catalog does not know it. */
    static ZeekType lookup(String path, String column) {
        ZeekType t = path == null ? null : TYPES.get(path + '\t' + column);
        return t != null ? t : TYPES.get("*\t" + column);
    }

    private static Map<String, ZeekType> load() {
        Map<String, ZeekType> m = new HashMap<>();
        try (InputStream in = ColumnTypes.class.getResourceAsStream("column-types.tsv")) {
            if (in == null) {
                throw new IllegalStateException("column-types.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException("column-types.tsv: bad line: " + line);
                }
                m.put(f[0] + '\t' + f[1], ZeekType.parse(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
