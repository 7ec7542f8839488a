//! Which `Host` headers the preview answers. A page on another web site can point its own domain
//! name at 127.0.0.1 ("DNS rebinding") and then read the preview, drafts and findings included;
//! its requests carry that domain name, so the preview answers only names it knows.

use std::net::IpAddr;

/// The host names and addresses the preview answers to.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    /// Lower-case names and addresses (IPv6 without brackets), compared without the port.
    names: Vec<String>,
    /// The preview listens on every address (`0.0.0.0` or `::`): any IP address is accepted.
    any_address: bool,
}

impl AllowedHosts {
    /// Loopback names (`localhost`, `127.0.0.1`, `::1`), the address the preview listens on, and
    /// `extra` names (from `--allow-host`). When `bind` is `0.0.0.0` or `::`, every IP address is
    /// accepted too (an address cannot be rebound the way a name can), but names only from `extra`.
    pub fn new(bind: IpAddr, extra: &[String]) -> AllowedHosts {
        let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string(), "::1".to_string()];
        if !bind.is_unspecified() {
            names.push(bind.to_string());
        }
        names.extend(extra.iter().map(|name| normalise(name)));
        names.sort();
        names.dedup();
        AllowedHosts {
            names,
            any_address: bind.is_unspecified(),
        }
    }

    /// True when a request with this `Host` header (with or without a port) may be answered.
    pub fn allows(&self, host: &str) -> bool {
        let Some(name) = host_name(host) else { return false };
        let name = normalise(name);
        if self.names.contains(&name) {
            return true;
        }
        self.any_address && name.parse::<IpAddr>().is_ok()
    }
}

/// The name part of a `Host` header: `[::1]:8000` is `::1`, `localhost:8000` is `localhost`.
/// `None` for a malformed header.
fn host_name(host: &str) -> Option<&str> {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        return (after.is_empty() || port_ok(after.strip_prefix(':')?)).then_some(inside);
    }
    match host.split_once(':') {
        Some((name, port)) if port_ok(port) => Some(name),
        Some(_) => None,
        None => Some(host),
    }
    .filter(|name| !name.is_empty())
}

fn port_ok(port: &str) -> bool {
    port.parse::<u16>().is_ok()
}

/// Lower case, without a final dot (`localhost.` is `localhost`) or IPv6 brackets.
fn normalise(name: &str) -> String {
    let name = name.trim().trim_start_matches('[').trim_end_matches(']');
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    #[test]
    fn loopback_names_are_answered_and_other_names_are_not() {
        let hosts = AllowedHosts::new(IpAddr::V4(Ipv4Addr::LOCALHOST), &[]);
        for good in [
            "localhost",
            "localhost:8000",
            "LOCALHOST.:8000",
            "127.0.0.1:1",
            "[::1]:8000",
            "[::1]",
        ] {
            assert!(hosts.allows(good), "{good}");
        }
        for bad in [
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "10.0.0.5:8000",
            "",
            "localhost:notaport",
            "[::1",
            "::1",
        ] {
            assert!(!hosts.allows(bad), "{bad}");
        }
    }

    #[test]
    fn a_network_address_and_named_hosts_are_answered_when_asked_for() {
        let hosts = AllowedHosts::new(IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20)), &["Preview.Council.Example".to_string()]);
        assert!(hosts.allows("192.168.1.20:8000"));
        assert!(hosts.allows("preview.council.example:8000"));
        assert!(hosts.allows("localhost:8000"));
        assert!(!hosts.allows("192.168.1.21:8000"));
        assert!(!hosts.allows("evil.example"));

        let everywhere = AllowedHosts::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), &[]);
        assert!(everywhere.allows("192.168.1.21:8000"));
        assert!(everywhere.allows("[fe80::1]:8000"));
        assert!(!everywhere.allows("evil.example:8000"));
    }
}
