//! The address each page had in the old site, by the old generator's rules
//! and its configuration: Hugo's `permalinks`, Jekyll's `permalink` (of the
//! site and of each collection), Zola's paths. Each becomes an alias of the
//! imported page unless it is the page's new address.

use std::collections::BTreeMap;

use super::Generator;
use super::links::absolute;
use crate::text::slugify;

/// What the old site's configuration says about addresses.
#[derive(Debug, Default, Clone)]
pub struct Rules {
    /// Hugo: section → pattern (`posts` → `/:year/:month/:title/`).
    pub permalinks: BTreeMap<String, String>,
    /// Jekyll: the site's `permalink` (a pattern, or `date`, `pretty`…).
    pub permalink: Option<String>,
    /// Jekyll: collection → its `permalink`.
    pub collections: BTreeMap<String, String>,
}

/// One page, as the old site saw it.
pub struct Facts<'a> {
    /// Its path under the old content folder (`posts/x.md`, `_docs/x.md`).
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub slug: Option<&'a str>,
    /// Its date, as arkiv reads it (`2016-04-19`, RFC 3339).
    pub date: Option<&'a str>,
    /// Its own address from front matter (Hugo `url`, Jekyll `permalink`, Zola `path`).
    pub url: Option<&'a str>,
    pub categories: &'a [String],
}

/// The page's address in the old site (`/docs/collections/`), if it had one.
pub fn old_url(generator: Generator, rules: &Rules, facts: &Facts) -> Option<String> {
    if let Some(url) = facts.url.filter(|u| !u.trim().is_empty()) {
        return Some(absolute(url));
    }
    let url = by_rules(generator, rules, facts)?;
    // A pattern with a part this page cannot fill (`:year` without a date)
    // gives no address.
    let unfilled = url.split('/').any(|part| part.starts_with(':'));
    (!unfilled).then_some(url)
}

fn by_rules(generator: Generator, rules: &Rules, facts: &Facts) -> Option<String> {
    let (dirs, stem) = match facts.path.rsplit_once('/') {
        Some((dirs, file)) => (dirs, stem_of(file)),
        None => ("", stem_of(facts.path)),
    };
    match generator {
        Generator::Hugo => hugo(rules, facts, dirs, stem),
        Generator::Zola => zola(facts, dirs, stem),
        Generator::Jekyll => jekyll(rules, facts, dirs, stem),
    }
}

fn stem_of(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
}

/// Hugo: a section's or bundle's folder, else the folder and the slug or
/// file name, lower-cased; a `permalinks` pattern for the top section wins.
fn hugo(rules: &Rules, facts: &Facts, dirs: &str, stem: &str) -> Option<String> {
    let is_branch = stem == "_index";
    let is_leaf = stem == "index";
    if is_branch {
        return Some(absolute(&dirs.to_lowercase()));
    }
    let (dirs, name) = if is_leaf {
        dirs.rsplit_once('/').unwrap_or(("", dirs))
    } else {
        (dirs, stem)
    };
    let section = dirs.split('/').next().unwrap_or_default();
    if let Some(pattern) = rules.permalinks.get(section) {
        let title = facts.title.map(urlize).unwrap_or_default();
        let slug = facts.slug.map(urlize).unwrap_or_else(|| title.clone());
        let filled = fill(pattern, facts.date, |token| match token {
            "title" => Some(title.clone()),
            "slug" => Some(slug.clone()),
            "filename" | "contentbasename" => Some(urlize(name)),
            "slugorfilename" | "slugorcontentbasename" => {
                Some(facts.slug.map_or_else(|| urlize(name), urlize))
            }
            "section" => Some(section.to_lowercase()),
            "sections" => Some(dirs.to_lowercase()),
            _ => None,
        });
        return Some(absolute(&filled));
    }
    let name = facts.slug.unwrap_or(name);
    Some(absolute(&format!(
        "{}/{}",
        dirs.to_lowercase(),
        urlize(name)
    )))
}

/// Hugo's `urlize`: lower case, spaces as hyphens, no punctuation.
fn urlize(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_whitespace() {
            out.push('-');
        } else if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Zola: a section's folder, else the folders and the slug (without a date
/// prefix), slugified.
fn zola(facts: &Facts, dirs: &str, stem: &str) -> Option<String> {
    let folders: Vec<String> = dirs
        .split('/')
        .filter(|d| !d.is_empty())
        .map(slugify)
        .collect();
    if stem == "_index" {
        return Some(absolute(&folders.join("/")));
    }
    let (folders, name) = if stem == "index" {
        let name = dirs.rsplit('/').next().unwrap_or_default();
        (&folders[..folders.len().saturating_sub(1)], name)
    } else {
        (&folders[..], stem)
    };
    let name = strip_date(name);
    let slug = slugify(facts.slug.unwrap_or(name));
    Some(absolute(&format!("{}/{slug}", folders.join("/"))))
}

/// `2016-04-19-name` → `name` (also with `_`).
fn strip_date(name: &str) -> &str {
    let bytes = name.as_bytes();
    let dated = name.len() > 11
        && name.is_char_boundary(10)
        && name[..10].parse::<jiff::civil::Date>().is_ok()
        && matches!(bytes[10], b'-' | b'_');
    if dated { &name[11..] } else { name }
}

/// Jekyll: a collection's pattern (posts are a collection), the site's
/// for posts, or a page's path as `.html` (`/:path/` with `pretty`).
fn jekyll(rules: &Rules, facts: &Facts, dirs: &str, stem: &str) -> Option<String> {
    let top = dirs.split('/').next().unwrap_or_default();
    if let Some(collection) = top.strip_prefix('_') {
        let inner = dirs.strip_prefix(top).unwrap_or("").trim_start_matches('/');
        let path = if inner.is_empty() {
            stem.to_string()
        } else {
            format!("{inner}/{stem}")
        };
        let title = facts
            .slug
            .map_or_else(|| strip_date(stem).to_string(), str::to_string);
        let pattern = match rules.collections.get(collection) {
            Some(pattern) => pattern.clone(),
            None if collection == "posts" => site_pattern(rules.permalink.as_deref()),
            None => "/:collection/:path:output_ext".into(),
        };
        let categories = facts.categories.join("/").to_lowercase();
        let filled = fill(&pattern, facts.date, |token| match token {
            "collection" => Some(collection.to_string()),
            "path" => Some(path.trim_end_matches("/index").to_string()),
            "name" => Some(stem.to_string()),
            "title" | "slug" => Some(title.to_lowercase()),
            "categories" => Some(categories.clone()),
            "output_ext" => Some(".html".into()),
            _ => None,
        });
        return Some(absolute(&filled));
    }
    let pretty = site_pattern(rules.permalink.as_deref()).ends_with('/');
    let page = if stem == "index" {
        format!("{dirs}/")
    } else if pretty {
        format!("{dirs}/{stem}/")
    } else {
        format!("{dirs}/{stem}.html")
    };
    Some(absolute(&page))
}

/// Jekyll's named permalink styles as patterns.
fn site_pattern(permalink: Option<&str>) -> String {
    match permalink.unwrap_or("date") {
        "date" => "/:categories/:year/:month/:day/:title:output_ext".into(),
        "pretty" => "/:categories/:year/:month/:day/:title/".into(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".into(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".into(),
        "none" => "/:categories/:title:output_ext".into(),
        pattern => pattern.into(),
    }
}

/// `pattern` with each `:token` filled: the date's from `date`, the rest
/// from `value`; an unknown token is left as written.
fn fill(pattern: &str, date: Option<&str>, value: impl Fn(&str) -> Option<String>) -> String {
    let date = date.and_then(|d| d.get(..10)?.parse::<jiff::civil::Date>().ok());
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let token = &after[..len];
        let dated = date.and_then(|d| match token {
            "year" => Some(format!("{:04}", d.year())),
            "month" => Some(format!("{:02}", d.month())),
            "i_month" => Some(d.month().to_string()),
            "day" => Some(format!("{:02}", d.day())),
            "i_day" => Some(d.day().to_string()),
            "short_year" => Some(format!("{:02}", d.year() % 100)),
            _ => None,
        });
        match dated.or_else(|| value(token)) {
            Some(filled) => out.push_str(&filled),
            None => {
                out.push(':');
                out.push_str(token);
            }
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(path: &'a str, date: Option<&'a str>) -> Facts<'a> {
        Facts {
            path,
            title: Some("Hello World"),
            slug: None,
            date,
            url: None,
            categories: &[],
        }
    }

    #[test]
    fn hugo_addresses_follow_folders_bundles_and_permalinks() {
        let rules = Rules {
            permalinks: BTreeMap::from([("posts".into(), "/:year/:month/:slug/".into())]),
            ..Rules::default()
        };
        let url = |path, date| old_url(Generator::Hugo, &rules, &facts(path, date)).unwrap();
        assert_eq!(url("configuration/Build.md", None), "/configuration/build/");
        assert_eq!(url("configuration/_index.md", None), "/configuration/");
        assert_eq!(url("host/on-aws/index.md", None), "/host/on-aws/");
        assert_eq!(
            url("posts/x.md", Some("2020-03-04")),
            "/2020/03/hello-world/"
        );
    }

    #[test]
    fn jekyll_addresses_follow_collections_posts_and_pages() {
        let rules = Rules {
            collections: BTreeMap::from([
                ("docs".into(), "/:collection/:path/".into()),
                ("posts".into(), "/news/:year/:month/:day/:title/".into()),
            ]),
            ..Rules::default()
        };
        let url = |path, date| old_url(Generator::Jekyll, &rules, &facts(path, date)).unwrap();
        assert_eq!(url("_docs/sub/x.md", None), "/docs/sub/x/");
        assert_eq!(
            url("_posts/2016-04-19-big-news.md", Some("2016-04-19")),
            "/news/2016/04/19/big-news/"
        );
        assert_eq!(url("about.md", None), "/about.html");
        assert_eq!(url("team/index.md", None), "/team/");
        let undated = Facts {
            date: None,
            ..facts("_posts/x.md", None)
        };
        let rules_by_date = Rules {
            collections: BTreeMap::from([("posts".into(), "/:year/:title/".into())]),
            ..Rules::default()
        };
        assert_eq!(old_url(Generator::Jekyll, &rules_by_date, &undated), None);
    }

    #[test]
    fn zola_addresses_are_slugified_without_date_prefixes() {
        let url = |path| old_url(Generator::Zola, &Rules::default(), &facts(path, None)).unwrap();
        assert_eq!(url("blog/2020-01-01-First Post.md"), "/blog/first-post/");
        assert_eq!(url("documentation/_index.md"), "/documentation/");
        assert_eq!(url("blog/bundle/index.md"), "/blog/bundle/");
    }
}
