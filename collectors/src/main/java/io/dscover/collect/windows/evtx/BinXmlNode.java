package io.dscover.collect.windows.evtx;

/**
 * Binary XML parsed but not yet filled in: the shape of a template definition (or of a plain
 * fragment), with substitution slots where a record's values go.
 */
sealed interface BinXmlNode {

    /** How many nodes this one stands for, itself included (for the per-record output budget). */
    int size();

    record Element(String name, Attribute[] attributes, BinXmlNode[] children, int size) implements BinXmlNode {
    }

    /** An attribute's value is a run of text and substitution parts. */
    record Attribute(String name, BinXmlNode[] value) {
    }

    record Text(String text) implements BinXmlNode {
        @Override
        public int size() {
            return 1;
        }
    }

    /**
     * Slot {@code index} of the record's values; {@code optional} slots whose value is null leave an
     * attribute out (Windows renders no {@code Qualifiers=""}).
     */
    record Substitution(int index, int declaredType, boolean optional) implements BinXmlNode {
        @Override
        public int size() {
            return 1;
        }
    }

    /** A template instance: a template and the values that fill it. */
    record Instance(Template template, BinXmlValue[] values) implements BinXmlNode {
        @Override
        public int size() {
            return 1;
        }
    }

    /** A parsed template definition, cached per chunk by its offset. */
    record Template(int offset, BinXmlNode[] nodes) {
    }
}
