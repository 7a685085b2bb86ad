package io.dscover.collect.cloud.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The field order of a flow log: from the header line of an S3 object, from the format string the
 * flow log was created with ({@code ${version} ${vpc-id} ...}), or, for a headerless record, the
 * AWS table order of every field up to the version its field count implies.
 *
 * @param columns the field of each column; {@code null} for a name this reader does not know
 * @param names   the name of each column as written (kept as extra fields when unknown)
 */
record AwsRecordFormat(List<AwsField> columns, List<String> names) {

    /** Field counts of headerless all-fields records, by the version they imply (2, 3, 4, 5, 7, 8). */
    private static final int[] ALL_FIELDS_VERSIONS = {2, 3, 4, 5, 7, 8};

    AwsRecordFormat {
        columns = java.util.Collections.unmodifiableList(new ArrayList<>(columns));
        names = List.copyOf(names);
    }

    /** The default format: the 14 version-2 fields. */
    static final AwsRecordFormat DEFAULT = allFields(2);

    static AwsRecordFormat allFields(int version) {
        List<AwsField> fields = AwsField.upToVersion(version);
        return new AwsRecordFormat(fields, fields.stream().map(AwsField::awsName).toList());
    }

    /** The headerless all-fields format with this many columns, or null when no version has that many. */
    static AwsRecordFormat forFieldCount(int count) {
        for (int v : ALL_FIELDS_VERSIONS) {
            if (AwsField.upToVersion(v).size() == count) {
                return allFields(v);
            }
        }
        return null;
    }

    /**
     * Parses a format string as given to {@code --aws-format} ({@code ${version} ${account-id} ...}
     * or the bare names), comma or space separated.
     *
     * @throws IllegalArgumentException naming the problem
     */
    static AwsRecordFormat parse(String format) {
        String[] tokens = format.trim().split("[\\s,]+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            throw new IllegalArgumentException("empty flow log format");
        }
        List<AwsField> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String t : tokens) {
            String name = t.startsWith("${") && t.endsWith("}") ? t.substring(2, t.length() - 1) : t;
            if (!isName(name)) {
                throw new IllegalArgumentException("not a flow log field name: '" + t + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("field '" + name + "' named twice");
            }
            fields.add(AwsField.byName(name));
            names.add(name);
        }
        if (fields.stream().allMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("no known flow log field in '" + format
                    + "' (expected names like version, srcaddr, dstaddr, action)");
        }
        return new AwsRecordFormat(fields, names);
    }

    /**
     * The format a header line declares, or null when the line is a record. A header is a line of
     * at least two field names, most of them known (S3 objects start with one; concatenated objects
     * repeat it).
     */
    static AwsRecordFormat header(String line) {
        String[] tokens = line.trim().split("\\s+");
        if (tokens.length < 2) {
            return null;
        }
        int known = 0;
        for (String t : tokens) {
            if (!isName(t)) {
                return null;
            }
            if (AwsField.byName(t) != null) {
                known++;
            }
        }
        if (known * 2 < tokens.length) {
            return null;
        }
        try {
            return parse(line);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Quick pre-check on a line's first byte: headers start with a lower-case field name. */
    static boolean mayBeHeader(byte first) {
        return first >= 'a' && first <= 'z';
    }

    private static boolean isName(String t) {
        if (t.isEmpty() || t.length() > 64 || t.charAt(0) < 'a' || t.charAt(0) > 'z') {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    boolean carries(AwsField f) {
        return columns.contains(f);
    }

    int size() {
        return columns.size();
    }

    /** The highest version among the known fields (what AWS writes in {@code version}). */
    int version() {
        return columns.stream().filter(java.util.Objects::nonNull).mapToInt(AwsField::version).max().orElse(2);
    }

    /** The format as a header line, e.g. for messages. */
    String text() {
        return String.join(" ", names);
    }

    @Override
    public String toString() {
        return text();
    }
}
