#!/usr/bin/env python3
"""Medians and ratios of EngineBenchmark RESULT lines: python3 summarize.py results.txt [more.txt ...]

Columns (medians over runs):
  events/s      events / wall seconds of the whole run (the machine is shared: see 'load')
  2nd half      the same over the second half of the events (JIT warm, windows full)
  ev/cpu-s      events / CPU seconds of the whole process (all threads, GC and JIT included):
                what the work costs, much less sensitive to other processes than wall time
  2-core bound  engine only: events / max(process CPU / 2, CPU of its busiest thread) -- the most
                two cores of its own could give this run, given how the work was split
  vs java       plain-Java ev/cpu-s / engine ev/cpu-s (CPU ratio) and plain-Java events/s / engine
                events/s (wall ratio); lower is better, the issue's target is <= 4x
"""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path):
        if not line.startswith("RESULT "):
            continue
        kv = dict(p.split("=", 1) for p in line.split()[1:] if "=" in p)
        name = kv["rules"] + " " + (kv["impl"] if kv["impl"] != "drools" else "drools t=" + kv["threads"])
        if kv["impl"] == "generate":
            name = "generator-only " + kv.get("traffic", "flows")
        runs[name].append(kv)


def med(rows, key):
    return statistics.median(float(r[key]) for r in rows)


def bound(r):
    threads = [float(v) for k, v in r.items() if k.endswith("_cpu_s")]
    if not threads:
        return None
    return float(r["events"]) / max(float(r["cpu_seconds"]) / 2, max(threads))


print(f"{'configuration':24} {'runs':>4} {'events/s':>9} {'2nd half':>9} {'ev/cpu-s':>9} {'2-core bound':>12} "
      f"{'load':>5} {'alerts':>7} {'vs java cpu':>11} {'vs java wall':>12}")
for name in sorted(runs):
    rows = runs[name]
    eps = med(rows, "eps")
    cpu = med(rows, "eps_per_cpu_second")
    java = runs.get(name.split()[0] + " java")
    cpu_ratio = f"{med(java, 'eps_per_cpu_second') / cpu:10.2f}x" if java and "drools" in name else ""
    wall_ratio = f"{med(java, 'eps') / eps:11.2f}x" if java and "drools" in name else ""
    bounds = [b for b in (bound(r) for r in rows) if b is not None]
    b = f"{statistics.median(bounds):12.0f}" if bounds else ""
    alerts = sorted({r.get("alerts", "") for r in rows})
    print(f"{name:24} {len(rows):4d} {eps:9.0f} {med(rows, 'eps_second_half'):9.0f} {cpu:9.0f} {b:>12} "
          f"{med(rows, 'load'):5.1f} {','.join(alerts):>7} {cpu_ratio:>11} {wall_ratio:>12}")

print("\nCPU seconds per thread (medians): where the engine's time goes")
for name in sorted(runs):
    rows = runs[name]
    keys = sorted({k for r in rows for k in r if k.endswith("_cpu_s")})
    if keys:
        print(f"  {name:24} process={med(rows, 'cpu_seconds'):.1f} " + " ".join(
            f"{k[:-6]}={statistics.median(float(r[k]) for r in rows if k in r):.1f}" for k in keys))

agree = defaultdict(set)
for name, rows in runs.items():
    for r in rows:
        if "by_rule" in r and r["impl"] != "generate":
            agree[name.split()[0]].add(r["by_rule"])
print()
for rules, variants in sorted(agree.items()):
    print(f"alerts by rule agree across runs and implementations for {rules}: "
          f"{'yes' if len(variants) == 1 else 'NO: ' + ' | '.join(sorted(variants))}")
