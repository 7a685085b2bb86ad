/** Connection tracking with Zeek's semantics: flow table, TCP endpoint state machine, conn_state, history, timers and bounded eviction. */
package io.dscover.collect.pcap.flow;
