package io.dscover.collect.pcap.stream;

/** Receives one direction of a TCP stream in order. */
public interface StreamSink {

    void data(byte[] b, int off, int len);

    /** {@code len} bytes of the stream were never seen and are skipped. */
    void gap(long len);
}
