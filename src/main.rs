//! The `arkiv` binary: parse arguments, run the command, exit with its code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    arkiv::cli::Cli::parse().run()
}
