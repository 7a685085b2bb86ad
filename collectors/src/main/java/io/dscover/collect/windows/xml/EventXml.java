package io.dscover.collect.windows.xml;

import io.dscover.collect.windows.record.EventXmlHandler;
import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/** Parses one XML element (an {@code <Event>}, or an {@code <EventData>} string) into handler calls. */
public final class EventXml {

    private EventXml() {
    }

    /** Parses UTF-8 bytes. */
    public static void parse(byte[] bytes, int offset, int length, EventXmlHandler handler) throws XMLStreamException {
        XMLStreamReader r = SecureXml.factory().createXMLStreamReader(new Stax2ByteArraySource(bytes, offset, length));
        walk(r, handler);
    }

    /** Parses a string, e.g. the XML a Sentinel export keeps in a JSON field. */
    public static void parse(String xml, EventXmlHandler handler) throws XMLStreamException {
        XMLStreamReader r = SecureXml.factory().createXMLStreamReader(new StringReader(xml));
        walk(r, handler);
    }

    private static void walk(XMLStreamReader r, EventXmlHandler handler) throws XMLStreamException {
        try {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        handler.startElement(r.getLocalName());
                        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                            handler.attribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            handler.text(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> handler.endElement();
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new XMLStreamException("undeclared entity &" + r.getLocalName() + ";", r.getLocation());
                    case XMLStreamConstants.DTD ->
                            throw new XMLStreamException("a DOCTYPE is not allowed here", r.getLocation());
                    default -> {
                        // comments and processing instructions carry nothing of the event
                    }
                }
            }
        } catch (RuntimeException e) {
            // a parser's unchecked report of malformed input (e.g. Woodstox's lazy exceptions) is still malformed input
            throw new XMLStreamException(e.getMessage(), r.getLocation(), e);
        } finally {
            r.close();
        }
    }
}
