package io.dscover.rules.window;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One {@code aggregate} rule's window: {@code aggregate FUNCTION(field) as ALIAS by BY... within
 * WINDOW having HAVING [suppress for SUPPRESS]}.
 *
 * @param field       the aggregated field; null for {@code count()}
 * @param alias       the name the rule gives the value ({@code as ports}); may be null
 * @param byFields    names of the {@code by} fields, in the order DRL passes their values
 * @param window      the sliding window: at event time t it holds the group's events of [t - window, t]
 * @param suppress    with a long-running episode, a reminder alert at most this often; zero for one
 *                    alert per episode
 * @param maxEvidence most evidence pointers an alert carries
 */
public record AggregateWindowConfig(AggregateFunction function, String field, String alias, List<String> byFields,
                                    Duration window, Having having, Duration suppress, int maxEvidence) {

    public static final int DEFAULT_MAX_EVIDENCE = 10;

    public AggregateWindowConfig {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(having, "having");
        if (function.needsField() && field == null) {
            throw new IllegalArgumentException(function.describe("?") + " needs a field");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        suppress = suppress == null ? Duration.ZERO : suppress;
        if (suppress.isNegative()) {
            throw new IllegalArgumentException("suppress must not be negative: " + suppress);
        }
        if (maxEvidence < 1) {
            throw new IllegalArgumentException("maxEvidence must be at least 1: " + maxEvidence);
        }
        byFields = byFields == null ? List.of() : List.copyOf(byFields);
    }

    public static AggregateWindowConfig of(AggregateFunction function, String field, List<String> byFields,
                                           Duration window, Having having) {
        return new AggregateWindowConfig(function, field, null, byFields, window, having, Duration.ZERO,
                DEFAULT_MAX_EVIDENCE);
    }

    public AggregateWindowConfig withAlias(String newAlias) {
        return new AggregateWindowConfig(function, field, newAlias, byFields, window, having, suppress, maxEvidence);
    }

    public AggregateWindowConfig withSuppress(Duration newSuppress) {
        return new AggregateWindowConfig(function, field, alias, byFields, window, having, newSuppress, maxEvidence);
    }

    public AggregateWindowConfig withMaxEvidence(int n) {
        return new AggregateWindowConfig(function, field, alias, byFields, window, having, suppress, n);
    }

    /** What the value is, e.g. {@code ports = count(distinct destination.port)}. */
    public String measure() {
        String f = function.describe(field);
        return alias == null ? f : alias + " = " + f;
    }
}
