package io.dscover.collect.windows.evtx;

import java.util.List;

/**
 * One substitution value of a template instance, decoded: its text as Windows renders it, the
 * items of an array type, or the binary XML of type 0x21 (an embedded fragment).
 *
 * @param type     the value type from the instance's descriptor (0x81 = array of strings, ...)
 * @param text     the rendering of a scalar; {@code null} for the NULL type, arrays and binary XML
 * @param items    the rendered items of an array type, else {@code null}
 * @param fragment the parsed nodes of a binary XML value, else {@code null}
 */
record BinXmlValue(int type, String text, List<String> items, BinXmlNode[] fragment) {

    static final int NULL = 0x00;
    static final int BINXML = 0x21;
    static final int ARRAY = 0x80;

    boolean isNull() {
        return type == NULL;
    }

    boolean isArray() {
        return items != null;
    }
}
