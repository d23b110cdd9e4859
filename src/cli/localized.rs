//! The command line in the writer's language: `--help` and the mistakes
//! made on it, with texts from the message files.
//!
//! In: the command clap derives from `Cli`. Out: the same command with each
//! command's and option's help, the headings and the usage line in this
//! run's language, and clap's errors said in it too. The help of a command
//! `c`'s option `o` is message `cli-c-o`, or `cli-arg-o` when every command
//! says the same of it; a command's is `cli-c`.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n;

/// `command` with its texts in this run's language.
pub fn localize(command: Command) -> Command {
    let name = command.get_name().to_string();
    localize_command(command, &name, None)
}

fn localize_command(mut command: Command, program: &str, parent: Option<&str>) -> Command {
    let name = command.get_name().to_string();
    let key = if parent.is_some() { name.as_str() } else { "" };
    let about = if key.is_empty() {
        i18n::text("cli-about", &[])
    } else {
        i18n::text(&format!("cli-{key}"), &[])
    };
    let heading = |positional: bool| {
        if positional {
            i18n::text("cli-arguments", &[])
        } else {
            i18n::text("cli-options", &[])
        }
    };
    command = command
        .about(about)
        .long_about(None)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(i18n::text("cli-arg-help", &[]))
                .help_heading(heading(false)),
        )
        .subcommand_help_heading(i18n::text("cli-commands", &[]))
        .subcommand_value_name(i18n::text("cli-command-value", &[]));
    if parent.is_none() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(i18n::text("cli-arg-version", &[]))
                .help_heading(heading(false)),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in &ids {
        let help = arg_help(key, id);
        command = command.mut_arg(id, |arg| {
            let positional = arg.is_positional();
            // Defaults and possible values are in the help text, in words.
            let takes_values = arg.get_action().takes_values();
            let arg = arg
                .help(help)
                .long_help(None)
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values)
                .help_heading(heading(positional));
            match value_name(id) {
                Some(value) => arg.value_name(value),
                None => arg,
            }
        });
    }
    let path = match parent {
        Some(parent) => format!("{parent} {name}"),
        None => program.to_string(),
    };
    let usage = usage(&command, &path);
    command = command.override_usage(usage).help_template(format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        i18n::text("cli-usage", &[])
    ));
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subcommands {
        let path = path.clone();
        command = command.mut_subcommand(&sub, |c| localize_command(c, program, Some(&path)));
    }
    command
}

/// The message of option `id` of command `key` (empty for the program).
fn arg_help(key: &str, id: &str) -> String {
    let own = format!("cli-{key}-{id}");
    if !key.is_empty() && i18n::has(&own) {
        i18n::text(&own, &[])
    } else {
        i18n::text(&format!("cli-arg-{id}"), &[])
    }
}

/// The placeholder shown for an option's value, where it is a word.
fn value_name(id: &str) -> Option<String> {
    let message = match id {
        "root" | "output" => "cli-value-dir",
        "section" => "cli-value-section",
        "title" => "cli-value-title",
        "messages" | "language" => "cli-value-language",
        "bind" => "cli-value-address",
        _ => return None,
    };
    Some(i18n::text(message, &[]))
}

/// `arkiv build [FLAGGOR]`, `arkiv new [FLAGGOR] <AVDELNING> <RUBRIK>`,
/// `arkiv [FLAGGOR] <KOMMANDO>`.
fn usage(command: &Command, path: &str) -> String {
    let mut usage = format!("{path} [{}]", i18n::text("cli-options-value", &[]));
    for arg in command.get_positionals() {
        let name = value_name(arg.get_id().as_str())
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
        usage.push_str(&format!(" <{name}>"));
    }
    if command.has_subcommands() {
        usage.push_str(&format!(" <{}>", i18n::text("cli-command-value", &[])));
    }
    usage
}

/// What clap found wrong with the command line, in this run's language,
/// with the usage line and where to read more; help and version as clap
/// prints them.
pub fn error_text(error: &clap::Error, program: &str) -> Option<String> {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(list)) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let (message, hint) = match error.kind() {
        ErrorKind::UnknownArgument => (
            t!("cli-unknown-argument", argument = &argument),
            suggestion(&context(ContextKind::SuggestedArg)),
        ),
        ErrorKind::InvalidSubcommand => (
            t!(
                "cli-unknown-command",
                command = context(ContextKind::InvalidSubcommand)
            ),
            suggestion(&context(ContextKind::SuggestedSubcommand))
                .or_else(|| Some(t!("cli-commands-are"))),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
            (t!("cli-no-value", argument = &argument), None)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = context(ContextKind::ValidValue);
            (
                t!("cli-invalid-value", value = &value, argument = &argument),
                (!valid.is_empty()).then(|| t!("cli-possible-values", values = &valid)),
            )
        }
        ErrorKind::MissingRequiredArgument => {
            (t!("cli-missing-arguments", arguments = &argument), None)
        }
        ErrorKind::TooManyValues => (t!("cli-unexpected-value", value = &value), None),
        _ => {
            let detail = error.kind().as_str().unwrap_or("?").to_string();
            (t!("cli-other-error", detail = detail), None)
        }
    };
    let mut out = format!("{}: {message}\n", t!("cli-error"));
    if let Some(hint) = hint {
        out.push_str(&format!("\n  {}: {hint}\n", t!("cli-hint")));
    }
    let usage = context(ContextKind::Usage);
    let usage = usage.trim();
    if !usage.is_empty() {
        // clap's usage line opens with its own English word; ours replaces it.
        let line = usage.split_once(':').map_or(usage, |(_, rest)| rest.trim());
        out.push_str(&format!("\n{}: {line}\n", t!("cli-usage")));
    }
    out.push_str(&format!("\n{}\n", t!("cli-more-help", command = program)));
    Some(out)
}

fn suggestion(suggested: &str) -> Option<String> {
    let suggested = suggested.trim();
    (!suggested.is_empty()).then(|| t!("did-you-mean", suggestion = suggested))
}
