/**
 * Sliding-window aggregates per group key ({@code aggregate count() | count(distinct f) | sum | min |
 * max | avg ... by KEYS within W having C}): incremental, expiring by event time, one alert per
 * episode of C.
 */
package io.dscover.rules.window;
