package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.ListDecl;
import io.dscover.dsl.ast.MacroDecl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists and macros one file sees: its own, then those of the files it imports (transitively).
 * On a name clash the first declaration wins here; {@code UniqueNames} reports the clash.
 */
public final class FileScope {

    private final DetFile file;
    private final Map<String, ListDecl> lists = new LinkedHashMap<>();
    private final Map<String, MacroDecl> macros = new LinkedHashMap<>();

    FileScope(DetFile file, List<DetFile> visible) {
        this.file = file;
        for (DetFile f : visible) {
            f.lists().forEach(l -> lists.putIfAbsent(l.name().text(), l));
            f.macros().forEach(m -> macros.putIfAbsent(m.name().text(), m));
        }
    }

    public DetFile file() {
        return file;
    }

    public Map<String, ListDecl> lists() {
        return Collections.unmodifiableMap(lists);
    }

    public Map<String, MacroDecl> macros() {
        return Collections.unmodifiableMap(macros);
    }
}
