package io.dscover.dsl.ast;

/** String predicates; the {@code i} forms ignore case (Unicode simple case folding). */
public enum StringOp {
    CONTAINS("contains"), STARTSWITH("startswith"), ENDSWITH("endswith"),
    ICONTAINS("icontains"), ISTARTSWITH("istartswith"), IENDSWITH("iendswith"),
    MATCHES("matches");

    private final String keyword;

    StringOp(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static StringOp ofKeyword(String keyword) {
        for (StringOp op : values()) {
            if (op.keyword.equals(keyword)) {
                return op;
            }
        }
        throw new IllegalArgumentException("not a string operator: " + keyword);
    }
}
