#!/usr/bin/env python3
"""How long `arkiv serve` takes to answer its start page, and to serve its search index.

usage: bench/serve_start.py SITE RUNS name=BINARY [name=BINARY ...]

For each round, starts each binary's `serve --port 0` on SITE in turn (interleaved),
polls `/` until it answers and `/pagefind/pagefind-entry.json` until the search
index is there, then stops it. Prints each binary's medians in seconds.
"""
import re
import statistics
import subprocess
import sys
import time
import urllib.request


def start(binary, root):
    t0 = time.monotonic()
    server = subprocess.Popen([binary, "serve", "--port", "0", "--root", root],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = None
    for line in server.stdout:
        found = re.search(r"http://\S+", line)
        if found:
            url = found.group(0)
            break

    def answered(path):
        while time.monotonic() - t0 < 300:
            try:
                urllib.request.urlopen(url + path, timeout=60).read()
                return time.monotonic() - t0
            except Exception:
                time.sleep(0.01)
        return float("nan")

    first = answered("")
    search = answered("pagefind/pagefind-entry.json")
    server.kill()
    server.wait()
    return first, search


def main():
    site, runs = sys.argv[1], int(sys.argv[2])
    binaries = [arg.split("=", 1) for arg in sys.argv[3:]]
    times = {name: [] for name, _ in binaries}
    for _ in range(runs):
        for name, binary in binaries:
            times[name].append(start(binary, site))
    for name, runs in times.items():
        first = statistics.median(t[0] for t in runs)
        search = statistics.median(t[1] for t in runs)
        print(f"{name}: start page {first:.2f} s, search index {search:.2f} s (medians of {len(runs)})")


main()
