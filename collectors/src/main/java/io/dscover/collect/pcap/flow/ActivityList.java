package io.dscover.collect.pcap.flow;

/**
 * Connections of one transport in least-recently-active order, linked through the connections
 * themselves: moving one to the end, removing one and looking at the oldest cost O(1) and
 * allocate nothing, which matters at millions of packets per second.
 */
final class ActivityList {

    private Connection head;
    private Connection tail;

    Connection oldest() {
        return head;
    }

    void append(Connection c) {
        c.older = tail;
        c.newer = null;
        if (tail != null) {
            tail.newer = c;
        } else {
            head = c;
        }
        tail = c;
    }

    void touch(Connection c) {
        if (c == tail) {
            return;
        }
        remove(c);
        append(c);
    }

    void remove(Connection c) {
        if (c.older != null) {
            c.older.newer = c.newer;
        } else if (head == c) {
            head = c.newer;
        }
        if (c.newer != null) {
            c.newer.older = c.older;
        } else if (tail == c) {
            tail = c.older;
        }
        c.older = null;
        c.newer = null;
    }
}
