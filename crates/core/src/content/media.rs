//! Where media may come from: `https://` origins on the page's allow-list, the page's own host,
//! or `data:` URIs of the part's media type. Anything else is refused with a reason to show.
//!
//! Two checks: [`check_url`] when a task file is read (the scheme and form, whatever the page),
//! and [`media_source`] when an item is shown (the origin against the page's allow-list, which
//! the page's Content-Security-Policy mirrors: see [`csp_media_sources`]).

use super::MediaKind;

/// Why a media URL is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The scheme is not https (nor `data:`, nor a path on this host).
    Scheme {
        /// The scheme found (`http`, `javascript`, `ftp`, …).
        scheme: String,
    },
    /// A `data:` URI whose media type does not match the part.
    DataType {
        /// The part's kind.
        kind: MediaKind,
        /// The media type found.
        found: String,
    },
    /// An https URL without a host, or with spaces or other characters a URL cannot hold.
    Malformed,
    /// The origin is not on the page's allow-list.
    Origin {
        /// The origin (`https://host[:port]`).
        origin: String,
    },
}

impl Refusal {
    /// The refusal as a problem of a task file (worded by the problem catalogs).
    pub fn detail(&self) -> crate::problem::Detail {
        use crate::problem::Detail;
        match self {
            Refusal::Scheme { scheme } => Detail::UrlScheme { scheme: scheme.clone() },
            Refusal::DataType { kind, found } => Detail::UrlDataType { kind: kind.name().to_owned(), found: found.clone() },
            Refusal::Malformed => Detail::UrlMalformed,
            Refusal::Origin { origin } => Detail::UrlOrigin { origin: origin.clone() },
        }
    }
}

/// A media URL that may be shown, and how it was allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// An https URL from an allowed origin.
    Allowed,
    /// A path on the page's own host.
    SameHost,
    /// A `data:` URI.
    Data,
}

/// Checks a URL's form, independent of any page: `https://host/…`, a path on this host
/// (`/media/a.png`, `media/a.png`; not `//host`), or `data:<kind>/…`.
pub fn check_url(url: &str, kind: MediaKind) -> Result<Source, Refusal> {
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return Err(Refusal::Malformed);
    }
    match scheme_of(url) {
        Some(scheme) if scheme.eq_ignore_ascii_case("data") => {
            let media_type = url[5..].split([';', ',']).next().unwrap_or("").to_ascii_lowercase();
            if media_type.split('/').next() == Some(kind.name()) && media_type.split('/').nth(1).is_some_and(|sub| !sub.is_empty()) {
                Ok(Source::Data)
            } else {
                Err(Refusal::DataType { kind, found: media_type })
            }
        }
        Some(scheme) if scheme.eq_ignore_ascii_case("https") => match origin_of(url) {
            Some(_) => Ok(Source::Allowed),
            None => Err(Refusal::Malformed),
        },
        Some(scheme) => Err(Refusal::Scheme { scheme: scheme.to_ascii_lowercase() }),
        None if url.starts_with("//") => Err(Refusal::Malformed),
        None => Ok(Source::SameHost),
    }
}

/// Decides whether a media URL may be shown on a page whose allow-list is `media_origins`
/// (`https://host[:port]` each, compared without case).
pub fn media_source(url: &str, kind: MediaKind, media_origins: &[String]) -> Result<Source, Refusal> {
    match check_url(url, kind)? {
        Source::Allowed => {
            let origin = origin_of(url).ok_or(Refusal::Malformed)?;
            if media_origins.iter().any(|allowed| allowed.eq_ignore_ascii_case(&origin)) {
                Ok(Source::Allowed)
            } else {
                Err(Refusal::Origin { origin })
            }
        }
        other => Ok(other),
    }
}

/// The sources a page's `img-src` and `media-src` directives must list for `media_origins`:
/// `'self' data:` and each origin, e.g. `'self' data: https://cdn.example`.
pub fn csp_media_sources(media_origins: &[String]) -> String {
    let mut sources = String::from("'self' data:");
    for origin in media_origins {
        sources.push(' ');
        sources.push_str(origin);
    }
    sources
}

/// The scheme of an absolute URL (`https` of `https://…`), `None` for a relative one.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let first_slash = url.find('/').unwrap_or(usize::MAX);
    let valid = !scheme.is_empty()
        && colon < first_slash
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// `https://host[:port]` of an https URL, lower-cased; `None` without a host.
fn origin_of(url: &str) -> Option<String> {
    let rest = &url["https://".len().min(url.len())..];
    if !url.get(..8)?.eq_ignore_ascii_case("https://") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    // user:password@ before the host would make the shown origin lie.
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some(format!("https://{}", authority.to_ascii_lowercase()))
}

/// Checks an allow-list entry: `https://host[:port]`, nothing after the authority.
pub fn is_media_origin(text: &str) -> bool {
    origin_of(text).is_some_and(|origin| origin.eq_ignore_ascii_case(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_forms() {
        use MediaKind::*;
        let table: &[(&str, MediaKind, Result<Source, &str>)] = &[
            ("https://cdn.example/a.png", Image, Ok(Source::Allowed)),
            ("HTTPS://CDN.example/a.png", Image, Ok(Source::Allowed)),
            ("/media/a.png", Image, Ok(Source::SameHost)),
            ("media/a.png?x=1", Video, Ok(Source::SameHost)),
            ("data:image/png;base64,AAAA", Image, Ok(Source::Data)),
            ("data:video/webm;base64,AAAA", Video, Ok(Source::Data)),
            ("http://cdn.example/a.png", Image, Err("http: URLs are not allowed: use https://, a path on this host, or a data: URI")),
            ("javascript:alert(1)", Image, Err("javascript: URLs are not allowed: use https://, a path on this host, or a data: URI")),
            ("data:text/html,<b>", Image, Err("a data: URI for an image part must be image/…, found \"text/html\"")),
            ("data:image/,x", Image, Err("a data: URI for an image part must be image/…, found \"image/\"")),
            ("//cdn.example/a.png", Image, Err("not a well-formed URL")),
            ("https://", Image, Err("not a well-formed URL")),
            ("https://user@cdn.example/a.png", Image, Err("not a well-formed URL")),
            ("/a b.png", Image, Err("not a well-formed URL")),
            ("", Audio, Err("not a well-formed URL")),
        ];
        for (url, kind, expected) in table {
            let got = check_url(url, *kind).map_err(|r| crate::problem::detail_in_english(&r.detail()));
            assert_eq!(got, expected.clone().map_err(str::to_owned), "{url}");
        }
    }

    #[test]
    fn the_allow_list_decides_https_origins_only() {
        let allowed = vec!["https://cdn.example".to_owned(), "https://media.example:8443".to_owned()];
        assert_eq!(media_source("https://cdn.example/a.png", MediaKind::Image, &allowed), Ok(Source::Allowed));
        assert_eq!(media_source("https://media.example:8443/v.webm", MediaKind::Video, &allowed), Ok(Source::Allowed));
        assert_eq!(
            crate::problem::detail_in_english(
                &media_source("https://media.example/v.webm", MediaKind::Video, &allowed).unwrap_err().detail()
            ),
            "https://media.example is not on this page's list of media origins (media_origins)"
        );
        assert_eq!(
            media_source("https://evil.example/a.png", MediaKind::Image, &[]).unwrap_err(),
            Refusal::Origin { origin: "https://evil.example".into() }
        );
        assert_eq!(media_source("/a.png", MediaKind::Image, &[]), Ok(Source::SameHost));
        assert_eq!(media_source("data:image/gif;base64,R0lGOD", MediaKind::Image, &[]), Ok(Source::Data));
        assert_eq!(csp_media_sources(&allowed), "'self' data: https://cdn.example https://media.example:8443");
        assert!(is_media_origin("https://cdn.example"));
        assert!(!is_media_origin("https://cdn.example/"));
        assert!(!is_media_origin("http://cdn.example"));
    }
}
