package io.dscover.collect.windows;

import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.IpAddresses;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.Timestamps;

/**
 * Reads typed values out of a record's EventData the way every export form writes them (all as
 * text), and keeps track of which fields the mapping used so the rest can be kept as extras.
 */
final class EventDataValues {

    private final WindowsRecord record;
    /** The record's keys of the values used (a handful per event: a list beats hashing). */
    private final java.util.ArrayList<String> used = new java.util.ArrayList<>(24);

    EventDataValues(WindowsRecord record) {
        this.record = record;
    }

    /** The value, or null when absent, empty or {@code -} (Sysmon's "none"). */
    String text(String name) {
        markUsed(name);
        String v = record.data(name);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() || t.equals("-") ? null : t;
    }

    /** Like {@link #text} without marking the field used (it stays visible as an extra). */
    String peek(String name) {
        String v = record.data(name);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() || t.equals("-") ? null : t;
    }

    String required(String name) throws UnusableRecord {
        String v = text(name);
        if (v == null) {
            throw UnusableRecord.missing(name);
        }
        return v;
    }

    /** A canonical IP address (zone id dropped, IPv6 compressed). */
    String ip(String name) throws UnusableRecord {
        String v = required(name);
        String canonical = IpAddresses.canonical(v);
        if (canonical == null) {
            throw UnusableRecord.invalid(name, v);
        }
        return canonical;
    }

    long port(String name) throws UnusableRecord {
        String v = required(name);
        long p = unsigned(v);
        if (p < 0 || p > 65535) {
            throw UnusableRecord.invalid(name, v);
        }
        return p;
    }

    /** A process ID written in decimal, or in hexadecimal ({@code 0x1f4}) as Windows renders pointers. */
    Long pid(String name) throws UnusableRecord {
        String v = text(name);
        if (v == null) {
            return null;
        }
        long p = v.startsWith("0x") || v.startsWith("0X") ? hex(v.substring(2)) : unsigned(v);
        if (p < 0 || p > 0xffff_ffffL) {
            throw UnusableRecord.invalid(name, v);
        }
        return p;
    }

    /** A transport name from an IANA number ({@code 6}) or a name ({@code tcp}). */
    String transport(String name) throws UnusableRecord {
        String v = required(name);
        long n = unsigned(v);
        if (n >= 0) {
            if (n > 255) {
                throw UnusableRecord.invalid(name, v);
            }
            return IpProtocols.name((int) n);
        }
        int number = IpProtocols.number(v);
        if (number < 0) {
            throw UnusableRecord.invalid(name, v);
        }
        return IpProtocols.name(number);
    }

    /** A time in UTC; forms without a zone (Sysmon's UtcTime, python-evtx) are UTC. */
    Timestamps.Parsed time(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Timestamps.parse(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Keeps every EventData value the mapping did not use as {@code winlog.event_data.NAME}. */
    void keepUnusedAsExtras(NetworkEvent event) {
        record.eventData().forEach((name, value) -> {
            if (!isUsed(name) && value != null) {
                String t = value.strip();
                if (!t.isEmpty() && !t.equals("-")) {
                    event.putExtra(extraName(name), t);
                }
            }
        });
    }

    private static final String EXTRA_PREFIX = "winlog.event_data.";
    /** Extra field names by EventData name: the same few in every event (a racy cache of immutable strings). */
    private static final String[] EXTRA_NAMES = new String[256];

    private static String extraName(String name) {
        int slot = name.hashCode() & (EXTRA_NAMES.length - 1);
        String cached = EXTRA_NAMES[slot];
        if (cached != null && cached.length() == EXTRA_PREFIX.length() + name.length() && cached.endsWith(name)) {
            return cached;
        }
        String extra = EXTRA_PREFIX + name;
        EXTRA_NAMES[slot] = extra;
        return extra;
    }

    void markUsed(String name) {
        String key = record.dataKey(name);
        if (key != null) {
            used.add(key);
        }
    }

    private boolean isUsed(String key) {
        for (int i = 0, n = used.size(); i < n; i++) {
            if (used.get(i).equals(key)) {
                return true;
            }
        }
        return false;
    }

    static long unsigned(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static long hex(String v) {
        if (v.isEmpty() || v.length() > 15) {
            return -1;
        }
        try {
            return Long.parseLong(v, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
