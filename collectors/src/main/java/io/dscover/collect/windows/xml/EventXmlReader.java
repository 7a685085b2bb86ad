package io.dscover.collect.windows.xml;

import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.collect.windows.record.WindowsRecordBuilder;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads Windows Event XML: a single {@code <Event>}, an {@code <Events>} list, or wevtutil's bare
 * sequence of events, in any encoding the export wrote. Each event is parsed on its own; a
 * malformed, truncated or oversized event is rejected with its line and the next one is read.
 * Events in the plain shape exporters write are read by {@link PlainEventXml}; the rest, and every
 * malformed one, by the hardened StAX parser of {@link EventXml}.
 */
public final class EventXmlReader implements RecordReader {

    /** Events larger than this are skipped unread (real ones are a few kilobytes). */
    public static final int MAX_EVENT_BYTES = 1 << 20;

    private final InputStream in;
    private final EventXmlSplitter splitter;
    private final InputLedger ledger;
    private final boolean offsetsKnown;
    private final WindowsRecordBuilder builder = new WindowsRecordBuilder();
    private final PlainEventXml plain = new PlainEventXml();

    public EventXmlReader(InputStream in, InputLedger ledger) throws IOException {
        Utf8Input.Decoded decoded = Utf8Input.of(in);
        this.in = decoded.utf8();
        this.offsetsKnown = decoded.offsetsPreserved();
        this.splitter = new EventXmlSplitter(this.in, MAX_EVENT_BYTES);
        this.ledger = ledger;
    }

    @Override
    public WindowsRecord next() throws IOException {
        while (true) {
            EventXmlSplitter.Found found = splitter.next();
            if (found == EventXmlSplitter.Found.END) {
                return null;
            }
            ledger.recordRead();
            switch (found) {
                case TRUNCATED -> ledger.reject("line " + splitter.eventLine(), "truncated event XML",
                        "the <Event> has no end tag before the next event or the end of the input");
                case OVERSIZED -> ledger.reject("line " + splitter.eventLine(), "event too large",
                        "over " + MAX_EVENT_BYTES + " bytes; skipped");
                default -> {
                    WindowsRecord r = parse();
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
    }

    private WindowsRecord parse() {
        builder.reset();
        if (plain.parse(splitter.eventBytes(), 0, splitter.eventLength(), builder)) {
            return builder.record().atLine(splitter.eventLine(), offsetsKnown ? splitter.eventOffset() : -1);
        }
        builder.reset(); // not the plain shape: the general parser reads it (and reports what is wrong with it)
        try {
            EventXml.parse(splitter.eventBytes(), 0, splitter.eventLength(), builder);
        } catch (XMLStreamException | RuntimeException e) {
            ledger.reject(locate(e), "malformed event XML", firstLine(e.getMessage()));
            return null;
        }
        return builder.record().atLine(splitter.eventLine(), offsetsKnown ? splitter.eventOffset() : -1);
    }

    /** The absolute line of a parser error inside the current event. */
    private String locate(Exception e) {
        long line = splitter.eventLine();
        if (e instanceof XMLStreamException x) {
            Location l = x.getLocation();
            if (l != null && l.getLineNumber() > 0) {
                line += l.getLineNumber() - 1;
            }
        }
        return "line " + line;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        if (m.startsWith("ParseError at [row,col]:")) {
            int nl = m.indexOf('\n');
            m = nl < 0 ? m : m.substring(nl + 1).strip();
        }
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        int at = m.indexOf(" at [row,col");
        m = at < 0 ? m : m.substring(0, at);
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
