package io.dscover.collect.windows;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.evtx.SampleEvtxAccess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the Windows collector (run by {@code benchmarks/windows/run.sh}, not by the test
 * suite): generates large realistic exports (wevtutil XML, NXLog JSON, Winlogbeat JSON, EVTX), reads
 * each several times into events and prints the median events per second and the heap in use.
 */
public final class WindowsThroughput {

    private WindowsThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/dscover-windows-bench");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Files.createDirectories(dir);
        Path xml = dir.resolve("wevtutil.xml");
        Path nxlog = dir.resolve("nxlog.json");
        Path winlogbeat = dir.resolve("winlogbeat.ndjson");
        Path evtx = dir.resolve("Security.evtx");
        generate(xml, events, WindowsThroughput::xmlEvent);
        generate(nxlog, events, WindowsThroughput::nxlogEvent);
        generate(winlogbeat, events, WindowsThroughput::winlogbeatEvent);
        evtx(evtx, events);
        for (Path p : List.of(xml, nxlog, winlogbeat, evtx)) {
            measure(p, runs);
        }
    }

    private static void measure(Path p, int runs) throws IOException {
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long emitted = 0;
        for (int i = 0; i < runs; i++) {
            InputLedger ledger = new InputLedger(p.toString());
            long[] n = {0};
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CollectorRegistry.read(new WindowsCollector(), Input.of(p),
                    new CollectorContext(CollectorOptions.empty(), ledger, List.of()), e -> n[0]++);
            long dt = System.nanoTime() - t0;
            long dc = threads.getCurrentThreadCpuTime() - c0;
            rates[i] = n[0] / (dt / 1e9);
            cpuRates[i] = n[0] / (dc / 1e9);
            emitted = n[0];
            if (ledger.rejected() > 0) {
                throw new IllegalStateException(p + ": " + ledger.rejectedByReason());
            }
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] sortedCpu = cpuRates.clone();
        Arrays.sort(sortedCpu);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("%-18s %9d events %6.1f MB  median %,10.0f events/s wall, %,10.0f events per CPU-second"
                        + "  (wall runs: %s)  heap in use after: %d MB of max %d MB%n",
                p.getFileName(), emitted, Files.size(p) / 1e6, sorted[runs / 2], sortedCpu[runs / 2], format(rates),
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static String format(double[] rates) {
        List<String> s = new ArrayList<>();
        for (double r : rates) {
            s.add(String.format("%,.0f", r));
        }
        return String.join(" ", s);
    }

    interface Line {
        String of(int i);
    }

    private static void generate(Path p, int n, Line line) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(line.of(i));
                w.write('\n');
            }
        }
    }

    private static String ip(int i) {
        return "10." + (i >>> 16 & 255) + "." + (i >>> 8 & 255) + "." + (i & 255);
    }

    private static String time(int i) {
        int s = i % 86_400;
        return String.format("2024-03-11 %02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, i % 1000);
    }

    static String xmlEvent(int i) {
        if (i % 2 == 0) {
            return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>3</EventID><Version>5</Version><Level>4</Level><Task>3</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-11T09:15:02.4417820Z'/><EventRecordID>"
                    + i + "</EventRecordID><Correlation/><Execution ProcessID='3132' ThreadID='4472'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS-ACCT-07.corp.example</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data><Data Name='UtcTime'>"
                    + time(i) + "</Data><Data Name='ProcessGuid'>{6b2d41a7-cb30-65ee-5c03-000000002d00}</Data><Data Name='ProcessId'>7340</Data><Data Name='Image'>C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe</Data><Data Name='User'>CORP\\jdoe</Data><Data Name='Protocol'>tcp</Data><Data Name='Initiated'>true</Data><Data Name='SourceIsIpv6'>false</Data><Data Name='SourceIp'>10.20.30.47</Data><Data Name='SourceHostname'>WS-ACCT-07.corp.example</Data><Data Name='SourcePort'>"
                    + (49152 + i % 16000) + "</Data><Data Name='SourcePortName'>-</Data><Data Name='DestinationIsIpv6'>false</Data><Data Name='DestinationIp'>"
                    + ip(i) + "</Data><Data Name='DestinationHostname'>-</Data><Data Name='DestinationPort'>443</Data><Data Name='DestinationPortName'>https</Data></EventData></Event>";
        }
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>5156</EventID><Version>1</Version><Level>0</Level><Task>12810</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-03-11T09:20:11.3182776Z'/><EventRecordID>"
                + i + "</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='5012'/><Channel>Security</Channel><Computer>SRV-FILE-02.corp.example</Computer><Security/></System><EventData><Data Name='ProcessID'>2212</Data><Data Name='Application'>\\device\\harddiskvolume4\\program files\\backup agent\\agent.exe</Data><Data Name='Direction'>%%14593</Data><Data Name='SourceAddress'>10.20.40.12</Data><Data Name='SourcePort'>"
                + (49152 + i % 16000) + "</Data><Data Name='DestAddress'>" + ip(i)
                + "</Data><Data Name='DestPort'>8443</Data><Data Name='Protocol'>6</Data><Data Name='FilterRTID'>69871</Data><Data Name='LayerName'>%%14611</Data><Data Name='LayerRTID'>48</Data><Data Name='RemoteUserID'>S-1-0-0</Data><Data Name='RemoteMachineID'>S-1-0-0</Data></EventData></Event>";
    }

    static String nxlogEvent(int i) {
        return "{\"EventTime\":\"2024-03-11 05:15:02\",\"Hostname\":\"WS-ACCT-07.corp.example\",\"Keywords\":-9223372036854775808,\"EventType\":\"INFO\",\"SeverityValue\":2,\"Severity\":\"INFO\",\"EventID\":3,\"SourceName\":\"Microsoft-Windows-Sysmon\",\"ProviderGuid\":\"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}\",\"Version\":5,\"Task\":3,\"OpcodeValue\":0,\"RecordNumber\":"
                + i + ",\"ExecutionProcessID\":3132,\"ThreadID\":4472,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Domain\":\"NT AUTHORITY\",\"AccountName\":\"SYSTEM\",\"UserID\":\"S-1-5-18\",\"AccountType\":\"User\",\"Message\":\"Network connection detected:\\r\\nRuleName: -\",\"Category\":\"Network connection detected (rule: NetworkConnect)\",\"Opcode\":\"Info\",\"RuleName\":\"-\",\"UtcTime\":\""
                + time(i) + "\",\"ProcessGuid\":\"{6b2d41a7-cb30-65ee-5c03-000000002d00}\",\"ProcessId\":\"7340\",\"Image\":\"C:\\\\Program Files\\\\Google\\\\Chrome\\\\Application\\\\chrome.exe\",\"User\":\"CORP\\\\jdoe\",\"Protocol\":\"tcp\",\"Initiated\":\"true\",\"SourceIsIpv6\":\"false\",\"SourceIp\":\"10.20.30.47\",\"SourceHostname\":\"WS-ACCT-07.corp.example\",\"SourcePort\":\""
                + (49152 + i % 16000) + "\",\"SourcePortName\":\"-\",\"DestinationIsIpv6\":\"false\",\"DestinationIp\":\"" + ip(i)
                + "\",\"DestinationHostname\":\"-\",\"DestinationPort\":\"443\",\"DestinationPortName\":\"https\",\"EventReceivedTime\":\"2024-03-11 05:15:04\",\"SourceModuleName\":\"eventlog\",\"SourceModuleType\":\"im_msvistalog\",\"@timestamp\":\"2024-03-11T09:15:04.380Z\",\"@version\":\"1\",\"host\":\"collector-01\",\"port\":51044,\"tags\":[\"windows\"]}";
    }

    static String winlogbeatEvent(int i) {
        return "{\"@timestamp\":\"2024-03-11T09:20:11.318Z\",\"event\":{\"code\":\"5156\",\"provider\":\"Microsoft-Windows-Security-Auditing\"},\"host\":{\"name\":\"srv-file-02.corp.example\"},\"winlog\":{\"channel\":\"Security\",\"computer_name\":\"SRV-FILE-02.corp.example\",\"event_data\":{\"ProcessID\":\"2212\",\"Application\":\"\\\\device\\\\harddiskvolume4\\\\program files\\\\backup agent\\\\agent.exe\",\"Direction\":\"%%14593\",\"SourceAddress\":\"10.20.40.12\",\"SourcePort\":\""
                + (49152 + i % 16000) + "\",\"DestAddress\":\"" + ip(i)
                + "\",\"DestPort\":\"8443\",\"Protocol\":\"6\",\"FilterRTID\":\"69871\",\"LayerName\":\"%%14611\",\"LayerRTID\":\"48\",\"RemoteUserID\":\"S-1-0-0\",\"RemoteMachineID\":\"S-1-0-0\"},\"event_id\":\"5156\",\"keywords\":[\"Audit Success\"],\"process\":{\"pid\":4,\"thread\":{\"id\":5012}},\"provider_name\":\"Microsoft-Windows-Security-Auditing\",\"record_id\":"
                + i + ",\"time_created\":\"2024-03-11T09:20:11.3182776Z\"}}";
    }

    /** An EVTX file of {@code n} records, Sysmon EID 3 and 5156 alternating, chunks filled as Windows fills them. */
    private static void evtx(Path p, int n) throws IOException {
        SampleEvtxAccess.largeFile(p, n);
    }
}
