//! What is published of the files under content/ that are not pages.
//!
//! In: the pages (with their bundles' files), their bodies' file links, and
//! the loose files outside bundles. Out: the files to publish and a warning
//! for every other one. A file is published when a page uses it: lists it in
//! `attachments`, shows it as `image`, or links or embeds it from the body
//! (as Hugo publishes a page resource only when it is used). A file whose
//! name or type suggests it is not meant for the public (an office document,
//! a draft, a list of participants, a lock or backup file) is published only
//! when its page lists it in `attachments`; a link to it otherwise is an
//! error at the link. This is the one place the rule lives; it never reads a
//! file.

use std::collections::BTreeSet;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::config::Config;
use crate::content::{Asset, Page};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{Body, FileLink};

/// The files under content/ that are published, and what was said about the rest.
#[derive(Debug, Clone, Default)]
pub struct Published {
    /// Each page's bundle files that are published, same order as the pages.
    pub attachments: Vec<Vec<Asset>>,
    /// The loose files (outside bundles) that are published.
    pub loose: Vec<Asset>,
    /// Errors (links to files that are not published) and warnings (unused files).
    pub diagnostics: Diagnostics,
}

/// A file under content/: a page's bundle file, or a loose one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FileRef {
    Bundle(usize, usize),
    Loose(usize),
}

/// How a page uses a file other than by listing it.
enum Use<'a> {
    /// As the front matter's `image`.
    Image,
    /// By a link or an image in the body.
    Body(&'a FileLink),
}

/// Which files an earlier index (in `serve`, the last good one) published,
/// and the pages, bodies and loose files it decided that for; the fields
/// are named as in `SiteIndex`.
pub struct Decided<'a> {
    /// The pages and their bodies, same order.
    pub pages: &'a [Arc<Page>],
    pub bodies: &'a [Arc<Body>],
    /// The loose files, published or not.
    pub files: &'a [Asset],
    /// What was decided: `Published`'s `attachments`, `loose` and `diagnostics`.
    pub attachments: &'a [Vec<Asset>],
    pub published_files: &'a [Asset],
    pub warnings: &'a Diagnostics,
}

impl Decided<'_> {
    /// True when `published` would decide for `pages`, `bodies` and `loose`
    /// what was decided: the pages are the same pages (the same content
    /// paths, in the same order), each naming and holding the same files as
    /// it did, and the loose files are the same. Then every page uses the
    /// files it used, and every warning is the same, as long as each names a
    /// file and no place in a page's text: a warning of an unused file.
    /// `serve` asks this after an edit, so that moving a page between topics
    /// does not go through every file of the site again.
    pub fn holds_for(&self, pages: &[Arc<Page>], bodies: &[Arc<Body>], loose: &[Asset]) -> bool {
        // Whether a rooted image is a static file is asked of the disk.
        let rooted = |page: &Arc<Page>| {
            (page.front.image.as_ref()).is_some_and(|image| image.src.starts_with('/'))
        };
        let same_as = |id: usize| {
            let (old, body) = (&self.pages[id], &self.bodies[id]);
            (Arc::ptr_eq(old, &pages[id]) && Arc::ptr_eq(body, &bodies[id]))
                || names_same_files(old, &pages[id], body, &bodies[id])
        };
        self.pages.len() == pages.len()
            && self.bodies.len() == pages.len()
            && bodies.len() == pages.len()
            && self.files == loose
            && self.warnings.iter().all(is_unused)
            && !pages.iter().any(rooted)
            && (0..pages.len()).all(same_as)
    }

    /// What was decided, as `published` gives it.
    pub fn published(&self) -> Published {
        Published {
            attachments: self.attachments.to_vec(),
            loose: self.published_files.to_vec(),
            diagnostics: self.warnings.clone(),
        }
    }
}

/// True when page `new` (with body `new_body`) is where `old` was and
/// holds, lists, shows and links the same files: what `published` reads of it.
fn names_same_files(old: &Page, new: &Page, old_body: &Body, new_body: &Body) -> bool {
    old.content_path == new.content_path
        && old.path == new.path
        && old.assets == new.assets
        && old.front.attachments == new.front.attachments
        && old.front.image == new.front.image
        && super::edit::same_files(old_body, new_body)
}

/// Decides which files under content/ are published; see the module's rule.
pub fn published(
    config: &Config,
    pages: &[Arc<Page>],
    bodies: &[Arc<Body>],
    loose: &[Asset],
) -> Published {
    let files = Files::new(pages, loose);
    let mut diagnostics = Diagnostics::new();
    let mut listed: BTreeSet<FileRef> = BTreeSet::new();
    let mut uses: Vec<(usize, FileRef, Use<'_>)> = Vec::new();
    for (id, page) in pages.iter().enumerate() {
        listed.extend(page.front.attachments.iter().filter_map(|a| {
            let n = page.assets.iter().position(|asset| asset.name == a.file)?;
            Some(FileRef::Bundle(id, n))
        }));
        if let Some(image) = &page.front.image {
            // Read as a body image would be: from the page's folder, or from the site's root.
            let link = FileLink::of(config, page, &image.src, 0, 0);
            let own = || page.assets.iter().position(|a| a.name == image.src);
            let found = link.as_ref().and_then(|l| files.find(l));
            match found.or_else(|| own().map(|n| FileRef::Bundle(id, n))) {
                Some(file) => uses.push((id, file, Use::Image)),
                None if !image.src.starts_with('/')
                    || link.is_some_and(|l| is_static(config, &l)) => {}
                None => diagnostics.push(missing_image(page, &image.src)),
            }
        }
        for link in bodies.get(id).map_or(&[][..], |b| &b.files) {
            uses.extend(files.find(link).map(|file| (id, file, Use::Body(link))));
        }
    }
    let mut used = listed.clone();
    let mut refused: BTreeSet<FileRef> = BTreeSet::new();
    for (id, file, how) in uses {
        let asset = files.asset(file);
        if listed.contains(&file) || !is_private_looking(&asset.name) {
            used.insert(file);
            continue;
        }
        refused.insert(file);
        diagnostics.push(match how {
            Use::Image => private_image(config, &pages[id], asset),
            Use::Body(link) => private_link(config, &pages[id], link, asset),
        });
    }
    let mut published = Published {
        attachments: vec![Vec::new(); pages.len()],
        ..Published::default()
    };
    for (file, asset) in files.all() {
        match file {
            _ if !used.contains(&file) => {
                if !refused.contains(&file) {
                    diagnostics.push(unused(config, asset));
                }
            }
            FileRef::Bundle(id, _) => published.attachments[id].push(asset.clone()),
            FileRef::Loose(_) => published.loose.push(asset.clone()),
        }
    }
    published.diagnostics = diagnostics;
    published
}

/// Every file under content/ by content path and by the site path it would be published at.
struct Files<'a> {
    pages: &'a [Arc<Page>],
    loose: &'a [Asset],
    by_content: FxHashMap<String, FileRef>,
    by_site: FxHashMap<String, FileRef>,
}

impl<'a> Files<'a> {
    fn new(pages: &'a [Arc<Page>], loose: &'a [Asset]) -> Files<'a> {
        let mut files = Files {
            pages,
            loose,
            by_content: FxHashMap::default(),
            by_site: FxHashMap::default(),
        };
        for (id, page) in pages.iter().enumerate() {
            let dir = page.content_dir();
            for (n, asset) in page.assets.iter().enumerate() {
                let content_path = match dir {
                    "" => asset.name.clone(),
                    dir => format!("{dir}/{}", asset.name),
                };
                let file = FileRef::Bundle(id, n);
                files.by_content.insert(content_path, file);
                files
                    .by_site
                    .insert(format!("{}{}", page.path, asset.name), file);
            }
        }
        for (n, asset) in loose.iter().enumerate() {
            files
                .by_content
                .insert(asset.name.clone(), FileRef::Loose(n));
            files.by_site.insert(asset.name.clone(), FileRef::Loose(n));
        }
        files
    }

    /// The file a link names: by its content path first, else by the site path it fetches.
    fn find(&self, link: &FileLink) -> Option<FileRef> {
        let by = |map: &FxHashMap<String, FileRef>, path: &Option<String>| {
            path.as_deref().and_then(|p| map.get(p)).copied()
        };
        by(&self.by_content, &link.content_path).or_else(|| by(&self.by_site, &link.site_path))
    }

    fn asset(&self, file: FileRef) -> &'a Asset {
        match file {
            FileRef::Bundle(id, n) => &self.pages[id].assets[n],
            FileRef::Loose(n) => &self.loose[n],
        }
    }

    /// Every file, pages' bundles first (in page order), then the loose ones.
    fn all(&self) -> impl Iterator<Item = (FileRef, &'a Asset)> + 'a {
        let bundles = self.pages.iter().enumerate().flat_map(|(id, page)| {
            page.assets
                .iter()
                .enumerate()
                .map(move |(n, asset)| (FileRef::Bundle(id, n), asset))
        });
        let loose = self.loose.iter().enumerate();
        bundles.chain(loose.map(|(n, asset)| (FileRef::Loose(n), asset)))
    }
}

/// True for a file that is not published unless listed in `attachments`:
/// office documents (often working copies) and names that say the file is
/// internal, a draft, a list of people, a lock file or a backup.
pub fn is_private_looking(name: &str) -> bool {
    let path = name.to_lowercase();
    let file = path.rsplit('/').next().unwrap_or(&path);
    let extension = file.rsplit_once('.').map_or("", |(_, ext)| ext);
    const OFFICE: [&str; 9] = [
        "docx", "doc", "xlsx", "xls", "pptx", "ppt", "odt", "ods", "odp",
    ];
    if OFFICE.contains(&extension) || matches!(extension, "bak" | "tmp") || file.starts_with("~$") {
        return true;
    }
    // Every part of the path counts: `utkast/rapport.pdf` is a draft too.
    path.split(|c: char| !c.is_alphanumeric()).any(|word| {
        (word.starts_with("intern")
            && !word.starts_with("internation")
            && !word.starts_with("internet"))
            || word.starts_with("utkast")
            || word.starts_with("deltagarlist")
            || word.starts_with("personuppgift")
    })
}

/// True when a rooted `link` names one of the static files, the site's or the theme's.
fn is_static(config: &Config, link: &FileLink) -> bool {
    let Some(path) = link.content_path.as_deref() else {
        return false;
    };
    [config.static_dir(), config.theme_dir().join("static")]
        .iter()
        .any(|dir| {
            config
                .site
                .resolve(&dir.join(path))
                .is_ok_and(|real| real.is_file())
        })
}

fn missing_image(page: &Page, src: &str) -> Diagnostic {
    let (line, column) = crate::content::locate_value(
        &page.source,
        page.front.key_lines.get("image").copied(),
        src,
    );
    Diagnostic::error(t!("index-image-missing", src = src))
        .at_line(&page.display_path, &page.source, line, column)
        .hint(t!("index-image-missing-hint"))
}

fn private_image(config: &Config, page: &Page, asset: &Asset) -> Diagnostic {
    let src = page.front.image.as_ref().map_or("", |i| i.src.as_str());
    let (line, column) = crate::content::locate_value(
        &page.source,
        page.front.key_lines.get("image").copied(),
        src,
    );
    Diagnostic::error(t!(
        "index-image-private",
        file = config.site.display(&asset.source)
    ))
    .at_line(&page.display_path, &page.source, line, column)
    .hint(t!("index-image-private-hint"))
}

fn private_link(config: &Config, page: &Page, link: &FileLink, asset: &Asset) -> Diagnostic {
    Diagnostic::error(t!(
        "index-link-private",
        file = config.site.display(&asset.source)
    ))
    .at(&page.display_path, &page.source, link.offset, link.len)
    .hint(t!("index-link-private-hint"))
}

/// True for the warning `unused` gives.
pub fn is_unused(diagnostic: &Diagnostic) -> bool {
    diagnostic.message == t!("index-unused-file")
}

fn unused(config: &Config, asset: &Asset) -> Diagnostic {
    Diagnostic::warning(t!("index-unused-file"))
        .in_file(config.site.display(&asset.source))
        .hint(t!("index-unused-file-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_documents_and_internal_names_look_private() {
        for name in [
            "deltagarlista.pdf",
            "bilagor/Deltagarlista 2024.pdf",
            "utkast internt.txt",
            "protokoll-intern.pdf",
            "rapport.docx",
            "budget.XLSX",
            "~$rapport.pdf",
            "bild.jpg.bak",
            "utkast/rapport.pdf",
            "personuppgifter.csv",
        ] {
            assert!(is_private_looking(name), "{name}");
        }
        for name in [
            "grefve.pdf",
            "karta.png",
            "internationellt-samarbete.pdf",
            "internetstrategi.pdf",
            "program.pdf",
        ] {
            assert!(!is_private_looking(name), "{name}");
        }
    }
}
