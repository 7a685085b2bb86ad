#!/usr/bin/env python3
"""Writes a synthetic AWS VPC flow log export in the S3 delivery layout, gzip'd, as a realistic
estate would produce: two accounts, web/app/db tiers, internet clients, an SSH server and a Redis
port open to the internet, scanners (vertical, horizontal, repeated RDP), a bulk upload and a
long-lived connection to an unusual port, NODATA and SKIPDATA records.

usage: gen_aws_export.py OUT_DIR [--hours H] [--records-per-file N] [--copies C]

One day of H hourly objects per account is generated; --copies C adds C-1 more days whose objects
are hard links to the first day's (same records under later dates: a cheap way to reach gigabytes
for the bounded-memory benchmark without hours of generation).
"""
import argparse
import gzip
import os
import random

HEADER = ("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
          "action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id "
          "sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path")


def rec(account, eni, vpc, subnet, inst, src, dst, sport, dport, proto, packets, nbytes, start, action, flags,
        direction, path="-"):
    return ("5 %s %s %s %s %d %d %d %d %d %d %d %s OK %s %s %s %d IPv4 %s %s us-east-1 use1-az1 - - - - %s %s"
            % (account, eni, src, dst, sport, dport, proto, packets, nbytes, start, start + 60, action, vpc, subnet,
               inst, flags, src, dst, direction, path))


def hour_records(rnd, account, hour_start, n):
    vpc = "vpc-%s0a" % account[:6]
    web = [("eni-%s%04d" % (account[:4], i), "10.%s.1.%d" % (account[-1], 10 + i), "i-%s%04d" % (account[:6], i))
           for i in range(8)]
    db = ("eni-%sdb01" % account[:4], "10.%s.2.20" % account[-1], "i-%sdb01" % account[:6])
    clients = ["%d.%d.%d.%d" % (rnd.choice([24, 73, 81, 92, 101, 176, 185, 213]), rnd.randrange(256),
                                rnd.randrange(256), rnd.randrange(1, 255)) for _ in range(3000)]
    out = []
    for i in range(n):
        t = hour_start + rnd.randrange(0, 3600)
        kind = i % 100
        eni, ip, inst = web[i % len(web)]
        subnet = "subnet-%s01" % account[:6]
        if kind < 60:  # https from internet clients, and the answers
            c = rnd.choice(clients)
            sp = rnd.randrange(32768, 61000)
            out.append(rec(account, eni, vpc, subnet, inst, c, ip, sp, 443, 6, 12, 1800, t, "ACCEPT", 2, "ingress"))
            out.append(rec(account, eni, vpc, subnet, inst, ip, c, 443, sp, 6, 20, 24000, t, "ACCEPT", 18, "egress", "8"))
        elif kind < 75:  # app to db
            out.append(rec(account, eni, vpc, subnet, inst, ip, db[1], rnd.randrange(32768, 61000), 5432, 6, 30,
                           9000, t, "ACCEPT", 3, "egress", "1"))
        elif kind < 80:  # ssh open to the world on web 0
            e0, ip0, i0 = web[0]
            c = rnd.choice(clients)
            sp = rnd.randrange(32768, 61000)
            out.append(rec(account, e0, vpc, subnet, i0, c, ip0, sp, 22, 6, 14, 2600, t, "ACCEPT", 2, "ingress"))
            out.append(rec(account, e0, vpc, subnet, i0, ip0, c, 22, sp, 6, 12, 3100, t, "ACCEPT", 18, "egress", "8"))
        elif kind < 82:  # redis open on db, nobody answers
            out.append(rec(account, db[0], vpc, subnet, db[2], rnd.choice(clients), db[1], rnd.randrange(32768, 61000),
                           6379, 6, 1, 60, t, "ACCEPT", 2, "ingress"))
        elif kind < 90:  # vertical scan from one scanner, horizontal telnet sweep from another, random noise
            which = i % 3
            if which == 0:
                out.append(rec(account, eni, vpc, subnet, inst, "198.51.100.66", ip, 61000, rnd.randrange(1, 10000),
                               6, 1, 44, t, "REJECT", 2, "ingress"))
            elif which == 1:
                out.append(rec(account, eni, vpc, subnet, inst, "203.0.113.7", "10.%s.1.%d" % (account[-1], rnd.randrange(1, 255)),
                               61001, 23, 6, 1, 44, t, "REJECT", 2, "ingress"))
            else:
                out.append(rec(account, eni, vpc, subnet, inst, rnd.choice(clients), ip, rnd.randrange(1024, 65535),
                               rnd.choice([3389, 445, 1433, 8080]), 6, 1, 44, t, "REJECT", 2, "ingress"))
        elif kind < 93:  # repeated RDP attempts
            out.append(rec(account, eni, vpc, subnet, inst, "192.0.2.5", ip, rnd.randrange(32768, 61000), 3389, 6, 3,
                           180, t, "REJECT", 2, "ingress"))
        elif kind < 95:  # bulk upload to a storage endpoint
            out.append(rec(account, db[0], vpc, subnet, db[2], db[1], "203.0.113.200", rnd.randrange(32768, 61000),
                           443, 6, 9000, 12_000_000, t, "ACCEPT", 3, "egress", "8"))
        elif kind < 97:  # a long-lived connection to port 4444 (one record per ten minutes, same ports)
            out.append(rec(account, web[3][0], vpc, subnet, web[3][2], web[3][1], "198.51.100.9", 51000, 4444, 6, 6,
                           900, hour_start + (i % 6) * 600, "ACCEPT", 0, "egress", "8"))
        else:  # DNS
            out.append(rec(account, eni, vpc, subnet, inst, ip, "10.%s.0.2" % account[-1], rnd.randrange(32768, 61000),
                           53, 17, 1, 70, t, "ACCEPT", 0, "egress", "1"))
    out.append("5 %s eni-%sidle - - - - - - - %d %d - NODATA %s - - - - - - - - - - - - - -"
               % (account, account[:4], hour_start, hour_start + 600, vpc))
    if rnd.random() < 0.3:
        out.append("5 %s %s - - - - - - - %d %d - SKIPDATA %s - - - - - - - - - - - - - -"
                   % (account, web[1][0], hour_start + 1200, hour_start + 1800, vpc))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--hours", type=int, default=24)
    ap.add_argument("--records-per-file", type=int, default=20000)
    ap.add_argument("--copies", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(7)
    day0 = 1717200000  # 2024-06-01T00:00:00Z
    first_day = []
    for account in ("111122223333", "444455556666"):
        folder = os.path.join(a.out, "AWSLogs", account, "vpcflowlogs", "us-east-1", "2024", "06", "01")
        os.makedirs(folder, exist_ok=True)
        for h in range(a.hours):
            name = "%s_vpcflowlogs_us-east-1_fl-0a1b2c3d_20240601T%02d00Z_%08x.log.gz" % (account, h, rnd.getrandbits(32))
            path = os.path.join(folder, name)
            lines = hour_records(rnd, account, day0 + h * 3600, a.records_per_file)
            with gzip.open(path, "wt", compresslevel=1) as f:
                f.write(HEADER + "\n" + "\n".join(lines) + "\n")
            first_day.append((account, name, path))
    for c in range(1, a.copies):
        day = c + 1
        month, dom = (6, day) if day <= 30 else (7, day - 30)
        for account, name, path in first_day:
            folder = os.path.join(a.out, "AWSLogs", account, "vpcflowlogs", "us-east-1", "2024", "%02d" % month, "%02d" % dom)
            os.makedirs(folder, exist_ok=True)
            target = os.path.join(folder, name.replace("20240601T", "2024%02d%02dT" % (month, dom)))
            if not os.path.exists(target):
                os.link(path, target)


if __name__ == "__main__":
    main()
