//! The words a writer reads, in Swedish or in English.
//!
//! In: a message id and its arguments. Out: the text in the language chosen
//! for this run. Every message lives in one Fluent file per language,
//! `locales/sv.ftl` and `locales/en.ftl`, compiled into the binary; code
//! names messages by id (`t!("front-matter-no-title")`) and never holds their words. A
//! test fails when an id the code uses is missing in either file, or when
//! the two files disagree on a message's arguments.
//!
//! The language is chosen once, when the binary starts (`choose`): the
//! `--messages` option, then `ARKIV_MESSAGES`, then the site's `language` in
//! site.yaml, then `LANG`, then Swedish. It is fixed for the whole run, like
//! the rest of the configuration; a library caller that never chooses gets
//! English.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language arkiv speaks to writers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Swedish, the default.
    Sv,
    /// English.
    En,
}

impl Language {
    /// `sv` → Swedish, `en` (or `en-GB`, `en_US.UTF-8`…) → English; else none.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let base = code.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match base {
            "sv" => Some(Language::Sv),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The language's code, `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::En => "en",
        }
    }

    /// Both languages, Swedish first.
    pub const ALL: [Language; 2] = [Language::Sv, Language::En];
}

static CHOSEN: OnceLock<Language> = OnceLock::new();

/// Fixes the language of this run's messages; later calls change nothing.
pub fn set(language: Language) {
    let _ = CHOSEN.set(language);
}

/// The language of this run's messages.
pub fn current() -> Language {
    CHOSEN.get().copied().unwrap_or(Language::En)
}

/// Where the language comes from, for `choose`.
pub struct Sources<'a> {
    /// The command line's arguments (for `--messages` and `--root`).
    pub args: &'a [OsString],
    /// `ARKIV_MESSAGES`.
    pub arkiv_messages: Option<String>,
    /// `LANG`.
    pub lang: Option<String>,
}

impl Sources<'_> {
    /// The process's own arguments and environment.
    pub fn of_process(args: &[OsString]) -> Sources<'_> {
        Sources {
            args,
            arkiv_messages: std::env::var("ARKIV_MESSAGES").ok(),
            lang: std::env::var("LANG").ok(),
        }
    }
}

/// The language for this run: `--messages`, `ARKIV_MESSAGES`, the site's
/// `language`, `LANG`, Swedish; the first that names Swedish or English.
pub fn choose(sources: &Sources<'_>) -> Language {
    option_value(sources.args, "--messages")
        .and_then(|value| Language::from_code(&value))
        .or_else(|| {
            sources
                .arkiv_messages
                .as_deref()
                .and_then(Language::from_code)
        })
        .or_else(|| site_language(&site_root(sources.args)))
        .or_else(|| sources.lang.as_deref().and_then(Language::from_code))
        .unwrap_or(Language::Sv)
}

/// The value of `--name VALUE` or `--name=VALUE` among `args`.
fn option_value(args: &[OsString], name: &str) -> Option<String> {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == name {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(value.to_string());
        }
    }
    None
}

/// The site's folder as `--root` names it, else the current folder.
fn site_root(args: &[OsString]) -> PathBuf {
    option_value(args, "--root").map_or_else(|| PathBuf::from("."), PathBuf::from)
}

/// The `language` of the site.yaml in `root` (the first of `languages`),
/// when there is one to read.
fn site_language(root: &Path) -> Option<Language> {
    #[derive(serde::Deserialize)]
    struct Settings {
        language: Option<String>,
        languages: Option<Vec<String>>,
    }
    let file = root.join(crate::config::CONFIG_FILE);
    // Through the site's path check, as every read: a site.yaml that is a
    // link out of the site is not read. Only the one key is wanted, so a
    // site.yaml of megabytes is not read for it.
    let bytes = crate::fs::SiteRoot::new(root)
        .read_optional(&file, 1 << 20)
        .ok()??;
    let text = String::from_utf8(bytes).ok()?;
    let settings: Settings = serde_yaml::from_str(&text).ok()?;
    let first = settings.languages.and_then(|l| l.into_iter().next());
    settings
        .language
        .or(first)
        .as_deref()
        .and_then(Language::from_code)
}

/// One argument of a message: text or a number.
pub type Arg<'a> = FluentValue<'a>;

/// What may be given as a message's argument.
pub trait IntoArg<'a> {
    /// The argument as Fluent takes it.
    fn into_arg(self) -> Arg<'a>;
}

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> Arg<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> Arg<'a> {
        FluentValue::from(self.as_str())
    }
}

impl IntoArg<'static> for String {
    fn into_arg(self) -> Arg<'static> {
        FluentValue::from(self)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl IntoArg<'static> for $t {
            fn into_arg(self) -> Arg<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, i64, i32);

/// The text of message `id` in this run's language, with its arguments:
/// `t!("front-matter-no-title")`, `t!("front-matter-not-a-date", text = value)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),+],
        )
    };
}

/// True when message `id` exists (in English, and so, as a test checks, in Swedish).
pub fn has(id: &str) -> bool {
    bundle(Language::En).has_message(id)
}

/// The text of message `id` in this run's language; see `t!`.
pub fn text(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    text_in(current(), id, args)
}

/// The text of message `id` in `language`.
///
/// A message that is missing (a test keeps that from happening) shows as
/// its id, so the writer still sees something to report.
pub fn text_in(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The Fluent source of `language`'s messages.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::Sv => include_str!("../locales/sv.ftl"),
        Language::En => include_str!("../locales/en.ftl"),
    }
}

fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static SV: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match language {
        Language::Sv => &SV,
        Language::En => &EN,
    };
    cell.get_or_init(|| {
        let id: LanguageIdentifier = language
            .code()
            .parse()
            .expect("sv and en are language identifiers");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Messages go to terminals and logs, where Unicode isolation marks
        // around each argument would show as stray characters.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(source(language).to_string())
            .unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn sources<'a>(
        args: &'a [OsString],
        arkiv_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Sources<'a> {
        Sources {
            args,
            arkiv_messages: arkiv_messages.map(str::to_string),
            lang: lang.map(str::to_string),
        }
    }

    #[test]
    fn the_option_wins_then_the_variable_then_the_site_then_lang() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("site.yaml"), "title: T\nlanguage: en\n").unwrap();
        let root = site.path().to_string_lossy().to_string();
        let with_site = args(&["arkiv", "check", "--root", &root]);
        let outside = args(&["arkiv", "--help", "--root", "/finns/inte"]);
        let flagged = args(&["arkiv", "check", "--messages=sv", "--root", &root]);
        assert_eq!(choose(&sources(&flagged, Some("en"), None)), Language::Sv);
        assert_eq!(choose(&sources(&with_site, Some("sv"), None)), Language::Sv);
        assert_eq!(
            choose(&sources(&with_site, None, Some("sv_SE.UTF-8"))),
            Language::En
        );
        assert_eq!(
            choose(&sources(&outside, None, Some("en_GB.UTF-8"))),
            Language::En
        );
        assert_eq!(
            choose(&sources(&outside, None, Some("C.UTF-8"))),
            Language::Sv
        );
        assert_eq!(choose(&sources(&outside, None, None)), Language::Sv);
    }

    #[test]
    fn arguments_fill_the_message_in_either_language() {
        let sv = text_in(
            Language::Sv,
            "summary-errors",
            &[("errors", 2.into_arg()), ("warnings", 1.into_arg())],
        );
        let en = text_in(
            Language::En,
            "summary-errors",
            &[("errors", 2.into_arg()), ("warnings", 1.into_arg())],
        );
        assert_eq!(sv, "2 fel, 1 varning");
        assert_eq!(en, "2 errors, 1 warning");
    }
}
