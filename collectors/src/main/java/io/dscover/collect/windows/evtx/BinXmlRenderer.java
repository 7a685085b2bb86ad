package io.dscover.collect.windows.evtx;

import io.dscover.collect.windows.evtx.BinXmlNode.Attribute;
import io.dscover.collect.windows.evtx.BinXmlNode.Element;
import io.dscover.collect.windows.evtx.BinXmlNode.Instance;
import io.dscover.collect.windows.evtx.BinXmlNode.Substitution;
import io.dscover.collect.windows.evtx.BinXmlNode.Text;
import io.dscover.collect.windows.record.EventXmlHandler;

/**
 * Fills templates with a record's values and hands the resulting elements to an
 * {@link EventXmlHandler}, the way Windows renders them: an optional substitution whose value is
 * NULL leaves its attribute out, a binary-XML value is rendered in place, and an element whose
 * content is an array value is repeated once per item. {@link #measure} checks first how many nodes
 * a record expands to, so a small record cannot blow up through shared templates and the handler
 * only ever sees complete records.
 */
final class BinXmlRenderer {

    /** More output nodes than this in one record is treated as corruption (real events have a few hundred). */
    static final long MAX_NODES = 100_000;

    private static final BinXmlValue[] NO_VALUES = new BinXmlValue[0];

    private BinXmlRenderer() {
    }

    /** Output nodes of a record, stopping early once past {@code MAX_NODES}. */
    static long measure(BinXmlNode[] nodes) {
        return measure(nodes, NO_VALUES, 0);
    }

    private static long measure(BinXmlNode[] nodes, BinXmlValue[] values, long sofar) {
        long total = sofar;
        for (BinXmlNode n : nodes) {
            if (total > MAX_NODES) {
                return total;
            }
            if (n instanceof Element e) {
                long one = 1 + e.attributes().length;
                one = measure(e.children(), values, one);
                total += one * repeats(e, values);
            } else if (n instanceof Instance i) {
                total = measure(i.template().nodes(), i.values(), total + 1);
            } else if (n instanceof Substitution s) {
                BinXmlValue v = value(s, values);
                total += 1;
                if (v != null && v.fragment() != null) {
                    total = measure(v.fragment(), NO_VALUES, total);
                }
            } else {
                total += 1;
            }
        }
        return total;
    }

    static void render(BinXmlNode[] nodes, EventXmlHandler handler) {
        render(nodes, NO_VALUES, handler);
    }

    private static void render(BinXmlNode[] nodes, BinXmlValue[] values, EventXmlHandler handler) {
        for (BinXmlNode n : nodes) {
            if (n instanceof Element e) {
                int times = repeats(e, values);
                for (int k = 0; k < times; k++) {
                    renderElement(e, values, k, handler);
                }
            } else if (n instanceof Instance i) {
                render(i.template().nodes(), i.values(), handler);
            } else if (n instanceof Substitution s) {
                renderValue(value(s, values), -1, handler);
            } else if (n instanceof Text t) {
                handler.text(t.text());
            }
        }
    }

    private static void renderElement(Element e, BinXmlValue[] values, int item, EventXmlHandler handler) {
        handler.startElement(e.name());
        for (Attribute a : e.attributes()) {
            String text = attributeText(a, values);
            if (text != null) {
                handler.attribute(a.name(), text);
            }
        }
        for (BinXmlNode child : e.children()) {
            if (child instanceof Substitution s) {
                renderValue(value(s, values), item, handler);
            } else {
                render(new BinXmlNode[] {child}, values, handler);
            }
        }
        handler.endElement();
    }

    /** The attribute's text, or null when it consists only of optional substitutions with NULL values. */
    private static String attributeText(Attribute a, BinXmlValue[] values) {
        StringBuilder text = new StringBuilder();
        boolean present = a.value().length == 0;
        for (BinXmlNode part : a.value()) {
            if (part instanceof Text t) {
                text.append(t.text());
                present = true;
            } else if (part instanceof Substitution s) {
                BinXmlValue v = value(s, values);
                if (v == null || v.isNull()) {
                    present |= !s.optional();
                } else {
                    present = true;
                    if (v.text() != null) {
                        text.append(v.text());
                    } else if (v.items() != null) {
                        text.append(String.join(" ", v.items()));
                    }
                }
            }
        }
        return present ? text.toString() : null;
    }

    private static void renderValue(BinXmlValue v, int item, EventXmlHandler handler) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.fragment() != null) {
            render(v.fragment(), NO_VALUES, handler);
        } else if (v.items() != null) {
            if (item >= 0) {
                if (item < v.items().size()) {
                    handler.text(v.items().get(item));
                }
            } else {
                handler.text(String.join(" ", v.items()));
            }
        } else {
            handler.text(v.text());
        }
    }

    /** How many times an element renders: once per item when its content is an array substitution. */
    private static int repeats(Element e, BinXmlValue[] values) {
        for (BinXmlNode child : e.children()) {
            if (child instanceof Substitution s) {
                BinXmlValue v = value(s, values);
                if (v != null && v.items() != null) {
                    return Math.max(1, v.items().size());
                }
            }
        }
        return 1;
    }

    private static BinXmlValue value(Substitution s, BinXmlValue[] values) {
        return s.index() < values.length ? values[s.index()] : null;
    }
}
