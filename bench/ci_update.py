#!/usr/bin/env python3
"""What a CI run that keeps public/ and .arkiv-cache/ in its cache costs after
a commit that edits one page, against a full build of the same site.

usage: ci_update.py RUNS ARKIV SITE [SITE ...]

For each SITE (a site root, e.g. gen_corpus's arkiv/ and arkiv-search/) and
each of RUNS rounds:
  1. a full build into a folder never used before (timed: "full");
  2. what a CI cache restore does: the output is copied back into place (new
     inodes, times kept) and every file under content/ and themes/ is
     written anew, as a fresh checkout does;
  3. one page gets a new sentence (a different page each round), and the
     site is built into the restored output (timed: "one page edited").
Prints a Markdown table of medians and the paired ratio update / full.
"""
import os, shutil, statistics, subprocess, sys, time

runs, arkiv, sites = int(sys.argv[1]), sys.argv[2], sys.argv[3:]


def timed(cmd):
    subprocess.run(["sync"])
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(p.stdout[-3000:])
    return wall, p.stdout.strip().splitlines()[-1]


def fresh_checkout(root):
    for top in ("content", "themes"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(folder, name)
                data = open(path, "rb").read()
                os.remove(path)
                open(path, "wb").write(data)


def edit_one(root, r):
    pages = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(os.path.join(root, "content"))
        for name in names
        if name.endswith(".md") and not name.startswith("_")
    )
    page = pages[(r * 7919) % len(pages)]
    with open(page, "a") as f:
        f.write("\nEn mening till, skriven i omgång %d.\n" % r)


print("| site | full build (median) | one page edited, output restored (median) | update / full (paired median) |")
print("| --- | ---: | ---: | ---: |")
stamp = int(time.time())
for site in sites:
    root = os.path.abspath(site)
    full, update, ratio = [], [], []
    for r in range(1, runs + 1):
        out = os.path.join(os.path.dirname(root), "ci-out-%d-%s-%d" % (stamp, os.path.basename(root), r))
        wall_full, _ = timed([arkiv, "build", "--root", root, "--output", out])
        restored = out + ".cached"
        os.rename(out, restored)
        shutil.copytree(restored, out, symlinks=True, copy_function=shutil.copy2)
        fresh_checkout(root)
        edit_one(root, r)
        wall_update, said = timed([arkiv, "build", "--root", root, "--output", out])
        if "written again" not in said:
            sys.exit("the build after the edit was not an update: " + said)
        # Two outputs a round: removed at once, or a few sizes fill the disk.
        shutil.rmtree(restored)
        shutil.rmtree(out)
        full.append(wall_full)
        update.append(wall_update)
        ratio.append(wall_update / wall_full)
        print("  %s round %d: full %.2f s, update %.2f s (%s)" % (site, r, wall_full, wall_update, said),
              file=sys.stderr)
    print("| %s | %.2f s | %.2f s | %.0f %% |" % (
        os.path.basename(root), statistics.median(full), statistics.median(update),
        100 * statistics.median(ratio)))
