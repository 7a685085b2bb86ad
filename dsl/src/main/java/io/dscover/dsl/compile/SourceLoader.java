package io.dscover.dsl.compile;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Import;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.parse.DetParser;
import io.dscover.dsl.source.RuleSource;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the given sources and, transitively, the files they import (each once; cycles are fine). */
final class SourceLoader {

    static final String CODE = "ImportsResolve";

    final Map<RuleSource, DetFile> files = new LinkedHashMap<>();
    final Map<RuleSource, List<RuleSource>> imports = new LinkedHashMap<>();
    final List<DetFile> compiled = new ArrayList<>();

    SourceLoader(List<RuleSource> sources, Diagnostics out) {
        Deque<RuleSource> queue = new ArrayDeque<>();
        for (RuleSource s : sources) {
            DetFile f = files.computeIfAbsent(s, src -> DetParser.parse(src, out));
            if (!compiled.contains(f)) {
                compiled.add(f);
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            RuleSource s = queue.poll();
            List<RuleSource> resolved = new ArrayList<>();
            for (Import i : files.get(s).imports()) {
                RuleSource.Location loc = s.resolve(i.path().value());
                if (!loc.exists()) {
                    out.error(CODE, i.path().span(), "cannot import " + i.path().display() + ": no such file ("
                            + loc.file().map(Object::toString).orElse(loc.display()) + ")");
                    continue;
                }
                RuleSource target;
                try {
                    target = loc.readSource();
                } catch (IOException e) {
                    out.error(CODE, i.path().span(), "cannot read " + i.path().display() + ": " + e.getMessage());
                    continue;
                }
                if (target.equals(s)) {
                    out.warning(CODE, i.path().span(), "a file does not need to import itself");
                    continue;
                }
                resolved.add(target);
                if (!files.containsKey(target)) {
                    files.put(target, DetParser.parse(target, out));
                    queue.add(target);
                }
            }
            imports.put(s, resolved);
        }
    }
}
