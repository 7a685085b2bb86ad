package io.dscover.collect.windows.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The one StAX configuration dscover reads Windows XML with. Event XML comes from the machines an
 * attacker may control, so: no DTD processing at all (so no entity declarations, no external
 * entities, no "billion laughs"), a resolver that refuses every URI, and caps on depth, element
 * count, attribute and text sizes. Woodstox rather than the JDK parser because it is faster on the
 * many small documents the splitter hands it and exposes all of these limits.
 */
public final class SecureXml {

    /** Longest text or attribute value kept (a Windows event's largest field is far smaller). */
    static final int MAX_TEXT = 1 << 20;

    private static final XMLInputFactory FACTORY = create();

    private SecureXml() {
    }

    /** The shared, hardened factory (thread-safe once configured). */
    public static XMLInputFactory factory() {
        return FACTORY;
    }

    private static XMLInputFactory create() {
        WstxInputFactory f = new WstxInputFactory();
        f.configureForSpeed();
        // errors must surface as XMLStreamException from next(), not later as a RuntimeException from getText()
        f.setProperty(WstxInputProperties.P_LAZY_PARSING, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 100L);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, 100_000L);
        f.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, 10_000);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, 16L * MAX_TEXT);
        // Windows writes control characters as XML 1.1 character references (&#x1;) even in 1.0 documents
        f.setProperty(WstxInputProperties.P_ALLOW_XML11_ESCAPED_CHARS_IN_XML10, true);
        return f;
    }
}
