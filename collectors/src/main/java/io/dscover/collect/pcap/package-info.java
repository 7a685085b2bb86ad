/** The pcap/pcapng collector: capture files to connection, flow and content events with Zeek's semantics. */
package io.dscover.collect.pcap;
