#!/usr/bin/env python3
"""What `dates: { updated: git }` costs a build.

A copy of the peers' corpus (bench/peers makes it: `arkiv` under the corpus
folder, search off) is put in a git repository with COMMITS commits: one that
adds every file, then one per edit, each changing one page, a minute apart
(written with `git fast-import`, so making them takes seconds). The site is
then built once to warm up, and RUNS times each way, in turn, into fresh
output folders: with
`dates: { updated: git }` in site.yaml and without. Prints the medians and
their difference.

usage: git_dates.py ARKIV CORPUS [COMMITS] [RUNS]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

arkiv, corpus = sys.argv[1], sys.argv[2]
commits = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3

work = tempfile.mkdtemp(prefix="git-dates-", dir=os.path.dirname(os.path.abspath(corpus)))
site = os.path.join(work, "site")
shutil.copytree(os.path.join(corpus, "arkiv"), site)
pages = sorted(
    os.path.relpath(os.path.join(d, f), site)
    for d, _, fs in os.walk(os.path.join(site, "content"))
    for f in fs
    if f.endswith(".md")
)

def git(*args, **kw):
    return subprocess.run(["git", "-C", site, *args], check=True, **kw)

git("init", "-q")
stream = []
def blob(text):
    data = text.encode()
    stream.append(b"data %d\n" % len(data) + data + b"\n")
start = 1_600_000_000
texts = {}
for n in range(commits):
    when = start + 60 * n
    stream.append(b"commit refs/heads/main\n")
    stream.append(b"committer Redaktion <red@example.org> %d +0100\n" % when)
    message = b"Sida %d" % n
    stream.append(b"data %d\n%s\n" % (len(message), message))
    if n == 0:
        for root, _, files in os.walk(site):
            if os.path.join(site, ".git") in root:
                continue
            for f in files:
                path = os.path.relpath(os.path.join(root, f), site)
                with open(os.path.join(site, path), encoding="utf-8", errors="replace") as fh:
                    texts[path] = fh.read()
                stream.append(b"M 100644 inline %s\n" % path.encode())
                blob(texts[path])
    else:
        path = pages[n % len(pages)]
        texts[path] += "\nRättelse %d.\n" % n
        with open(os.path.join(site, path), "w", encoding="utf-8") as fh:
            fh.write(texts[path])
        stream.append(b"M 100644 inline %s\n" % path.encode())
        blob(texts[path])
subprocess.run(["git", "-C", site, "fast-import", "--quiet"], input=b"".join(stream), check=True)
git("reset", "-q", "--hard", "main")

config = os.path.join(site, "site.yaml")
with open(config, encoding="utf-8") as fh:
    plain = fh.read()
with_git = plain + "\ndates: { updated: git }\n"

def build(text, n):
    with open(config, "w", encoding="utf-8") as fh:
        fh.write(text)
    out = os.path.join(work, "out-%d" % n)
    started = time.perf_counter()
    subprocess.run([arkiv, "build", "--root", site, "--output", out],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "ARKIV_MESSAGES": "en"})
    return time.perf_counter() - started

kept = os.path.join(site, ".arkiv-cache", "history")
edits = 0

def whole():
    """The history read whole: no history kept by an earlier build."""
    if os.path.exists(kept):
        os.remove(kept)

def one_commit():
    """One commit since the history the last build kept, as in CI with the cache restored."""
    global edits
    edits += 1
    path = pages[edits % len(pages)]
    with open(os.path.join(site, path), "a", encoding="utf-8") as fh:
        fh.write("\nTillägg %d.\n" % edits)
    when = "%d +0100" % (start + 60 * (commits + edits))
    subprocess.run(["git", "-C", site, "-c", "user.name=Redaktion", "-c", "user.email=red@example.org",
                    "commit", "-q", "-m", "Tillägg", "--", path], check=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})

# One build first, not counted: the copy's files are then read as warm as the later builds'.
build(plain, 0)
modes = (
    ("without", plain, lambda: None),
    ("git, whole", with_git, whole),
    ("git, 1 new commit", with_git, one_commit),
)
times = {name: [] for name, _, _ in modes}
n = 0
for _ in range(runs):
    for name, text, before in modes:
        n += 1
        before()
        times[name].append(build(text, n))
        print(f"git-dates {name:18} {times[name][-1]:.2f} s", file=sys.stderr)
a = statistics.median(times["without"])
print(f"| build of {len(pages)} pages, {commits} commits | median of {runs} | difference |")
print("| --- | ---: | ---: |")
print(f"| without git dates | {a:.2f} s | |")
for name, label in (("git, whole", "history read whole (first build, no cache)"),
                    ("git, 1 new commit", "one commit since the history kept (CI with the cache)")):
    b = statistics.median(times[name])
    print(f"| `dates: {{ updated: git }}`, {label} | {b:.2f} s | {b - a:+.2f} s |")
shutil.rmtree(work)
