package io.dscover.rules.alert;

/** Where the engine puts alerts, in their deterministic order, always from the thread that drives the run. */
@FunctionalInterface
public interface AlertSink {
    void accept(Alert alert);
}
