#!/usr/bin/env python3
"""Times commands side by side on a shared machine: runs each of them in turn, ROUNDS times
(peer, ours, peer, ours, …), and prints every run's wall and CPU (user + system) time with the
1-minute load average taken before it, then each command's medians and the ratios of the first
command's medians to the others'.
Standard library only; output goes to /dev/null.

    python3 bench/alternate.py --rounds 3 \\
        --run peer "target/venv-peers/bin/python bench/aggregate/crowd_kit_ds.py bench/out/labels.jsonl" \\
        --run verdict "target/release/verdict aggregate bench/out/labels.jsonl --criterion grade --method dawid_skene --json"
"""
import argparse
import os
import resource
import shlex
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--run", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
    args = parser.parse_args()
    times = {name: [] for name, _ in args.run}
    cpus = {name: [] for name, _ in args.run}
    for round_ in range(args.rounds):
        for name, command in args.run:
            load = os.getloadavg()[0]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times[name].append(wall)
            cpus[name].append(cpu)
            print(f"round {round_ + 1} {name}: {wall:.3f} s wall, {cpu:.3f} s CPU (load average {load:.2f})", flush=True)
    first = args.run[0][0]
    for name, walls in times.items():
        median = statistics.median(walls)
        ratio = statistics.median(times[first]) / median
        cpu = statistics.median(cpus[name])
        cpu_ratio = statistics.median(cpus[first]) / cpu
        print(f"{name}: wall median {median:.3f} s (min {min(walls):.3f}), CPU median {cpu:.3f} s; {first} / {name}: wall {ratio:.1f}×, CPU {cpu_ratio:.1f}×")


if __name__ == "__main__":
    main()
