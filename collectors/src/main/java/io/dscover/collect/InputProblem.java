package io.dscover.collect;

/**
 * One bad record: where it is and why it was rejected, e.g. {@code conn.log:17: wrong column count: 19 of 21}.
 *
 * @param input    the input's display name
 * @param location {@code line 17}, {@code offset 4096}, {@code record 12}, {@code packet 9 (offset 1480)}
 * @param reason   a short stable reason, counted in the ledger (e.g. {@code wrong column count})
 * @param detail   what exactly was wrong with this record
 */
public record InputProblem(String input, String location, String reason, String detail) {

    /** Compiler-style text: {@code input:location: reason: detail}. */
    public String render() {
        return input + ":" + location + ": " + reason + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
