//! A whole Markdown file, as any bytes, read the way `arkiv build` reads one
//! (`decode`, then `parse_page`, which splits and parses the front matter):
//! nothing may panic, a parsed page's body must start inside its text, and every
//! error and warning must render.
#![no_main]

use std::sync::Arc;

use arkiv::config::MarkdownConfig;
use arkiv::content::load::decode;
use arkiv::content::{SourceFile, parse_page};
use arkiv::diagnostics::Diagnostics;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data) else {
        return;
    };
    let source = SourceFile {
        content_path: "nyheter/2024-03-26-sida.md".into(),
        display_path: "content/nyheter/2024-03-26-sida.md".into(),
        text: Arc::from(text),
        assets: Vec::new(),
    };
    for smart_punctuation in [true, false] {
        let options = MarkdownConfig {
            smart_punctuation,
            ..MarkdownConfig::default()
        };
        let mut warnings = Diagnostics::new();
        match parse_page(&source, &options, &mut warnings) {
            Ok(page) => {
                assert!(page.body_offset <= page.source.len());
                let _ = page.markdown();
            }
            Err(errors) => render(&errors),
        }
        render(&warnings);
    }
});

/// Renders each diagnostic as the command line would.
fn render(diagnostics: &Diagnostics) {
    for diagnostic in diagnostics.iter() {
        let _ = diagnostic.render_human(false);
        let _ = diagnostic.render_github();
    }
}
