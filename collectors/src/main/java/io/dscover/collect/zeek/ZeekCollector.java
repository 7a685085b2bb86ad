package io.dscover.collect.zeek;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Zeek logs, ASCII (TSV) or JSON, plain or gzip'd, any log path. Detected by content: a
 * {@code #separator}/{@code #fields} header, or JSON objects with Zeek's keys ({@code uid},
 * {@code id.orig_h}, {@code _path}). Options: {@code zeek.path}, {@code zeek.max-line-bytes},
 * {@code zeek.x509}, {@code zeek.x509-max} (see {@link ZeekOptions}).
 */
public final class ZeekCollector implements Collector {

    private X509Cache x509Cache = new X509Cache(List.of(), X509Index.empty());

    /** The last folder's certificate index, reused while the run reads that folder's ssl logs. */
    private record X509Cache(List<String> inputs, X509Index index) {
    }

    @Override
    public String name() {
        return "zeek";
    }

    @Override
    public String description() {
        return "Zeek logs (TSV with #fields/#types headers, or JSON lines), gzip'd or rotated: conn, dns, http, "
                + "ssl+x509, ssh, smb, dce_rpc, rdp, ftp, smtp, snmp, tftp, ntlm, kerberos, notice, weird, any other log";
    }

    @Override
    public Set<String> eventTypes() {
        return new LinkedHashSet<>(LogMappers.EVENT_TYPES);
    }

    @Override
    public Set<DataComponent> components() {
        return EnumSet.of(DataComponent.CONNECTION_CREATION, DataComponent.TRAFFIC_FLOW);
    }

    @Override
    public int probe(InputSample sample) {
        String head = sample.headText();
        int at = 0;
        int lines = 0;
        while (at < head.length() && lines < 32) {
            int nl = head.indexOf('\n', at);
            String line = head.substring(at, nl < 0 ? head.length() : nl).strip();
            at = nl < 0 ? head.length() : nl + 1;
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            if (line.startsWith("#separator ")) {
                return 100;
            }
            if (line.startsWith("#fields") && line.length() > 8) {
                return 90;
            }
            if (line.startsWith("#")) {
                continue; // a comment such as btest's marker; the header may follow
            }
            return line.startsWith("{") ? probeJson(line) : 0;
        }
        return 0;
    }

    private static int probeJson(String line) {
        boolean path = line.contains("\"_path\"");
        if (path && line.contains("\"_write_ts\"")) {
            return 95;
        }
        if (line.contains("\"id.orig_h\"") || line.contains("\"id.resp_h\"")) {
            return 90;
        }
        if (line.contains("\"uid\"") && line.contains("\"ts\"")) {
            return 85;
        }
        if (path && line.contains("\"ts\"")) {
            return 80;
        }
        if (line.contains("\"certificate.subject\"") || (line.contains("\"fuid\"") && line.contains("\"seen_bytes\""))) {
            return 80; // x509 and files lines have no connection columns
        }
        return 0;
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        ZeekOptions options = ZeekOptions.from(context.options());
        List<Input> siblings = context.siblings();
        return new ZeekLogSource(input.open(), context.ledger(), input.baseName(), options,
                () -> options.joinX509() ? certificates(input, siblings, options) : X509Index.empty());
    }

    private synchronized X509Index certificates(Input ssl, List<Input> siblings, ZeekOptions options) {
        List<Input> candidates = X509Loader.candidates(ssl, siblings);
        List<String> names = candidates.stream().map(Input::displayName).toList();
        if (!names.equals(x509Cache.inputs())) {
            x509Cache = new X509Cache(names, X509Loader.load(candidates, options.x509Capacity()));
        }
        return x509Cache.index();
    }
}
