package io.dscover.collect.zeek;

import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.InputLedger;
import io.dscover.collect.text.LineReader;
import io.dscover.collect.text.Utf8;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Streams one Zeek log (TSV or JSON, told apart by the first line) into events, one line per call.
 * Every data line is a record in the ledger: it yields its events, or is rejected with its line
 * number and reason (line too long, invalid UTF-8, wrong column count, malformed JSON, no usable
 * ts), or yields its events flagged (a field that did not fit its type was left out, a btest-masked
 * ts was read as the epoch). Memory is bounded by the line limit and the fixed-size caches.
 */
final class ZeekLogSource implements EventSource {

    /** Distinct {@code _path} values one JSON input may mix; more is not a Zeek stream. */
    private static final int MAX_PATHS = 256;

    private enum Format { UNKNOWN, TSV, JSON }

    private final LineReader lines;
    private final InputLedger ledger;
    private final String inputName;
    private final String fileName;
    private final ZeekOptions options;
    private final Supplier<X509Index> certificates;
    private final AddressCache addresses = new AddressCache();
    private final List<NetworkEvent> pending = new ArrayList<>(2);
    private Format format = Format.UNKNOWN;

    // TSV
    private final TsvHeader header = new TsvHeader();
    private final TsvRecord tsv = new TsvRecord(addresses);
    private Columns tsvColumns;
    private LogMapper tsvMapper;

    // JSON
    private final Columns jsonColumns = Columns.growable();
    private final JsonRecord json = new JsonRecord(jsonColumns, addresses);
    private final Map<String, LogMapper> jsonMappers = new HashMap<>();
    private final int jsonPathColumn = jsonColumns.indexOf("_path");
    private String jsonDefaultPath;

    ZeekLogSource(InputStream in, InputLedger ledger, String fileName, ZeekOptions options,
            Supplier<X509Index> certificates) {
        this.lines = new LineReader(in, options.maxLineBytes());
        this.ledger = ledger;
        this.inputName = ledger.input();
        this.fileName = fileName;
        this.options = options;
        this.certificates = certificates;
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        LineReader.Line line = lines.next();
        if (line == null) {
            return false;
        }
        if (line.tooLong()) {
            ledger.recordRead();
            ledger.reject(location(line), "line too long", "over " + options.maxLineBytes() + " bytes");
            return true;
        }
        byte[] b = line.buffer();
        int from = line.from();
        int to = line.to();
        while (from < to && (b[from] == ' ' || b[from] == '\r')) {
            from++;
        }
        if (from == to) {
            return true; // blank (a line of tabs is a TSV row, and is judged as one)
        }
        if (format == Format.UNKNOWN) {
            format = b[from] == '{' ? Format.JSON : Format.TSV;
        }
        if (format == Format.TSV && b[line.from()] == '#') {
            directive(line);
            return true;
        }
        ledger.recordRead();
        LogMapper mapper = format == Format.TSV ? tsvRow(line) : jsonRow(line, from, to);
        if (mapper == null) {
            return true;
        }
        ZeekRecord r = format == Format.TSV ? tsv : json;
        LogMapper.TimeStatus time = mapper.readShared(r, inputName, line.number(), line.offset());
        if (time == LogMapper.TimeStatus.UNSET || time == LogMapper.TimeStatus.BAD) {
            ledger.reject(location(line), time == LogMapper.TimeStatus.UNSET ? "missing ts" : "bad ts",
                    time == LogMapper.TimeStatus.UNSET ? "ts is unset" : r.firstError());
            return true;
        }
        mapper.map(r, pending);
        if (time == LogMapper.TimeStatus.MASKED) {
            ledger.flag(location(line), "masked ts", "btest-masked ts read as 1970-01-01T00:00:00Z");
        } else if (time == LogMapper.TimeStatus.NO_COLUMN) {
            ledger.flag(location(line), "no ts column", "time set to 1970-01-01T00:00:00Z");
        }
        if (r.errorCount() > 0) {
            ledger.flag(location(line), "bad field value", r.firstError()
                    + (r.errorCount() > 1 ? " (and " + (r.errorCount() - 1) + " more)" : "") + "; left out");
        }
        for (int i = 0; i < pending.size(); i++) {
            sink.accept(pending.get(i));
        }
        pending.clear();
        return true;
    }

    private void directive(LineReader.Line line) {
        String problem = header.directive(line.buffer(), line.from(), line.to());
        if (problem != null) {
            // a header line is not a record: it is used as far as it can be, and the problem flagged
            ledger.flag(location(line), "bad header", problem);
        }
    }

    private LogMapper tsvRow(LineReader.Line line) {
        if (header.changed() || tsvColumns == null) {
            Columns c = header.columns();
            if (c == null) {
                ledger.reject(location(line), "no header", "data before any #fields line");
                return null;
            }
            tsvColumns = c;
            tsv.setMarkers(header.unsetField(), header.emptyField(), header.setSeparator());
            String path = pathOf(header.path(), c::has);
            tsvMapper = LogMappers.forPath(path, certificatesFor(path));
            tsvMapper.bind(c);
        }
        tsv.reset(tsvColumns);
        int expected = tsvColumns.size();
        int n = tsv.split(line.buffer(), line.from(), line.to(), header.separator(), expected);
        if (tsv.nonAscii() && !Utf8.isValid(line.buffer(), line.from(), line.to())) {
            ledger.reject(location(line), "invalid UTF-8", invalidUtf8At(line));
            return null;
        }
        if (n != expected) {
            ledger.reject(location(line), "wrong column count", n + " fields, #fields has " + expected);
            return null;
        }
        return tsvMapper;
    }

    private LogMapper jsonRow(LineReader.Line line, int from, int to) {
        String problem = json.parse(line.buffer(), from, to);
        if (json.nonAscii() && !Utf8.isValid(line.buffer(), from, to)) {
            ledger.reject(location(line), "invalid UTF-8", invalidUtf8At(line));
            return null;
        }
        if (problem != null) {
            ledger.reject(location(line), problem.equals(JsonRecord.NOT_AN_OBJECT) ? "not a JSON object" : "malformed JSON",
                    problem);
            return null;
        }
        String path = json.text(jsonPathColumn);
        if (path == null) {
            if (jsonDefaultPath == null) {
                jsonDefaultPath = pathOf(null, name -> json.present(jsonColumns.find(name)));
            }
            path = jsonDefaultPath;
        } else if (!LogPaths.isLogName(path)) {
            ledger.reject(location(line), "bad _path", "'" + ZeekRecord.abbreviate(path) + "' is not a log name");
            return null;
        }
        LogMapper mapper = jsonMappers.get(path);
        if (mapper == null) {
            if (jsonMappers.size() >= MAX_PATHS) {
                ledger.reject(location(line), "too many log paths", "more than " + MAX_PATHS + " distinct _path values");
                return null;
            }
            mapper = LogMappers.forPath(path, certificatesFor(path));
            mapper.bind(jsonColumns);
            jsonMappers.put(path, mapper);
        }
        return mapper;
    }

    /** The log path: as declared, else {@code zeek.path}, else a known file name, else the columns' signature. */
    private String pathOf(String declared, Predicate<String> hasColumn) {
        if (LogPaths.isLogName(declared)) {
            return declared;
        }
        if (options.path() != null) {
            return options.path();
        }
        String byName = LogPaths.fromFileName(fileName);
        if (LogPaths.isKnown(byName)) {
            return byName;
        }
        String byColumns = LogPaths.fromColumns(hasColumn);
        if (byColumns != null) {
            return byColumns;
        }
        return byName != null ? byName : "unknown";
    }

    private X509Index certificatesFor(String path) {
        return path.equals("ssl") ? certificates.get() : X509Index.empty();
    }

    /** Where in the line the first sequence that breaks UTF-8 starts. */
    private static String invalidUtf8At(LineReader.Line line) {
        int column = Utf8.firstInvalid(line.buffer(), line.from(), line.to()) - line.from();
        return "byte " + (column + 1) + " of the line (offset " + (line.offset() + column) + ")";
    }

    private static String location(LineReader.Line line) {
        return "line " + line.number();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
