#!/usr/bin/env python3
"""Writes N synthetic AWS VPC flow log records in the default version-2 format (no header), as a
busy VPC would: a few hundred interfaces, internal services, internet clients, scanners, NODATA.
Deterministic (seeded) so every tool and every run reads the same file.

usage: gen_aws_v2.py RECORDS OUT_FILE
"""
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(20240601)
    enis = ["eni-%017x" % rnd.getrandbits(68) for _ in range(300)]
    internal = ["10.%d.%d.%d" % (rnd.randrange(0, 4), rnd.randrange(0, 256), rnd.randrange(1, 255)) for _ in range(2000)]
    public = ["%d.%d.%d.%d" % (rnd.choice([3, 13, 18, 34, 52, 54, 104, 142, 151, 185, 198, 203]), rnd.randrange(256),
                               rnd.randrange(256), rnd.randrange(1, 255)) for _ in range(20000)]
    ports = [443, 443, 443, 80, 53, 22, 3306, 5432, 6379, 8080, 9200, 123, 3389, 445]
    t = 1717200000
    with open(out, "w") as f:
        buf = []
        for i in range(n):
            eni = enis[i % 300]
            if i % 997 == 0:
                buf.append("2 123456789012 %s - - - - - - - %d %d - NODATA\n" % (eni, t, t + 60))
                continue
            src = rnd.choice(internal) if i % 3 else rnd.choice(public)
            dst = rnd.choice(public) if i % 3 else rnd.choice(internal)
            proto = 17 if i % 11 == 0 else 6
            packets = rnd.randrange(1, 500)
            nbytes = packets * rnd.randrange(40, 1500)
            action = "REJECT" if i % 13 == 0 else "ACCEPT"
            start = t + (i // 5000)
            buf.append("2 123456789012 %s %s %s %d %d %d %d %d %d %d %s OK\n" % (
                eni, src, dst, rnd.randrange(1024, 65536), rnd.choice(ports), proto, packets, nbytes, start,
                start + 60, action))
            if len(buf) >= 10000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))


if __name__ == "__main__":
    main()
