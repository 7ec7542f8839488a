//! Checks many links at once on a few threads, never more than `per_host` at a time on one
//! website (partner sites are often small and easily overloaded).

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex};

/// Work not started yet, and the links in progress on each host.
struct Queue {
    waiting: VecDeque<String>,
    busy: BTreeMap<String, usize>,
}

impl Queue {
    /// Takes the first waiting address whose host has room, marking its host busy.
    fn take(&mut self, per_host: usize) -> Option<String> {
        let at = self
            .waiting
            .iter()
            .position(|url| self.busy.get(host(url)).copied().unwrap_or(0) < per_host)?;
        let url = self.waiting.remove(at)?;
        *self.busy.entry(host(&url).to_string()).or_default() += 1;
        Some(url)
    }

    fn done(&mut self, url: &str) {
        if let Some(count) = self.busy.get_mut(host(url)) {
            *count = count.saturating_sub(1);
        }
    }
}

/// The host (and port) of an address, lowercased comparison aside.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// Runs `check` on every address in `urls` with at most `threads` at once and at most `per_host`
/// on one host; the results come back in the order of `urls`.
pub fn run_all<T: Send>(urls: &[String], threads: usize, per_host: usize, check: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let per_host = per_host.max(1);
    let threads = threads.clamp(1, 64).min(urls.len().max(1));
    let queue = Mutex::new(Queue {
        waiting: urls.iter().cloned().collect(),
        busy: BTreeMap::new(),
    });
    let changed = Condvar::new();
    let results = Mutex::new(BTreeMap::<String, T>::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let url = {
                        let Ok(mut guard) = queue.lock() else { return };
                        loop {
                            if let Some(url) = guard.take(per_host) {
                                break url;
                            }
                            if guard.waiting.is_empty() {
                                return;
                            }
                            guard = match changed.wait(guard) {
                                Ok(guard) => guard,
                                Err(_) => return,
                            };
                        }
                    };
                    let result = check(&url);
                    if let Ok(mut results) = results.lock() {
                        results.insert(url.clone(), result);
                    }
                    if let Ok(mut guard) = queue.lock() {
                        guard.done(&url);
                    }
                    changed.notify_all();
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    urls.iter().filter_map(|url| results.remove(url)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn no_host_gets_more_than_its_share_at_once() {
        let urls: Vec<String> = (0..12)
            .map(|i| format!("https://{}.example/{i}", if i % 3 == 0 { "small" } else { "big" }))
            .collect();
        let small_now = AtomicUsize::new(0);
        let small_most = AtomicUsize::new(0);
        let results = run_all(&urls, 6, 2, |url| {
            if url.contains("small") {
                let now = small_now.fetch_add(1, Ordering::SeqCst) + 1;
                small_most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(30));
                small_now.fetch_sub(1, Ordering::SeqCst);
            }
            url.len()
        });
        assert_eq!(results, urls.iter().map(String::len).collect::<Vec<_>>());
        assert!(small_most.load(Ordering::SeqCst) <= 2);
        assert_eq!(host("http://127.0.0.1:8080/x?y"), "127.0.0.1:8080");
    }
}
