/** Capture file readers: pcap (µs/ns, both byte orders) and pcapng blocks into timestamped link-layer frames. */
package io.dscover.collect.pcap.read;
