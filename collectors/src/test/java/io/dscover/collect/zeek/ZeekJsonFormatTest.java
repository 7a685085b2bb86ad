package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.CollectorOptions;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.LogEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zeek's JSON logs: LogAscii::use_json, JSON Streaming Logs, millisecond and nested forms, mixed streams. */
class ZeekJsonFormatTest {

    @Test
    void logAsciiUseJsonHasEpochTimesAndFullDoubleIntervals() {
        ZeekReading.Result r = ZeekReading.text("conn.json", """
                {"ts":1714557600.012345,"uid":"CUM0KZ3MLUfNB0cl11","id.orig_h":"10.1.20.15","id.orig_p":52344,"id.resp_h":"93.184.216.34","id.resp_p":443,"proto":"tcp","service":"ssl","duration":12.345678500000001,"orig_bytes":1532,"conn_state":"SF","local_orig":true,"local_resp":false,"missed_bytes":0,"history":"ShADadFf"}
                """);

        FlowEvent f = (FlowEvent) r.ofType("flow").get(0);
        assertThat(f.getTs()).isEqualTo(1_714_557_600_012_345_000L);
        assertThat(f.getEventDuration()).as("rounded to microseconds as Zeek's ASCII writer prints it")
                .isEqualTo(12_345_679_000L);
        assertThat(f.getDestinationBytes()).as("unset fields are left out of JSON").isNull();
        assertThat(f.getNetworkDirection()).isEqualTo("outbound");
    }

    @Test
    void jsonStreamingLogsHaveIsoTimesAPathPerLineAndAWriteTimeThatIsNotAField() {
        ZeekReading.Result r = ZeekReading.text("zeek.json", """
                {"_path":"dns","_write_ts":"2024-05-01T10:05:00.000000Z","_system_name":"sensor-7","ts":"2024-05-01T10:00:00.200001Z","uid":"C1","id.orig_h":"10.1.20.15","id.orig_p":49877,"id.resp_h":"10.1.0.53","id.resp_p":53,"proto":"udp","query":"example.com","qtype_name":"A","rcode_name":"NOERROR","TTLs":[60.0]}
                {"_path":"files","_write_ts":"2024-05-01T10:05:01.000000Z","ts":"2024-05-01T10:00:01.000000Z","fuid":"FMdtbL1n5nVqCQKQd6","uid":"C2","id.orig_h":"10.1.20.15","id.orig_p":52345,"id.resp_h":"203.0.113.80","id.resp_p":8080,"source":"HTTP","mime_type":"application/x-dosexec","duration":0.000251,"seen_bytes":381816}
                {"_path":"conn","_write_ts":"2024-05-01T10:05:02.000000Z","ts":"2024-05-01T10:00:02+00:00","uid":"C3","id.orig_h":"10.1.20.15","id.orig_p":52346,"id.resp_h":"203.0.113.81","id.resp_p":80,"proto":"tcp"}
                """);

        assertThat(r.events()).extracting(NetworkEvent::eventType).containsExactly("dns", "log", "connection", "flow");
        DnsEvent dns = (DnsEvent) r.events().get(0);
        assertThat(dns.getTs()).isEqualTo(1_714_557_600_200_001_000L);
        assertThat(dns.getHostName()).isEqualTo("sensor-7");
        assertThat(dns.getDnsAnswerTtls()).containsExactly(60L);
        assertThat(dns.extra()).doesNotContainKeys("zeek._write_ts", "zeek._path", "zeek._system_name");
        LogEvent files = (LogEvent) r.events().get(1);
        assertThat(files.getEventDataset()).isEqualTo("zeek.files");
        assertThat(files.extra()).containsEntry("zeek.duration", 251_000L).containsEntry("zeek.seen_bytes", 381_816L)
                .containsEntry("zeek.mime_type", "application/x-dosexec");
        assertThat(r.events().get(2).getTs()).isEqualTo(1_714_557_602_000_000_000L);
    }

    @Test
    void millisecondTimestampsAndNestedIdObjectsAreZeekToo() {
        ZeekReading.Result r = ZeekReading.text("conn.json", """
                {"ts":1714557600012,"uid":"C1","id":{"orig_h":"10.0.0.1","orig_p":1000,"resp_h":"10.0.0.2","resp_p":80},"proto":"tcp","conn_state":"S0"}
                """);

        NetworkEvent c = r.ofType("connection").get(0);
        assertThat(c.getTs()).isEqualTo(1_714_557_600_012_000_000L);
        assertThat(c.getSourceIp()).isEqualTo("10.0.0.1");
        assertThat(c.getDestinationPort()).isEqualTo(80L);
        assertThat(c.getNetworkCommunityId()).isNotNull();
    }

    @Test
    void withoutPathTheFileNameOrTheKeysSayWhichLogItIs() {
        String line = "{\"ts\":1714557600.0,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":5353,"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":53,\"proto\":\"udp\",\"query\":\"a.example\",\"qtype_name\":\"A\"}\n";

        assertThat(ZeekReading.text("dns.2024-05-01.json", line).only()).isInstanceOf(DnsEvent.class);
        assertThat(ZeekReading.text("-", line).only()).isInstanceOf(DnsEvent.class);
        assertThat(ZeekReading.bytes("-", line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CollectorOptions.of(java.util.Map.of("zeek.path", "mydns"))).only().getEventDataset())
                .as("zeek.path decides when the input does not").isEqualTo("zeek.mydns");
    }

    @Test
    void unknownKeysAndNestedValuesStayExtras() {
        ZeekReading.Result r = ZeekReading.text("custom.json", """
                {"_path":"custom","ts":1714557600.5,"uid":"C1","score":0.75,"labels":["a","b"],"flag":true,"deep":[{"k":1},[2,3.5]],"big":123456789012345678901234567890}
                """);

        assertThat(r.only().extra())
                .containsEntry("zeek.score", 0.75)
                .containsEntry("zeek.labels", List.of("a", "b"))
                .containsEntry("zeek.flag", true)
                .containsEntry("zeek.deep", List.of(java.util.Map.of("k", 1L), List.of(2L, 3.5)))
                .containsEntry("zeek.big", "123456789012345678901234567890");
    }

    @Test
    void jsonEscapesDecode() {
        ZeekReading.Result r = ZeekReading.text("weird.json", """
                {"_path":"weird","ts":1714557600.0,"name":"bad_\\u0048TTP","addl":"tab\\there \\"quoted\\" \\\\ \\/ \\ud83d\\ude00 caf\\u00e9 \\\\xff","notice":false}
                """);

        var w = (io.dscover.model.event.WeirdEvent) r.only();
        assertThat(w.getWeirdName()).isEqualTo("bad_HTTP");
        assertThat(w.getWeirdAddl()).isEqualTo("tab\there \"quoted\" \\ / \uD83D\uDE00 café \\xff");
    }
}
