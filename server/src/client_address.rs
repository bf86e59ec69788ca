//! Which address a request came from. Behind a reverse proxy every connection comes from
//! the proxy, so throttling by the connecting address would treat everyone as one client.
//! The proxy's `X-Forwarded-For` is believed only when the connection comes from a proxy the
//! operator listed in `trusted_proxies`; anyone else could write any address into it.

use ipnet::IpNet;
use std::net::IpAddr;

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// From the `trusted_proxies` setting: addresses (`10.0.0.5`, `::1`) or networks
    /// (`10.0.0.0/8`).
    pub fn parse(entries: &[String]) -> anyhow::Result<TrustedProxies> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.trim();
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        anyhow::anyhow!(
                            "invalid trusted_proxies entry {entry:?}: expected an IP address \
                             such as 10.0.0.5 or a network such as 10.0.0.0/8"
                        )
                    })
            })
            .collect::<anyhow::Result<Vec<_>>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the connecting address, unless it is a trusted proxy; then the
    /// rightmost address in `X-Forwarded-For` that is not itself a trusted proxy (each
    /// proxy appends the address it saw, so everything left of that could be forged).
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<IpAddr> = forwarded_for
            .iter()
            .flat_map(|header| header.split(','))
            .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
            .collect();
        hops.into_iter()
            .rev()
            .find(|hop| !self.trusts(*hop))
            .unwrap_or(peer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("203.0.113.7"), &["198.51.100.1"]),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_address_it_saw() {
        let proxies = TrustedProxies::parse(&["10.0.0.0/8".into(), "::1".into()]).unwrap();
        assert_eq!(
            proxies.client(ip("10.0.0.2"), &["198.51.100.1, 203.0.113.9"]),
            ip("203.0.113.9")
        );
        // A forged first hop changes nothing: the proxy appended what it saw.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), &["1.2.3.4", "203.0.113.9, 10.0.0.3"]),
            ip("203.0.113.9")
        );
        assert_eq!(proxies.client(ip("::1"), &[]), ip("::1"));
    }

    #[test]
    fn a_connection_from_elsewhere_cannot_claim_an_address() {
        let proxies = TrustedProxies::parse(&["10.0.0.1".into()]).unwrap();
        assert_eq!(
            proxies.client(ip("203.0.113.7"), &["10.9.9.9"]),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_bad_entry_is_refused_by_name() {
        let error = TrustedProxies::parse(&["10.0.0.300".into()]).unwrap_err();
        assert!(error.to_string().contains("trusted_proxies"));
    }
}
