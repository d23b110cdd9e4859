#!/usr/bin/env python3
"""How long a preview server takes from saving a page to serving it changed.

usage: bench/edit_latency.py EDITS [--topics] 'name|FILE|URLPATH|COMMAND with {port}' ...

For each server in turn: starts COMMAND on a free port (put in place of
{port}), waits until URLPATH answers, then EDITS times gives the page FILE a
new title (its `title:` line, the file written in place), and polls URLPATH
until the new title is served. With --topics, each edit instead gives the
page a new topic of its own (its `topics:` list, which moves the page
between listings), and polls until the page links that topic. The
file is put back as it was at the end. Prints, per server, the median and
90th percentile in milliseconds.
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

edits = int(sys.argv[1])
topics = sys.argv[2:3] == ["--topics"]
servers = [a.split("|", 3) for a in sys.argv[(3 if topics else 2):]]
kind = "topics" if topics else "title"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return None


def wait_for(url, ok, limit):
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        body = fetch(url)
        if body is not None and ok(body):
            return time.monotonic()
        time.sleep(0.002)
    return None


def save(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


print("| server | %s edit → page served, median | p90 |" % kind)
print("| --- | ---: | ---: |")
for name, path, url_path, command in servers:
    original = open(path, encoding="utf-8").read()
    port = free_port()
    server = subprocess.Popen(command.replace("{port}", str(port)), shell=True,
                              start_new_session=True, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = "http://127.0.0.1:%d%s" % (port, url_path)
    try:
        if wait_for(url, lambda body: True, 600) is None:
            sys.exit("%s never served %s" % (name, url_path))
        time.sleep(2)
        latencies = []
        for i in range(edits):
            if topics:
                # ASCII and lower case: every engine's address of it is the name.
                shown = "provamne%d%d" % (i, port)
                text = re.sub(r'^(\s*)topics: .*$', r'\1topics: ["%s"]' % shown, original,
                              count=1, flags=re.M)
            else:
                shown = "Rubrik ändrad %d %d" % (i, port)
                text = re.sub(r'^title: .*$', 'title: "%s"' % shown, original, count=1,
                              flags=re.M)
            assert text != original, "%s has no %s line" % (path, kind)
            t0 = time.monotonic()
            save(path, text)
            done = wait_for(url, lambda body: shown in body, 60)
            if done is None:
                sys.exit("%s did not serve the edit %d" % (name, i))
            latencies.append((done - t0) * 1000)
            time.sleep(0.3)
    finally:
        save(path, original)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    latencies.sort()
    p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.9))]
    print("| %s | %.0f ms | %.0f ms |" % (name, statistics.median(latencies), p90))
    sys.stdout.flush()
