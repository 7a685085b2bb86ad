package io.dscover.dsl.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The output of a successful compile: one DRL package for all enabled rules, and every rule's spec.
 *
 * @param drl        DRL text; binds the global {@code dscover} ({@link io.dscover.dsl.runtime.DetectionActions})
 * @param drlPackage the DRL package name
 * @param rules      all rules in source order, disabled ones included
 */
public record CompiledRuleSet(String drl, String drlPackage, List<RuleSpec> rules) {

    public CompiledRuleSet {
        rules = List.copyOf(rules);
    }

    public Optional<RuleSpec> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<RuleSpec> enabledRules() {
        return rules.stream().filter(RuleSpec::enabled).toList();
    }

    /** SHA-256 of the DRL in hex: a cache key for built KieBases. */
    public String drlSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(drl.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
