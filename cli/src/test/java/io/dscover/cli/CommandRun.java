package io.dscover.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the dscover command line with its exit code, stdout and stderr captured. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        CommandLine cl = Dscover.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Lines of stdout. */
    java.util.List<String> lines() {
        return out.isEmpty() ? java.util.List.of() : java.util.List.of(out.split("\n"));
    }
}
