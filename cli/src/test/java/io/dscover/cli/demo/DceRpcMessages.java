package io.dscover.cli.demo;

import io.dscover.cli.demo.Payloads.Bytes;

/**
 * Connection-oriented DCE/RPC 5.0 PDUs (C706 chapter 12, MS-RPCE) to the endpoint mapper on TCP 135,
 * as an endpoint dump (Impacket rpcdump, {@code rpcdump.exe}) sends them: bind to epmapper v3.0
 * with NDR, then ept_lookup (opnum 2) for all elements, little-endian data representation.
 */
final class DceRpcMessages {

    private static final int REQUEST = 0;
    private static final int RESPONSE = 2;
    private static final int BIND = 11;
    private static final int BIND_ACK = 12;
    private static final int FIRST_AND_LAST = 0x03;
    private static final int MAX_FRAGMENT = 5840;
    private static final byte[] EPMAPPER = uuid(0xe1af8308, 0x5d1f, 0x11c9, 0x91a408002b14a0faL);
    private static final byte[] NDR = uuid(0x8a885d04, 0x1ceb, 0x11c9, 0x9fe808002b104860L);
    private static final int EPT_S_NOT_REGISTERED = 0x16c9a0d6;

    private DceRpcMessages() {
    }

    static byte[] bindEndpointMapper(int callId) {
        Bytes body = new Bytes().le16(MAX_FRAGMENT).le16(MAX_FRAGMENT).le32(0)
                .u8(1).u8(0).le16(0) // one presentation context
                .le16(0).u8(1).u8(0).raw(EPMAPPER).le16(3).le16(0).raw(NDR).le32(2);
        return pdu(BIND, callId, body.toArray());
    }

    static byte[] bindAck(int callId, int associationGroup) {
        byte[] port = Payloads.ascii("135\0");
        Bytes body = new Bytes().le16(MAX_FRAGMENT).le16(MAX_FRAGMENT).le32(associationGroup).le16(port.length).raw(port);
        body.raw(new byte[(4 - (16 + body.size()) % 4) % 4]); // the result list is 4-byte aligned
        body.u8(1).u8(0).le16(0).le16(0).le16(0).raw(NDR).le32(2); // acceptance
        return pdu(BIND_ACK, callId, body.toArray());
    }

    /** ept_lookup(RPC_C_EP_ALL_ELTS, no object, no interface, RPC_C_VERS_ALL, a null handle, 500 entries). */
    static byte[] eptLookup(int callId) {
        byte[] stub = new Bytes().le32(0).le32(0).le32(0).le32(1).raw(new byte[20]).le32(500).toArray();
        return pdu(REQUEST, callId, new Bytes().le32(stub.length).le16(0).le16(2).raw(stub).toArray());
    }

    /** The endpoint mapper's answer when it has nothing (more) to list: no entries, EPT_S_NOT_REGISTERED. */
    static byte[] eptLookupNothingRegistered(int callId) {
        byte[] stub = new Bytes().raw(new byte[20]).le32(0).le32(500).le32(0).le32(0).le32(EPT_S_NOT_REGISTERED)
                .toArray();
        return pdu(RESPONSE, callId, new Bytes().le32(stub.length).le16(0).u8(0).u8(0).raw(stub).toArray());
    }

    private static byte[] pdu(int type, int callId, byte[] body) {
        return new Bytes().u8(5).u8(0).u8(type).u8(FIRST_AND_LAST).raw(new byte[] {0x10, 0, 0, 0})
                .le16(16 + body.length).le16(0).le32(callId).raw(body).toArray();
    }

    /** A UUID in NDR little-endian layout (time fields little-endian, clock sequence and node as written). */
    private static byte[] uuid(int timeLow, int timeMid, int timeHigh, long clockAndNode) {
        return new Bytes().le32(timeLow).le16(timeMid).le16(timeHigh).u32((int) (clockAndNode >>> 32))
                .u32((int) clockAndNode).toArray();
    }
}
