//! Shortcodes: templates in `templates/shortcodes/` (the theme's and the
//! site's, which win) that a page calls from its Markdown, written
//! `{{ video(url="…", title="…") }}`, or with text between for a block:
//! `{% faktaruta(title="…") %} … {% end %}`.
//!
//! In: the shortcode templates and the theme's UI strings. Out: for each
//! call, its arguments checked against what the template says it takes
//! (`spec`), and the call rendered. The markdown stage finds the calls
//! (`scan`), gives `file` and `picture` arguments their meaning (it knows
//! the page's files) and puts each call's HTML where it stood.

pub mod foreign;
pub mod scan;
pub mod spec;
pub mod video;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::FxHasher;
use tera::{Context, Tera, Value};

pub use scan::{Call, Literal};
pub use spec::{Body, Kind, Spec};

/// The folder of shortcode templates, inside a `templates/` folder.
pub const FOLDER: &str = "shortcodes/";

/// The shortcodes a site has.
pub struct Shortcodes {
    tera: Tera,
    specs: BTreeMap<String, Spec>,
    /// The theme's UI strings, as `t` in every shortcode.
    labels: Value,
    digest: u64,
    /// False when the templates could not be read: calls are then left
    /// out without a word (the templates' errors are reported).
    available: bool,
}

/// A shortcode template whose header could not be read: its name and the mistake.
pub type BadHeader = (String, spec::HeaderError);

impl Shortcodes {
    /// The shortcodes of the templates `sources` (name → text, names under
    /// `shortcodes/`), compiled into `tera`.
    pub fn new(
        mut tera: Tera,
        sources: &[(String, String)],
        labels: &BTreeMap<String, String>,
    ) -> Result<Shortcodes, ShortcodeLoadError> {
        let mut specs = BTreeMap::new();
        let mut bad = Vec::new();
        let mut h = FxHasher::default();
        labels.hash(&mut h);
        for (name, text) in sources {
            name.hash(&mut h);
            text.hash(&mut h);
            let Some(short) = name
                .strip_prefix(FOLDER)
                .and_then(|n| n.strip_suffix(".html"))
            else {
                continue;
            };
            match spec::read(text) {
                Ok(spec) => {
                    specs.insert(short.to_string(), spec);
                }
                Err(error) => bad.push((name.clone(), error)),
            }
        }
        if !bad.is_empty() {
            return Err(ShortcodeLoadError::Headers(bad));
        }
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(ShortcodeLoadError::Tera)?;
        Ok(Shortcodes {
            tera,
            specs,
            labels: Value::from_serializable(labels),
            digest: h.finish(),
            available: true,
        })
    }

    /// No shortcodes (when the templates could not be read).
    pub fn none() -> Shortcodes {
        Shortcodes {
            tera: Tera::new(),
            specs: BTreeMap::new(),
            labels: Value::none(),
            digest: 0,
            available: false,
        }
    }

    /// False for `none`.
    pub fn available(&self) -> bool {
        self.available
    }

    /// A digest of the templates and strings: when it changes, every
    /// body with a call must be made again.
    pub fn digest(&self) -> u64 {
        self.digest
    }

    /// What shortcode `name` takes, if there is one.
    pub fn spec(&self, name: &str) -> Option<&Spec> {
        self.specs.get(name)
    }

    /// The names of the shortcodes, in order.
    pub fn names(&self) -> Vec<&str> {
        self.specs.keys().map(String::as_str).collect()
    }

    /// Renders shortcode `name` with `args` (checked), `body` (HTML) and `nth`
    /// (the how-manieth call of the page it is, for unique ids).
    pub fn render(
        &self,
        name: &str,
        args: Vec<(String, Value)>,
        body: Option<String>,
        nth: usize,
    ) -> Result<String, String> {
        let mut context = Context::new();
        for (key, value) in args {
            context.insert_value(key, value);
        }
        context.insert_value(
            "body",
            body.map_or_else(Value::none, |b| Value::safe_string(&b)),
        );
        context.insert("nth", &nth);
        context.insert_value("t", self.labels.clone());
        self.tera
            .render(&format!("{FOLDER}{name}.html"), &context)
            .map_err(|error| {
                let mut message = error.to_string();
                let mut source = std::error::Error::source(&error);
                while let Some(cause) = source {
                    message.push_str(&format!(": {cause}"));
                    source = cause.source();
                }
                message
            })
    }
}

/// Why the shortcode templates could not be loaded.
pub enum ShortcodeLoadError {
    /// Headers that could not be read.
    Headers(Vec<BadHeader>),
    /// A template Tera could not compile.
    Tera(tera::Error),
}

/// An argument's value, checked; a file or picture is resolved by the
/// markdown stage, which knows the page's files.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    Value(Value),
    File(String),
    Picture(String),
}

/// A mistake in a call, at a place in the text scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub message: String,
    pub hint: String,
    pub span: Range<usize>,
}

impl Finding {
    fn new(message: String, hint: String, span: Range<usize>) -> Finding {
        Finding {
            message,
            hint,
            span,
        }
    }
}

/// Checks `call` against what its shortcode takes: the arguments with
/// their values, or every mistake.
pub fn check(shortcodes: &Shortcodes, call: &Call) -> Result<Vec<(String, Checked)>, Vec<Finding>> {
    let name = call.name.as_str();
    let Some(spec) = shortcodes.spec(name) else {
        let known = shortcodes.names();
        let mut hint = t!("shortcode-unknown-hint", known = known.join(", "));
        if let Some(close) = closest(name, &known) {
            hint = format!("{} {hint}", t!("shortcode-did-you-mean", name = close));
        }
        return Err(vec![Finding::new(
            t!("shortcode-unknown", name = name),
            hint,
            call.name_span.clone(),
        )]);
    };
    let mut findings = Vec::new();
    match (spec.body, &call.body) {
        (Body::Required, None) => findings.push(Finding::new(
            t!("shortcode-body-missing", name = name),
            t!(
                "shortcode-body-missing-hint",
                example = format!("{{% {name}(…) %}} … {{% end %}}")
            ),
            call.span.clone(),
        )),
        (Body::None, Some(_)) => findings.push(Finding::new(
            t!("shortcode-body-not-taken", name = name),
            t!(
                "shortcode-body-not-taken-hint",
                example = format!("{{{{ {name}(…) }}}}")
            ),
            call.span.start..call.name_span.end,
        )),
        _ => {}
    }
    if spec.block && !call.alone {
        findings.push(Finding::new(
            t!("shortcode-not-alone", name = name),
            t!("shortcode-not-alone-hint"),
            call.span.clone(),
        ));
    }
    let Some(params) = &spec.params else {
        let args = call
            .args
            .iter()
            .map(|arg| (arg.name.clone(), Checked::Value(literal_value(&arg.value))))
            .collect();
        return if findings.is_empty() {
            Ok(args)
        } else {
            Err(findings)
        };
    };
    let mut checked = Vec::new();
    for (i, arg) in call.args.iter().enumerate() {
        if call.args[..i].iter().any(|a| a.name == arg.name) {
            findings.push(Finding::new(
                t!("shortcode-repeated-argument", name = arg.name.as_str()),
                t!("shortcode-repeated-argument-hint"),
                arg.span.clone(),
            ));
            continue;
        }
        let Some(param) = params.iter().find(|p| p.name == arg.name) else {
            let known: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
            let mut hint = t!("shortcode-unknown-argument-hint", known = known.join(", "));
            if let Some(close) = closest(&arg.name, &known) {
                hint = format!("{} {hint}", t!("shortcode-did-you-mean", name = close));
            }
            findings.push(Finding::new(
                t!(
                    "shortcode-unknown-argument",
                    shortcode = name,
                    name = arg.name.as_str()
                ),
                hint,
                arg.span.clone(),
            ));
            continue;
        };
        match typed(param.kind, &arg.value) {
            Ok(value) => checked.push((arg.name.clone(), value)),
            Err((message, hint)) => {
                findings.push(Finding::new(message, hint, arg.value_span.clone()))
            }
        }
    }
    for param in params {
        if call.args.iter().any(|a| a.name == param.name) {
            continue;
        }
        if param.required {
            findings.push(Finding::new(
                t!(
                    "shortcode-missing-argument",
                    shortcode = name,
                    name = param.name.as_str()
                ),
                t!(
                    "shortcode-missing-argument-hint",
                    kind = kind_text(param.kind)
                ),
                call.span.start..call.name_span.end,
            ));
        } else {
            checked.push((param.name.clone(), Checked::Value(Value::none())));
        }
    }
    if findings.is_empty() {
        Ok(checked)
    } else {
        Err(findings)
    }
}

/// `value` as an argument of type `kind`, or what to tell the writer.
fn typed(kind: Kind, value: &Literal) -> Result<Checked, (String, String)> {
    let wrong = || {
        (
            t!("shortcode-wrong-type", kind = kind_text(kind)),
            t!("shortcode-wrong-type-hint"),
        )
    };
    match (kind, value) {
        (Kind::Text, Literal::Text(text)) => Ok(Checked::Value(Value::from(text.as_str()))),
        (Kind::Number, Literal::Number(_)) | (Kind::Bool, Literal::Bool(_)) => {
            Ok(Checked::Value(literal_value(value)))
        }
        (Kind::Url, Literal::Text(url)) => {
            let web = url.starts_with("https://") || url.starts_with("http://");
            let local = url.starts_with('/') && !url.starts_with("//");
            match web || local {
                true => Ok(Checked::Value(Value::from(url.as_str()))),
                false => Err(wrong()),
            }
        }
        (Kind::Video, Literal::Text(url)) => match video::parse(url) {
            Some(video) => Ok(Checked::Value(Value::from_serializable(&video))),
            None => Err((
                t!(
                    "shortcode-not-a-video",
                    url = crate::diagnostics::bounded(url, 80)
                ),
                t!("shortcode-not-a-video-hint"),
            )),
        },
        (Kind::File, Literal::Text(name)) => Ok(Checked::File(name.clone())),
        (Kind::Picture, Literal::Text(name)) => Ok(Checked::Picture(name.clone())),
        (Kind::Language, Literal::Text(code)) if is_language_code(code) => {
            Ok(Checked::Value(Value::from(code.as_str())))
        }
        _ => Err(wrong()),
    }
}

/// How a writer writes a value of type `kind`.
fn kind_text(kind: Kind) -> String {
    match kind {
        Kind::Text => t!("shortcode-kind-text"),
        Kind::Number => t!("shortcode-kind-number"),
        Kind::Bool => t!("shortcode-kind-bool"),
        Kind::Url => t!("shortcode-kind-url"),
        Kind::Video => t!("shortcode-kind-video"),
        Kind::File => t!("shortcode-kind-file"),
        Kind::Picture => t!("shortcode-kind-picture"),
        Kind::Language => t!("shortcode-kind-language"),
    }
}

/// A language tag as HTML's `lang` takes it: a language of two or three
/// letters, then parts of letters and digits (`en`, `sma`, `en-GB`, `sr-Latn`).
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn literal_value(value: &Literal) -> Value {
    match value {
        Literal::Text(text) => Value::from(text.as_str()),
        Literal::Bool(b) => Value::from(*b),
        Literal::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::from(*n as i64),
        Literal::Number(n) => Value::from(*n),
    }
}

/// The known name most like `name`, if one is close.
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}
