package io.dscover.collect.zeek;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the log being read, by index. A TSV header fixes them ({@code #fields} and
 * {@code #types}); JSON logs name them per line, so the JSON reader's columns grow as new keys
 * appear (up to {@link #MAX_COLUMNS}) and a mapper can bind to a column no line has shown yet.
 */
final class Columns {

    /** More distinct keys than this in one input is not a Zeek log; the excess is refused, not stored. */
    static final int MAX_COLUMNS = 4096;

    /** Prefix of extra fields: a Zeek column the schema has no name for becomes {@code zeek.<column>}. */
    static final String EXTRA_PREFIX = "zeek.";

    private final List<String> names = new ArrayList<>();
    private final List<String> extraNames = new ArrayList<>();
    private final List<ZeekType> types = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean growable;

    private Columns(boolean growable) {
        this.growable = growable;
    }

    /** Fixed columns from a TSV header; {@code types} may be shorter (missing types read as strings). */
    static Columns fixed(List<String> names, List<ZeekType> types) {
        Columns c = new Columns(false);
        for (int i = 0; i < names.size(); i++) {
            c.add(names.get(i), i < types.size() ? types.get(i) : null);
        }
        return c;
    }

    /** Columns that grow with the keys JSON lines bring. */
    static Columns growable() {
        return new Columns(true);
    }

    private int add(String name, ZeekType type) {
        int i = names.size();
        names.add(name);
        extraNames.add(EXTRA_PREFIX + name);
        types.add(type);
        index.putIfAbsent(name, i);
        return i;
    }

    /** The column's index; for growable columns a missing name is added, -1 when the limit is reached or the columns are fixed. */
    int indexOf(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        if (!growable || names.size() >= MAX_COLUMNS) {
            return -1;
        }
        return add(name, null);
    }

    /** The index of a column the log has, without adding it. */
    int find(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    String extraName(int i) {
        return extraNames.get(i);
    }

    /** The type the header declared, or {@code null} (JSON, or a TSV header without #types). */
    ZeekType declaredType(int i) {
        return types.get(i);
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
