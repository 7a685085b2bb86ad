package io.dscover.dsl.ast;

/** A comparison: in predicates, {@code having} conditions and test expectations. */
public enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** As written: {@code ==}, {@code >=}, ... */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code a OP b} holds, given {@code Double.compare(a, b)} or similar. */
    public boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    public static CompareOp ofSymbol(String symbol) {
        for (CompareOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("not a comparison: " + symbol);
    }
}
