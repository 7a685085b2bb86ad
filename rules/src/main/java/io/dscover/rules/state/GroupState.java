package io.dscover.rules.state;

/**
 * What every group of a stateful rule keeps besides its window: its key, when it was last touched
 * (so idle groups can be forgotten in time order) and whether its alert is armed.
 *
 * <p>The gate implements the alert semantics: when the rule's condition becomes true for a
 * group, one alert; then no new alert for that group until the condition has been false again (an
 * episode ended) or, when the rule has a {@code suppress} period, until that period has elapsed
 * since the last alert while the condition stayed true. A scan that stays above its threshold
 * therefore raises one alert, not one per event.
 */
public abstract class GroupState {

    private GroupKey key;
    // the key's hash and first values, inline: a table lookup compares them without loading the key
    int keyHash;
    private int keySize;
    private Object keyFirst;
    private Object keySecond;
    private long lastTouchNanos = Long.MIN_VALUE;
    /** When the group last entered the table's expiry queue (see {@link GroupTable}). */
    long queuedNanos;
    /** The size estimate last reported to the table's memory budget. */
    long weighedBytes;
    private boolean alerted;
    private long lastAlertNanos;

    public final GroupKey key() {
        return key;
    }

    final void key(GroupKey k) {
        this.key = k;
        this.keyHash = k.hashCode();
        this.keySize = k.size();
        this.keyFirst = k.first();
        this.keySecond = k.second();
    }

    final boolean hasKey(GroupKey probe) {
        return probe.matches(keyHash, keySize, keyFirst, keySecond, key);
    }

    public final long lastTouchNanos() {
        return lastTouchNanos;
    }

    final void touch(long nowNanos) {
        lastTouchNanos = nowNanos;
    }

    /** True while an alert has been raised for the current episode. */
    public final boolean alerted() {
        return alerted;
    }

    /** The condition was seen false: the episode is over, the next true raises an alert again. */
    public final void rearm() {
        alerted = false;
    }

    /**
     * Records one evaluation of the condition at event time {@code nowNanos} and says whether it
     * raises an alert.
     *
     * @param suppressNanos the rule's suppress period, or 0 for none (one alert per episode)
     */
    public final boolean admit(boolean condition, long nowNanos, long suppressNanos) {
        if (!condition) {
            alerted = false;
            return false;
        }
        if (alerted && (suppressNanos <= 0 || nowNanos - lastAlertNanos < suppressNanos)) {
            return false;
        }
        alerted = true;
        lastAlertNanos = nowNanos;
        return true;
    }
}
