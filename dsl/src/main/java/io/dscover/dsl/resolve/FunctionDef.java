package io.dscover.dsl.resolve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A function rules may call in conditions. Each is a static method of
 * {@code io.dscover.dsl.runtime.RuleFunctions} taking the argument (null when the field is unset)
 * and returning a boxed value or null.
 *
 * @param name      as written in rules
 * @param accepts   the argument types it takes (one argument)
 * @param returns   its result type
 * @param javaName  the RuleFunctions method
 * @param doc       one line for the rule-writing guide
 */
public record FunctionDef(String name, Set<Type> accepts, Type returns, String javaName, String doc) {

    public static final List<FunctionDef> ALL = List.of(
            new FunctionDef("len", Set.of(Type.STRING, Type.STRING_LIST, Type.INT_LIST), Type.INT, "len",
                    "length of a string (UTF-16 code units: what Zeek and most tools count for ASCII names) or number of list elements"),
            new FunctionDef("lower", Set.of(Type.STRING), Type.STRING, "lower", "lower case (locale-independent)"),
            new FunctionDef("upper", Set.of(Type.STRING), Type.STRING, "upper", "upper case (locale-independent)"),
            new FunctionDef("entropy", Set.of(Type.STRING), Type.DECIMAL, "entropy",
                    "Shannon entropy in bits per character (0 for empty text; random base64 is near 6)"),
            new FunctionDef("is_private", Set.of(Type.IP), Type.BOOL, "isPrivate",
                    "true for RFC 1918, RFC 6598 (CGNAT), loopback, link-local and IPv6 ULA (fc00::/7) addresses"),
            new FunctionDef("labels", Set.of(Type.STRING), Type.INT, "labels",
                    "number of DNS labels (www.example.com has 3; a trailing dot is ignored)"),
            new FunctionDef("max_label_len", Set.of(Type.STRING), Type.INT, "maxLabelLen",
                    "length of the longest DNS label (tunnels pack data into long labels)"));

    private static final Map<String, FunctionDef> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(FunctionDef::name, Function.identity()));

    public static Optional<FunctionDef> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
