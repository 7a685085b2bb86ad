package io.dscover.collect.cloud.findings;

import java.util.List;
import java.util.Map;

/**
 * The rule-independent findings of a flow-log audit, ready to render (Markdown, HTML, JSON). Times
 * are RFC 3339 text; every list is already cut to the report's size and says so where it was cut.
 */
public record AuditFindings(Visibility visibility, Exposure exposure, RejectedTraffic rejected, Egress egress) {

    /** How many distinct values were seen; {@code atLeast} when the count hit its cap. */
    public record Distinct(int count, boolean atLeast, List<String> sample) {
    }

    /** What the logs let the team see. */
    public record Visibility(List<String> providers, long inputs, long inputsNotRead, long records,
            long flowEvents, long rejectedRecords, Map<String, Long> rejectedByReason, Map<String, Long> skippedByReason,
            String firstSeen, String lastSeen, Distinct accounts, Distinct regions, Distinct vpcs, Distinct subnets,
            Distinct interfaces, Map<String, Long> gapsByReason, List<GapInterface> gapInterfaces,
            List<FieldPresence> fields, List<String> keyFieldsMissing, List<String> aggregationIntervals,
            List<String> samplingRates, List<String> inputProblems) {
    }

    /** An interface with NODATA/SKIPDATA records. */
    public record GapInterface(String interfaceId, String reason, long records, String firstSeen, String lastSeen) {
    }

    /** How often a field was set, among the events sampled for this. */
    public record FieldPresence(String field, long events, double share) {
    }

    /** Accepted inbound connections from public addresses to administrative and database ports. */
    public record Exposure(List<ExposedService> services, int servicesNotListed, long flows) {
    }

    public record ExposedService(String interfaceId, String address, long port, String transport, String service,
            String kind, long flows, int sources, boolean sourcesAtLeast, long bytes, long packets, boolean answered,
            String firstSeen, String lastSeen, List<String> topSources) {
    }

    /** Rejected traffic: its top sources and the shape of their probing. */
    public record RejectedTraffic(long flows, Distinct sources, List<RejectedSource> top, long countErrorBound) {
    }

    /**
     * @param shape vertical port scan, horizontal sweep, block scan, repeated attempts, or sporadic
     */
    public record RejectedSource(String address, long flows, int ports, boolean portsAtLeast, int hosts,
            boolean hostsAtLeast, String shape, List<String> topPorts, String firstSeen, String lastSeen,
            String country) {
    }

    /** Traffic internal hosts sent to public addresses. */
    public record Egress(long flows, long bytes, List<Talker> topTalkers, long talkerErrorBound,
            List<UnusualPort> unusualPorts, List<LongFlow> longFlows, String longFlowThreshold) {
    }

    public record Talker(String source, String destination, long bytes, long flows, List<String> ports,
            String firstSeen, String lastSeen, String destinationCountry) {
    }

    public record UnusualPort(String transport, long port, long flows, long bytes, int sources, int destinations,
            String example) {
    }

    public record LongFlow(String source, Long sourcePort, String destination, Long destinationPort, String transport,
            String duration, long bytes, String firstSeen, String lastSeen) {
    }
}
