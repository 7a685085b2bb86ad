package io.dscover.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every event type survives JSON and back, whatever its values: hostile text, extreme numbers, any precision. */
class EventJsonTest {

    static final EventSchema SCHEMA = EventSchema.get();

    @Property(tries = 600)
    void everyEventTypeRoundTrips(@ForAll("events") NetworkEvent original) {
        String json = EventJson.toJson(original);
        assertThat(json).doesNotContain("\n");
        NetworkEvent back = EventJson.parse(json);
        EventTypeDef t = SCHEMA.eventTypeOf(original);
        assertThat(SCHEMA.eventTypeOf(back)).isSameAs(t);
        for (FieldDef f : t.fields()) {
            assertThat(f.get(back)).as("%s.%s in %s", t.name(), f.name(), json).isEqualTo(f.get(original));
        }
        assertThat(back.getTsPrecision()).isEqualTo(original.getTsPrecision());
        assertThat(back.extra()).isEqualTo(original.extra());
        assertThat(EventJson.toJson(back)).isEqualTo(json);
    }

    @Property
    void nestedObjectsAreFlattenedToDottedNames(@ForAll("hostileText") String name) {
        String json = "{\"type\":\"dns\",\"ts\":\"2024-05-01T10:00:00Z\",\"source\":{\"ip\":\"10.0.0.5\",\"port\":5353},"
                + "\"dns\":{\"question\":{\"name\":" + quote(name) + "}}}";
        DnsEvent e = (DnsEvent) EventJson.parse(json);
        assertThat(e.getSourceIp()).isEqualTo("10.0.0.5");
        assertThat(e.getSourcePort()).isEqualTo(5353L);
        assertThat(e.getDnsQuestionName()).isEqualTo(name);
    }

    @Example
    void timeFieldsKeepTheirOwnPrecisionWhenFinerThanTs() {
        TlsEvent e = new TlsEvent();
        e.setTs(1_700_000_000_000_000_000L, 0);
        e.setTlsServerNotBefore(1_600_000_000_123_456_789L);
        String json = EventJson.toJson(e);
        assertThat(json).contains("\"tls.server.not_before\":\"2020-09-13T12:26:40.123456789Z\"");
        assertThat(((TlsEvent) EventJson.parse(json)).getTlsServerNotBefore()).isEqualTo(1_600_000_000_123_456_789L);
    }

    @Example
    void badEventsAreRefusedWithTheKeyAndReason() {
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"flow\"}")).hasMessageContaining("missing \"ts\"");
        assertThatThrownBy(() -> EventJson.parse("{\"ts\":\"2024-05-01T10:00:00Z\"}")).hasMessageContaining("\"type\"");
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"fl0w\",\"ts\":\"2024-05-01T10:00:00Z\"}"))
                .hasMessageContaining("unknown event type 'fl0w'");
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"flow\",\"ts\":\"2024-05-01T10:00:00Z\",\"source.ip\":\"x\"}"))
                .hasMessageContaining("source.ip").hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"flow\",\"ts\":\"yesterday\"}")).hasMessageContaining("ts:");
        assertThatThrownBy(() -> EventJson.parse("[" .repeat(100))).isInstanceOf(EventJsonException.class);
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"flow\",\"ts\":\"2024-05-01T10:00:00Z\"} {}"))
                .hasMessageContaining("after the JSON object");
    }

    static String quote(String s) {
        return EventJson.factory() != null ? new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                .quoteAsString(s)).transform(q -> "\"" + q + "\"") : s;
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> specials = Arbitraries.of("\"", "\\", "\n", "\r", "\t", "\u0000", "\u001f", "\u2028", "\u2029",
                "\ud83d\ude00", "é", "{", "}", "[", "]", ":", ",", "'", "${jndi:x}", "</script>", " ", "\ufeff")
                .list().ofMaxSize(6).map(l -> String.join("", l));
        Arbitrary<String> printable = Arbitraries.strings().ofMaxLength(40);
        return Combinators.combine(printable, specials, printable).as((a, b, c) -> a + b + c)
                .filter(EventJsonTest::wellFormedUtf16);
    }

    static boolean wellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<NetworkEvent> events() {
        Arbitrary<EventTypeDef> type = Arbitraries.of(SCHEMA.eventTypes());
        return type.flatMap(t -> {
            List<Arbitrary<Object[]>> parts = new ArrayList<>();
            for (FieldDef f : t.fields()) {
                if (f.name().equals("ts")) {
                    continue;
                }
                Arbitrary<Object> value = valueOf(t, f).injectNull(0.3);
                parts.add(value.map(v -> new Object[] {f, v}));
            }
            Arbitrary<Integer> precision = Arbitraries.integers().between(0, 9);
            Arbitrary<Long> ts = Arbitraries.longs().between(0, 4_000_000_000_000_000_000L);
            Arbitrary<Map<String, Object>> extra = Arbitraries.maps(
                    Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(k -> "x_" + k),
                    Arbitraries.oneOf(hostileText().map(s -> (Object) s), Arbitraries.longs().map(l -> (Object) l),
                            Arbitraries.of(true, false).map(b -> (Object) b))).ofMaxSize(3);
            return Combinators.combine(Combinators.combine(parts).as(l -> l), precision, ts, extra)
                    .as((values, p, n, x) -> {
                        NetworkEvent e = t.newEvent();
                        long unit = (long) Math.pow(10, 9 - p);
                        e.setTs(n / unit * unit, p);
                        for (Object[] fv : values) {
                            if (fv[1] != null) {
                                ((FieldDef) fv[0]).set(e, fv[1]);
                            }
                        }
                        new LinkedHashMap<>(x).forEach(e::putExtra);
                        if (e.getNetworkCommunityId() == null) {
                            e.computeCommunityId();
                        }
                        return e;
                    });
        });
    }

    Arbitrary<Object> valueOf(EventTypeDef t, FieldDef f) {
        if (f.name().equals("event.component")) {
            return Arbitraries.of(new ArrayList<>(t.components())).map(c -> (Object) c.attackName());
        }
        return switch (f.type()) {
            case STRING -> hostileText().map(s -> (Object) s);
            case IP -> Arbitraries.oneOf(
                    Arbitraries.bytes().array(byte[].class).ofSize(4),
                    Arbitraries.bytes().array(byte[].class).ofSize(16)).map(b -> (Object) IpAddresses.format(b));
            case INT -> Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 65535))
                    .map(l -> (Object) l);
            case DURATION -> Arbitraries.longs().between(0, Long.MAX_VALUE).map(l -> (Object) l);
            case TIME -> Arbitraries.longs().between(0, 4_000_000_000_000_000_000L).map(l -> (Object) l);
            case DECIMAL -> Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d);
            case BOOL -> Arbitraries.of(true, false).map(b -> (Object) b);
            case STRING_LIST -> hostileText().list().ofMaxSize(4).map(l -> (Object) List.copyOf(l));
            case INT_LIST -> Arbitraries.longs().list().ofMaxSize(4).map(l -> (Object) List.copyOf(l));
        };
    }
}
