package io.dscover.collect.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.builtin.BuiltInCollectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every cloud fixture is recognised by content as its provider's format, by the built-in registry. */
class CloudFormatDetectionTest {

    private final CollectorRegistry registry = BuiltInCollectors.registry();

    @ParameterizedTest
    @CsvSource({
        "aws/default-v2.log, aws-vpc",
        "aws/custom-v5-header.log, aws-vpc",
        "aws/cloudwatch-get-log-events.json, aws-vpc",
        "aws/cloudwatch-message-lines.log, aws-vpc",
        "gcp/vpc-flows-export.json, gcp-vpc",
        "gcp/gcloud-read.json, gcp-vpc",
        "azure/nsg-v2-PT1H.json, azure",
        "azure/vnet-PT1H-appending.json, azure",
        "azure/nsg-v1-records.jsonl, azure",
    })
    void detectsTheProvider(String fixture, String collector) {
        assertThat(registry.detect(CollectedInput.sample(CollectedInput.resource(fixture))))
                .map(Collector::name).contains(collector);
    }

    @Test
    void theCloudCollectorsAreRegistered() {
        assertThat(registry.byName("aws-vpc")).isPresent();
        assertThat(registry.byName("gcp-vpc")).isPresent();
        assertThat(registry.byName("azure")).isPresent();
    }
}
