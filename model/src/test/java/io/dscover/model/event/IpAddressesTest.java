package io.dscover.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * IP address literals against Guava's {@code InetAddresses} (a parser that never resolves names, and
 * an RFC 5952 formatter): dscover's canonical text is what RFC 5952 prescribes, every valid literal
 * parses to the same bytes Guava finds, and everything else is refused.
 */
class IpAddressesTest {

    @Property
    void ipv4IsTheDottedQuad(@ForAll("ipv4") byte[] a) throws UnknownHostException {
        String text = IpAddresses.format(a);
        assertThat(text).isEqualTo(InetAddresses.toAddrString(InetAddress.getByAddress(a)));
        assertThat(IpAddresses.parse(text)).isEqualTo(a);
    }

    @Property
    void ipv6IsRfc5952(@ForAll("ipv6") byte[] a) throws UnknownHostException {
        String text = IpAddresses.format(a);
        if (isV4Mapped(a)) {
            // RFC 5952 section 5: IPv4-mapped addresses keep their dotted quad
            assertThat(text).isEqualTo("::ffff:" + IpAddresses.format(Arrays.copyOfRange(a, 12, 16)));
        } else {
            assertThat(text).isEqualTo(InetAddresses.toAddrString(InetAddress.getByAddress(a)));
        }
        assertThat(IpAddresses.parse(text)).isEqualTo(a);
    }

    @Property
    void everyWayOfWritingAnIpv6AddressParsesToIt(@ForAll("ipv6") byte[] a, @ForAll boolean upper,
            @ForAll boolean leadingZeros) {
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            int g = ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
            full.append(i == 0 ? "" : ":").append(leadingZeros ? String.format("%04x", g) : Integer.toHexString(g));
        }
        String text = upper ? full.toString().toUpperCase(Locale.ROOT) : full.toString();
        assertThat(IpAddresses.parse(text)).isEqualTo(a);
        assertThat(IpAddresses.canonical(text)).isEqualTo(IpAddresses.format(a));
    }

    /** Random text from the characters literals are made of: valid exactly when Guava says so, and then the same bytes. */
    @Property(tries = 2000)
    void agreesWithGuavaOnWhatIsALiteral(@ForAll("addressLike") String text) {
        byte[] ours = IpAddresses.parse(text);
        boolean guavaValid = !text.contains("%") && InetAddresses.isInetAddress(text);
        if (guavaValid) {
            assertThat(ours).as(text).isEqualTo(guavaBytes(text));
        } else {
            assertThat(ours).as(text).isNull();
        }
    }

    /** Guava's bytes, with IPv4-mapped IPv6 kept as 16 bytes (Java turns them into IPv4 addresses). */
    static byte[] guavaBytes(String text) {
        byte[] b = InetAddresses.forString(text).getAddress();
        if (b.length == 4 && text.contains(":")) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(b, 0, mapped, 12, 4);
            return mapped;
        }
        return b;
    }

    @Property
    void agreesWithGuavaOnMutatedValidAddresses(@ForAll("ipv6") byte[] a, @ForAll("mutation") int at,
            @ForAll("literalChar") char c) {
        String valid = IpAddresses.format(a);
        int i = Math.min(at, valid.length() - 1);
        String text = valid.substring(0, i) + c + valid.substring(i + 1);
        byte[] ours = IpAddresses.parse(text);
        if (!text.contains("%") && InetAddresses.isInetAddress(text)) {
            assertThat(ours).as(text).isEqualTo(guavaBytes(text));
        } else {
            assertThat(ours).as(text).isNull();
        }
    }

    @Example
    void refusesWhatIsNotALiteral() {
        for (String s : new String[] {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4",
            "1.2.3.4 ", " 1.2.3.4", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:", "12345::",
            "::ffff:1.2.3", "g::1", "1.2.3.4/24", "[::1]", "0x7f.0.0.1", "::1%eth0"}) {
            assertThat(IpAddresses.parse(s)).as(s).isNull();
        }
    }

    @Example
    void canonicalDropsZonesAndBracketsAndWhitespace() {
        assertThat(IpAddresses.canonical(" [FE80::0001%eth0] ")).isEqualTo("fe80::1");
        assertThat(IpAddresses.canonical("::FFFF:10.0.0.1")).isEqualTo("::ffff:10.0.0.1");
        assertThat(IpAddresses.canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddresses.canonical("2001:0db8:0000:0000:0000:0000:0002:0001")).isEqualTo("2001:db8::2:1");
        assertThat(IpAddresses.canonical("2001:db8:0:1:1:1:1:1")).as("a single zero group is not compressed")
                .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddresses.canonical("nonsense")).isNull();
    }

    /** Looking up names is what InetAddress.getByName does with text that is not a literal; this class never does. */
    @Example
    void neverResolvesNames() throws IOException {
        try (InputStream in = IpAddresses.class.getResourceAsStream("IpAddresses.class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(constants).doesNotContain("java/net/InetAddress").doesNotContain("java/net/Inet4Address")
                    .doesNotContain("java/net/Inet6Address");
        }
    }

    static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    @Provide
    Arbitrary<byte[]> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    /** 16 bytes with zero groups, runs of them, and IPv4-mapped/compatible prefixes common enough to matter. */
    @Provide
    Arbitrary<byte[]> ipv6() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0xffff)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 0xffff)));
        Arbitrary<byte[]> random = group.list().ofSize(8).map(gs -> {
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[2 * i] = (byte) (gs.get(i) >>> 8);
                b[2 * i + 1] = (byte) (int) gs.get(i);
            }
            return b;
        });
        Arbitrary<byte[]> mapped = ipv4().map(v4 -> {
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(v4, 0, b, 12, 4);
            return b;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, random), net.jqwik.api.Tuple.of(1, mapped));
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF:.:::..g% ").ofMinLength(0).ofMaxLength(46);
    }

    @Provide
    Arbitrary<Integer> mutation() {
        return Arbitraries.integers().between(0, 45);
    }

    @Provide
    Arbitrary<Character> literalChar() {
        return Arbitraries.of(':', '.', '0', '1', 'f', 'g', 'F', ' ', '%', '-');
    }
}
