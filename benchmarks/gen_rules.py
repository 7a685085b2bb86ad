#!/usr/bin/env python3
"""Writes N realistic .det rules (per-event, aggregate, sequence, beacon; each with two tests) to stdout,
for the rules check/compile benchmark. Deterministic: the same N gives the same file."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
rnd = random.Random(42)
print('list internal_nets = [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7]')
print('list admin_ports = [22, 23, 135, 139, 445, 3389, 5900..5910]')
print('list bad_agents = [' + ', '.join('"agent-%d/1.%d"' % (i, i % 7) for i in range(40)) + ']')
print('macro outbound = source.ip in internal_nets and not destination.ip in internal_nets')
print()
kinds = ['event_dns', 'event_http', 'event_tls', 'aggregate', 'sequence', 'beacon']
for i in range(n):
    kind = kinds[i % len(kinds)]
    port = rnd.choice([21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 389, 443, 445, 1433, 3306, 3389, 5432, 5900, 8080])
    print('rule r%03d_%s {' % (i, kind))
    print('  title: "Generated rule %d (%s)"' % (i, kind))
    print('  severity: %s' % rnd.choice(['low', 'medium', 'high']))
    print('  description: "Benchmark rule."')
    # every rule uses its tunable (the benchmark measures the clean path, not 66 warnings)
    print('  tunable limit = %d' % (12 if kind == 'beacon' else rnd.randint(10, 500)))
    if kind == 'event_dns':
        print('  techniques: [T1071.004]')
        print('  match dns where dns.question.type in ["TXT", "NULL", "CNAME"] and len(dns.question.name) > limit '
              'and entropy(dns.question.name) > 3.%d and not dns.question.name iendswith ".example%d.com"' % (i % 10, i))
        print('  test "hit" expect 1 { dns { ts: "2024-05-01T10:00:00Z", source.ip: 10.0.0.5, dns.question.type: "TXT", '
              'dns.question.name: "%s.t.example.net" } }' % ('a1B2c3D4e5F6g7H8' * 40))
        print('  test "miss" expect 0 { dns { source.ip: 10.0.0.5, dns.question.type: "A", dns.question.name: "example.com" } }')
    elif kind == 'event_http':
        print('  techniques: [T1071.001]')
        print('  match http where (user_agent.original in bad_agents or url.original matches r"/(cmd|shell)%d\\.php") '
              'and http.response.status_code < limit and source.ip in internal_nets' % i)
        print('  test "hit" expect 1 { http { source.ip: 10.0.0.5, user_agent.original: "agent-3/1.3", '
              'http.response.status_code: 1 } }')
        print('  test "miss" expect 0 { http { source.ip: 8.8.8.8, user_agent.original: "Mozilla" } }')
    elif kind == 'event_tls':
        print('  techniques: [T1573]')
        print('  match tls where tls.client.ja3 in ["%032x", "%032x"] or (tls.version == "TLSv10" and destination.port != %d '
              'and source.port > limit)' % (rnd.getrandbits(128), rnd.getrandbits(128), port))
        print('  test "hit" expect 1 { tls { tls.version: "TLSv10", destination.port: 1, source.port: 60000 } }')
        print('  test "miss" expect 0 { tls { tls.version: "TLSv13", destination.port: 443 } }')
    elif kind == 'aggregate':
        print('  techniques: [T1046]')
        print('  match flow where flow.state in ["S0", "REJ"] and destination.port not in admin_ports')
        print('  aggregate count(distinct destination.port) as ports by source.ip within %ds having ports >= limit' % rnd.randint(30, 300))
        print('  suppress by source.ip for 10m')
        print('  test "scan" expect 1 { flow * 600 every 10ms { source.ip: 10.0.0.9, destination.port: 1000..1599, flow.state: "REJ" } }')
        print('  test "quiet" expect 0 { flow { source.ip: 10.0.0.9, destination.port: 80, flow.state: "SF" } }')
    elif kind == 'sequence':
        print('  techniques: [T1021.002]')
        print('  sequence by source.ip, destination.ip within %dm' % rnd.randint(1, 10))
        print('    [connection where destination.port == %d]' % port)
        print('    then [connection where destination.port == 135 and source.port > limit]')
        print('  test "order" expect 1 { connection { ts: "2024-05-01T09:00:00Z", source.ip: 10.0.0.5, destination.ip: 10.0.0.6, '
              'destination.port: %d } connection { ts: +1m, source.ip: 10.0.0.5, destination.ip: 10.0.0.6, destination.port: 135, '
              'source.port: 60000 } }' % port)
        print('  test "reversed" expect 0 { connection { source.ip: 10.0.0.5, destination.port: 135 } }')
    else:
        print('  techniques: [T1071.001]')
        print('  match flow where outbound and destination.port == %d' % port)
        print('  beacon by source.ip, destination.ip within 6h min limit having score >= 0.8')
        print('  test "regular" expect 1 { flow * 24 every 10m { source.ip: 10.0.0.7, destination.ip: 203.0.113.80, '
              'destination.port: %d } }' % port)
        print('  test "internal" expect 0 { flow { source.ip: 10.0.0.7, destination.ip: 10.0.0.8, destination.port: %d } }' % port)
    print('}')
    print()
