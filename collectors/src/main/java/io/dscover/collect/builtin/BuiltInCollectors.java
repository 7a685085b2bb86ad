package io.dscover.collect.builtin;

import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.cloud.aws.AwsVpcFlowCollector;
import io.dscover.collect.cloud.azure.AzureFlowCollector;
import io.dscover.collect.cloud.gcp.GcpVpcFlowCollector;
import io.dscover.collect.jsonl.JsonlCollector;
import io.dscover.collect.windows.WindowsCollector;
import java.util.List;

/** The one list of dscover's collectors, in the order they are offered an input. */
public final class BuiltInCollectors {

    private BuiltInCollectors() {
    }

    public static CollectorRegistry registry() {
        return new CollectorRegistry(List.of(
                new JsonlCollector(),
                new WindowsCollector(),
                new AwsVpcFlowCollector(),
                new GcpVpcFlowCollector(),
                new AzureFlowCollector()));
    }
}
