package io.dscover.dsl.diagnostic;

/** How bad a diagnostic is. Warnings become errors under {@code --strict}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** {@code error} or {@code warning}, as printed. */
    public String label() {
        return label;
    }
}
