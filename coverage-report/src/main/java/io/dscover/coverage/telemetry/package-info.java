/**
 * What an organisation's telemetry supplies: a profile of collectors (and the Zeek logs or Windows
 * events chosen of them), resolved from a {@code telemetry.yaml}, a run record or "everything dscover
 * can collect" into the event types and DS0029 components each source delivers.
 */
package io.dscover.coverage.telemetry;
