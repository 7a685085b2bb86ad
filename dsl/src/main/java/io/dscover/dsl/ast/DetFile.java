package io.dscover.dsl.ast;

import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.util.List;

/** One parsed {@code .det} file. Declarations that had syntax errors are left out. */
public record DetFile(RuleSource source, List<Import> imports, List<ListDecl> lists, List<MacroDecl> macros,
        List<RuleDecl> rules, SourceSpan span) implements Node {

    public DetFile {
        imports = List.copyOf(imports);
        lists = List.copyOf(lists);
        macros = List.copyOf(macros);
        rules = List.copyOf(rules);
    }
}
