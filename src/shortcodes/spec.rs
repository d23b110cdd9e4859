//! What a shortcode takes, as its template says in a comment at its top:
//!
//! ```text
//! {#-
//! shortcode:
//!   arguments:
//!     url: video
//!     title: text
//!     start: number?
//!   body: none
//! -#}
//! ```
//!
//! Each argument has a type (`text`, `number`, `bool`, `url`, `video`,
//! `file`, `picture`); `?` makes it optional. `body` is `required`, `none`
//! or `optional` (the default); `block: true` says it makes a block (a
//! box, a figure), which must stand on lines of its own. A blank line ends the list; what follows
//! it in the comment is for people. A template without such a comment
//! takes any arguments, as they are written.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;

/// The type of an argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Text in quotation marks.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// A web address (`https://…`), or a path in the site (`/…`).
    Url,
    /// A YouTube or Vimeo video's address.
    Video,
    /// A file beside the page.
    File,
    /// A picture beside the page, published in several widths.
    Picture,
    /// A language's code for HTML's `lang`: `en`, `fi`, `se`, `en-GB`.
    Language,
}

impl Kind {
    fn parse(word: &str) -> Option<Kind> {
        Some(match word {
            "text" => Kind::Text,
            "number" => Kind::Number,
            "bool" => Kind::Bool,
            "url" => Kind::Url,
            "video" => Kind::Video,
            "file" => Kind::File,
            "picture" => Kind::Picture,
            "language" => Kind::Language,
            _ => return None,
        })
    }
}

/// One argument a shortcode takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub kind: Kind,
    pub required: bool,
}

/// Whether a shortcode takes text between its opening and `{% end %}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Required,
    Optional,
    None,
}

/// What a shortcode takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The arguments, in the order the template lists them; `None` for a
    /// template that does not say (it takes any).
    pub params: Option<Vec<Param>>,
    pub body: Body,
    /// It makes a block (a box, a figure): it must stand on lines of its own,
    /// as a block cannot stand inside a paragraph.
    pub block: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    shortcode: HeaderSpec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderSpec {
    #[serde(default)]
    arguments: BTreeMap<String, String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    block: bool,
}

/// A mistake in a template's header, at a place in the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub message: String,
    pub hint: String,
    /// Where, in bytes of the template.
    pub span: Range<usize>,
}

/// What the template `source` says it takes.
pub fn read(source: &str) -> Result<Spec, HeaderError> {
    let untyped = Spec {
        params: None,
        body: Body::Optional,
        block: false,
    };
    let Some((yaml, at)) = header(source) else {
        return Ok(untyped);
    };
    let whole = at..at + yaml.len();
    let header: Header = serde_yaml::from_str(yaml).map_err(|error| {
        // The parser counts characters; the span is in bytes.
        let byte = |chars: usize| {
            yaml.char_indices()
                .nth(chars)
                .map_or(yaml.len(), |(b, _)| b)
        };
        let place = error.location().map_or(whole.clone(), |l| {
            at + byte(l.index())..at + byte(l.index()) + 1
        });
        HeaderError {
            message: t!("shortcode-header-invalid", reason = error.to_string()),
            hint: t!("shortcode-header-invalid-hint"),
            span: place,
        }
    })?;
    let mut params = Vec::new();
    for (name, kind) in header.shortcode.arguments {
        let (word, required) = match kind.trim().strip_suffix('?') {
            Some(word) => (word.trim(), false),
            None => (kind.trim(), true),
        };
        let Some(kind) = Kind::parse(word) else {
            let place = yaml
                .find(&format!("{name}:"))
                .map_or(whole.clone(), |i| at + i..at + i + name.len());
            return Err(HeaderError {
                message: t!("shortcode-header-type", name = name.as_str(), kind = word),
                hint: t!("shortcode-header-invalid-hint"),
                span: place,
            });
        };
        params.push(Param {
            name,
            kind,
            required,
        });
    }
    let body = match header.shortcode.body.as_deref() {
        None | Some("optional") => Body::Optional,
        Some("required") => Body::Required,
        Some("none") => Body::None,
        Some(other) => {
            return Err(HeaderError {
                message: t!("shortcode-header-body", value = other),
                hint: t!("shortcode-header-invalid-hint"),
                span: whole,
            });
        }
    };
    Ok(Spec {
        params: Some(params),
        body,
        block: header.shortcode.block,
    })
}

/// The YAML of a template's header comment and where it starts, if the
/// template opens with `{# shortcode: … #}`.
fn header(source: &str) -> Option<(&str, usize)> {
    let start = source.len() - source.trim_start().len();
    let rest = source[start..].strip_prefix("{#")?;
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let end = rest.find("#}")?;
    let inner = &rest[..end];
    let inner = inner.strip_suffix('-').unwrap_or(inner);
    // A blank line ends the list: what follows is for people to read.
    let inner = inner
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .split("\n\n")
        .next()
        .unwrap_or_default();
    let inner = inner.split("\r\n\r\n").next().unwrap_or_default();
    let at = source.len() - rest.len()
        + (rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len());
    inner.starts_with("shortcode:").then_some((inner, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_lists_the_arguments_and_the_body() {
        let spec = read(
            "{#-\nshortcode:\n  arguments:\n    url: video\n    title: text\n    start: number?\n  body: none\n\nA video.\n-#}\n<div></div>",
        )
        .unwrap();
        let params = spec.params.unwrap();
        assert_eq!(params.len(), 3);
        let start = params.iter().find(|p| p.name == "start").unwrap();
        assert_eq!((start.kind, start.required), (Kind::Number, false));
        assert_eq!(spec.body, Body::None);
    }

    #[test]
    fn a_template_without_a_header_takes_anything() {
        let spec = read("{# Zola-style #}<b>{{ x }}</b>").unwrap();
        assert_eq!(spec.params, None);
        assert_eq!(spec.body, Body::Optional);
    }

    #[test]
    fn a_yaml_mistake_after_swedish_letters_is_found_where_it_is() {
        let source = "{#\nshortcode:\n  arguments:\n    rubrik_för_åäö: text\n  body: [\n#}";
        let error = read(source).unwrap_err();
        // The list is cut off where the comment ends.
        assert!(source[error.span.start..].starts_with("#}"), "{error:?}");
    }

    #[test]
    fn an_unknown_type_is_found_where_it_is_written() {
        let source = "{#\nshortcode:\n  arguments:\n    url: adress\n#}";
        let error = read(source).unwrap_err();
        assert_eq!(&source[error.span], "url");
    }
}
