package io.dscover.collect.builtin;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.cloud.aws.AwsVpcFlowCollector;
import io.dscover.collect.cloud.azure.AzureFlowCollector;
import io.dscover.collect.cloud.gcp.GcpVpcFlowCollector;
import io.dscover.collect.jsonl.JsonlCollector;
import io.dscover.collect.pcap.PcapCollector;
import io.dscover.collect.windows.WindowsCollector;
import io.dscover.collect.zeek.ZeekCollector;
import java.util.ArrayList;
import java.util.List;

/** The one list of dscover's collectors, in the order they are offered an input (earlier wins a tie). */
public final class BuiltInCollectors {

    private BuiltInCollectors() {
    }

    public static CollectorRegistry registry() {
        List<Collector> all = new ArrayList<>();
        all.add(new PcapCollector());
        all.add(new WindowsCollector());
        all.add(new ZeekCollector());
        all.add(new AwsVpcFlowCollector());
        all.add(new GcpVpcFlowCollector());
        all.add(new AzureFlowCollector());
        all.add(new JsonlCollector());
        return new CollectorRegistry(all);
    }
}
