package io.dscover.collect.pcap.flow;

import static io.dscover.collect.pcap.flow.TcpEndpoint.CLOSED;
import static io.dscover.collect.pcap.flow.TcpEndpoint.ESTABLISHED;
import static io.dscover.collect.pcap.flow.TcpEndpoint.INACTIVE;
import static io.dscover.collect.pcap.flow.TcpEndpoint.PARTIAL;
import static io.dscover.collect.pcap.flow.TcpEndpoint.RESET;
import static io.dscover.collect.pcap.flow.TcpEndpoint.SYN_ACK_SENT;
import static io.dscover.collect.pcap.flow.TcpEndpoint.SYN_SENT;

import io.dscover.collect.pcap.decode.Datagram;

/**
 * Zeek's TCP session logic (TCPSessionAdapter): endpoint state machine, sequence tracking, history
 * letters, connection-reuse detection and the close/attempt/expire timers, so conn_state, history
 * and byte counts come out as Zeek's conn.log has them.
 */
final class TcpTracking {

    static final long TOO_LARGE_SEQ_DELTA = 1_048_576;
    static final long SECOND = 1_000_000_000L;
    static final long ATTEMPT_DELAY = 5 * SECOND;
    static final long SYN_TIMEOUT = 5 * SECOND;
    static final long SESSION_TIMER = 6 * SECOND;
    static final long CONNECTION_LINGER = 5 * SECOND;
    static final long CLOSE_DELAY = 5 * SECOND;

    private final FlowTracker tracker;
    // per-packet outcomes, fields rather than arrays so the hot path allocates nothing
    private boolean underflow;
    private boolean doClose;
    private boolean genEvent;

    TcpTracking(FlowTracker tracker) {
        this.tracker = tracker;
    }

    private static boolean syn(int f) {
        return (f & Datagram.SYN) != 0;
    }

    private static boolean fin(int f) {
        return (f & Datagram.FIN) != 0;
    }

    private static boolean rst(int f) {
        return (f & Datagram.RST) != 0;
    }

    private static boolean ack(int f) {
        return (f & Datagram.ACK) != 0;
    }

    /** Zeek's IsReuse: a new SYN on a closed connection (or with a new ISN) starts a new connection. */
    static boolean isReuse(Connection c, Datagram d) {
        int f = d.tcpFlags();
        if (!syn(f)) {
            return false;
        }
        TcpEndpoint connOrig = c.tcpOrig;
        if (ack(f)) {
            if (c.tcpOrig.state != INACTIVE) {
                return false;
            }
            connOrig = c.tcpResp;
        }
        boolean closed = c.tcpOrig.didClose || c.tcpResp.didClose;
        if (!closed) {
            long base = d.seq();
            if (base == connOrig.startSeq) {
                return false;
            }
            if (!ack(f) && connOrig.state == SYN_ACK_SENT && c.tcpResp.state == INACTIVE && base == c.tcpResp.startSeq) {
                return false;
            }
        }
        return true;
    }

    void scheduleInitial(Connection c, long t) {
        tracker.schedule(c, t + SYN_TIMEOUT, FlowTracker.TIMER_TCP_EXPIRE);
    }

    void process(Connection c, boolean isOrig, Datagram d, long t) {
        int flags = d.tcpFlags();
        long baseSeq = d.seq();
        long ackSeq = d.ack();
        int len = d.payloadWire();
        TcpEndpoint ep = isOrig ? c.tcpOrig : c.tcpResp;
        TcpEndpoint peer = ep.peer;

        // partial status
        if (isOrig) {
            if ((c.firstPacketSeen & 1) == 0) {
                c.tcpPartial = !syn(flags) || ack(flags);
            }
        } else if ((c.firstPacketSeen & 2) == 0 && !c.tcpPartial) {
            c.tcpPartial = !syn(flags);
        }

        int segLen = len + (syn(flags) ? 1 : 0) + (fin(flags) ? 1 : 0);
        if (rst(flags)) {
            segLen -= len;
        }
        long seqOnePast = (baseSeq + segLen) & 0xffff_ffffL;
        initEndpoint(c, ep, flags, baseSeq, seqOnePast);

        underflow = false;
        long relSeq = relativeSeq(ep, baseSeq, ep.lastSeq, ep.seqWraps);
        boolean seqUnderflow = underflow;
        updateHistory(c, flags, ep, relSeq, len);
        if (d.window() == 0 && !rst(flags) && peer.state != CLOSED && ep.state != RESET) {
            ep.win0Count++;
            ep.win0Threshold = c.scaledHistory(ep.isOrig ? 'W' : 'w', ep.win0Count, ep.win0Threshold);
        }
        if (!c.tcpOrig.didClose || !c.tcpResp.didClose) {
            c.last = t;
        }
        if (syn(flags)) {
            ep.sawSyn = true;
        }
        if (fin(flags)) {
            ep.finCount++;
        }
        if (rst(flags)) {
            ep.rstCount++;
        }
        long relAck = 0;
        if (ack(flags)) {
            if (peer.state == INACTIVE) {
                relAck = 1;
                long a = (ackSeq - 1) & 0xffff_ffffL;
                peer.startSeq = a;
                peer.ackSeq = a;
                peer.lastSeq = a;
            } else {
                underflow = false;
                relAck = relativeSeq(peer, ackSeq, peer.ackSeq, peer.ackWraps);
                if (underflow) {
                    relAck = 0;
                } else if (!rst(flags)) {
                    int deltaAck = TcpEndpoint.seqDelta(ackSeq, peer.ackSeq);
                    if (!(ackSeq == 0 && deltaAck > TOO_LARGE_SEQ_DELTA) && deltaAck > 0) {
                        peer.updateAckSeq(ackSeq);
                    }
                }
            }
        }
        int deltaLast = updateLastSeq(c, ep, seqOnePast, flags, len);

        doClose = false;
        genEvent = false;
        switch (ep.state) {
            case INACTIVE -> inactive(c, ep, peer, baseSeq, ackSeq, len, isOrig, flags);
            case SYN_SENT, SYN_ACK_SENT -> synSent(c, ep, flags);
            case ESTABLISHED, PARTIAL -> established(c, ep, peer, flags);
            case CLOSED -> closedState(ep, flags);
            default -> {
                // RESET: nothing changes
            }
        }
        if (isOrig) {
            c.firstPacketSeen |= 1;
        } else {
            c.firstPacketSeen |= 2;
        }

        // content: also for connections picked up mid-stream (Zeek analyzes those too; dissectors
        // that find no message boundary simply never confirm)
        boolean dataOk = len > 0 && !rst(flags) && !seqUnderflow && d.payloadCaptured() >= len;
        if (tracker.settings.content() && Dpd.wantsData(c)) {
            if (ack(flags) && !rst(flags) && relAck > 0) {
                io.dscover.collect.pcap.stream.StreamReassembler peerStream = isOrig ? c.respStream : c.origStream;
                if (peerStream != null && peer.state != CLOSED && peer.state != RESET && !fin(flags)) {
                    long before = peerStream.missedBytes();
                    peerStream.acknowledged(relAck, c.sink(!isOrig));
                    if (peerStream.missedBytes() > before) {
                        peer.gapCount++;
                        peer.gapThreshold = c.scaledHistory(peer.isOrig ? 'G' : 'g', peer.gapCount, peer.gapThreshold);
                    }
                }
            }
            if (dataOk) {
                long relDataSeq = syn(flags) ? relSeq + 1 : relSeq;
                io.dscover.collect.pcap.stream.StreamReassembler s = tracker.stream(c, isOrig);
                if (ep.sawSyn) {
                    s.start(1);
                }
                s.segment(relDataSeq, d.buffer(), d.payloadOffset(), len, c.sink(isOrig));
            }
        }
        if (doClose) {
            connectionClosed(c, ep, peer, genEvent);
        }
    }

    private static void initEndpoint(Connection c, TcpEndpoint ep, int flags, long firstSeq, long lastSeq) {
        switch (ep.state) {
            case INACTIVE -> {
                if (syn(flags)) {
                    ep.ackSeq = firstSeq;
                    ep.startSeq = firstSeq;
                } else {
                    long s = (firstSeq - 1) & 0xffff_ffffL;
                    ep.ackSeq = s;
                    ep.startSeq = s;
                    lastSeq = firstSeq;
                }
                ep.lastSeq = lastSeq;
            }
            case SYN_SENT, SYN_ACK_SENT -> {
                if (syn(flags) && firstSeq != ep.startSeq) {
                    ep.startSeq = firstSeq;
                    ep.ackSeq = firstSeq;
                    ep.lastSeq = lastSeq;
                }
            }
            case ESTABLISHED, PARTIAL -> {
                if (syn(flags)) {
                    ep.startSeq = firstSeq;
                    ep.ackSeq = firstSeq;
                    ep.lastSeq = lastSeq;
                }
            }
            case RESET -> {
                if (syn(flags) && ep.prevState == INACTIVE) {
                    ep.startSeq = firstSeq;
                    ep.ackSeq = firstSeq;
                    ep.lastSeq = lastSeq;
                }
            }
            default -> {
            }
        }
    }

    private long relativeSeq(TcpEndpoint ep, long cur, long last, int wraps) {
        int delta = TcpEndpoint.seqDelta(cur, last);
        if (delta < 0) {
            if (wraps > 0 && cur > last) {
                wraps--;
            }
        } else if (delta > 0) {
            if (cur < last) {
                wraps++;
            }
        }
        if (wraps == 0) {
            int d = TcpEndpoint.seqDelta(cur, ep.startSeq);
            if (d < 0) {
                underflow = true;
            }
            return d;
        }
        return ep.relative(cur, wraps);
    }

    private static void updateHistory(Connection c, int flags, TcpEndpoint ep, long relSeq, int len) {
        int shift = ep.isOrig ? 0 : 16;
        int bits = (syn(flags) ? 1 : 0) + (fin(flags) ? 1 : 0) + (rst(flags) ? 1 : 0);
        if (bits > 1) {
            if (fin(flags) && rst(flags)) {
                c.checkHistory(Connection.HIST_FIN_RST << shift, letter(ep, 'I'));
            } else {
                c.checkHistory(Connection.HIST_MULTI_FLAG << shift, letter(ep, 'Q'));
            }
        } else if (bits == 1) {
            if (syn(flags)) {
                char code = letter(ep, ack(flags) ? 'H' : 'S');
                if (c.checkHistory(Connection.HIST_SYN << shift, code) && relSeq != ep.histLastSyn) {
                    c.addHistory(code);
                }
                ep.histLastSyn = relSeq;
            }
            if (fin(flags)) {
                char code = letter(ep, 'F');
                if (c.checkHistory(Connection.HIST_FIN << shift, code) && relSeq + len != ep.histLastFin) {
                    c.addHistory(code);
                }
                ep.histLastFin = relSeq + len;
            }
            if (rst(flags)) {
                char code = letter(ep, 'R');
                if (c.checkHistory(Connection.HIST_RST << shift, code) && relSeq != ep.histLastRst) {
                    c.addHistory(code);
                }
                ep.histLastRst = relSeq;
            }
        } else if (len > 0) {
            c.checkHistory(Connection.HIST_DATA << shift, letter(ep, 'D'));
        } else if (ack(flags)) {
            c.checkHistory(Connection.HIST_ACK << shift, letter(ep, 'A'));
        }
    }

    private static char letter(TcpEndpoint ep, char upper) {
        return ep.isOrig ? upper : Character.toLowerCase(upper);
    }

    private static int updateLastSeq(Connection c, TcpEndpoint ep, long lastSeq, int flags, int len) {
        int deltaLast = TcpEndpoint.seqDelta(lastSeq, ep.lastSeq);
        if ((syn(flags) || rst(flags)) && (deltaLast > TOO_LARGE_SEQ_DELTA || deltaLast < -TOO_LARGE_SEQ_DELTA)) {
            // untrusted jump
        } else if (fin(flags) && ep.lastSeq == ((ep.startSeq + 1) & 0xffff_ffffL)) {
            ep.updateLastSeq(lastSeq);
        } else if (ep.state == RESET) {
            // no later sequence numbers are trusted
        } else if (deltaLast > 0) {
            ep.updateLastSeq(lastSeq);
        } else if (len > 0) {
            ep.rxmitCount++;
            ep.rxmitThreshold = c.scaledHistory(ep.isOrig ? 'T' : 't', ep.rxmitCount, ep.rxmitThreshold);
        }
        return deltaLast;
    }

    private void inactive(Connection c, TcpEndpoint ep, TcpEndpoint peer, long baseSeq, long ackSeq, int len,
            boolean isOrig, int flags) {
        if (syn(flags)) {
            if (isOrig) {
                ep.setState(ack(flags) ? SYN_ACK_SENT : SYN_SENT);
                tracker.schedule(c, tracker.now + ATTEMPT_DELAY, FlowTracker.TIMER_TCP_ATTEMPT);
            } else {
                if (!ack(flags) && peer.state == SYN_ACK_SENT && baseSeq == ep.startSeq) {
                    // SYN and SYN-ACK seen in reverse order: the roles were wrong
                    c.tcpPartial = false;
                    c.flipRoles();
                    peer.setState(ESTABLISHED);
                    c.firstPacketSeen |= 1;
                }
                if (peer.state == SYN_SENT) {
                    peer.setState(ESTABLISHED);
                }
                ep.setState(ESTABLISHED);
            }
        }
        if (fin(flags)) {
            ep.setState(CLOSED);
            doClose = true;
            genEvent = true;
        }
        if (rst(flags)) {
            ep.setState(RESET);
            boolean isReject;
            if (isOrig) {
                isReject = peer.state == ESTABLISHED;
            } else {
                isReject = peer.state == SYN_SENT || peer.state == SYN_ACK_SENT;
            }
            doClose = true;
            genEvent = !isReject;
        }
        if (ep.state == INACTIVE) {
            if (!isOrig && len == 0 && c.tcpOrig.state == SYN_SENT) {
                // an early ACK of the SYN does not make a partial connection
            } else if (ack(flags) && peer.state == ESTABLISHED) {
                ep.setState(ESTABLISHED);
                c.tcpPartial = false;
                c.firstPacketSeen |= isOrig ? 1 : 2;
            } else {
                ep.setState(PARTIAL);
            }
        }
    }

    private void synSent(Connection c, TcpEndpoint ep, int flags) {
        if (fin(flags)) {
            ep.setState(CLOSED);
            doClose = true;
            genEvent = true;
        }
        if (rst(flags)) {
            ep.setState(RESET);
            c.tcpActive = false;
            doClose = true;
        }
    }

    private void established(Connection c, TcpEndpoint ep, TcpEndpoint peer, int flags) {
        if (syn(flags) && ep.state == PARTIAL && peer.state == INACTIVE && !ack(flags)) {
            ep.setState(SYN_SENT);
        }
        if (fin(flags) && !rst(flags)) {
            ep.setState(CLOSED);
            if (peer.state == RESET && peer.prevState == CLOSED) {
                peer.setState(CLOSED);
            }
            doClose = true;
            genEvent = true;
        }
        if (rst(flags)) {
            ep.setState(RESET);
            doClose = true;
            if (peer.state != RESET || peer.prevState != ESTABLISHED) {
                c.tcpActive = false;
            }
        }
    }

    private void closedState(TcpEndpoint ep, int flags) {
        if (rst(flags) && ep.peer.state != CLOSED) {
            ep.setState(RESET);
            if (!ep.didClose) {
                doClose = true;
            }
        }
    }

    private void connectionClosed(Connection c, TcpEndpoint ep, TcpEndpoint peer, boolean genEvent) {
        if (ep.didClose) {
            return;
        }
        ep.didClose = true;
        boolean complete = ep.state == RESET || peer.didClose || peer.state == INACTIVE;
        if (complete) {
            if ((ep.prevState != INACTIVE || peer.state != INACTIVE) && genEvent) {
                c.tcpActive = false;
            }
            tracker.cancelTcpTimers(c);
            tracker.schedule(c, c.last + CLOSE_DELAY, FlowTracker.TIMER_TCP_DELETE);
        } else if (ep.prevState != INACTIVE) {
            tracker.schedule(c, c.last + SESSION_TIMER, FlowTracker.TIMER_TCP_EXPIRE);
        }
    }

    /** Zeek's ExpireTimer; returns true when the connection is done. */
    boolean expireTimer(Connection c, long t) {
        if (!c.tcpActive) {
            return false;
        }
        TcpEndpoint o = c.tcpOrig;
        TcpEndpoint r = c.tcpResp;
        if (c.last + CONNECTION_LINGER < t) {
            if (o.didClose || r.didClose) {
                if (o.didClose && r.didClose || o.state == RESET || r.state == RESET || o.state == INACTIVE
                        || r.state == INACTIVE) {
                    return true;
                }
            }
            if (r.state == INACTIVE && o.state == INACTIVE) {
                return true;
            }
        }
        // Zeek re-arms this timer every 6 s; with no packet in between, only the firings that can
        // change the outcome matter, so skip the ones that cannot (long gaps in a capture would
        // otherwise cost one firing per 6 s per connection)
        long next = t + SESSION_TIMER;
        long horizon = c.last + CONNECTION_LINGER;
        long target = horizon >= t ? horizon : tracker.now;
        if (target >= next) {
            next += (target - next) / SESSION_TIMER * SESSION_TIMER + SESSION_TIMER;
        }
        tracker.schedule(c, next, FlowTracker.TIMER_TCP_EXPIRE);
        return false;
    }

    /** Zeek's AttemptTimer; returns true when the unanswered attempt is done. */
    boolean attemptTimer(Connection c) {
        if (!c.tcpActive) {
            return false;
        }
        if ((c.tcpOrig.state == SYN_SENT || c.tcpOrig.state == SYN_ACK_SENT) && c.tcpResp.state == INACTIVE) {
            c.tcpActive = false;
            return true;
        }
        return false;
    }

    /** Zeek's conn_state for a TCP connection. */
    static String connState(Connection c) {
        int os = c.tcpOrig.state;
        int rs = c.tcpResp.state;
        boolean oInactive = os == INACTIVE || os == PARTIAL;
        boolean rInactive = rs == INACTIVE || rs == PARTIAL;
        if (rs == RESET) {
            if (os == SYN_SENT || os == SYN_ACK_SENT || os == RESET && c.tcpOrig.size() == 0 && c.tcpResp.size() == 0) {
                return "REJ";
            }
            return oInactive ? "RSTRH" : "RSTR";
        }
        if (os == RESET) {
            if (rInactive) {
                return resetBeforeHandshake(c.history) ? "RSTOS0" : "OTH";
            }
            return "RSTO";
        }
        if (rs == CLOSED && os == CLOSED) {
            return "SF";
        }
        if (os == CLOSED) {
            return rInactive ? "SH" : "S2";
        }
        if (rs == CLOSED) {
            return oInactive ? "SHR" : "S3";
        }
        if (os == SYN_SENT && rs == INACTIVE) {
            return "S0";
        }
        if (os == ESTABLISHED && rs == ESTABLISHED) {
            return "S1";
        }
        return "OTH";
    }

    /** The history matches Zeek's /^\^?S[^HAFGIQ]*R.*&#47;: a SYN, then a RST before any handshake. */
    static boolean resetBeforeHandshake(CharSequence h) {
        int i = 0;
        if (i < h.length() && h.charAt(i) == '^') {
            i++;
        }
        if (i >= h.length() || h.charAt(i) != 'S') {
            return false;
        }
        for (i++; i < h.length(); i++) {
            char ch = h.charAt(i);
            if (ch == 'R') {
                return true;
            }
            if ("HAFGIQ".indexOf(ch) >= 0) {
                return false;
            }
        }
        return false;
    }
}
