package io.dscover.dsl.compile;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.parse.DetParser;
import io.dscover.dsl.resolve.Overrides;
import io.dscover.dsl.resolve.Type;
import io.dscover.dsl.resolve.Typer;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parses {@code rule.tunable=value} overrides and checks each against the tunable's declared value:
 * same kind (an int may stand for a decimal, a size for an int), same kind of list.
 */
final class TunableOverrides {

    static final String CODE = "TunableOverrides";

    private TunableOverrides() {
    }

    static Overrides parse(Map<String, String> given, List<DetFile> files, Diagnostics out) {
        Map<String, RuleDecl> rules = new LinkedHashMap<>();
        files.forEach(f -> f.rules().forEach(r -> rules.putIfAbsent(r.id().text(), r)));
        Map<String, Map<String, Literal>> byRule = new HashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(given).entrySet()) {
            String key = e.getKey();
            RuleSource src = RuleSource.of("--tunable " + key, key + "=" + e.getValue());
            SourceSpan keySpan = SourceSpan.of(src, 0, key.length());
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                out.error(CODE, keySpan, "a tunable override is RULE.TUNABLE=VALUE, e.g. port_scan.threshold=200");
                continue;
            }
            String ruleId = key.substring(0, dot);
            String name = key.substring(dot + 1);
            RuleDecl rule = rules.get(ruleId);
            if (rule == null) {
                out.error(CODE, SourceSpan.of(src, 0, dot), "no rule '" + ruleId + "' to override" + DidYouMean.suffix(ruleId, rules.keySet()));
                continue;
            }
            Optional<TunableDecl> decl = rule.tunables().stream().filter(t -> t.name().text().equals(name)).findFirst();
            if (decl.isEmpty()) {
                List<String> names = rule.tunables().stream().map(t -> t.name().text()).toList();
                out.error(CODE, SourceSpan.of(src, dot + 1, key.length()), "rule '" + ruleId + "' has no tunable '" + name + "'"
                        + (names.isEmpty() ? " (it declares none)" : DidYouMean.suffix(name, names).isEmpty()
                                ? " (it has: " + String.join(", ", names) + ")" : DidYouMean.suffix(name, names)));
                continue;
            }
            RuleSource valueSrc = RuleSource.of("--tunable " + key, e.getValue());
            Optional<Literal> value = DetParser.parseValue(valueSrc, out);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Literal> fitted = fit(decl.get().value(), value.get());
            if (fitted.isEmpty()) {
                out.error(CODE, SourceSpan.of(valueSrc, 0, e.getValue().length()), "tunable " + key + " is "
                        + kind(decl.get().value()) + " (declared " + decl.get().value().display() + " at "
                        + decl.get().span().location() + "); " + value.get().display() + " is " + kind(value.get()));
                continue;
            }
            byRule.computeIfAbsent(ruleId, k -> new HashMap<>()).put(name, fitted.get());
        }
        return new Overrides(byRule);
    }

    /** The override as the declared kind, or empty when it does not fit. */
    static Optional<Literal> fit(Literal declared, Literal given) {
        if (declared.getClass() == given.getClass() && !(declared instanceof Literal.ListLit)) {
            return Optional.of(given);
        }
        if (declared instanceof Literal.Decimal && given instanceof Literal.Int i) {
            return Optional.of(new Literal.Decimal(BigDecimal.valueOf(i.value()), i.span()));
        }
        if (declared instanceof Literal.Int && given instanceof Literal.Size s) {
            return Optional.of(new Literal.Int(s.bytes(), s.span()));
        }
        if (declared instanceof Literal.Size && given instanceof Literal.Int i) {
            return Optional.of(new Literal.Size(i.value(), Long.toString(i.value()), i.span()));
        }
        if ((declared instanceof Literal.Ip || declared instanceof Literal.Cidr)
                && (given instanceof Literal.Ip || given instanceof Literal.Cidr)) {
            return Optional.of(given);
        }
        if (declared instanceof Literal.ListLit d && given instanceof Literal.ListLit g) {
            Optional<Type> dt = Typer.setType(d);
            Optional<Type> gt = Typer.setType(g);
            if (gt.isPresent() && (gt.get() == Type.EMPTY_SET || dt.equals(gt) || dt.orElse(null) == Type.EMPTY_SET)) {
                return Optional.of(given);
            }
        }
        return Optional.empty();
    }

    static String kind(Literal l) {
        if (l instanceof Literal.ListLit list) {
            return "a " + Typer.setType(list).map(Type::display).orElse("mixed list");
        }
        String t = Typer.literalType(l).display();
        if (l instanceof Literal.Size) {
            t = "size";
        }
        return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }
}
