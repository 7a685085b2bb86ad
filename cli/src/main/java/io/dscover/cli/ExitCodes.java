package io.dscover.cli;

/** Exit codes of every dscover command (ARCHITECTURE.md section 8). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Findings, or a threshold the user asked for was not met. */
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    /** Input errors beyond tolerance (unreadable inputs, rejected records over the limit). */
    public static final int INPUT = 3;
    /** A bug in dscover. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
