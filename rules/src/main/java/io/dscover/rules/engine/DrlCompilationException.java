package io.dscover.rules.engine;

import java.util.List;

/** Drools rejected the DRL; {@link #problems()} are its messages with their DRL line numbers. */
public final class DrlCompilationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public DrlCompilationException(List<String> problems) {
        super("DRL does not compile:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
