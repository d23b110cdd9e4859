//! Template code of another generator left in pages (`shortcodes::foreign`):
//! a warning at each piece, made from the kept bodies on every build, so
//! an incremental build says it as a full one does.

use std::sync::Arc;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Body;
use crate::shortcodes::foreign::Foreign;

/// A warning for every piece of foreign template code in `pages`.
pub fn foreign_warnings(pages: &[Arc<Page>], bodies: &[Arc<Body>]) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    for (page, body) in pages.iter().zip(bodies) {
        for (at, len, kind, name) in &body.review.foreign {
            let (message, hint) = match kind {
                Foreign::Hugo => (
                    t!("foreign-hugo", name = name.trim_start_matches('/')),
                    t!("foreign-hugo-hint"),
                ),
                Foreign::LiquidTag => (
                    t!("foreign-liquid-tag", name = name),
                    t!("foreign-liquid-hint"),
                ),
                Foreign::LiquidValue => (
                    t!("foreign-liquid-value", name = name),
                    t!("foreign-liquid-hint"),
                ),
            };
            let warning = Diagnostic::warning(message).hint(hint);
            warnings.push(warning.at(&page.display_path, &page.source, *at, *len));
        }
    }
    warnings
}
