#!/usr/bin/env python3
"""What the accessibility checks of documents cost a build.

Copies SITE (the sample archive by default) and adds COUNT news items, each
with a PDF of SIZE bytes made by tests/fixtures/make_pdf.py (every other one
untagged, all different). Builds it RUNS times with the documents' cache
emptied (first reading) and RUNS times with it kept (cached), each into a
fresh output, and prints the medians of the "documents" stage that
ARKIV_TIMINGS prints. COUNT 0 times the site as it is.

usage: documents.py ARKIV [SITE] [COUNT] [SIZE] [RUNS]
"""
import os, re, shutil, statistics, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
arkiv = os.path.abspath(sys.argv[1])
source = sys.argv[2] if len(sys.argv) > 2 else repo
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
size = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 3
make_pdf = os.path.join(repo, "tests", "fixtures", "make_pdf.py")

work = tempfile.mkdtemp(prefix="documents-")
site = os.path.join(work, "site")
os.makedirs(site)
for name in ["site.yaml", "content", "themes", "static"]:
    path = os.path.join(source, name)
    if os.path.isdir(path):
        shutil.copytree(path, os.path.join(site, name))
    elif os.path.isfile(path):
        shutil.copy(path, site)

for n in range(count):
    folder = os.path.join(site, "content", "nyheter", f"2024-01-01-dokument-{n:04d}")
    os.makedirs(folder)
    with open(os.path.join(folder, "index.md"), "w") as page:
        page.write(
            f"---\ntitle: Dokument {n}\ndate: 2024-01-01\nattachments:\n"
            f"  - {{ file: rapport.pdf, title: Rapport {n} }}\n---\nText {n}.\n"
        )
    pdf = os.path.join(folder, "rapport.pdf")
    subprocess.run(
        ["python3", make_pdf, pdf, f"Rapport {n}", f"Text {n}", str(size)],
        check=True,
        capture_output=True,
    )
    if n % 2:
        data = open(pdf, "rb").read()
        # Same length, so the cross-reference table stays right.
        open(pdf, "wb").write(data.replace(b"/Marked true >>", b"/Marked false>>"))


def documents_ms(keep_cache):
    if not keep_cache:
        # The documents' findings: `.arkiv-cache/documents-<version>`.
        cache = os.path.join(site, ".arkiv-cache")
        for name in os.listdir(cache) if os.path.isdir(cache) else []:
            if name.startswith("documents"):
                os.remove(os.path.join(cache, name))
    shutil.rmtree(os.path.join(site, "public"), ignore_errors=True)
    env = dict(os.environ, ARKIV_TIMINGS="1")
    done = subprocess.run([arkiv, "build"], cwd=site, env=env, capture_output=True, text=True)
    found = re.search(r"documents:\s+([\d.]+) ms", done.stderr)
    if not found:
        sys.exit(done.stderr)
    return float(found.group(1))


documents_ms(True)  # warm the file system's cache
first = [documents_ms(False) for _ in range(runs)]
cached = [documents_ms(True) for _ in range(runs)]
print(f"{count} added PDFs of {size} bytes, medians of {runs}:")
print(f"  first reading: {statistics.median(first):8.1f} ms  {first}")
print(f"  cached:        {statistics.median(cached):8.1f} ms  {cached}")
shutil.rmtree(work)
