//! Fenced code → HTML with syntect's CSS classes (`hl-…`); the theme ships the colours.
//!
//! In: code and its language token. Out: a `<pre>` block. It writes no inline
//! styles, so the theme's stylesheet decides the contrast.

use crate::text::escape_html as escape;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The class prefix of highlighted tokens, e.g. `hl-keyword`.
pub const CLASS_PREFIX: &str = "hl-";

/// Syntax definitions, loaded once per build and shared.
pub struct Highlighter {
    syntaxes: SyntaxSet,
}

impl Highlighter {
    /// Loads syntect's bundled syntax definitions.
    pub fn new() -> Self {
        Highlighter {
            syntaxes: SyntaxSet::load_defaults_newlines(),
        }
    }

    /// Renders `code` in `language` as a keyboard-scrollable `<pre>` block.
    pub fn highlight(&self, code: &str, language: &str) -> String {
        let language = language.split([' ', ',', '{']).next().unwrap_or_default();
        let syntax = (!language.is_empty())
            .then(|| self.syntaxes.find_syntax_by_token(language))
            .flatten();
        let body = match syntax {
            Some(syntax) => {
                let mut generator = ClassedHTMLGenerator::new_with_class_style(
                    syntax,
                    &self.syntaxes,
                    ClassStyle::SpacedPrefixed {
                        prefix: CLASS_PREFIX,
                    },
                );
                let ok = LinesWithEndings::from(code).all(|line| {
                    generator
                        .parse_html_for_line_which_includes_newline(line)
                        .is_ok()
                });
                if ok {
                    generator.finalize()
                } else {
                    escape(code)
                }
            }
            None => escape(code),
        };
        let lang_attr = if language.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", escape(language))
        };
        let class = if language.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{}\"", escape(language))
        };
        format!("<pre class=\"code\" tabindex=\"0\"{lang_attr}><code{class}>{body}</code></pre>\n")
    }
}

impl Default for Highlighter {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_no_inline_style() {
        let html = Highlighter::new().highlight("let x = 1;\n", "rust");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("data-lang=\"rust\""));
    }

    #[test]
    fn unknown_languages_are_escaped_text() {
        let html = Highlighter::new().highlight("<b>&</b>\n", "nosuchlang");
        assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "{html}");
    }
}
