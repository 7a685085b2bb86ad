package io.dscover.collect.windows;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.collect.windows.evtx.EvtxReader;
import io.dscover.collect.windows.json.WindowsJsonReader;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.xml.EventXmlReader;
import io.dscover.model.event.DataComponent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Windows host telemetry of network connections: Sysmon Event ID 3 and Security 5156/5157 (and the
 * 5158/5159 binds) from native .evtx files, Event XML (wevtutil, Event Viewer, PowerShell ToXml),
 * Winlogbeat/Elastic ECS JSON, NXLog JSON, evtx_dump JSON and Sentinel / Log Analytics exports.
 *
 * <p>Options: {@code windows.device-map=\Device\HarddiskVolume2=C:,...} (drive letters for NT device
 * paths), {@code windows.timezone=ZONE} (zone of NXLog's zone-less local times; inferred per record
 * when unset), {@code windows.evtx-checksums=read|skip} (what to do with a chunk whose CRC32 does not
 * match: read its records anyway, the default, or skip it).
 */
public final class WindowsCollector implements Collector {

    public static final String OPTION_DEVICE_MAP = "windows.device-map";
    public static final String OPTION_TIMEZONE = "windows.timezone";
    public static final String OPTION_EVTX_CHECKSUMS = "windows.evtx-checksums";

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public String description() {
        return "Sysmon EID 3 and Security 5156/5157/5158 as .evtx, Event XML, Winlogbeat, NXLog, evtx_dump or Sentinel JSON";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("connection");
    }

    @Override
    public Set<DataComponent> components() {
        return EnumSet.of(DataComponent.CONNECTION_CREATION);
    }

    @Override
    public int probe(InputSample sample) {
        return WindowsExportForm.detect(sample.head()).confidence();
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        CollectorOptions options = context.options();
        DevicePathMap devices = DevicePathMap.parse(options.get(OPTION_DEVICE_MAP));
        ZoneId zone = zone(options.get(OPTION_TIMEZONE));
        boolean skipBadChunks = skipBadChunks(options.get(OPTION_EVTX_CHECKSUMS, "read"));
        BufferedInputStream in = new BufferedInputStream(input.open(), 1 << 16);
        RecordReader reader;
        try {
            in.mark(InputSample.SIZE);
            byte[] head = in.readNBytes(InputSample.SIZE);
            in.reset();
            WindowsExportForm form = WindowsExportForm.detect(head).form();
            if (form == null) {
                throw new IOException("not a Windows event export (no EVTX signature, Event XML or JSON)");
            }
            reader = switch (form) {
                case EVTX -> new EvtxReader(in, context.ledger(), skipBadChunks);
                case EVENT_XML -> new EventXmlReader(in, context.ledger());
                case JSON -> new WindowsJsonReader(in, context.ledger(), zone);
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new WindowsEventSource(reader, new NetworkConnectionMapper(context.ledger(), devices));
    }

    private static ZoneId zone(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(spec.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(OPTION_TIMEZONE + ": not a time zone: " + spec
                    + " (use e.g. UTC, -04:00 or America/New_York)", e);
        }
    }

    private static boolean skipBadChunks(String spec) {
        return switch (spec.strip()) {
            case "read" -> false;
            case "skip" -> true;
            default -> throw new IllegalArgumentException(OPTION_EVTX_CHECKSUMS + ": 'read' or 'skip', not '" + spec + "'");
        };
    }
}
