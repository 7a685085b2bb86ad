package io.dscover.collect.pcap.proto;

/**
 * Protocols dscover only names (no events yet): POP3 and IMAP banners with a client command, NTP
 * and DHCP datagrams. Confirms the service so flows say what they carry.
 */
final class ServiceProbe extends Analyzer {

    private final String service;
    private boolean serverOk;
    private boolean clientOk;

    ServiceProbe(String service) {
        this.service = service;
    }

    @Override
    public String name() {
        return service;
    }

    @Override
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
        boolean ok = switch (service) {
            case "ntp" -> len >= 48 && ((b[off] >> 3) & 7) >= 1 && ((b[off] >> 3) & 7) <= 4 && (b[off] & 7) != 0;
            case "dhcp" -> len >= 240 && (b[off] == 1 || b[off] == 2) && (b[off + 236] & 0xff) == 99
                    && (b[off + 237] & 0xff) == 130 && (b[off + 238] & 0xff) == 83 && (b[off + 239] & 0xff) == 99;
            default -> false;
        };
        if (ok) {
            s.confirm(service);
            finish();
        } else {
            fail();
        }
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (!fromOrig) {
            serverOk = service.equals("pop3") ? Bytes.startsWith(b, off, len, "+OK") : Bytes.startsWith(b, off, len, "* OK");
            if (!serverOk) {
                fail();
                return;
            }
        } else {
            clientOk = len >= 4 && Character.isLetter(b[off + (service.equals("imap") ? Math.min(len - 1, 2) : 0)]);
        }
        if (serverOk && clientOk) {
            s.confirm(service);
            finish();
        }
    }

    @Override
    public void gap(Session s, boolean fromOrig, long len) {
        finish();
    }
}
