package io.dscover.collect.pcap.proto;

/** Kerberos encryption type and error code names, as Zeek's kerberos.log writes them (RFC 3961, 4120, 8429). */
final class KerberosNames {

    private KerberosNames() {
    }

    /** The etype's name; rc4-hmac (23) in a TGS reply is the Kerberoasting tell. */
    static String cipher(long etype) {
        return switch ((int) etype) {
            case 1 -> "des-cbc-crc";
            case 2 -> "des-cbc-md4";
            case 3 -> "des-cbc-md5";
            case 5 -> "des3-cbc-md5";
            case 7 -> "des3-cbc-sha1";
            case 9 -> "dsaWithSHA1-CmsOID";
            case 10 -> "md5WithRSAEncryption-CmsOID";
            case 11 -> "sha1WithRSAEncryption-CmsOID";
            case 12 -> "rc2CBC-EnvOID";
            case 13 -> "rsaEncryption-EnvOID";
            case 14 -> "rsaES-OAEP-ENV-OID";
            case 15 -> "des-ede3-cbc-Env-OID";
            case 16 -> "des3-cbc-sha1-kd";
            case 17 -> "aes128-cts-hmac-sha1-96";
            case 18 -> "aes256-cts-hmac-sha1-96";
            case 19 -> "aes128-cts-hmac-sha256-128";
            case 20 -> "aes256-cts-hmac-sha384-192";
            case 23 -> "rc4-hmac";
            case 24 -> "rc4-hmac-exp";
            case 25 -> "camellia128-cts-cmac";
            case 26 -> "camellia256-cts-cmac";
            case 65 -> "subkey-keymaterial";
            default -> "unknown-" + etype;
        };
    }

    static String error(long code) {
        return switch ((int) code) {
            case 0 -> "KDC_ERR_NONE";
            case 1 -> "KDC_ERR_NAME_EXP";
            case 2 -> "KDC_ERR_SERVICE_EXP";
            case 3 -> "KDC_ERR_BAD_PVNO";
            case 4 -> "KDC_ERR_C_OLD_MAST_KVNO";
            case 5 -> "KDC_ERR_S_OLD_MAST_KVNO";
            case 6 -> "KDC_ERR_C_PRINCIPAL_UNKNOWN";
            case 7 -> "KDC_ERR_S_PRINCIPAL_UNKNOWN";
            case 8 -> "KDC_ERR_PRINCIPAL_NOT_UNIQUE";
            case 9 -> "KDC_ERR_NULL_KEY";
            case 10 -> "KDC_ERR_CANNOT_POSTDATE";
            case 11 -> "KDC_ERR_NEVER_VALID";
            case 12 -> "KDC_ERR_POLICY";
            case 13 -> "KDC_ERR_BADOPTION";
            case 14 -> "KDC_ERR_ETYPE_NOSUPP";
            case 15 -> "KDC_ERR_SUMTYPE_NOSUPP";
            case 16 -> "KDC_ERR_PADATA_TYPE_NOSUPP";
            case 17 -> "KDC_ERR_TRTYPE_NOSUPP";
            case 18 -> "KDC_ERR_CLIENT_REVOKED";
            case 19 -> "KDC_ERR_SERVICE_REVOKED";
            case 20 -> "KDC_ERR_TGT_REVOKED";
            case 21 -> "KDC_ERR_CLIENT_NOTYET";
            case 22 -> "KDC_ERR_SERVICE_NOTYET";
            case 23 -> "KDC_ERR_KEY_EXPIRED";
            case 24 -> "KDC_ERR_PREAUTH_FAILED";
            case 25 -> "KDC_ERR_PREAUTH_REQUIRED";
            case 26 -> "KDC_ERR_SERVER_NOMATCH";
            case 27 -> "KDC_ERR_MUST_USE_USER2USER";
            case 28 -> "KDC_ERR_PATH_NOT_ACCEPTED";
            case 29 -> "KDC_ERR_SVC_UNAVAILABLE";
            case 31 -> "KRB_AP_ERR_BAD_INTEGRITY";
            case 32 -> "KRB_AP_ERR_TKT_EXPIRED";
            case 33 -> "KRB_AP_ERR_TKT_NYV";
            case 34 -> "KRB_AP_ERR_REPEAT";
            case 35 -> "KRB_AP_ERR_NOT_US";
            case 36 -> "KRB_AP_ERR_BADMATCH";
            case 37 -> "KRB_AP_ERR_SKEW";
            case 38 -> "KRB_AP_ERR_BADADDR";
            case 39 -> "KRB_AP_ERR_BADVERSION";
            case 40 -> "KRB_AP_ERR_MSG_TYPE";
            case 41 -> "KRB_AP_ERR_MODIFIED";
            case 42 -> "KRB_AP_ERR_BADORDER";
            case 44 -> "KRB_AP_ERR_BADKEYVER";
            case 45 -> "KRB_AP_ERR_NOKEY";
            case 46 -> "KRB_AP_ERR_MUT_FAIL";
            case 47 -> "KRB_AP_ERR_BADDIRECTION";
            case 48 -> "KRB_AP_ERR_METHOD";
            case 49 -> "KRB_AP_ERR_BADSEQ";
            case 50 -> "KRB_AP_ERR_INAPP_CKSUM";
            case 51 -> "KRB_AP_PATH_NOT_ACCEPTED";
            case 52 -> "KRB_ERR_RESPONSE_TOO_BIG";
            case 60 -> "KRB_ERR_GENERIC";
            case 61 -> "KRB_ERR_FIELD_TOOLONG";
            case 62 -> "KDC_ERROR_CLIENT_NOT_TRUSTED";
            case 63 -> "KDC_ERROR_KDC_NOT_TRUSTED";
            case 64 -> "KDC_ERROR_INVALID_SIG";
            case 65 -> "KDC_ERR_KEY_TOO_WEAK";
            case 66 -> "KDC_ERR_CERTIFICATE_MISMATCH";
            case 67 -> "KRB_AP_ERR_NO_TGT";
            case 68 -> "KDC_ERR_WRONG_REALM";
            case 69 -> "KRB_AP_ERR_USER_TO_USER_REQUIRED";
            case 70 -> "KDC_ERR_CANT_VERIFY_CERTIFICATE";
            case 71 -> "KDC_ERR_INVALID_CERTIFICATE";
            case 72 -> "KDC_ERR_REVOKED_CERTIFICATE";
            case 73 -> "KDC_ERR_REVOCATION_STATUS_UNKNOWN";
            case 74 -> "KDC_ERR_REVOCATION_STATUS_UNAVAILABLE";
            case 75 -> "KDC_ERR_CLIENT_NAME_MISMATCH";
            case 76 -> "KDC_ERR_KDC_NAME_MISMATCH";
            default -> "unknown-" + code;
        };
    }
}
