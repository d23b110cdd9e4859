//! The command line: `Cli`, `Command`, one `…Args` per command.
//!
//! In: arguments. Out: a command run and an exit code. Doc comments here are
//! the `--help` text.

use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::config::BuildOptions;
use crate::diagnostics::{Diagnostic, Diagnostics};

pub mod localized;

/// arkiv builds archive sites for programme documentation, conferences and meeting notes.
#[derive(Debug, Parser)]
#[command(name = "arkiv", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of arkiv's messages: sv or en (read before parsing, by `i18n::choose`).
    #[arg(long, global = true, value_parser = ["sv", "en"])]
    pub messages: Option<String>,
}

impl Cli {
    /// The command line as parsed with help and errors in this run's
    /// language (`i18n::set` first); on a mistake, says what and exits 2.
    pub fn parse_localized() -> Cli {
        let command = localized::localize(Cli::command());
        let parsed = command
            .try_get_matches()
            .and_then(|matches| Cli::from_arg_matches(&matches));
        match parsed {
            Ok(cli) => cli,
            Err(error) => match localized::error_text(&error, "arkiv") {
                Some(text) => {
                    eprint!("{text}");
                    std::process::exit(2);
                }
                None => error.exit(),
            },
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into public/ (replaced whole, only when the build succeeds).
    Build(BuildArgs),
    /// Preview the site with live reload; rebuilds what a saved file touches.
    Serve(ServeArgs),
    /// Check the site without publishing: everything the build checks, plus links,
    /// anchors, images' alt text, heading levels and duplicate titles; and list the
    /// pages scheduled or expiring soon.
    Check(CheckArgs),
    /// Start a new page: `arkiv new nyheter "Rubrik"` (sections: nyheter, konferenser,
    /// presentationer, anteckningar, program, sida).
    New(NewArgs),
    /// Move a Hugo, Jekyll or Zola site in: write an arkiv site (content, site.yaml,
    /// the gr theme) from its sources, which are only read.
    Import(ImportArgs),
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each finding with the source line and a hint.
    Human,
    /// GitHub Actions annotations: `::error file=…,line=…,col=…::…`.
    Github,
    /// A JSON array, one object per finding.
    Json,
}

/// `arkiv check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    /// Where the site is.
    pub site: SiteArgs,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Also open every page in Chromium and check it with axe-core.
    #[arg(long)]
    pub browser: bool,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// `arkiv new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    /// Where the site is.
    pub site: SiteArgs,
    /// The section: nyheter, konferenser, presentationer, anteckningar, program, or sida.
    pub section: String,
    /// The page's title, in quotes.
    pub title: String,
    /// The page's language, one of site.yaml's `languages` (`en`); with a
    /// page's file as the section, its translation.
    #[arg(long = "lang")]
    pub language: Option<String>,
}

impl CheckArgs {
    /// Checks the site and prints the findings; exit 1 on errors (or warnings with --strict).
    pub fn run(self) -> ExitCode {
        let opts = BuildOptions::new(self.site.root);
        let (mut findings, agenda) = crate::check::check_with_agenda(&opts);
        // Pages are read in the browser once the site itself is sound.
        if self.browser && !findings.has_errors() {
            findings.extend(crate::browser::review(&opts));
            findings = findings.sorted();
        }
        match self.format {
            Format::Human => {
                print_diagnostics(&findings);
                print_agenda(&agenda);
                let errors = findings.error_count();
                let warnings = findings.len() - errors;
                eprintln!(
                    "{}",
                    t!("summary-errors", errors = errors, warnings = warnings)
                );
            }
            Format::Github => {
                for finding in findings.iter() {
                    println!("{}", finding.render_github());
                }
                for (heading, pages) in agenda.lists() {
                    for (page, when) in pages {
                        println!("::notice file={page}::{heading} {when}");
                    }
                }
            }
            Format::Json => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".into())
                );
            }
        }
        let fails = findings.has_errors() || (self.strict && !findings.is_empty());
        if !fails {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(u8::try_from(findings.exit_code()).unwrap_or(1))
        }
    }
}

/// Lists the pages scheduled and those that expire soon, if any.
fn print_agenda(agenda: &crate::check::Agenda) {
    for (heading, pages) in agenda.lists() {
        if pages.is_empty() {
            continue;
        }
        eprintln!("{heading}");
        for (page, when) in pages {
            eprintln!("  {}", t!("check-timed-page", page = page, when = when));
        }
    }
}

impl NewArgs {
    /// Writes the new page and prints its path.
    pub fn run(self) -> ExitCode {
        match crate::new::create(
            &self.site.root,
            &self.section,
            &self.title,
            crate::content::page::today_in_stockholm(),
            self.language.as_deref(),
        ) {
            Ok(path) => {
                let path = crate::diagnostics::display_path(&self.site.root, &path);
                println!("{}", t!("new-wrote", path = path));
                ExitCode::SUCCESS
            }
            Err(error) => {
                print_diagnostics(&error.into());
                ExitCode::from(2)
            }
        }
    }
}

/// `arkiv import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The generator the site was made for: hugo, jekyll or zola.
    #[arg(value_enum)]
    pub generator: crate::import::Generator,
    /// The old site's folder (with its configuration file and content).
    pub source: PathBuf,
    /// Where to write the new site: a new or empty folder [default: SOURCE's name + "-arkiv"].
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Put an old top folder's pages in an arkiv section, e.g. `--map posts=nyheter`
    /// (posts, post, blog and news go to nyheter unless mapped).
    #[arg(long, value_name = "OLD=NEW", value_parser = parse_mapping)]
    pub map: Vec<(String, String)>,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// `old=new`, both folder names.
fn parse_mapping(text: &str) -> Result<(String, String), String> {
    let (old, new) = text
        .split_once('=')
        .ok_or_else(|| t!("import-bad-map", text = text))?;
    let plain = |s: &str| !s.is_empty() && !s.contains(['/', '\\']) && s != "." && s != "..";
    if !plain(old.trim()) || !plain(new.trim()) {
        return Err(t!("import-bad-map", text = text));
    }
    Ok((old.trim().to_string(), new.trim().to_string()))
}

impl ImportArgs {
    /// Imports the site and prints the report.
    pub fn run(self) -> ExitCode {
        let into = self.into.unwrap_or_else(|| {
            let name = self
                .source
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
                .unwrap_or_else(|| "site".into());
            PathBuf::from(format!("{name}-arkiv"))
        });
        let opts = crate::import::ImportOptions {
            from: self.generator,
            source: self.source,
            into: into.clone(),
            map: self.map,
        };
        match crate::import::import(&opts) {
            Ok(report) => {
                match self.format {
                    Format::Json => println!(
                        "{}",
                        serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into())
                    ),
                    _ => {
                        print!("{}", report.human());
                        println!("{}", t!("import-done", path = into.display().to_string()));
                    }
                }
                ExitCode::SUCCESS
            }
            Err(errors) => {
                print_diagnostics(&errors);
                ExitCode::from(u8::try_from(errors.exit_code()).unwrap_or(2))
            }
        }
    }
}

/// Where the site is.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder, with site.yaml and content/.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

/// `arkiv build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    /// Where the site is.
    pub site: SiteArgs,
    /// Where to write the site [default: DIR/public].
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Build pages marked `draft: true` too.
    #[arg(long)]
    pub drafts: bool,
    /// Publish pages whose date lies ahead too (they show a "Schemalagd" banner).
    #[arg(long)]
    pub future: bool,
    /// The public address, replacing base_url in site.yaml (e.g. for a preview host).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

/// `arkiv serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    /// Where the site is.
    pub site: SiteArgs,
    /// The port to listen on; the next free one is used if it is taken (0: any).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on. Other machines can reach the preview only if
    /// this is not a loopback address.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Open the site in the default web browser.
    #[arg(long)]
    pub open: bool,
    /// Serve pages marked `draft: true` too.
    #[arg(long)]
    pub drafts: bool,
    /// Let the editor at /admin/ (site.yaml's `editor:`) read and write the
    /// files under content/ of this checkout.
    #[arg(long)]
    pub editor: bool,
}

impl Cli {
    /// Runs the chosen command.
    pub fn run(self) -> ExitCode {
        match self.command {
            Command::Build(args) => args.run(),
            Command::Serve(args) => args.run(),
            Command::Check(args) => args.run(),
            Command::New(args) => args.run(),
            Command::Import(args) => args.run(),
        }
    }
}

impl ServeArgs {
    /// Serves the site until the process is stopped.
    pub fn run(self) -> ExitCode {
        let opts = crate::serve::ServeOptions {
            root: self.site.root,
            port: self.port,
            bind: self.bind,
            open: self.open,
            drafts: self.drafts,
            editor: self.editor,
        };
        match crate::serve::run(opts, print_build_diagnostics) {
            Ok(()) => ExitCode::SUCCESS,
            Err(errors) => {
                print_build_diagnostics(&errors);
                ExitCode::from(u8::try_from(errors.exit_code()).unwrap_or(2))
            }
        }
    }
}

impl BuildArgs {
    /// Builds the site and prints what happened.
    pub fn run(self) -> ExitCode {
        let opts = BuildOptions {
            root: self.site.root,
            output: self.output,
            drafts: self.drafts,
            base_url: self.base_url,
            future: self.future,
            now: None,
        };
        let output = opts.output_dir();
        match crate::build(&opts) {
            Ok(report) if report.is_up_to_date => {
                println!(
                    "{}",
                    t!(
                        "build-up-to-date",
                        pages = report.pages,
                        files = report.files,
                        output = output.display().to_string(),
                        ms = elapsed_ms(report.elapsed),
                    )
                );
                ExitCode::SUCCESS
            }
            Ok(report) => {
                print_build_diagnostics(&report.warnings);
                if report.no_history {
                    eprintln!("{}", t!("history-absent"));
                }
                let files = match report.updated {
                    Some(written) => {
                        t!(
                            "build-files-updated",
                            files = report.files,
                            written = written
                        )
                    }
                    None => t!("build-files", files = report.files),
                };
                println!(
                    "{}",
                    t!(
                        "build-done",
                        pages = report.pages,
                        files = files,
                        output = output.display().to_string(),
                        ms = elapsed_ms(report.elapsed),
                    )
                );
                ExitCode::SUCCESS
            }
            Err(errors) => {
                print_build_diagnostics(&errors);
                eprintln!(
                    "{}",
                    t!(
                        "build-failed",
                        errors = errors.error_count(),
                        output = output.display().to_string(),
                    )
                );
                ExitCode::from(u8::try_from(errors.exit_code()).unwrap_or(1))
            }
        }
    }
}

/// Milliseconds, as the summary lines print them.
fn elapsed_ms(elapsed: std::time::Duration) -> u64 {
    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
}

/// How many warnings `build` and `serve` show in full, with the lines of
/// text around them and their help; each one after gets a line of its own.
/// A migrated archive can warn of thousands of links: in full, that is ten
/// lines each, and the first ones scroll out of sight. `check` shows all.
pub const WARNINGS_IN_FULL: usize = 20;

/// Prints diagnostics to standard error, all of them in full, the errors
/// last (`check`).
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    print_shortened(diagnostics, usize::MAX);
}

/// Prints diagnostics as `build` and `serve` do: every error and the first
/// [`WARNINGS_IN_FULL`] warnings in full, the other warnings on a line
/// each, then how to see them all.
pub fn print_build_diagnostics(diagnostics: &Diagnostics) {
    print_shortened(diagnostics, WARNINGS_IN_FULL);
}

/// Prints diagnostics to standard error, coloured when it is a terminal;
/// warnings after the first `in_full` on one line each, first; then the
/// warnings in full; then the errors, last, just above the summary.
///
/// Each is laid out on any free thread, and all are written at once.
fn print_shortened(diagnostics: &Diagnostics, in_full: usize) {
    use rayon::prelude::*;
    use std::io::Write;
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let warnings: Vec<&Diagnostic> = diagnostics.iter().filter(|d| !d.is_error()).collect();
    let (whole, brief) = warnings.split_at(in_full.min(warnings.len()));
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    let mut shown: Vec<String> = brief.par_iter().map(|d| d.render_brief()).collect();
    shown.par_extend(
        whole
            .par_iter()
            .chain(errors.par_iter())
            .map(|d| d.render_human(color)),
    );
    let mut out = std::io::BufWriter::new(std::io::stderr().lock());
    for text in shown {
        // Standard error that is gone (a closed pipe) has no one to tell.
        let _ = writeln!(out, "{text}");
    }
    if !brief.is_empty() {
        let brief = brief.len();
        let _ = writeln!(
            out,
            "{}",
            t!("diagnostics-brief", shown = in_full, brief = brief)
        );
    }
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        localized::localize(Cli::command()).debug_assert();
    }

    /// Every command and option has its help in both languages.
    #[test]
    fn every_help_text_is_in_both_languages() {
        let command = Cli::command();
        let mut wanted = vec!["cli-about".to_string()];
        for arg in command.get_arguments() {
            wanted.push(format!("cli-arg-{}", arg.get_id()));
        }
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            wanted.push(format!("cli-{name}"));
            for arg in sub.get_arguments() {
                let own = format!("cli-{name}-{}", arg.get_id());
                wanted.push(if i18n::has(&own) {
                    own
                } else {
                    format!("cli-arg-{}", arg.get_id())
                });
            }
        }
        for language in Language::ALL {
            for id in &wanted {
                assert_ne!(
                    i18n::text_in(language, id, &[]),
                    *id,
                    "{id} is missing in {}",
                    language.code()
                );
            }
        }
    }
}
