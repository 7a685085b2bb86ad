package io.dscover.collect.windows.evtx;

import io.dscover.collect.windows.record.EventXmlHandler;
import java.util.ArrayDeque;

/** Renders handler calls as compact XML text, for assertions that read like the XML Windows shows. */
final class RenderedXml implements EventXmlHandler {

    private final StringBuilder out = new StringBuilder();
    private final ArrayDeque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    @Override
    public void startElement(String name) {
        closeStartTag();
        out.append('<').append(name);
        open.push(name);
        inStartTag = true;
    }

    @Override
    public void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }

    @Override
    public void text(String text) {
        closeStartTag();
        out.append(text);
    }

    @Override
    public void endElement() {
        String name = open.pop();
        if (inStartTag) {
            out.append("/>");
            inStartTag = false;
        } else {
            out.append("</").append(name).append('>');
        }
    }

    private void closeStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    String take() {
        String s = out.toString();
        out.setLength(0);
        return s;
    }
}
