package io.dscover.dsl.compile;

import io.dscover.dsl.drl.DrlGenerator;
import java.util.Map;

/**
 * How to compile.
 *
 * @param tunableOverrides {@code "rule_id.tunable" -> "value"} (value in rule syntax: {@code 200},
 *                         {@code 5m}, {@code [22, 23]}), type-checked against each tunable's declared value
 * @param strict           treat warnings as errors
 * @param drlPackage       the DRL package of the generated rules
 */
public record CompileOptions(Map<String, String> tunableOverrides, boolean strict, String drlPackage) {

    public CompileOptions {
        tunableOverrides = Map.copyOf(tunableOverrides);
    }

    /** No overrides, warnings stay warnings, the default package. */
    public static CompileOptions defaults() {
        return new CompileOptions(Map.of(), false, DrlGenerator.DEFAULT_PACKAGE);
    }

    public CompileOptions withStrict(boolean strict) {
        return new CompileOptions(tunableOverrides, strict, drlPackage);
    }

    public CompileOptions withTunableOverrides(Map<String, String> overrides) {
        return new CompileOptions(overrides, strict, drlPackage);
    }
}
