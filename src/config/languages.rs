//! `languages:` and `translations:` in site.yaml: a site in more than one
//! language, and the configuration that builds each language besides the
//! default (`Config::in_language`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Config, MenuItem, Organisation, RawConfig};
use crate::diagnostics::Diagnostic;

/// What site.yaml's `translations:` gives for one language besides the default:
/// each key the default language's in that language; what is left out is
/// the default language's (the organisation) or made from the site (the menu).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The site's name in this language.
    pub title: Option<String>,
    /// One sentence about the site.
    pub description: Option<String>,
    /// The main navigation in this language.
    pub menu: Option<Vec<MenuItem>>,
    /// Who publishes the site, in this language.
    pub organisation: Option<Organisation>,
    /// Topic and municipality names as written → in this language
    /// (`Nära vård: Local health care`); a term left out keeps its name.
    #[serde(default)]
    pub terms: BTreeMap<String, String>,
}

/// The mistakes in `languages:` and `translations:` (and `language:` beside
/// them), with the key to point at.
pub(super) fn check(raw: &RawConfig, language: &str) -> Result<(), (&'static str, Diagnostic)> {
    if raw.language.is_some() && raw.languages.is_some() {
        return Err((
            "languages",
            Diagnostic::error(t!("config-language-twice")).hint(t!("config-language-twice-hint")),
        ));
    }
    let languages = raw.languages.iter().flatten().map(String::as_str);
    let unknown = std::iter::once(language)
        .chain(languages)
        // The languages of i18n::Language, written here: i18n reads the config.
        .find(|l| *l != "sv" && *l != "en");
    if let Some(unknown) = unknown {
        let key = if raw.languages.is_some() {
            "languages"
        } else {
            "language"
        };
        return Err((
            key,
            Diagnostic::error(t!("config-unsupported-language", language = unknown))
                .hint(t!("config-unsupported-language-hint")),
        ));
    }
    let listed = raw.languages.as_deref().unwrap_or_default();
    let twice = listed
        .iter()
        .enumerate()
        .any(|(n, l)| listed[..n].contains(l));
    if raw.languages.is_some() && (listed.is_empty() || twice) {
        return Err((
            "languages",
            Diagnostic::error(t!("config-languages-list")).hint(t!("config-languages-list-hint")),
        ));
    }
    let stray = raw.translations.iter().flatten().map(|(l, _)| l);
    if let Some(stray) = stray
        .into_iter()
        .find(|l| !listed[1.min(listed.len())..].contains(l))
    {
        return Err((
            "translations",
            Diagnostic::error(t!("config-translation-not-listed", language = stray))
                .hint(t!("config-translation-not-listed-hint")),
        ));
    }
    Ok(())
}

impl Config {
    /// True when this configuration builds the site's default language.
    pub fn is_default_language(&self) -> bool {
        self.languages.first() == Some(&self.language)
    }

    /// True for a site in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The configuration that builds `language`, one of the site's others:
    /// its pages under `language/`, its URL folders named by `name` (the
    /// theme's language file, see `routes::TRANSLATED_FOLDERS`), and the
    /// title, description, menu, organisation and terms of `translations:`.
    pub fn in_language(&self, language: &str, name: impl Fn(&str) -> String) -> Config {
        let translation = self.translations.get(language).cloned().unwrap_or_default();
        let routes = crate::routes::Routes::translated(language, &name);
        let mut taxonomies = self.taxonomies.clone();
        taxonomies.topics.path = format!("{language}/{}", name("url_topics"));
        taxonomies.topics.title = name("topics");
        taxonomies.municipalities.path = format!("{language}/{}", name("url_municipalities"));
        taxonomies.municipalities.title = name("municipalities");
        Config {
            language: language.to_string(),
            title: translation.title.unwrap_or_else(|| self.title.clone()),
            description: translation
                .description
                .unwrap_or_else(|| self.description.clone()),
            menu: translation.menu.unwrap_or_default(),
            organisation: translation
                .organisation
                .unwrap_or_else(|| self.organisation.clone()),
            terms: translation.terms,
            routes,
            taxonomies,
            ..self.clone()
        }
    }
}
