//! The message files: every id the code names is in both languages, both
//! files parse, and each message takes the same arguments in both; and what
//! writers see in Swedish and English, with the same line and column in
//! every format.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use arkiv::i18n::{self, Language};
use common::Fixture;
use fluent_syntax::ast;

/// Message id → the names of the variables it uses.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(i18n::source(language))
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", language.code()));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut names = BTreeSet::new();
            if let Some(pattern) = &message.value {
                variables(pattern, &mut names);
            }
            let id = message.id.name.to_string();
            assert!(
                found.insert(id.clone(), names).is_none(),
                "{id} twice in {}",
                language.code()
            );
        }
    }
    found
}

fn variables(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, names);
            for variant in variants {
                variables(&variant.value, names);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, names),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, names),
        _ => {}
    }
}

/// The ids the code names in `t!("…"`, with the file that names each.
fn ids_in_code() -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // `text_in(language, "id", …)`: a message in a language of its own.
        for (at, _) in text.match_indices("text_in(") {
            let Some((_, rest)) = text[at..].split_once(',') else {
                continue;
            };
            if let Some(rest) = rest.trim_start().strip_prefix('"') {
                let id = &rest[..rest.find('"').unwrap()];
                let file = entry.path().strip_prefix(&src).unwrap().display();
                ids.insert(id.to_string(), file.to_string());
            }
        }
        for (at, _) in text.match_indices("t!(") {
            // `t!(`, not the end of `format!(` or `print!(`.
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let piece = text[at + 3..].trim_start();
            if let Some(rest) = piece.strip_prefix('"') {
                let id = &rest[..rest.find('"').unwrap()];
                let file = entry.path().strip_prefix(&src).unwrap().display();
                ids.insert(id.to_string(), file.to_string());
            }
        }
    }
    ids
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    let sv = messages(Language::Sv);
    let en = messages(Language::En);
    let only_sv: Vec<_> = sv.keys().filter(|id| !en.contains_key(*id)).collect();
    let only_en: Vec<_> = en.keys().filter(|id| !sv.contains_key(*id)).collect();
    assert!(only_sv.is_empty(), "only in sv.ftl: {only_sv:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (id, names) in &sv {
        assert_eq!(
            names, &en[id],
            "{id} takes other arguments in sv.ftl than in en.ftl"
        );
    }
    let code = ids_in_code();
    assert!(code.len() > 100, "the code's ids were not found");
    for (id, file) in &code {
        assert!(
            sv.contains_key(id),
            "{file} names {id}, which no message file has"
        );
    }
    // The command line's ids are made from its commands' and options' names
    // (a test in src/cli checks those); every other message is used.
    let unused: Vec<_> = sv
        .keys()
        .filter(|id| !code.contains_key(*id) && !id.starts_with("cli-"))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// A copy of the sample site with one page written as `text`.
fn sample_with(page: &str) -> Fixture {
    let fixture = Fixture::sample();
    fixture.write("content/nyheter/2024-03-26-fel.md", page);
    fixture
}

/// What `arkiv check` prints in `language` (`human`, `github` or `json`).
fn check(fixture: &Fixture, language: &str, format: &str) -> String {
    let output = fixture.run(&["check", "--messages", language, "--format", format]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    text.replace(&fixture.root.display().to_string(), "[site]")
}

/// The human report of the one page's findings, in Swedish and English.
fn both_languages(page: &str) -> String {
    let fixture = sample_with(page);
    let mut out = String::new();
    for language in ["sv", "en"] {
        let report = check(&fixture, language, "human");
        let findings: Vec<&str> = report
            .split("\n\n")
            .filter(|part| part.contains("2024-03-26-fel.md"))
            .collect();
        out.push_str(&format!("--- {language}\n{}\n", findings.join("\n\n")));
    }
    out
}

macro_rules! mistake {
    ($name:ident, $page:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), both_languages($page));
        }
    };
}

mistake!(
    date_in_words,
    "---\ntitle: Ord\ndate: 26 mars 2024\nsummary: En nyhet.\n---\nText.\n"
);
mistake!(
    date_without_zeros,
    "---\ntitle: Nollor\ndate: 2024-3-5\nsummary: En nyhet.\n---\nText.\n"
);
mistake!(
    date_with_slash,
    "---\ntitle: Snedstreck\ndate: 5/3 2024\nsummary: En nyhet.\n---\nText.\n"
);
mistake!(
    blank_line_before_the_front_matter,
    "\n---\ntitle: Tom rad\ndate: 2024-03-26\n---\nText.\n"
);
mistake!(
    invisible_characters_before_the_front_matter,
    "\u{200b}\u{feff}---\ntitle: Osynligt\ndate: 2024-03-26\n---\nText.\n"
);
mistake!(
    tab_in_the_indentation,
    "---\ntitle: Tabb\ndate: 2024-03-26\nspeakers:\n\t- name: Åsa\n---\nText.\n"
);
mistake!(
    colon_in_the_title,
    "---\ntitle: Möte: del 2\ndate: 2024-03-26\n---\nText.\n"
);
mistake!(
    missing_bracket,
    "---\ntitle: Klammer\ndate: 2024-03-26\ntopics: [Skola, Vård\n---\nText.\n"
);
mistake!(
    half_written_page,
    "---\ntitle: Halv\ndate: 2024-03-26\nsummary: \"\"\n---\n\nSkriv texten här.\n"
);

/// Å, ä and ö before the mistake count as one column each, in the message,
/// the snippet and every format.
#[test]
fn columns_count_characters_in_every_format() {
    let fixture = sample_with(
        "---\ntitle: Länk\ndate: 2024-03-26\nsummary: En nyhet.\n---\nÅsa på Öckerö läser [här](/finns-inte/).\n",
    );
    let human = check(&fixture, "sv", "human");
    assert!(
        human.contains("content/nyheter/2024-03-26-fel.md:6:21]"),
        "{human}"
    );
    let github = check(&fixture, "sv", "github");
    assert!(
        github.contains("file=content/nyheter/2024-03-26-fel.md,line=6,col=21::"),
        "{github}"
    );
    let json: serde_json::Value = serde_json::from_str(&check(&fixture, "sv", "json")).unwrap();
    let finding = json
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "content/nyheter/2024-03-26-fel.md")
        .expect("the finding is in the JSON");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(6), Some(21))
    );
}

/// The parser's own words are kept for tools, in `--format json` only.
#[test]
fn the_parsers_words_are_only_in_json() {
    let fixture = sample_with("---\ntitle: Möte: del 2\ndate: 2024-03-26\n---\nText.\n");
    let json: serde_json::Value = serde_json::from_str(&check(&fixture, "sv", "json")).unwrap();
    let finding = &json.as_array().unwrap()[0];
    assert!(
        finding["detail"]
            .as_str()
            .unwrap()
            .contains("mapping values"),
        "{finding}"
    );
    assert!(!check(&fixture, "sv", "human").contains("mapping values"));
}

#[test]
fn help_is_in_both_languages() {
    let fixture = Fixture::sample();
    let mut out = String::new();
    for language in ["sv", "en"] {
        for args in [vec!["--help"], vec!["check", "--help"]] {
            let mut all = args.clone();
            all.extend(["--messages", language]);
            let output = fixture.run(&all);
            assert!(output.status.success());
            out.push_str(&format!("--- {language} {}\n", args.join(" ")));
            out.push_str(&String::from_utf8_lossy(&output.stdout));
        }
    }
    insta::assert_snapshot!("help", out);
}

/// The site's language decides when nothing else does; the option wins.
#[test]
fn the_sites_language_is_the_default() {
    let fixture = Fixture::sample();
    let swedish = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .args(["new", "bloggen", "Rubrik"])
        .current_dir(&fixture.root)
        .env_remove("ARKIV_MESSAGES")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&swedish.stderr);
    assert!(text.contains("avdelning"), "{text}");
    let english = fixture.run(&["new", "bloggen", "Rubrik"]);
    assert!(!String::from_utf8_lossy(&english.stderr).contains("avdelning"));
}
