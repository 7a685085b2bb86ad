#!/usr/bin/env python3
"""Medians and ratios of EngineBenchmark RESULT lines: python3 summarize.py results.txt"""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
for line in open(sys.argv[1]):
    if not line.startswith("RESULT "):
        continue
    kv = dict(p.split("=", 1) for p in line.split()[1:] if "=" in p)
    name = kv["rules"] + " " + (kv["impl"] if kv["impl"] != "drools" else "drools t=" + kv["threads"])
    if kv["impl"] == "generate":
        name = "generator-only " + kv.get("traffic", "flows")
    runs[name].append(kv)

def med(rows, key):
    return statistics.median(float(r[key]) for r in rows)

print(f"{'configuration':28} {'runs':>4} {'events/s':>10} {'2nd half':>10} {'ev/cpu-s':>10} {'load':>5} {'alerts':>9} {'vs java':>8}")
for name in sorted(runs):
    rows = runs[name]
    eps = med(rows, "eps")
    java = runs.get(name.split()[0] + " java")
    ratio = f"{med(java, 'eps') / eps:7.2f}x" if java and "drools" in name else ""
    alerts = sorted({r.get("alerts", "") for r in rows})
    print(f"{name:28} {len(rows):4d} {eps:10.0f} {med(rows, 'eps_second_half'):10.0f} "
          f"{med(rows, 'eps_per_cpu_second'):10.0f} {med(rows, 'load'):5.1f} {','.join(alerts):>9} {ratio:>8}")
print("\nCPU seconds per thread (medians): where the engine's time goes")
for name in sorted(runs):
    rows = runs[name]
    keys = sorted({k for r in rows for k in r if k.endswith("_cpu_s")})
    if keys:
        print(f"  {name:28} " + " ".join(f"{k[:-6]}={statistics.median(float(r[k]) for r in rows if k in r):.1f}" for k in keys))
print("\nratio 'vs java' = plain-Java events/s / Drools events/s (medians); lower is better, target <= 4x")
agree = defaultdict(set)
for name, rows in runs.items():
    for r in rows:
        if "by_rule" in r and r["impl"] != "generate":
            agree[name.split()[0]].add(r["by_rule"])
for rules, variants in sorted(agree.items()):
    print(f"alerts by rule agree across implementations for {rules}: {'yes' if len(variants) == 1 else 'NO: ' + ' | '.join(sorted(variants))}")
