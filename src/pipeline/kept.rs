//! What a build keeps for the next build into the same output, so that one
//! redoes only what changed: each page's body, and what each output showed.
//!
//! In: the prepared site, the record of the render (`KeptRecord`) and every
//! path of the output. Out: two files in `.arkiv-cache/` under the site root:
//! `bodies`, every page's body one after the other, and `build`, the record,
//! the output's files and where each page's body stands in `bodies`. A build
//! that changed few pages appends their bodies to `bodies` instead of writing
//! it again (until most of it is bodies no page has any more).
//!
//! The next build uses them only when they were made for the output as it
//! stands (the output's marker names the same build) and with the same arkiv,
//! site.yaml, theme and options (the day may differ: "upcoming" is in the
//! record). A body is taken over when its page's source is the same and each
//! page it links to leads where it led.
//!
//! The files are arkiv's own, but the site root may be someone else's: they
//! are neither read nor written through a symbolic link, each body must say
//! it is the page's, and the paths they name are checked before a build
//! removes anything by them.

use std::fs::OpenOptions;
use std::hash::{Hash, Hasher};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};

use crate::content::Page;
use crate::fs::SiteRoot;
use crate::index::SiteIndex;
use crate::markdown::{Body, LinkMap};
use crate::output::own::{read_own, write_new};
use crate::render::record::KeptRecord;

pub use crate::config::CACHE_DIR;
/// The record of the last build.
const BUILD_FILE: &str = "build";
/// The bodies, one after the other.
const BODIES_FILE: &str = "bodies";
/// The first bytes of each file, with the version of its layout.
const MAGIC: &[u8; 12] = b"arkiv-kept-5";

/// What the last build kept, as read back.
#[derive(Deserialize)]
pub struct Kept {
    /// The id the output's marker names (`output::build_id`).
    pub build: String,
    /// The output folder it was made for.
    output: PathBuf,
    /// Every file of the output, `/`-separated, as the build left it.
    pub files: Vec<String>,
    /// What each output showed.
    pub record: KeptRecord,
    /// Where each page's body stands in the bodies file.
    bodies: BodiesIndex,
}

/// Where the bodies of a build stand in the bodies file.
#[derive(Clone, Serialize, Deserialize)]
struct BodiesIndex {
    /// The bodies file's own id, in its first bytes: a file written anew by
    /// another build is not taken for this one's.
    generation: u64,
    /// Each page's content path and where its body starts.
    entries: Vec<(String, u64)>,
    /// How many bodies in the file no entry names.
    unused: u64,
}

/// A page's body with what it was made from, as the bodies file holds it.
#[derive(Deserialize)]
struct KeptBody {
    /// The page's content path.
    path: String,
    /// `source_digest` of its page.
    source: u64,
    /// `links_digest` of the body when it was made.
    links: u64,
    body: Body,
}

/// `KeptBody` as a build writes it, borrowing from the site.
#[derive(Serialize)]
struct KeptBodyRef<'a> {
    path: &'a str,
    source: u64,
    links: u64,
    body: &'a Body,
}

/// The kept bodies, to be taken over by pages whose source is the same.
#[derive(Default)]
pub struct KeptBodies {
    bodies: FxHashMap<String, (KeptBody, u64)>,
}

/// Where the bodies taken over as they were stand in the bodies file, by
/// content path: what the next write need not repeat.
pub type Reused = FxHashMap<String, u64>;

impl Kept {
    /// What the last build into `output` kept, if it is there, was made by a
    /// build with the same `inputs` (`cache::Inputs::settled`) and belongs to
    /// the output as it stands: its marker names build `build`.
    pub fn load(
        site: &SiteRoot,
        output: &Path,
        build: &str,
        inputs: u64,
    ) -> Option<(Kept, KeptBodies)> {
        let dir = site.path().join(CACHE_DIR);
        let bytes = read_own(site, &dir.join(BUILD_FILE))?;
        let kept: Kept = postcard::from_bytes(after_header(&bytes, inputs)?).ok()?;
        if kept.build != build || kept.output != output {
            return None;
        }
        // A path that climbs out of the output is no file of it: nothing is trusted by it.
        if !kept.files.iter().all(|path| is_inside(path)) {
            return None;
        }
        let file = read_own(site, &dir.join(BODIES_FILE))?;
        let rest = after_header(&file, inputs)?;
        let (generation, _) = rest.split_first_chunk::<8>()?;
        if u64::from_le_bytes(*generation) != kept.bodies.generation {
            return None;
        }
        let bodies = kept
            .bodies
            .entries
            .par_iter()
            .map(|(path, at)| {
                let body = body_at(&file, *at).filter(|body| body.path == *path)?;
                Some((path.clone(), (body, *at)))
            })
            .collect::<Option<FxHashMap<_, _>>>()?;
        Some((kept, KeptBodies { bodies }))
    }

    /// Keeps the bodies of `site` for the next build with the same `inputs`
    /// (`links` is the site's link map): appended to the bodies file the
    /// last build kept, when `last` (what it kept, and where the bodies taken
    /// over from it stand) is given and the file is not mostly bodies no page
    /// has any more, else written anew. `None` when the site root cannot
    /// take them: then the next build is a full one.
    pub fn save_bodies(
        root: &Path,
        inputs: u64,
        (site, links): (&SiteIndex, &LinkMap),
        last: Option<(&Kept, &Reused)>,
    ) -> Option<KeptBodiesAt> {
        let dir = root.join(CACHE_DIR);
        let appended = last.and_then(|(last, reused)| {
            let dead = last.bodies.unused + unused_after(&last.bodies, reused);
            let worth = dead <= site.pages.len() as u64;
            worth.then(|| append_bodies(&dir, &last.bodies, site, links, reused).ok())?
        });
        let bodies = match appended {
            Some(bodies) => bodies,
            None => write_bodies(&dir, inputs, site, links).ok()?,
        };
        Some(KeptBodiesAt(bodies))
    }

    /// Keeps what the build `build` made into `output` for the next build
    /// with the same `inputs`: every file path in `files`, what each output
    /// showed in `record`, and where `save_bodies` put the bodies.
    pub fn save(
        root: &Path,
        (output, inputs): (&Path, u64),
        (build, files, record): (&str, &[String], &KeptRecord),
        bodies: &KeptBodiesAt,
    ) {
        let kept = KeptRef {
            build,
            output,
            files,
            record,
            bodies: &bodies.0,
        };
        let _ = write_new(&root.join(CACHE_DIR), BUILD_FILE, |file| {
            header(file, inputs)?;
            postcard::to_io(&kept, file)
                .map(|_| ())
                .map_err(io::Error::other)
        });
    }
}

/// Where `Kept::save_bodies` put the bodies.
pub struct KeptBodiesAt(BodiesIndex);

/// `Kept` as a build writes it, borrowing from the build.
#[derive(Serialize)]
struct KeptRef<'a> {
    build: &'a str,
    output: &'a Path,
    files: &'a [String],
    record: &'a KeptRecord,
    bodies: &'a BodiesIndex,
}

impl KeptBodies {
    /// The kept body of `page`, the digest of its links then and where it
    /// stands in the bodies file, if the page's source is the same as then
    /// (`source` is its `source_digest`).
    pub fn take(&mut self, page: &Page, source: u64) -> Option<(Body, u64, u64)> {
        let (kept, at) = self.bodies.remove(&page.content_path)?;
        (kept.source == source).then_some((kept.body, kept.links, at))
    }

    /// The content paths of the pages kept and not taken: gone, drafts now, or changed.
    pub fn left(&self) -> impl Iterator<Item = &str> {
        self.bodies.keys().map(String::as_str)
    }
}

/// True when each page `body` links to leads where it led when its links' digest was `was`.
pub fn still_linked(body: &Body, was: u64, links: &LinkMap) -> bool {
    links_digest(body, links) == was
}

/// A digest of what a page is made from besides where its links lead: its
/// content path, its source, its "last updated" (from git, it is not in the
/// source) and its bundle's files with their sizes (which its attachment
/// list shows).
pub fn source_digest(page: &Page) -> u64 {
    let mut h = FxHasher::default();
    (&page.content_path, &*page.source).hash(&mut h);
    // With dates from git, "last updated" may change without the source.
    let updated = page.front.updated.map(|d| d.timestamp().as_second());
    updated.hash(&mut h);
    for asset in &page.assets {
        (&asset.name, asset.size).hash(&mut h);
    }
    h.finish()
}

/// A digest of where each content path `body` links to leads now.
fn links_digest(body: &Body, links: &LinkMap) -> u64 {
    let mut h = FxHasher::default();
    for path in &body.links {
        (path, links.get(path)).hash(&mut h);
    }
    h.finish()
}

/// True for a relative `/`-separated path that stays inside its folder.
pub fn is_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path.split('/').all(|part| !matches!(part, "" | "." | ".."))
}

/// Page `id`'s body as the bodies file holds it: length first, then the body.
fn encoded(site: &SiteIndex, links: &LinkMap, id: usize) -> Vec<u8> {
    let (page, body) = (&site.pages[id], &site.bodies[id]);
    let kept = KeptBodyRef {
        path: &page.content_path,
        source: source_digest(page),
        links: links_digest(body, links),
        body,
    };
    let mut bytes = vec![0; 4];
    let mut bytes = postcard::to_extend(&kept, std::mem::take(&mut bytes)).unwrap_or_default();
    let len = u32::try_from(bytes.len() - 4).unwrap_or(u32::MAX);
    bytes[..4].copy_from_slice(&len.to_le_bytes());
    bytes
}

/// The body that starts at `at` in the bodies file `file`.
fn body_at(file: &[u8], at: u64) -> Option<KeptBody> {
    let rest = file.get(usize::try_from(at).ok()?..)?;
    let (len, rest) = rest.split_first_chunk::<4>()?;
    let bytes = rest.get(..u32::from_le_bytes(*len) as usize)?;
    postcard::from_bytes(bytes).ok()
}

/// Writes every page's body into a new bodies file, one at a time on the
/// calling thread.
///
/// A build keeps the bodies on a thread of its own while the outputs are
/// rendered on every core. Made on rayon's threads, the bodies waited behind
/// the rendering, and a 100 000-page build then spent more than three
/// seconds on them after its last output was written. One at a time, the
/// system gives this thread its share of the cores, and a body is in memory
/// twice only while it is written.
fn write_bodies(
    dir: &Path,
    inputs: u64,
    site: &SiteIndex,
    links: &LinkMap,
) -> io::Result<BodiesIndex> {
    let generation = crate::output::random_id();
    let mut entries = Vec::with_capacity(site.pages.len());
    write_new(dir, BODIES_FILE, |file| {
        header(file, inputs)?;
        file.write_all(&generation.to_le_bytes())?;
        let mut at = (MAGIC.len() + 16) as u64;
        for (id, page) in site.pages.iter().enumerate() {
            let bytes = encoded(site, links, id);
            entries.push((page.content_path.clone(), at));
            file.write_all(&bytes)?;
            at += bytes.len() as u64;
        }
        Ok(())
    })?;
    Ok(BodiesIndex {
        generation,
        entries,
        unused: 0,
    })
}

/// Appends the bodies not `reused` to the bodies file `last` names, if it is still that file.
fn append_bodies(
    dir: &Path,
    last: &BodiesIndex,
    site: &SiteIndex,
    links: &LinkMap,
    reused: &Reused,
) -> io::Result<BodiesIndex> {
    let path = dir.join(BODIES_FILE);
    if !std::fs::symlink_metadata(&path)?.is_file() {
        return Err(io::ErrorKind::InvalidData.into());
    }
    let mut file = OpenOptions::new().read(true).append(true).open(&path)?;
    let mut head = [0; MAGIC.len() + 16];
    file.read_exact(&mut head)?;
    if head[MAGIC.len() + 8..] != last.generation.to_le_bytes() {
        return Err(io::ErrorKind::InvalidData.into());
    }
    let mut at = file.seek(SeekFrom::End(0))?;
    let mut entries = Vec::with_capacity(site.pages.len());
    let mut appended = BufWriter::new(&mut file);
    for (id, page) in site.pages.iter().enumerate() {
        let start = match reused.get(&page.content_path).copied() {
            Some(start) => start,
            None => {
                let bytes = encoded(site, links, id);
                appended.write_all(&bytes)?;
                let start = at;
                at += bytes.len() as u64;
                start
            }
        };
        entries.push((page.content_path.clone(), start));
    }
    appended.flush()?;
    let unused = last.unused + unused_after(last, reused);
    Ok(BodiesIndex {
        generation: last.generation,
        entries,
        unused,
    })
}

/// How many of the bodies `last` names no entry names once `reused` are kept.
fn unused_after(last: &BodiesIndex, reused: &Reused) -> u64 {
    last.entries.len().saturating_sub(reused.len()) as u64
}

/// Writes the first bytes of a kept file: the layout's version and the inputs it was made with.
fn header(file: &mut impl Write, inputs: u64) -> io::Result<()> {
    file.write_all(MAGIC)?;
    file.write_all(&inputs.to_le_bytes())
}

/// What follows the first bytes of a kept file, if it was made with `inputs` by this layout.
fn after_header(bytes: &[u8], inputs: u64) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (made_with, rest) = rest.split_first_chunk::<8>()?;
    (u64::from_le_bytes(*made_with) == inputs).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_inside_the_output_are_believed() {
        for inside in ["index.html", "nyheter/x/index.html", "a..b/c"] {
            assert!(is_inside(inside), "{inside}");
        }
        for outside in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\..\\b",
            "a/",
        ] {
            assert!(!is_inside(outside), "{outside}");
        }
    }

    #[test]
    fn a_kept_file_of_another_layout_or_other_inputs_is_not_read() {
        let bytes = [&MAGIC[..], &7u64.to_le_bytes(), b"rest"].concat();
        assert_eq!(after_header(&bytes, 7), Some(&b"rest"[..]));
        assert_eq!(after_header(&bytes, 8), None);
        assert_eq!(after_header(b"arkiv-kept-0 and more", 7), None);
    }
}
