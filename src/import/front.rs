//! Front matter of another generator (YAML between `---`, TOML between
//! `+++`, or a JSON object for Hugo) → arkiv's YAML: keys that mean the
//! same are renamed, dates written as arkiv reads them, and every key
//! arkiv has no use for kept under `extra:`.

use serde_json::{Map, Value};
use serde_yaml::{Mapping, Value as Yaml};

/// How a file's front matter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

/// A file cut into its front matter and its body.
pub struct Split<'a> {
    pub format: Format,
    /// The front matter, without its fences.
    pub front: &'a str,
    /// The Markdown after it.
    pub body: &'a str,
    /// The line of the front matter's first line of text, for messages.
    pub front_line: usize,
}

/// Cuts `text` into front matter and body; `None` when it has none.
pub fn split(text: &str) -> Option<Split<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (fence, format) in [("---", Format::Yaml), ("+++", Format::Toml)] {
        let Some(rest) = text.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest
            .strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
        else {
            continue;
        };
        let start = text.len() - rest.len();
        let mut at = start;
        for line in rest.split_inclusive('\n') {
            let bare = line.trim_end();
            if bare == fence || (format == Format::Yaml && bare == "...") {
                return Some(Split {
                    format,
                    front: &text[start..at],
                    body: &text[at + line.len()..],
                    front_line: 2,
                });
            }
            at += line.len();
        }
        return None;
    }
    if text.starts_with('{') {
        let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
        if let Some(Ok(Value::Object(_))) = values.next() {
            let end = values.byte_offset();
            return Some(Split {
                format: Format::Json,
                front: &text[..end],
                body: text[end..].trim_start_matches(['\r', '\n']),
                front_line: 1,
            });
        }
    }
    None
}

/// The front matter's fields, or why they could not be read.
pub fn fields(split: &Split) -> Result<Map<String, Value>, String> {
    let value: Value = match split.format {
        Format::Yaml if split.front.trim().is_empty() => Value::Object(Map::new()),
        Format::Yaml => serde_yaml::from_str(split.front).map_err(|e| e.to_string())?,
        Format::Json => serde_json::from_str(split.front).map_err(|e| e.to_string())?,
        Format::Toml => {
            let table: toml::Table = toml::from_str(split.front).map_err(|e| e.to_string())?;
            from_toml(toml::Value::Table(table))
        }
    };
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err("the front matter is not a list of keys and values".into()),
    }
}

/// A TOML value as JSON, dates as the text TOML wrote.
fn from_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect())
        }
    }
}

/// What a page's front matter became.
#[derive(Debug, Default)]
pub struct Mapped {
    /// arkiv's front matter, in arkiv's order, `extra` last.
    pub front: Mapping,
    pub title: Option<String>,
    pub slug: Option<String>,
    /// The publication date as arkiv reads it.
    pub date: Option<String>,
    /// The page's own address in the old site (Hugo `url`, Jekyll
    /// `permalink`, Zola `path`).
    pub url: Option<String>,
    /// Its old addresses (`aliases`, `redirect_from`), as written.
    pub aliases: Vec<String>,
    /// Jekyll's categories, which its addresses may use.
    pub categories: Vec<String>,
    /// Each key renamed: (old key, arkiv's key).
    pub renamed: Vec<(String, String)>,
    /// Keys kept under `extra:`.
    pub kept: Vec<String>,
    /// Values that could not be taken over (a date arkiv cannot read).
    pub problems: Vec<String>,
}

/// Keys that mean what an arkiv key means; the first key found of each
/// group wins, and a later one is kept under `extra:`.
const RENAMES: [(&str, &[&str]); 8] = [
    ("title", &["title"]),
    ("date", &["publishdate", "publish_date", "pubdate", "date"]),
    (
        "updated",
        &["lastmod", "last_modified_at", "updated", "modified"],
    ),
    (
        "expires",
        &["expirydate", "expiry_date", "unpublishdate", "expires"],
    ),
    ("summary", &["summary", "description", "excerpt"]),
    ("weight", &["weight", "order", "nav_order"]),
    ("slug", &["slug"]),
    ("draft", &["draft"]),
];

/// Keys whose values become topics.
const TOPIC_KEYS: [&str; 4] = ["tags", "categories", "category", "topics"];

/// Keys that hold the page's old address.
const ADDRESS_KEYS: [&str; 3] = ["url", "permalink", "path"];

/// Keys that hold earlier addresses.
const ALIAS_KEYS: [&str; 2] = ["aliases", "redirect_from"];

/// `fields` as arkiv's front matter.
pub fn map(fields: Map<String, Value>) -> Mapped {
    let mut mapped = Mapped::default();
    let mut fields: Vec<(String, Value)> = fields.into_iter().collect();
    let mut extra = Mapping::new();
    // Zola keeps free keys under `[extra]` and terms under `[taxonomies]`.
    if let Some(at) = fields.iter().position(|(k, _)| k == "extra")
        && let (_, Value::Object(own)) = fields.remove(at)
    {
        for (key, value) in own {
            extra.insert(Yaml::String(key), to_yaml(value));
        }
    }
    if let Some(at) = fields.iter().position(|(k, _)| k == "taxonomies")
        && let (_, Value::Object(terms)) = fields.remove(at)
    {
        fields.extend(terms);
    }
    for (ours, theirs) in RENAMES {
        let found = theirs.iter().find_map(|name| {
            let at = fields
                .iter()
                .position(|(k, v)| k.to_lowercase() == *name && !v.is_null())?;
            Some(fields.remove(at))
        });
        let Some((key, value)) = found else { continue };
        if key != ours {
            mapped.renamed.push((key.clone(), ours.to_string()));
        }
        if let Some(value) = take(ours, &key, value, &mut mapped) {
            mapped.front.insert(Yaml::String(ours.into()), value);
        }
    }
    let mut topics: Vec<String> = Vec::new();
    let mut draft = None;
    for (key, value) in fields {
        let lower = key.to_lowercase();
        if TOPIC_KEYS.contains(&lower.as_str()) {
            let terms = strings(&value);
            if lower == "categories" || lower == "category" {
                mapped.categories.extend(terms.iter().cloned());
            }
            if !terms.is_empty() && lower != "topics" {
                mapped.renamed.push((key, "topics".into()));
            }
            for term in terms {
                if !topics
                    .iter()
                    .any(|t| t.to_lowercase() == term.to_lowercase())
                {
                    topics.push(term);
                }
            }
        } else if ADDRESS_KEYS.contains(&lower.as_str()) && value.is_string() {
            mapped.url = value.as_str().map(str::to_string);
            mapped.renamed.push((key, "aliases".into()));
        } else if ALIAS_KEYS.contains(&lower.as_str()) {
            mapped.aliases.extend(strings(&value));
            if lower != "aliases" {
                mapped.renamed.push((key, "aliases".into()));
            }
        } else if lower == "published" && value == Value::Bool(false) {
            draft = Some(true);
            mapped.renamed.push((key, "draft".into()));
        } else if !is_empty(&value) {
            mapped.kept.push(key.clone());
            extra.insert(Yaml::String(key), to_yaml(value));
        }
    }
    if !topics.is_empty() {
        let list = topics.into_iter().map(Yaml::String).collect();
        mapped.front.insert("topics".into(), Yaml::Sequence(list));
    }
    if let Some(draft) = draft {
        mapped.front.insert("draft".into(), Yaml::Bool(draft));
    }
    if !extra.is_empty() {
        mapped.front.insert("extra".into(), Yaml::Mapping(extra));
    }
    mapped
}

/// The value of arkiv's key `ours`, taken from the old key `key`; what
/// cannot be used is noted and kept under `extra:` by the caller's rules.
fn take(ours: &str, key: &str, value: Value, mapped: &mut Mapped) -> Option<Yaml> {
    match ours {
        "date" | "updated" | "expires" => {
            let text = scalar(&value)?;
            match normalise_date(&text) {
                Some(date) => {
                    if ours == "date" {
                        mapped.date = Some(date.clone());
                    }
                    Some(Yaml::String(date))
                }
                None => {
                    mapped.problems.push(format!("{key}: {text}"));
                    None
                }
            }
        }
        "weight" => value.as_i64().map(|n| Yaml::Number(n.into())),
        "draft" => value.as_bool().map(Yaml::Bool),
        "title" => {
            let title = scalar(&value)?;
            mapped.title = Some(title.clone());
            Some(Yaml::String(title))
        }
        "slug" => {
            let slug = scalar(&value)?;
            mapped.slug = Some(slug.clone());
            Some(Yaml::String(slug))
        }
        _ => scalar(&value).map(|text| Yaml::String(text.trim().to_string())),
    }
}

/// A string, number or boolean as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of texts, or one text (`tags: a` as Jekyll allows, split at spaces
/// only for `category`/`categories` written as one text).
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(scalar).collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
    .into_iter()
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
    .collect()
}

/// Nothing worth keeping: `null`, `""`, `[]`, `{}`.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

/// JSON as YAML.
fn to_yaml(value: Value) -> Yaml {
    serde_yaml::to_value(value).unwrap_or(Yaml::Null)
}

/// A date or time as arkiv reads it (`2024-03-26`, RFC 3339, or a time
/// without offset, read in Stockholm): also Jekyll's `2016-04-19 12:00:00
/// -0700` and TOML's `1979-05-27 07:32:00`.
pub fn normalise_date(text: &str) -> Option<String> {
    let text = text.trim();
    if text.parse::<jiff::civil::Date>().is_ok() && text.len() == 10 {
        return Some(text.to_string());
    }
    if text.parse::<jiff::Timestamp>().is_ok() {
        return Some(text.replacen(' ', "T", 1));
    }
    let (date, rest) = text.split_at_checked(10)?;
    date.parse::<jiff::civil::Date>().ok()?;
    let rest = rest.trim_start_matches(['T', ' ']);
    let (time, offset) = match rest.split_once(' ') {
        Some((time, offset)) => (time, Some(offset.trim())),
        None => (rest, None),
    };
    let time: jiff::civil::Time = time.parse().ok()?;
    let time = format!("{date}T{}", time.strftime("%H:%M:%S"));
    match offset {
        None | Some("") => Some(time),
        Some("Z" | "UTC" | "+0000") => Some(format!("{time}Z")),
        Some(offset) => {
            let digits = offset.trim_start_matches(['+', '-']).replace(':', "");
            let sign = if offset.starts_with('-') { '-' } else { '+' };
            (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| format!("{time}{sign}{}:{}", &digits[..2], &digits[2..]))
        }
    }
}

/// The front matter as arkiv writes it, between `---` lines.
pub fn write(front: &Mapping) -> String {
    let yaml = serde_yaml::to_string(front).unwrap_or_default();
    format!("---\n{yaml}---\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_toml_and_json_front_matter_are_read() {
        for text in [
            "---\ntitle: A\n---\nBody\n",
            "+++\ntitle = \"A\"\n+++\nBody\n",
            "{\n  \"title\": \"A\"\n}\nBody\n",
        ] {
            let split = split(text).unwrap();
            assert_eq!(fields(&split).unwrap()["title"], "A", "{text}");
            assert_eq!(split.body, "Body\n", "{text}");
        }
        assert!(split("Only text\n").is_none());
    }

    #[test]
    fn keys_are_mapped_and_the_rest_kept_under_extra() {
        let text = "+++\ntitle = \"Om\"\ndate = 2016-04-19T12:00:00-07:00\ndescription = \"Kort\"\n\
                    lastmod = 2017-01-02\ntags = [\"a\", \"B\"]\ncategories = [\"b\"]\n\
                    aliases = [\"/gammal/\"]\nauthor = \"Eva\"\nlinkTitle = \"O\"\nweight = 3\n\
                    [extra]\nicon = \"x\"\n+++\n";
        let mapped = map(fields(&split(text).unwrap()).unwrap());
        let yaml = write(&mapped.front);
        assert_eq!(
            yaml,
            "---\ntitle: Om\ndate: 2016-04-19T12:00:00-07:00\nupdated: 2017-01-02\n\
             summary: Kort\nweight: 3\ntopics:\n- b\n- a\nextra:\n  icon: x\n  author: Eva\n  linkTitle: O\n---\n"
        );
        assert_eq!(mapped.aliases, ["/gammal/"]);
        assert!(
            mapped
                .renamed
                .contains(&("description".into(), "summary".into()))
        );
    }

    #[test]
    fn dates_of_other_generators_read_as_arkiv_reads_them() {
        assert_eq!(normalise_date("2016-04-19").as_deref(), Some("2016-04-19"));
        assert_eq!(
            normalise_date("2016-04-19 12:00:00 -0700").as_deref(),
            Some("2016-04-19T12:00:00-07:00")
        );
        assert_eq!(
            normalise_date("1979-05-27 07:32:00").as_deref(),
            Some("1979-05-27T07:32:00")
        );
        assert_eq!(
            normalise_date("2020-01-01T10:00:00Z").as_deref(),
            Some("2020-01-01T10:00:00Z")
        );
        assert_eq!(normalise_date("i våras"), None);
    }

    #[test]
    fn published_false_is_a_draft() {
        let mapped =
            map(fields(&split("---\ntitle: A\npublished: false\n---\n").unwrap()).unwrap());
        assert_eq!(mapped.front.get("draft"), Some(&Yaml::Bool(true)));
    }
}
