package io.dscover.collect.pcap.flow;

import java.util.ArrayList;
import java.util.List;

/** TCP flag bits as the names {@code tcp.flags} uses. */
final class TcpFlagNames {

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    private static final List<List<String>> CACHE = new ArrayList<>(256);

    static {
        for (int f = 0; f < 256; f++) {
            List<String> l = new ArrayList<>(4);
            for (int i = 0; i < 8; i++) {
                if ((f & (1 << i)) != 0) {
                    l.add(NAMES[i]);
                }
            }
            CACHE.add(List.copyOf(l));
        }
    }

    private TcpFlagNames() {
    }

    static List<String> of(int flags) {
        return CACHE.get(flags & 0xff);
    }
}
