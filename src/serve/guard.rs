//! Who the preview answers: requests addressed to this server alone, so
//! another site's page can neither read it nor rebind its own name to it.

use axum::http::{HeaderMap, Uri, header};

/// Why a request must be refused, if it must: it names another server in an
/// absolute URL (`GET http://other/`, as sent to a proxy), or it has two
/// `Host` headers, which the checks that read one could each read differently.
pub fn misaddressed(uri: &Uri, headers: &HeaderMap, hosts: &[String]) -> Option<&'static str> {
    if headers.get_all(header::HOST).iter().nth(1).is_some() {
        return Some("a request may have only one Host header");
    }
    match uri.authority() {
        Some(authority) if !hosts.iter().any(|host| host == authority.as_str()) => {
            Some("this server answers only for its own address")
        }
        _ => None,
    }
}

/// True when `Host` is one of `hosts` (any, when `None`) and an `Origin`, if sent,
/// is the same host: other sites can neither listen in nor rebind their name to us.
pub fn is_own_request(hosts: Option<&[String]>, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let host_ok = hosts.is_none_or(|hosts| hosts.iter().any(|allowed| allowed == host));
    let origin_ok = match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        None => true,
        Some(origin) => origin == format!("http://{host}"),
    };
    host_ok && origin_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn absolute_urls_for_other_servers_and_a_second_host_are_refused() {
        let hosts = vec!["127.0.0.1:1111".to_string(), "localhost:1111".to_string()];
        let one_host = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_static(value));
            headers
        };
        let ours = one_host("127.0.0.1:1111");
        for fine in [
            "/",
            "/om/",
            "http://127.0.0.1:1111/om/",
            "http://localhost:1111/",
        ] {
            let uri: Uri = fine.parse().unwrap();
            assert_eq!(misaddressed(&uri, &ours, &hosts), None, "{fine}");
        }
        for other in [
            "http://evil.example/",
            "http://127.0.0.1:2222/",
            "http://127.0.0.1/",
            "http://me@127.0.0.1:1111/",
            "https://evil.example:1111/om/",
        ] {
            let uri: Uri = other.parse().unwrap();
            assert!(misaddressed(&uri, &ours, &hosts).is_some(), "{other}");
        }
        let uri: Uri = "/".parse().unwrap();
        for second in ["evil.example", "127.0.0.1:1111"] {
            let mut twice = ours.clone();
            twice.append(header::HOST, HeaderValue::from_static(second));
            assert!(misaddressed(&uri, &twice, &hosts).is_some(), "{second}");
        }
        assert_eq!(
            misaddressed(&uri, &one_host("evil.example"), &hosts),
            None,
            "one Host of another name is for the Host checks after this one"
        );
    }

    #[test]
    fn requests_must_name_this_server() {
        let hosts = vec!["127.0.0.1:1111".to_string(), "localhost:1111".to_string()];
        let hosts = Some(hosts.as_slice());
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:1111"));
        assert!(is_own_request(hosts, &headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!is_own_request(hosts, &headers), "another site's page");
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:1111"),
        );
        assert!(is_own_request(hosts, &headers));
        headers.insert(header::HOST, HeaderValue::from_static("evil.example:1111"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example:1111"),
        );
        assert!(
            !is_own_request(hosts, &headers),
            "a name rebound to loopback"
        );
        assert!(
            is_own_request(None, &headers),
            "on a LAN address, any same-origin name"
        );
    }
}
