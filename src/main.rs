//! The `arkiv` binary: parse arguments, run the command, exit with its code.

use arkiv::cli::{Cli, Command};
use arkiv::i18n;

/// A build allocates and frees many short strings on several threads at once;
/// mimalloc's per-thread pages make that cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e` of
/// mimalloc.h; libmimalloc-sys gives it no name).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set(i18n::choose(&i18n::Sources::of_process(&args)));
    let cli = Cli::parse_localized();
    if matches!(cli.command, Command::Build(_) | Command::Check(_)) {
        keep_freed_memory();
        without_huge_pages();
    }
    cli.run()
}

/// Asks the kernel for memory in small pages from now on.
///
/// mimalloc asks for transparent huge pages for its arenas; the kernel then
/// zeroes two megabytes at the first touch of each, of which a build that
/// runs once uses a part before it exits. Zeroing fresh memory was a tenth
/// of a 10 000-page build's time, and a build peaked about 30 MiB higher.
/// A system that refuses leaves the pages as they were.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Tells mimalloc to keep memory that is freed instead of giving it back to
/// the system a second later, for a command that runs once and exits.
///
/// A 100 000-page build frees and allocates again about as much as it holds at
/// its peak; given back, every page of that comes back through a page fault
/// and is zeroed by the kernel, which took a fifth of such a build's time.
/// `serve` runs for hours, so it gives freed memory back as usual.
fn keep_freed_memory() {
    // SAFETY: called before any other thread exists; mimalloc reads the option
    // when it next purges.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}
