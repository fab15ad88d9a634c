#!/usr/bin/env python3
"""End-to-end scaling of ptce on synthetic national networks (scale 1, 10, 100).

Usage: python3 Benchmarks/scaling.py [--scales 1 10 100] [--out Benchmarks/results]
Needs: a release build (swift build -c release), GNU time (/usr/bin/time), matplotlib for the plot.

For each scale: `ptce generate --profile national --scale S --seed 42`, then, each under `/usr/bin/time -v`:
`ptce analyze DIR --out OUT --no-whole-diagram` (the main job, aggregate diagram only) and
`ptce centrality DIR --metrics ... --timings` (the main measures; betweenness sampled from 200 sources, seed 0, from
scale 10 on, exact at scale 1). Writes scaling.md (table) and scaling.svg (log-log plot of seconds against ties).
Targets (issue 19): analyze at scale 10 within 6 s, at scale 100 within 60 s and 2 GiB peak memory.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PTCE = os.path.join(ROOT, ".build", "release", "ptce")


def timed(args):
    """Runs a command under GNU time; returns wall seconds, peak RSS in MiB, stderr."""
    run = subprocess.run(["/usr/bin/time", "-v"] + args, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{run.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1)) / 1024
    return seconds, rss, run.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", type=float, default=[1, 10, 100])
    parser.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "results"))
    args = parser.parse_args()
    if not os.path.exists(PTCE):
        raise SystemExit("build ptce first: swift build -c release")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            label = str(int(scale)) if scale == int(scale) else str(scale)
            network = os.path.join(tmp, f"national-{label}")
            print(f"scale {label}: generate…", file=sys.stderr)
            generate_s, generate_mb, err = timed([PTCE, "generate", "--profile", "national", "--scale", label, "--seed", "42", "--out", network, "--lang", "en"])
            counts = re.search(r"(\d+) actors, (\d+) groups, (\d+) memberships, (\d+) ties", err)
            actors, ties = int(counts.group(1)), int(counts.group(4))
            print(f"scale {label}: analyze…", file=sys.stderr)
            analyze_s, analyze_mb, _ = timed([PTCE, "analyze", network, "--out", os.path.join(tmp, f"report-{label}"), "--no-whole-diagram"])
            metrics = "degree,strength,betweenness,eigenvector,pagerank,clustering,core_number"
            centrality_args = [PTCE, "centrality", network, "--metrics", metrics, "--timings", "--format", "csv"]
            if scale > 1:
                centrality_args += ["--sample", "200"]
            print(f"scale {label}: centrality…", file=sys.stderr)
            centrality_s, centrality_mb, err = timed(centrality_args)
            timings = json.loads([line for line in err.splitlines() if line.startswith("{")][-1])
            rows.append(dict(scale=label, actors=actors, ties=ties, generate=generate_s, generate_mb=generate_mb,
                             analyze=analyze_s, analyze_mb=analyze_mb, centrality=centrality_s, centrality_mb=centrality_mb,
                             load=timings["load"], betweenness=timings["betweenness"], sampled=scale > 1))
    os.makedirs(args.out, exist_ok=True)
    lines = [
        f"End-to-end scaling, release build, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}: `python3 Benchmarks/scaling.py`.",
        "Seconds are wall-clock, memory is peak resident set size (GNU time). Betweenness: exact at scale 1, sampled from",
        "200 sources (seed 0) above. analyze = `ptce analyze DIR --out OUT --no-whole-diagram`: everything it writes, the",
        "report (report.html) and the results workbook (resultats.xlsx) included.",
        "",
        "| scale | actors | ties | generate (s) | analyze (s) | analyze peak (MiB) | centrality (s) | of which load (s) | betweenness (s) | centrality peak (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['scale']} | {r['actors']:,} | {r['ties']:,} | {r['generate']:.2f} | {r['analyze']:.2f} | {r['analyze_mb']:.0f} | "
                     f"{r['centrality']:.2f} | {r['load']:.2f} | {r['betweenness']:.2f}{' (k=200)' if r['sampled'] else ''} | {r['centrality_mb']:.0f} |")
    table = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "scaling.md"), "w") as f:
        f.write(table)
    print(table)
    try:
        import matplotlib
        matplotlib.use("svg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib missing: no plot (pip install matplotlib)", file=sys.stderr)
        return
    matplotlib.rcParams["svg.hashsalt"] = "ptce"  # stable ids in the SVG
    fig, ax = plt.subplots(figsize=(6, 4))
    ties = [r["ties"] for r in rows]
    for key, name in [("analyze", "ptce analyze (--no-whole-diagram)"), ("centrality", "ptce centrality (main measures)"), ("generate", "ptce generate")]:
        ax.plot(ties, [r[key] for r in rows], marker="o", label=name)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("ties")
    ax.set_ylabel("seconds (wall clock)")
    ax.set_title("ptce on synthetic national networks (scale 1, 10, 100)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "scaling.svg"), metadata={"Date": None})


if __name__ == "__main__":
    main()
