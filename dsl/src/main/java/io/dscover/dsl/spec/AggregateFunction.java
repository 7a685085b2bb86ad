package io.dscover.dsl.spec;

/** The function of an {@code aggregate} clause. */
public enum AggregateFunction {
    /** {@code count()}: events in the window; the DRL passes a null value. */
    COUNT,
    /** {@code count(distinct f)}: distinct non-null values of f in the window. */
    COUNT_DISTINCT,
    /** {@code sum(f)} over non-null values. */
    SUM,
    MIN,
    MAX,
    /** {@code avg(f)}: arithmetic mean of the non-null values. */
    AVG
}
