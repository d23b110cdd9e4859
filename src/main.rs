//! The `arkiv` binary: parse arguments, run the command, exit with its code.

use clap::Parser;

/// A build allocates and frees many short strings on several threads at once;
/// mimalloc's per-thread pages make that cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    arkiv::cli::Cli::parse().run()
}
