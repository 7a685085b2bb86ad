package io.dscover.rules.alert;

import io.dscover.model.event.NetworkEvent;

/**
 * The 5-tuple and Community ID of the event that raised an alert, where the event has them; lets
 * an analyst pivot into Zeek, Suricata or Elastic data on the same connection.
 */
public record FlowTuple(String sourceIp, Long sourcePort, String destinationIp, Long destinationPort,
                        String transport, String communityId) {

    public static FlowTuple of(NetworkEvent e) {
        return new FlowTuple(e.getSourceIp(), e.getSourcePort(), e.getDestinationIp(), e.getDestinationPort(),
                e.getNetworkTransport(), e.getNetworkCommunityId());
    }

    public boolean isEmpty() {
        return sourceIp == null && sourcePort == null && destinationIp == null && destinationPort == null
                && transport == null && communityId == null;
    }
}
