//! Stage timings for benchmarks: with `SIGNPOST_TIMINGS=1` in the environment, `signpost build`
//! prints to stderr how long each stage of the pipeline took (wall and CPU time of all threads)
//! and the peak memory after each step. Without it every call here does nothing measurable.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The environment variable that turns the stage timings on.
pub(crate) const ENV: &str = "SIGNPOST_TIMINGS";

/// One stage's wall and CPU time, over all the steps counted to it.
struct Stage {
    name: &'static str,
    took: Duration,
    cpu: Duration,
}

/// The clock of the running build.
struct Clock {
    started: Instant,
    last: Instant,
    started_cpu: Duration,
    last_cpu: Duration,
    stages: Vec<Stage>,
    /// The peak memory (kibibytes) after each step, in order; steps of one stage in a row are one.
    peaks: Vec<(&'static str, u64)>,
}

static CLOCK: Mutex<Option<Clock>> = Mutex::new(None);

fn enabled() -> bool {
    std::env::var_os(ENV).is_some_and(|value| !value.is_empty() && value != "0")
}

/// Starts the clock (when timings are on), forgetting any earlier stages.
pub(crate) fn start() {
    if !enabled() {
        return;
    }
    let now = Instant::now();
    let cpu = cpu_time();
    if let Ok(mut clock) = CLOCK.lock() {
        *clock = Some(Clock {
            started: now,
            last: now,
            started_cpu: cpu,
            last_cpu: cpu,
            stages: Vec::new(),
            peaks: Vec::new(),
        });
    }
}

/// Ends the stage `name`: the time since the last mark (or the start) is counted to it.
pub(crate) fn mark(name: &'static str) {
    let Ok(mut clock) = CLOCK.lock() else { return };
    let Some(clock) = clock.as_mut() else { return };
    let now = Instant::now();
    let cpu_now = cpu_time();
    let took = now - clock.last;
    let cpu = cpu_now.saturating_sub(clock.last_cpu);
    clock.last = now;
    clock.last_cpu = cpu_now;
    match clock.stages.iter_mut().find(|stage| stage.name == name) {
        Some(stage) => {
            stage.took += took;
            stage.cpu += cpu;
        }
        None => clock.stages.push(Stage { name, took, cpu }),
    }
    if let Some(peak) = peak_memory_kib() {
        match clock.peaks.last_mut() {
            Some((last, kib)) if *last == name => *kib = peak,
            _ => clock.peaks.push((name, peak)),
        }
    }
}

/// Prints the stages counted since [`start`] to stderr and stops the clock.
pub(crate) fn finish() {
    let Ok(mut clock) = CLOCK.lock() else { return };
    let Some(clock) = clock.take() else { return };
    for stage in &clock.stages {
        eprintln!("{}", line(stage.name, stage.took, stage.cpu));
    }
    let total = line(
        "total",
        clock.last - clock.started,
        clock.last_cpu.saturating_sub(clock.started_cpu),
    );
    eprintln!("{total}");
    eprintln!("{}", peaks_line(&clock.peaks));
}

fn line(name: &str, took: Duration, cpu: Duration) -> String {
    format!(
        "timings: {name:<8} {:>8.3} s wall {:>8.3} s cpu",
        took.as_secs_f64(),
        cpu.as_secs_f64()
    )
}

fn peaks_line(peaks: &[(&str, u64)]) -> String {
    let steps: Vec<String> = peaks
        .iter()
        .map(|(name, kib)| format!("{name} {:.0}", *kib as f64 / 1024.0))
        .collect();
    format!("timings: peak MiB after {}", steps.join(", "))
}

/// The CPU time (user and system) of the whole process so far.
#[cfg(unix)]
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return Duration::ZERO;
    }
    let of = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    of(usage.ru_utime) + of(usage.ru_stime)
}

/// The CPU time is not measured here.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    Duration::ZERO
}

/// The process's peak resident memory so far (`VmHWM`), on Linux.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_the_stage_and_its_seconds() {
        let text = line("render", Duration::from_millis(1500), Duration::from_millis(2250));
        assert_eq!(text, "timings: render      1.500 s wall    2.250 s cpu");
        assert_eq!(
            peaks_line(&[("load", 2048), ("check", 3072)]),
            "timings: peak MiB after load 2, check 3"
        );
    }

    #[cfg(unix)]
    #[test]
    fn cpu_time_grows() {
        let before = cpu_time();
        let mut x = 0u64;
        for i in 0..5_000_000u64 {
            x = x.wrapping_mul(31).wrapping_add(i);
        }
        assert!(x != 1);
        assert!(cpu_time() > before);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn peak_memory_is_read_on_linux() {
        assert!(peak_memory_kib().is_some_and(|kib| kib > 0));
    }
}
