package io.dscover.collect.windows.record;

/**
 * Receives one event's XML as a stream of elements: the Event XML reader and the EVTX binary-XML
 * reader both produce these calls, so one {@link WindowsRecordBuilder} serves both. Attributes of an
 * element arrive right after its {@link #startElement} and before any text or child.
 */
public interface EventXmlHandler {

    void startElement(String name);

    void attribute(String name, String value);

    void text(String text);

    void endElement();
}
