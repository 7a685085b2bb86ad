package io.dscover.cli.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes a classic little-endian microsecond pcap with Ethernet link type, in memory. */
final class PcapWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PcapWriter() {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
    }

    void packet(long epochMicros, byte[] frame) {
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) (epochMicros / 1_000_000)).putInt((int) (epochMicros % 1_000_000))
                .putInt(frame.length).putInt(frame.length);
        out.writeBytes(r.array());
        out.writeBytes(frame);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
