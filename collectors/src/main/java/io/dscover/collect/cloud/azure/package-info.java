/** Azure NSG and VNet flow logs (streamed blobs, records per line, bare tuples) into {@code flow} events. */
package io.dscover.collect.cloud.azure;
