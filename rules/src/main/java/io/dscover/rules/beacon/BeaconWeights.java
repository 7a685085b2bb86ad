package io.dscover.rules.beacon;

/**
 * How much each part counts in the beacon score. RITA's default is equal weights. A weight of 0
 * leaves the part out (e.g. no histogram); parts an input cannot supply (no byte counts) are left
 * out too, and the score is the weighted mean of the parts present.
 */
public record BeaconWeights(double timestamp, double dataSize, double duration, double histogram) {

    public static final BeaconWeights EQUAL = new BeaconWeights(0.25, 0.25, 0.25, 0.25);

    public BeaconWeights {
        for (double w : new double[] {timestamp, dataSize, duration, histogram}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("beacon weights must be finite and >= 0");
            }
        }
        if (timestamp + dataSize + duration + histogram <= 0) {
            throw new IllegalArgumentException("at least one beacon weight must be > 0");
        }
    }
}
