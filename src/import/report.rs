//! What an import did: pages and files written, keys mapped, template code
//! converted and left, old addresses kept; for people and as JSON.

use std::collections::BTreeMap;

use serde::Serialize;

/// A place in an imported page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The page in the new site (`content/docs/x.md`).
    pub file: String,
    pub line: usize,
    /// What stands there: a shortcode's or tag's name, a key.
    pub what: String,
}

/// An old address kept as an alias of a page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Kept {
    pub file: String,
    pub old: String,
    pub new: String,
}

/// How many kept addresses the report for people shows.
const SHOWN_ALIASES: usize = 20;

/// What an import did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// The generator imported from.
    pub from: String,
    /// Pages written.
    pub pages: usize,
    /// Other files carried over.
    pub files: usize,
    /// Keys renamed, old → arkiv's, with how many pages had them.
    pub mapped_keys: BTreeMap<String, (String, usize)>,
    /// Keys kept under `extra:`, with how many pages had them.
    pub extra_keys: BTreeMap<String, usize>,
    /// Template code converted.
    pub converted: Vec<Place>,
    /// Template code left as text (shown as code), to do by hand.
    pub unconverted: Vec<Place>,
    /// Links in old addresses made links to `.md` files.
    pub links_rewritten: usize,
    /// Old addresses kept as aliases.
    pub aliases: Vec<Kept>,
    /// Old addresses not kept: another page has that address now.
    pub aliases_dropped: Vec<Kept>,
    /// Anything else to look at: dates not understood, titles made from
    /// file names, files left out.
    pub notes: Vec<Place>,
}

impl Report {
    /// The report for people, in the messages' language.
    pub fn human(&self) -> String {
        let mut out = String::new();
        let mut line = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(t!(
            "import-summary",
            pages = self.pages,
            files = self.files,
            aliases = self.aliases.len(),
            links = self.links_rewritten
        ));
        if !self.mapped_keys.is_empty() {
            line(t!("import-mapped-keys"));
            for (old, (new, count)) in &self.mapped_keys {
                line(format!("  {old} → {new} ({count})"));
            }
        }
        if !self.extra_keys.is_empty() {
            let keys: Vec<String> = self
                .extra_keys
                .iter()
                .map(|(key, count)| format!("{key} ({count})"))
                .collect();
            line(t!("import-extra-keys", keys = keys.join(", ")));
        }
        let converted = count_by_name(&self.converted);
        if !converted.is_empty() {
            line(t!("import-converted", names = converted));
        }
        if !self.unconverted.is_empty() {
            line(t!("import-unconverted", count = self.unconverted.len()));
            for (file, what, lines) in grouped(&self.unconverted) {
                line(format!("  {file}:{}  {what}", shortened(&lines)));
            }
        }
        if !self.aliases.is_empty() {
            line(t!("import-aliases", count = self.aliases.len()));
            for kept in self.aliases.iter().take(SHOWN_ALIASES) {
                line(format!("  {} → {}", kept.old, kept.new));
            }
            if self.aliases.len() > SHOWN_ALIASES {
                line(t!(
                    "import-more",
                    count = self.aliases.len() - SHOWN_ALIASES
                ));
            }
        }
        if !self.aliases_dropped.is_empty() {
            line(t!(
                "import-aliases-dropped",
                count = self.aliases_dropped.len()
            ));
            for kept in &self.aliases_dropped {
                line(format!("  {} ({})", kept.old, kept.file));
            }
        }
        if !self.notes.is_empty() {
            line(t!("import-notes"));
            for place in &self.notes {
                line(format!("  {}:{}  {}", place.file, place.line, place.what));
            }
        }
        out
    }
}

/// `ref (12), highlight (3)`.
fn count_by_name(places: &[Place]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for place in places {
        *counts.entry(place.what.as_str()).or_default() += 1;
    }
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(name, count)| format!("{name} ({count})"))
        .collect();
    parts.join(", ")
}

/// Places by file and name, each with its lines, in the places' order.
fn grouped(places: &[Place]) -> Vec<(&str, &str, Vec<usize>)> {
    let mut groups: Vec<(&str, &str, Vec<usize>)> = Vec::new();
    for place in places {
        match groups
            .iter_mut()
            .find(|(file, what, _)| *file == place.file && *what == place.what)
        {
            Some(group) => group.2.push(place.line),
            None => groups.push((&place.file, &place.what, vec![place.line])),
        }
    }
    groups
}

/// `12`, or `12,14,20` for a few, or `12,14,20,… (31)` for many.
fn shortened(lines: &[usize]) -> String {
    const SHOWN: usize = 4;
    let shown: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
    if lines.len() > SHOWN {
        format!("{},… ({})", shown.join(","), lines.len())
    } else {
        shown.join(",")
    }
}
