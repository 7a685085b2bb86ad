/** Bounded TCP stream reassembly: in-order delivery without copies, a capped out-of-order buffer per direction. */
package io.dscover.collect.pcap.stream;
