package io.dscover.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** One line for user errors; a stack trace only for a bug in dscover, with a request to report it. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof UserError u) {
            err.println("dscover: " + u.getMessage());
            err.flush();
            return u.exitCode();
        }
        err.println("dscover: internal error (please report it with the command you ran): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
