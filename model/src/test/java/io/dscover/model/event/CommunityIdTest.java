package io.dscover.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Community ID v1 against values computed independently from the specification (SHA-1 of seed,
 * ordered addresses, protocol, pad, ports; Base64), the first being the specification's own example.
 */
class CommunityIdTest {

    @ParameterizedTest(name = "{0}:{2} -> {1}:{3} proto {4} = {5}")
    @CsvSource({
        "128.232.110.120, 66.35.250.204, 34855, 80, tcp, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        "66.35.250.204, 128.232.110.120, 80, 34855, tcp, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        "10.0.0.1, 10.0.0.2, 5353, 53, udp, 1:6ShADtBMSf9PCJmUQKnw1SEPH+c=",
        "66.59.111.190, 172.28.2.3, 8, 0, icmp, 1:4qiuUiapfKrMDVDHhw0iOgvogqI=",
        "172.28.2.3, 66.59.111.190, 3, 3, icmp, 1:bTAVApTgzlxwhyz+udTptSSnFcM=",
        "2001:0:4137:9e50:8000:f12a:b9c8:2815, 2001:4860:0:2001::68, 128, 129, ipv6-icmp, 1:s07F1bMcqpdDjNVLfITxLW8FIck=",
        "2001:db8::1, 2001:db8::2, 49152, 443, tcp, 1:nVytkgXAOJHYvYPARNzqK3FosjA=",
        "10.0.0.1, 10.0.0.2, 0, 0, gre, 1:+KlEHDT0vJgzs/eNmzHq0aSpRYw=",
    })
    void matchesTheSpecification(String src, String dst, long sport, long dport, String transport, String expected) {
        assertThat(CommunityId.of(src, sport, dst, dport, transport)).isEqualTo(expected);
    }
}
