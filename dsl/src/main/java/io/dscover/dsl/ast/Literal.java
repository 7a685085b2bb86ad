package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.math.BigDecimal;
import java.util.List;

/** A constant as written, already decoded (escapes resolved, IPs canonical, units applied). */
public sealed interface Literal extends Term, TestValue {

    /** How the literal reads in messages ({@code "TXT"}, {@code 60s}, {@code 10.0.0.0/8}). */
    String display();

    /** A string; {@code raw} for {@code r"..."} (no escapes). */
    record Str(String value, boolean raw, SourceSpan span) implements Literal {
        @Override
        public String display() {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < value.length() && i < 60; i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (c < 0x20 || c == 0x7f) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append(value.length() > 60 ? "...\"" : "\"").toString();
        }
    }

    record Int(long value, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return Long.toString(value);
        }
    }

    record Decimal(BigDecimal value, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return value.toPlainString();
        }
    }

    record Bool(boolean value, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return Boolean.toString(value);
        }
    }

    /** An IPv4 or IPv6 address, canonical (dotted quad; RFC 5952 for IPv6). */
    record Ip(String canonical, boolean v6, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return canonical;
        }
    }

    /** A network, canonical ({@code 10.0.0.0/8}; host bits cleared). */
    record Cidr(String canonical, boolean v6, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return canonical;
        }
    }

    /** {@code 500ms 30s 5m 1h 1d}, in nanoseconds. */
    record Duration(long nanos, String text, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return text;
        }
    }

    /** {@code 10KB} (decimal) or {@code 10KiB} (binary), in bytes. */
    record Size(long bytes, String text, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return text;
        }
    }

    /** {@code 5900..5910} inside a list (inclusive), or as a test value (one per repeated event). */
    record Range(long from, long to, SourceSpan span) implements Literal {
        @Override
        public String display() {
            return from + ".." + to;
        }
    }

    /** {@code [a, b, ...]}. */
    record ListLit(List<Literal> items, SourceSpan span) implements Literal, SetRef {
        public ListLit {
            items = List.copyOf(items);
        }

        @Override
        public String display() {
            return "[" + String.join(", ", items.stream().limit(5).map(Literal::display).toList())
                    + (items.size() > 5 ? ", ..." : "") + "]";
        }
    }
}
