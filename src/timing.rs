//! How long each stage took, for profiling: printed when `ARKIV_TIMINGS` is
//! set; and freeing what is slow to free off the build's path.

use std::time::Instant;

/// Prints how long each stage took, and the memory in use after it, when
/// `ARKIV_TIMINGS` is set.
pub struct Stopwatch {
    last: Option<Instant>,
}

impl Stopwatch {
    /// A stopwatch that runs when `ARKIV_TIMINGS` is set.
    pub fn from_env() -> Self {
        Stopwatch {
            last: std::env::var_os("ARKIV_TIMINGS").map(|_| Instant::now()),
        }
    }

    /// Prints the time since the last lap as `stage`'s.
    pub fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last.as_mut() {
            eprintln!(
                "{stage:>10}: {:>7.1} ms{}",
                last.elapsed().as_secs_f64() * 1000.0,
                resident_mib().map_or_else(String::new, |mib| format!(", {mib} MiB resident"))
            );
            *last = Instant::now();
        }
    }
}

/// This process's resident memory, where the system tells it (`/proc`).
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// Frees `value` on a thread of its own, so that the caller goes on at
/// once: what a build made of a large site takes a tenth of a second to
/// free, on one thread, after the work is done. A command that exits first
/// leaves it to the system.
pub fn free_aside<T: Send + 'static>(value: T) {
    // Without a thread (the system refused one), `value` is freed here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
