/** GCP VPC Flow Logs (Cloud Logging entries as JSON) into {@code flow} events, each flow counted once. */
package io.dscover.collect.cloud.gcp;
