package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything being compiled: the parsed files (those given plus those reached by {@code import}),
 * their scopes, the ATT&amp;CK catalog and the tunable overrides.
 */
public final class Program {

    private final List<DetFile> compiled;
    private final Map<RuleSource, DetFile> files;
    private final Map<RuleSource, List<RuleSource>> imports;
    private final Map<RuleSource, FileScope> scopes = new LinkedHashMap<>();
    private final AttackCatalog catalog;
    private final Overrides overrides;
    private List<RuleScope> rules;

    /**
     * @param compiled the files whose rules are compiled (the sources given)
     * @param files    every parsed file, including those only imported
     * @param imports  for each file, the files its {@code import}s resolved to
     */
    public Program(List<DetFile> compiled, Map<RuleSource, DetFile> files, Map<RuleSource, List<RuleSource>> imports,
            AttackCatalog catalog, Overrides overrides) {
        this.compiled = List.copyOf(compiled);
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        this.catalog = catalog;
        this.overrides = overrides;
        for (DetFile f : files.values()) {
            scopes.put(f.source(), new FileScope(f, visibleFrom(f.source())));
        }
    }

    /** The file itself first, then its imports depth-first, each once. */
    public List<DetFile> visibleFrom(RuleSource source) {
        Set<RuleSource> seen = new LinkedHashSet<>();
        collect(source, seen);
        List<DetFile> out = new ArrayList<>();
        for (RuleSource s : seen) {
            DetFile f = files.get(s);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private void collect(RuleSource s, Set<RuleSource> seen) {
        if (!seen.add(s)) {
            return;
        }
        for (RuleSource i : imports.getOrDefault(s, List.of())) {
            collect(i, seen);
        }
    }

    /** Files whose rules are compiled, in the order given. */
    public List<DetFile> compiledFiles() {
        return compiled;
    }

    /** Every parsed file (compiled and imported-only). */
    public Iterable<DetFile> allFiles() {
        return files.values();
    }

    public FileScope scope(RuleSource source) {
        return scopes.get(source);
    }

    public AttackCatalog catalog() {
        return catalog;
    }

    public Overrides overrides() {
        return overrides;
    }

    /** The rules being compiled with their scopes, in source order (built once: every validator walks them). */
    public List<RuleScope> rules() {
        if (rules != null) {
            return rules;
        }
        List<RuleScope> out = new ArrayList<>();
        for (DetFile f : compiled) {
            for (RuleDecl r : f.rules()) {
                out.add(RuleScope.of(this, scope(f.source()), r));
            }
        }
        rules = List.copyOf(out);
        return rules;
    }
}
