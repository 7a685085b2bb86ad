package io.dscover.collect.pcap.proto;

/** Names of the NT status codes SMB responses carry most often. */
final class SmbStatus {

    private SmbStatus() {
    }

    static String name(long status) {
        return switch ((int) status) {
            case 0 -> "STATUS_SUCCESS";
            case 0x00000103 -> "STATUS_PENDING";
            case 0x80000005 -> "STATUS_BUFFER_OVERFLOW";
            case 0x80000006 -> "STATUS_NO_MORE_FILES";
            case 0xC0000016 -> "STATUS_MORE_PROCESSING_REQUIRED";
            case 0xC0000022 -> "STATUS_ACCESS_DENIED";
            case 0xC0000034 -> "STATUS_OBJECT_NAME_NOT_FOUND";
            case 0xC0000035 -> "STATUS_OBJECT_NAME_COLLISION";
            case 0xC000003A -> "STATUS_OBJECT_PATH_NOT_FOUND";
            case 0xC0000043 -> "STATUS_SHARING_VIOLATION";
            case 0xC000006D -> "STATUS_LOGON_FAILURE";
            case 0xC000006E -> "STATUS_ACCOUNT_RESTRICTION";
            case 0xC0000071 -> "STATUS_PASSWORD_EXPIRED";
            case 0xC0000072 -> "STATUS_ACCOUNT_DISABLED";
            case 0xC00000BB -> "STATUS_NOT_SUPPORTED";
            case 0xC00000CC -> "STATUS_BAD_NETWORK_NAME";
            case 0xC0000011 -> "STATUS_END_OF_FILE";
            case 0xC0000120 -> "STATUS_CANCELLED";
            case 0xC0000203 -> "STATUS_USER_SESSION_DELETED";
            default -> String.format("0x%08x", status);
        };
    }
}
