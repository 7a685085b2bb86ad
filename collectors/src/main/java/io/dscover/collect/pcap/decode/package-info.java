/** Packet decoding on byte arrays: link layers, IPv4/IPv6 (with fragment reassembly), TCP/UDP/ICMP, tunnels. */
package io.dscover.collect.pcap.decode;
