package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.LogEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.WeirdEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zeek's ASCII format: every header directive, escapes, markers, types. */
class ZeekTsvFormatTest {

    private static final String HEADER = """
            #separator \\x09
            #set_separator\t,
            #empty_field\t(empty)
            #unset_field\t-
            #path\t%s
            #open\t2024-05-01-10-00-00
            #fields\t%s
            #types\t%s
            """;

    private static String log(String path, String fields, String types, String... rows) {
        return HEADER.formatted(path, fields.replace(' ', '\t'), types.replace(' ', '\t')) + String.join("\n", rows) + "\n";
    }

    @Test
    void theSeparatorLineIsEscapedAndEveryOtherDirectiveUsesIt() {
        ZeekReading.Result r = ZeekReading.file(ZeekReading.fixture("tsv/weird-pipe.log"));

        assertThat(r.ledger().recordsRead()).isEqualTo(2);
        assertThat(r.ledger().rejected()).isZero();
        WeirdEvent first = (WeirdEvent) r.events().get(0);
        assertThat(first.getWeirdName()).isEqualTo("bad_TCP_checksum");
        assertThat(first.getWeirdAddl()).as("NONE is this log's unset marker").isNull();
        assertThat(first.getSourceIp()).isEqualTo("198.51.100.23");
        WeirdEvent second = (WeirdEvent) r.events().get(1);
        assertThat(second.getConnectionUid()).isNull();
        assertThat(second.getSourceIp()).isNull();
        assertThat(second.getWeirdAddl()).as("\\x7c is the separator escaped inside a value").isEqualTo("pipe|inside;semi");
        assertThat(second.getWeirdNotice()).isTrue();
        assertThat(second.extra()).containsEntry("zeek.peer", "worker-1").containsEntry("zeek.source", "");
    }

    @Test
    void escapesResolveToTheBytesZeekEscaped() {
        ZeekReading.Result r = ZeekReading.file(ZeekReading.fixture("tsv/http.log"));

        assertThat(r.ledger().rejected()).isZero();
        List<HttpEvent> http = r.events().stream().map(HttpEvent.class::cast).toList();
        assertThat(http.get(0).getUrlOriginal()).isEqualTo("/dl/agent.exe?id=42&x=\"quoted\"");
        assertThat(http.get(0).getUserAgentOriginal()).isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        assertThat(http.get(1).getUrlOriginal())
                .as("\\\\ is a backslash, \\x09 a tab; bytes that are not UTF-8 keep Zeek's \\xNN spelling")
                .isEqualTo("/upload\\path\\xff\\xfe\ttab");
        assertThat(http.get(1).extra()).containsEntry("zeek.password", "-"); // \x2d: the text "-", not unset
        assertThat(http.get(2).getUrlOriginal()).isEqualTo("/café/€");
        assertThat(http.get(2).extra()).containsEntry("zeek.password", "(empty)") // \x28empty): the text, not empty
                .containsEntry("zeek.proxied", List.of("10.9.8.7", "proxy.example"))
                .containsEntry("zeek.tags", List.of("HTTP::URI_SQLI"));
        assertThat(http.get(0).extra()).containsEntry("zeek.tags", List.of()); // (empty) container
    }

    @Test
    void escapedHighBytesThatFormUtf8DecodeAndOthersStayAsText() {
        ZeekReading.Result r = ZeekReading.text("weird.log", log("weird", "ts name addl", "time string string",
                "1714557600.000000\tx\tcaf\\xc3\\xa9 \\xe2\\x82\\xac \\xc3 \\x00\\x41\\x5c"));

        assertThat(((WeirdEvent) r.only()).getWeirdAddl()).isEqualTo("café € \\xc3 \u0000A\\");
    }

    @Test
    void setElementsSplitOnTheSetSeparatorBeforeUnescaping() {
        ZeekReading.Result r = ZeekReading.text("x.log", log("mylog", "ts tags durations", "time set[string] vector[interval]",
                "1714557600.000000\ta\\x2cb,-,(empty),c\t1.500000,0.000001,-"));

        Map<String, Object> extra = r.only().extra();
        assertThat(extra).containsEntry("zeek.tags", List.of("a,b", "", "c"))
                .containsEntry("zeek.durations", List.of(1_500_000_000L, 1_000L));
    }

    @Test
    void everyColumnTypeBecomesItsJavaValue() {
        ZeekReading.Result r = ZeekReading.text("mylog.log", log("mylog",
                "ts c i d b iv t a s p e st v",
                "time count int double bool interval time addr subnet port enum string vector[addr]",
                "1714557600.123456\t18446744073709551615\t-42\t37.751000\tT\t-0.500000\t1705276800.000000"
                        + "\t2001:0DB8:0:0::1\t10.0.0.0/8\t8080\tTunnel::GRE\tfree text\t10.0.0.1,fe80::1"));

        LogEvent e = (LogEvent) r.only();
        assertThat(e.getTs()).isEqualTo(1_714_557_600_123_456_000L);
        assertThat(e.getEventDataset()).isEqualTo("zeek.mylog");
        assertThat(e.extra())
                .doesNotContainKey("zeek.c") // over 2^63-1: a field error, left out
                .containsEntry("zeek.i", -42L)
                .containsEntry("zeek.d", 37.751)
                .containsEntry("zeek.b", true)
                .containsEntry("zeek.iv", -500_000_000L)
                .containsEntry("zeek.t", "2024-01-15T00:00:00.000000Z")
                .containsEntry("zeek.a", "2001:db8::1")
                .containsEntry("zeek.s", "10.0.0.0/8")
                .containsEntry("zeek.p", 8080L)
                .containsEntry("zeek.e", "Tunnel::GRE")
                .containsEntry("zeek.st", "free text")
                .containsEntry("zeek.v", List.of("10.0.0.1", "fe80::1"));
        assertThat(r.ledger().flaggedByReason()).containsEntry("bad field value", 1L);
        assertThat(r.problems()).singleElement().asString().contains("line 9", "c: not a count '18446744073709551615'");
    }

    @Test
    void aNewHeaderBlockInTheSameStreamSwitchesTheLog() {
        String conn = log("conn", "ts uid id.orig_h id.orig_p id.resp_h id.resp_p proto", "time string addr port addr port enum",
                "1714557600.000000\tC1\t10.0.0.1\t1000\t10.0.0.2\t80\ttcp") + "#close\t2024-05-01-11-00-00\n";
        String dns = log("dns", "ts uid query", "time string string", "1714557601.000000\tC2\texample.com");

        ZeekReading.Result r = ZeekReading.text("-", conn + dns);

        assertThat(r.events()).extracting(NetworkEvent::eventType).containsExactly("connection", "flow", "dns");
        assertThat(r.ledger().recordsRead()).isEqualTo(2);
    }

    @Test
    void btestBaselinesAreReadWithTheMaskedTimeAsTheEpochAndCounted() {
        String baseline = "### BTest baseline data generated by btest-diff. Do not edit. Use \"btest -U/-u\" to update.\n"
                + log("weird", "ts uid id.orig_h id.orig_p id.resp_h id.resp_p name addl notice peer source",
                "time string addr port addr port string string bool string string",
                "XXXXXXXXXX.XXXXXX\tClEkJM2Vm5giqnMf4h\t128.2.6.136\t46563\t173.194.75.103\t80\tmissing_HTTP_uri\t-\tF\tzeek\tHTTP")
                .replace("#open\t2024-05-01-10-00-00", "#open XXXX-XX-XX-XX-XX-XX") + "#close XXXX-XX-XX-XX-XX-XX\n";

        ZeekReading.Result r = ZeekReading.text("weird.log", baseline);

        WeirdEvent e = (WeirdEvent) r.only();
        assertThat(e.getTs()).isZero();
        assertThat(e.getWeirdName()).isEqualTo("missing_HTTP_uri");
        assertThat(r.ledger().flaggedByReason()).containsEntry("masked ts", 1L);
        assertThat(r.ledger().rejected()).isZero();
    }

    @Test
    void withoutTypesColumnsReadAsStringsExceptTheOnesZeekAlwaysTypes() {
        String noTypes = """
                #separator \\x09
                #path\tconn
                #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state\tduration
                1714557600.000000\tC1\t10.0.0.1\t1000\t10.0.0.2\t80\ttcp\tSF\t1.000000
                """;

        ZeekReading.Result r = ZeekReading.text("conn.log", noTypes);

        assertThat(r.ledger().rejected()).isZero();
        assertThat(r.ofType("flow")).singleElement().satisfies(f -> {
            assertThat(f.getSourcePort()).isEqualTo(1000L);
            assertThat(((io.dscover.model.event.FlowEvent) f).getEventDuration()).isEqualTo(1_000_000_000L);
        });
    }

    @Test
    void theLogPathComesFromTheFileNameWhenTheHeaderHasNone() {
        String header = """
                #separator \\x09
                #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tname\taddl\tnotice
                #types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tbool
                1714557600.000000\tC1\t10.0.0.1\t1000\t10.0.0.2\t80\tbad_UDP_checksum\t-\tF
                """;

        assertThat(ZeekReading.text("weird.2024-05-01-10-00-00.log", header).only()).isInstanceOf(WeirdEvent.class);
        assertThat(ZeekReading.text("sensor-a.log", header).only().getEventDataset())
                .as("an uninformative name: the columns tell").isEqualTo("zeek.weird");
    }
}
