package io.dscover.collect.cloud.aws;

import io.dscover.model.event.Timestamps;

/**
 * What the S3 delivery layout says about a flow log object, for records whose format leaves it out:
 * {@code AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/} (or the Hive-style
 * {@code aws-account-id=/aws-service=vpcflowlogs/aws-region=}) and the object name
 * {@code <account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz}.
 *
 * @param accountId    the account, or null
 * @param region       the region, or null
 * @param deliveryTime the object's time stamp in epoch nanoseconds, or {@link Long#MIN_VALUE}
 */
record S3ObjectKey(String accountId, String region, long deliveryTime) {

    static final S3ObjectKey NONE = new S3ObjectKey(null, null, Long.MIN_VALUE);

    static S3ObjectKey of(String path) {
        if (path == null) {
            return NONE;
        }
        String[] parts = path.replace('\\', '/').split("/");
        String account = null;
        String region = null;
        long time = Long.MIN_VALUE;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("AWSLogs") && i + 3 < parts.length) {
                String a = value(parts[i + 1], "aws-account-id=");
                String service = value(parts[i + 2], "aws-service=");
                if (isAccount(a) && service.equals("vpcflowlogs")) {
                    account = a;
                    region = value(parts[i + 3], "aws-region=");
                }
            }
        }
        String name = parts[parts.length - 1];
        String[] fields = name.split("_");
        if (fields.length >= 5 && fields[1].equals("vpcflowlogs") && isAccount(fields[0])) {
            account = account == null ? fields[0] : account;
            region = region == null ? fields[2] : region;
            time = objectTime(fields[4]);
        }
        return account == null && region == null && time == Long.MIN_VALUE ? NONE
                : new S3ObjectKey(account, region, time);
    }

    private static String value(String part, String hivePrefix) {
        return part.startsWith(hivePrefix) ? part.substring(hivePrefix.length()) : part;
    }

    private static boolean isAccount(String s) {
        return s.length() == 12 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** {@code 20180620T1620Z} as epoch nanoseconds, or MIN_VALUE. */
    private static long objectTime(String s) {
        if (s.length() != 14 || s.charAt(8) != 'T' || s.charAt(13) != 'Z') {
            return Long.MIN_VALUE;
        }
        try {
            String iso = s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8) + "T"
                    + s.substring(9, 11) + ":" + s.substring(11, 13) + ":00Z";
            return Timestamps.parse(iso).epochNanos();
        } catch (IllegalArgumentException e) {
            return Long.MIN_VALUE;
        }
    }
}
