package io.dscover.collect.windows.evtx;

import io.dscover.model.event.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders binary XML values as Event XML text the way Windows does: decimal integers,
 * {@code 0x}-prefixed hexadecimal for HexInt32/HexInt64 and pointers, {@code true}/{@code false},
 * upper-case braced GUIDs, {@code S-1-5-18} SIDs, FILETIMEs as ISO 8601 UTC with 100 ns digits.
 */
final class ValueText {

    static final int STRING = 0x01;
    static final int ANSI_STRING = 0x02;
    static final int INT8 = 0x03;
    static final int UINT8 = 0x04;
    static final int INT16 = 0x05;
    static final int UINT16 = 0x06;
    static final int INT32 = 0x07;
    static final int UINT32 = 0x08;
    static final int INT64 = 0x09;
    static final int UINT64 = 0x0a;
    static final int REAL32 = 0x0b;
    static final int REAL64 = 0x0c;
    static final int BOOL = 0x0d;
    static final int BINARY = 0x0e;
    static final int GUID = 0x0f;
    static final int SIZE_T = 0x10;
    static final int FILETIME = 0x11;
    static final int SYSTEMTIME = 0x12;
    static final int SID = 0x13;
    static final int HEX_INT32 = 0x14;
    static final int HEX_INT64 = 0x15;

    /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final DateTimeFormatter SLOW_FILETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ValueText() {
    }

    /** The text of one scalar value of {@code type} in {@code b[off, off+len)}. */
    static String scalar(int type, byte[] b, int off, int len) {
        switch (type) {
            case STRING:
                return utf16(b, off, len);
            case ANSI_STRING:
                return ansi(b, off, len);
            case INT8:
                need(len, 1, type, off);
                return Integer.toString(b[off]);
            case UINT8:
                need(len, 1, type, off);
                return Integer.toString(b[off] & 0xff);
            case INT16:
                need(len, 2, type, off);
                return Integer.toString((short) LittleEndian.u16(b, off));
            case UINT16:
                need(len, 2, type, off);
                return Integer.toString(LittleEndian.u16(b, off));
            case INT32:
                need(len, 4, type, off);
                return Integer.toString((int) LittleEndian.u32(b, off));
            case UINT32:
                need(len, 4, type, off);
                return Long.toString(LittleEndian.u32(b, off));
            case INT64:
                need(len, 8, type, off);
                return Long.toString(LittleEndian.u64(b, off));
            case UINT64:
                need(len, 8, type, off);
                return Long.toUnsignedString(LittleEndian.u64(b, off));
            case REAL32:
                need(len, 4, type, off);
                return Float.toString(Float.intBitsToFloat((int) LittleEndian.u32(b, off)));
            case REAL64:
                need(len, 8, type, off);
                return Double.toString(Double.longBitsToDouble(LittleEndian.u64(b, off)));
            case BOOL:
                if (len != 1 && len != 2 && len != 4 && len != 8) {
                    throw bad(type, off, len);
                }
                for (int i = 0; i < len; i++) {
                    if (b[off + i] != 0) {
                        return "true";
                    }
                }
                return "false";
            case GUID:
                need(len, 16, type, off);
                return guid(b, off);
            case SIZE_T:
                if (len == 4) {
                    return "0x" + Long.toHexString(LittleEndian.u32(b, off));
                }
                need(len, 8, type, off);
                return "0x" + Long.toHexString(LittleEndian.u64(b, off));
            case FILETIME:
                need(len, 8, type, off);
                return filetime(LittleEndian.u64(b, off));
            case SYSTEMTIME:
                need(len, 16, type, off);
                return systemtime(b, off);
            case SID:
                return sid(b, off, len);
            case HEX_INT32:
                need(len, 4, type, off);
                return "0x" + Long.toHexString(LittleEndian.u32(b, off));
            case HEX_INT64:
                need(len, 8, type, off);
                return "0x" + Long.toHexString(LittleEndian.u64(b, off));
            default:
                // BINARY, EvtHandle (0x20), EvtXml (0x23) and types no renderer knows: the bytes in hex
                return hex(b, off, len);
        }
    }

    /** The items of an array type (0x80 | element type). */
    static List<String> array(int type, byte[] b, int off, int len) {
        int element = type & 0x7f;
        List<String> items = new ArrayList<>();
        if (element == STRING || element == ANSI_STRING) {
            int unit = element == STRING ? 2 : 1;
            int start = off;
            int end = off + len - (len % unit);
            for (int i = off; i < end; i += unit) {
                boolean nul = unit == 2 ? b[i] == 0 && b[i + 1] == 0 : b[i] == 0;
                if (nul) {
                    items.add(scalar(element, b, start, i - start));
                    start = i + unit;
                }
            }
            if (start < end) {
                items.add(scalar(element, b, start, end - start));
            }
            return items;
        }
        if (element == SID) {
            int i = off;
            int end = off + len;
            while (i < end) {
                if (end - i < 8) {
                    throw bad(type, i, end - i);
                }
                int n = 8 + 4 * (b[i + 1] & 0xff);
                if (n > end - i) {
                    throw bad(type, i, end - i);
                }
                items.add(sid(b, i, n));
                i += n;
            }
            return items;
        }
        int size = elementSize(element);
        if (size <= 0 || len % size != 0) {
            throw bad(type, off, len);
        }
        for (int i = off; i < off + len; i += size) {
            items.add(scalar(element, b, i, size));
        }
        return items;
    }

    private static int elementSize(int element) {
        return switch (element) {
            case INT8, UINT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, REAL32, BOOL, HEX_INT32 -> 4;
            case INT64, UINT64, REAL64, FILETIME, HEX_INT64, SIZE_T -> 8;
            case GUID, SYSTEMTIME -> 16;
            default -> -1;
        };
    }

    static String utf16(byte[] b, int off, int len) {
        int n = len & ~1;
        while (n >= 2 && b[off + n - 2] == 0 && b[off + n - 1] == 0) {
            n -= 2; // values often carry their terminating NUL
        }
        return new String(b, off, n, StandardCharsets.UTF_16LE);
    }

    private static String ansi(byte[] b, int off, int len) {
        int n = len;
        while (n > 0 && b[off + n - 1] == 0) {
            n--;
        }
        return new String(b, off, n, StandardCharsets.ISO_8859_1);
    }

    static String guid(byte[] b, int off) {
        char[] c = new char[38];
        int p = 0;
        c[p++] = '{';
        p = hexLe(c, p, b, off, 4);
        c[p++] = '-';
        p = hexLe(c, p, b, off + 4, 2);
        c[p++] = '-';
        p = hexLe(c, p, b, off + 6, 2);
        c[p++] = '-';
        p = hexBe(c, p, b, off + 8, 2);
        c[p++] = '-';
        p = hexBe(c, p, b, off + 10, 6);
        c[p] = '}';
        return new String(c);
    }

    private static int hexLe(char[] c, int p, byte[] b, int off, int n) {
        for (int i = n - 1; i >= 0; i--) {
            int v = b[off + i] & 0xff;
            c[p++] = HEX[v >>> 4];
            c[p++] = HEX[v & 15];
        }
        return p;
    }

    private static int hexBe(char[] c, int p, byte[] b, int off, int n) {
        for (int i = 0; i < n; i++) {
            int v = b[off + i] & 0xff;
            c[p++] = HEX[v >>> 4];
            c[p++] = HEX[v & 15];
        }
        return p;
    }

    static String hex(byte[] b, int off, int len) {
        char[] c = new char[len * 2];
        hexBe(c, 0, b, off, len);
        return new String(c);
    }

    /** {@code S-1-5-21-...}: revision, 48-bit big-endian authority, then 32-bit little-endian sub-authorities. */
    static String sid(byte[] b, int off, int len) {
        if (len < 8) {
            throw bad(SID, off, len);
        }
        int count = b[off + 1] & 0xff;
        if (len < 8 + 4 * count) {
            throw bad(SID, off, len);
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (b[off + i] & 0xff);
        }
        StringBuilder s = new StringBuilder(16 + count * 11);
        s.append("S-").append(b[off] & 0xff).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            s.append('-').append(LittleEndian.u32(b, off + 8 + 4 * i));
        }
        return s.toString();
    }

    /** A FILETIME (100 ns since 1601) as {@code 2019-02-13T18:01:41.5938301Z}. */
    static String filetime(long ft) {
        long nanos = filetimeNanos(ft);
        if (nanos != Long.MIN_VALUE) {
            return Timestamps.format(nanos, 7);
        }
        long seconds = Long.divideUnsigned(ft, 10_000_000L) - FILETIME_EPOCH_OFFSET / 10_000_000L;
        long fraction = Long.remainderUnsigned(ft, 10_000_000L);
        return SLOW_FILETIME.format(Instant.ofEpochSecond(seconds, fraction * 100));
    }

    /** Epoch nanoseconds of a FILETIME, or {@code Long.MIN_VALUE} when it is outside 1678..2262. */
    static long filetimeNanos(long ft) {
        if (ft < 0) {
            return Long.MIN_VALUE;
        }
        long since1970 = ft - FILETIME_EPOCH_OFFSET;
        if (since1970 > Long.MAX_VALUE / 100 || since1970 < Long.MIN_VALUE / 100 + 1) {
            return Long.MIN_VALUE;
        }
        return since1970 * 100;
    }

    private static String systemtime(byte[] b, int off) {
        int year = LittleEndian.u16(b, off);
        int month = LittleEndian.u16(b, off + 2);
        int day = LittleEndian.u16(b, off + 6);
        int hour = LittleEndian.u16(b, off + 8);
        int minute = LittleEndian.u16(b, off + 10);
        int second = LittleEndian.u16(b, off + 12);
        int millis = LittleEndian.u16(b, off + 14);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day, hour, minute,
                second, millis);
    }

    private static void need(int len, int size, int type, int off) {
        if (len != size) {
            throw bad(type, off, len);
        }
    }

    private static EvtxFormatException bad(int type, int off, int len) {
        return new EvtxFormatException(off, String.format(Locale.ROOT, "value of type 0x%02x cannot be %d bytes", type, len));
    }
}
