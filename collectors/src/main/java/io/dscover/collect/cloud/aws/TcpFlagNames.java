package io.dscover.collect.cloud.aws;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tcp-flags} bitmask as the names {@code tcp.flags} holds. AWS ORs the flags of every
 * packet in the aggregation interval; it reports FIN (1), SYN (2), RST (4), and ACK (16) only with
 * SYN, so 18 is SYN-ACK and 19 SYN-ACK plus FIN. The other bits are named too should they appear.
 */
final class TcpFlagNames {

    private static final String[] BIT_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    private static final List<List<String>> BY_VALUE = new ArrayList<>(256);

    static {
        for (int v = 0; v < 256; v++) {
            List<String> names = new ArrayList<>();
            for (int bit = 0; bit < 8; bit++) {
                if ((v & (1 << bit)) != 0) {
                    names.add(BIT_NAMES[bit]);
                }
            }
            BY_VALUE.add(List.copyOf(names));
        }
    }

    private TcpFlagNames() {
    }

    /** The names of the bits set in {@code value} (0..255), in bit order; an immutable shared list. */
    static List<String> of(int value) {
        return BY_VALUE.get(value);
    }
}
