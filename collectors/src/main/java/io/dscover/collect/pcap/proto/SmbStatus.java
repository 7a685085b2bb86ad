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
            case 0xC0000002 -> "STATUS_NOT_IMPLEMENTED";
            case 0xC0000008 -> "STATUS_INVALID_HANDLE";
            case 0xC000000D -> "STATUS_INVALID_PARAMETER";
            case 0xC0000010 -> "STATUS_INVALID_DEVICE_REQUEST";
            case 0xC0000033 -> "STATUS_OBJECT_NAME_INVALID";
            case 0xC0000064 -> "STATUS_NO_SUCH_USER";
            case 0xC000006A -> "STATUS_WRONG_PASSWORD";
            case 0xC0000070 -> "STATUS_INVALID_WORKSTATION";
            case 0xC00000C9 -> "STATUS_NETWORK_NAME_DELETED";
            case 0xC000015B -> "STATUS_LOGON_TYPE_NOT_GRANTED";
            case 0xC0000193 -> "STATUS_ACCOUNT_EXPIRED";
            case 0xC0000205 -> "STATUS_INSUFF_SERVER_RESOURCES";
            case 0xC0000224 -> "STATUS_PASSWORD_MUST_CHANGE";
            case 0xC0000234 -> "STATUS_ACCOUNT_LOCKED_OUT";
            default -> String.format("0x%08x", status);
        };
    }
}
