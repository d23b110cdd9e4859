//! A video's address → where to play it without tracking: YouTube through
//! `youtube-nocookie.com`, Vimeo with `dnt=1`.

use serde::Serialize;

/// A video a page embeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Video {
    /// "YouTube" or "Vimeo".
    pub provider: &'static str,
    /// The video's id at the provider.
    pub id: String,
    /// The player's address, loaded only when the reader asks for it.
    pub embed: String,
    /// The video's own page at the provider, for a plain link.
    pub url: String,
}

/// The video at `url`, if it is a YouTube or Vimeo video's address.
pub fn parse(url: &str) -> Option<Video> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.split('#').next().unwrap_or_default();
    match host {
        "youtube.com" | "youtube-nocookie.com" => {
            let id = match path.split_once('/') {
                Some(("embed" | "shorts" | "live" | "v", id)) => id.to_string(),
                None if path == "watch" => query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix("v="))?
                    .to_string(),
                _ => return None,
            };
            youtube(id)
        }
        "youtu.be" => youtube(path.to_string()),
        "vimeo.com" | "player.vimeo.com" => {
            let id = path.strip_prefix("video/").unwrap_or(path);
            let id = id.split('/').next().unwrap_or_default();
            (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| Video {
                provider: "Vimeo",
                embed: format!("https://player.vimeo.com/video/{id}?dnt=1&autoplay=1"),
                url: format!("https://vimeo.com/{id}"),
                id: id.to_string(),
            })
        }
        _ => None,
    }
}

fn youtube(id: String) -> Option<Video> {
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then(|| Video {
        provider: "YouTube",
        embed: format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
        url: format!("https://www.youtube.com/watch?v={id}"),
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn youtube_addresses_play_without_cookies() {
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?t=10",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://m.youtube.com/shorts/dQw4w9WgXcQ",
        ] {
            let video = parse(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(video.provider, "YouTube");
            assert_eq!(
                video.embed,
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
            );
        }
    }

    #[test]
    fn vimeo_addresses_play_without_tracking() {
        let video = parse("https://vimeo.com/76979871").unwrap();
        assert_eq!(video.provider, "Vimeo");
        assert_eq!(
            video.embed,
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
        );
    }

    #[test]
    fn other_addresses_are_not_videos() {
        for url in [
            "https://example.org/film.mp4",
            "https://www.youtube.com/watch?v=kort",
            "https://youtu.be/\"><script>",
            "https://vimeo.com/kanal/abc",
            "youtube.com/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(parse(url), None, "{url}");
        }
    }
}
