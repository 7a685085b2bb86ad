/** AWS VPC Flow Logs (S3 text objects and CloudWatch Logs exports) into {@code flow} events. */
package io.dscover.collect.cloud.aws;
