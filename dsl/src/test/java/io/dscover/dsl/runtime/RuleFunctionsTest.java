package io.dscover.dsl.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFunctionsTest {

    @Test
    void cidrSetsMatchIpv4AndIpv6Networks() {
        String nets = "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7 2001:db8::/32 198.51.100.7 0.0.0.0/32";
        assertThat(RuleFunctions.inCidrs("10.255.255.255", nets)).isTrue();
        assertThat(RuleFunctions.inCidrs("11.0.0.0", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("172.31.0.1", nets)).isTrue();
        assertThat(RuleFunctions.inCidrs("172.32.0.1", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("198.51.100.7", nets)).isTrue();
        assertThat(RuleFunctions.inCidrs("198.51.100.8", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("fd12:3456::1", nets)).isTrue();
        assertThat(RuleFunctions.inCidrs("fe80::1", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", nets)).isTrue();
        assertThat(RuleFunctions.inCidrs("2001:db9::", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("not an ip", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs(null, nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("203.0.113.9", "0.0.0.0/0")).isTrue();
        assertThat(RuleFunctions.inCidrs("2001:db8::1", "::/0")).isTrue();
        assertThat(RuleFunctions.inCidrs("2001:db8::1", "2001:db8::1/128")).isTrue();
        assertThat(RuleFunctions.inCidrs("2001:db8::2", "2001:db8::/127")).isFalse();
        assertThat(RuleFunctions.anyInCidrs(Arrays.asList("x", null, "10.1.1.1"), nets)).isTrue();
    }

    @Test
    void largeSetsOfStringsAndRanges() {
        String encoded = RuleFunctions.encodeStrings(List.of("a,b", "", "x:y", "3:abc"));
        assertThat(RuleFunctions.inStrings("a,b", encoded)).isTrue();
        assertThat(RuleFunctions.inStrings("", encoded)).isTrue();
        assertThat(RuleFunctions.inStrings("3:abc", encoded)).isTrue();
        assertThat(RuleFunctions.inStrings("abc", encoded)).isFalse();
        assertThat(RuleFunctions.inLongs(5905L, "22,5900-5910,-5--1")).isTrue();
        assertThat(RuleFunctions.inLongs(-3L, "22,5900-5910,-5--1")).isTrue();
        assertThat(RuleFunctions.inLongs(5911L, "22,5900-5910,-5--1")).isFalse();
        assertThat(RuleFunctions.inLongs(null, "22")).isFalse();
        assertThat(RuleFunctions.anyInLongs(List.of(1L, 22L), "22")).isTrue();
        assertThat(RuleFunctions.inDecimals(0.5, "0.5,1")).isTrue();
    }

    @Test
    void textFunctions() {
        assertThat(RuleFunctions.entropy("aaaa")).isEqualTo(0.0);
        assertThat(RuleFunctions.entropy("abcd")).isEqualTo(2.0);
        assertThat(RuleFunctions.entropy("")).isEqualTo(0.0);
        assertThat(RuleFunctions.entropy("日本日本")).isEqualTo(1.0);
        assertThat(RuleFunctions.entropy("😀a")).isEqualTo(1.0);
        assertThat(RuleFunctions.labels("www.example.com.")).isEqualTo(3L);
        assertThat(RuleFunctions.labels("a..b")).isEqualTo(2L);
        assertThat(RuleFunctions.maxLabelLen("abc.de.f")).isEqualTo(3L);
        assertThat(RuleFunctions.lenText("😀")).isEqualTo(2L);
        assertThat(RuleFunctions.lenText(null)).isNull();
        assertThat(RuleFunctions.icontains("Windows PowerShell", "POWERSHELL")).isTrue();
        assertThat(RuleFunctions.iendsWith("WWW.EXAMPLE.COM", ".com")).isTrue();
        assertThat(RuleFunctions.istartsWith("ab", "abc")).isFalse();
        assertThat(RuleFunctions.matches("GET /a", "^(GET|POST) ")).isTrue();
        assertThat(RuleFunctions.matches(null, "x")).isFalse();
    }

    @Test
    void privateAddresses() {
        for (String ip : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.1",
                "fd00::1", "fe80::1", "::1", "::ffff:10.0.0.1")) {
            assertThat(RuleFunctions.isPrivate(ip)).as(ip).isTrue();
        }
        for (String ip : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "::ffff:8.8.8.8", "x")) {
            assertThat(RuleFunctions.isPrivate(ip)).as(ip).isFalse();
        }
        assertThat(RuleFunctions.isPrivate(null)).isFalse();
    }

    @Test
    void regexesRunInLinearTimeOnHostileInput() {
        // the classic catastrophic-backtracking pattern: RE2 answers at once
        String input = "a".repeat(50_000) + "!";
        assertThat(RuleFunctions.matches(input, "^(a+)+$")).isFalse();
    }

    @Test
    void rememberedAnswersAreTheAnswersForThatAddress() {
        String nets = "10.0.0.0/8 192.168.0.0/16";
        // thousands of addresses over 64 memo slots, each asked twice in a row and again later: every
        // collision and every reuse must still answer for the address asked about
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                String inside = "10." + (i % 250) + "." + (i / 250) + ".1";
                String outside = "11." + (i % 250) + "." + (i / 250) + ".1";
                for (int twice = 0; twice < 2; twice++) {
                    assertThat(RuleFunctions.inCidrs(inside, nets)).as(inside).isTrue();
                    assertThat(RuleFunctions.inCidrs(new String(outside), nets)).as(outside).isFalse();
                }
            }
        }
        assertThat(RuleFunctions.inCidrs("192.168.1.1", nets)).isTrue();
        assertThat(RuleFunctions.inCidrs("192.169.1.1", nets)).isFalse();
        assertThat(RuleFunctions.inCidrs("not an address", nets)).isFalse();
    }
}
