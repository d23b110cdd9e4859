#!/usr/bin/env python3
"""How long a preview server takes to answer its start page (and arkiv's, its search index).

usage: bench/serve_start.py SITE RUNS name=BINARY [name=BINARY ...]
       bench/serve_start.py - RUNS 'name=COMMAND WITH {port}' ...

For each round, starts each server in turn (interleaved), polls `/` until it
answers and, for arkiv, `/pagefind/pagefind-entry.json` until the search index
is there, then stops it. Prints each one's medians in seconds.

With SITE a folder, each BINARY is an arkiv, started as `serve --port 0 --root
SITE`. With SITE `-`, each COMMAND is a shell command (`hugo server --port
{port} …`, `zola serve --port {port} …`) that serves on a free port put in
place of {port}; only its start page is timed.
"""
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(binary, root):
    t0 = time.monotonic()
    if root == "-":
        port = free_port()
        command = binary.replace("{port}", str(port))
        server = subprocess.Popen(command, shell=True, start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = "http://127.0.0.1:%d/" % port
    else:
        server = subprocess.Popen([binary, "serve", "--port", "0", "--root", root],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        url = None
        for line in server.stdout:
            found = re.search(r"http://\S+", line)
            if found:
                url = found.group(0)
                break

    def answered(path):
        while time.monotonic() - t0 < 300 and server.poll() is None:
            try:
                urllib.request.urlopen(url + path, timeout=60).read()
                return time.monotonic() - t0
            except Exception:
                time.sleep(0.01)
        return float("nan")

    first = answered("")
    search = answered("pagefind/pagefind-entry.json") if root != "-" else float("nan")
    if root == "-":
        try:
            os.killpg(server.pid, signal.SIGTERM)
        except ProcessLookupError:
            print(f"{binary}: the server stopped by itself", file=sys.stderr)
    else:
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
        index = "" if search != search else f", search index {search:.2f} s"
        print(f"{name}: start page {first:.2f} s{index} (medians of {len(runs)})")


main()
