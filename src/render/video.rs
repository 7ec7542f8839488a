//! Video in Markdown: a fenced block with the info string `video` and `key: value` lines.
//!
//! ````markdown
//! ```video
//! title: What is the Local Offer?
//! file: /assets/local-offer.webm
//! captions: /assets/local-offer.vtt
//! transcript: "#transcript"
//! ```
//! ````
//!
//! A self-hosted file becomes a `<video>` with native controls and a captions `<track>`; a
//! YouTube or Vimeo video becomes a click-to-load placeholder with a thumbnail stored in the site,
//! so nothing is fetched from the video host until the family presses play (the theme's
//! `video.js` then swaps in the privacy-enhanced embed). Captions and a transcript are required.

pub mod webvtt;

use super::url_safety::check_url;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::Serialize;

/// The keys a video block may have.
pub const KEYS: &[&str] = &[
    "title",
    "file",
    "youtube",
    "vimeo",
    "captions",
    "captions_language",
    "captions_label",
    "transcript",
    "thumbnail",
    "description",
];

/// Where the video plays from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VideoSource {
    /// A file in the site's `assets` folder.
    File(String),
    /// A YouTube video id (11 characters).
    YouTube(String),
    /// A Vimeo video number.
    Vimeo(String),
}

/// One video block, checked and ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoBlock {
    /// 1-based line of the opening fence in the file.
    pub line: usize,
    /// 1-based column of the opening fence.
    pub column: usize,
    /// The title (also the `<iframe title>` after play).
    pub title: String,
    /// Where it plays from.
    pub source: VideoSource,
    /// Address of the WebVTT captions file.
    pub captions: String,
    /// Language of the captions (`en` unless given).
    pub captions_language: String,
    /// Label of the captions track, if the author gave one.
    pub captions_label: Option<String>,
    /// A link to the transcript (`#transcript`, `/page/`), or the transcript itself.
    pub transcript: Transcript,
    /// Address of the thumbnail (poster) stored in the site.
    pub thumbnail: Option<String>,
    /// A text alternative: what the video shows, for people who cannot play it.
    pub description: Option<String>,
}

/// The transcript of a video.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transcript {
    /// A link to it, on this page (`#transcript`) or another.
    Link(String),
    /// The words themselves, shown under the video.
    Text(String),
}

/// One `key: value` of the block with where it was written.
struct Entry {
    key: String,
    value: String,
    line: usize,
    column: usize,
}

/// Reads the `key: value` lines of a block (`body`), whose first line is line `first_line` of
/// the file, indented by `indent` columns. A line that starts with spaces continues the value
/// above it.
fn entries(body: &str, first_line: usize, indent: usize, file: &str, problems: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let mut found: Vec<Entry> = Vec::new();
    for (n, raw) in body.lines().enumerate() {
        let line = first_line + n;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            if raw.trim().is_empty()
                && let Some(last) = found.last_mut()
                && !last.value.is_empty()
            {
                last.value.push('\n');
            }
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        if lead > 0
            && let Some(last) = found.last_mut()
        {
            if !last.value.is_empty() && !last.value.ends_with('\n') {
                last.value.push(' ');
            }
            last.value.push_str(raw.trim());
            continue;
        }
        match raw.split_once(':') {
            Some((key, value)) if !key.trim().is_empty() && !key.contains(' ') => {
                let value = value.trim();
                let value = if value == "|" || value == ">" { "" } else { value };
                found.push(Entry {
                    key: key.trim().to_string(),
                    value: unquoted(value).to_string(),
                    line,
                    column: indent + lead + 1,
                });
            }
            _ => problems.push(
                Diagnostic::error(
                    file,
                    line,
                    indent + lead + 1,
                    Rule::VIDEO,
                    "This line of the video block is not `name: value`",
                )
                .with_suggestion("Write one setting a line, for example `captions: /assets/my-video.vtt`."),
            ),
        }
    }
    for entry in &mut found {
        entry.value = entry.value.trim().to_string();
    }
    found
}

fn unquoted(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

/// Reads a video block. `at` is the (line, column) of the opening fence; the block's first
/// `key: value` line is the line after it. Every problem is an error at its line.
pub fn parse(body: &str, file: &str, at: (usize, usize), indent: usize, schemes: &[String]) -> Result<VideoBlock, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let found = entries(body, at.0 + 1, indent, file, &mut problems);
    let error = |line: usize, column: usize, message: String, fix: &str| {
        Diagnostic::error(file, line, column, Rule::VIDEO, message).with_suggestion(fix)
    };
    let value =
        |key: &str| -> Option<(String, usize, usize)> { found.iter().find(|e| e.key == key).map(|e| (e.value.clone(), e.line, e.column)) };
    let mut seen = std::collections::BTreeSet::new();
    for entry in &found {
        if !KEYS.contains(&entry.key.as_str()) {
            let fix = match crate::suggest::closest(&entry.key, KEYS.iter().copied()) {
                Some(best) => format!("Did you mean `{best}`? Check the spelling, or remove the line."),
                None => format!(
                    "Remove the line, or check the spelling. A video block can have: {}.",
                    KEYS.join(", ")
                ),
            };
            problems.push(error(
                entry.line,
                entry.column,
                format!("`{}` is not a setting of a video", entry.key),
                &fix,
            ));
        } else if !seen.insert(entry.key.as_str()) {
            problems.push(error(
                entry.line,
                entry.column,
                format!("`{}` is given twice in this video", entry.key),
                "Keep one of the two lines.",
            ));
        }
    }
    let missing = |what: &str, why: &str, fix: &str| {
        Diagnostic::error(file, at.0, at.1, Rule::VIDEO, format!("This video has no {what}: {why}")).with_suggestion(fix)
    };

    let title = match value("title") {
        Some((title, ..)) if !title.is_empty() => title,
        _ => {
            problems.push(missing(
                "title",
                "the title tells people what the video is before they play it",
                "Add a line `title: What the video is about`.",
            ));
            String::new()
        }
    };
    let sources: Vec<(String, String, usize, usize)> = ["file", "youtube", "vimeo"]
        .iter()
        .filter_map(|key| value(key).map(|(v, line, column)| (key.to_string(), v, line, column)))
        .collect();
    let source = match sources.as_slice() {
        [] => {
            problems.push(missing(
                "file",
                "say where the video plays from",
                "Add `file: /assets/my-video.webm` for a video stored in the site, or `youtube:` or `vimeo:` with the video's address.",
            ));
            None
        }
        [(key, v, line, column)] => source_of(key, v, (*line, *column), file, schemes, &mut problems),
        [_, (key, _, line, column), ..] => {
            problems.push(error(
                *line,
                *column,
                format!("This video has more than one source (`{key}` as well as `{}`)", sources[0].0),
                "Keep one of `file`, `youtube` or `vimeo`.",
            ));
            None
        }
    };
    let mut asset = |key: &str, kinds: &[&str]| -> Option<String> {
        let (address, line, column) = value(key)?;
        let lower = address.to_ascii_lowercase();
        if !address.starts_with("/assets/") || check_url(&address, schemes).is_err() {
            problems.push(error(
                line,
                column,
                format!("The {key} address `{address}` is not a file in the site's `assets` folder"),
                &format!(
                    "Put the file in the `assets` folder and write its address, for example `{key}: /assets/my-video.{}`.",
                    kinds[0]
                ),
            ));
            return None;
        }
        if !kinds.iter().any(|kind| lower.ends_with(&format!(".{kind}"))) {
            problems.push(error(
                line,
                column,
                format!(
                    "The {key} file `{address}` is not one of the kinds a browser can use here ({})",
                    kinds.join(", ")
                ),
                "Convert it, for example with a free tool such as ffmpeg, and use the new file.",
            ));
            return None;
        }
        Some(address)
    };
    let captions = asset("captions", &["vtt"]);
    let thumbnail = asset("thumbnail", &["jpg", "jpeg", "png", "webp", "avif", "svg", "gif"]);
    if captions.is_none() && value("captions").is_none() {
        problems.push(missing(
            "captions",
            "people who are deaf or hard of hearing, and anyone watching with the sound off, need them",
            "Write a WebVTT captions file, put it in the `assets` folder and add a line `captions: /assets/my-video.vtt`.",
        ));
    }
    let transcript = match value("transcript") {
        Some((text, line, column)) if looks_like_link(&text) => match check_url(&text, schemes) {
            Ok(()) => Some(Transcript::Link(text)),
            Err(problem) => {
                problems.push(error(
                    line,
                    column,
                    format!("The transcript link `{text}` is not allowed: {}", problem.explain(schemes)),
                    &problem.fix(),
                ));
                None
            }
        },
        Some((text, ..)) if !text.is_empty() => Some(Transcript::Text(text)),
        _ => {
            problems.push(missing(
                "transcript",
                "a transcript lets people read what is said and shown, at their own pace, or with a screen reader",
                "Add a line `transcript: \"#transcript\"` linking to the transcript (on this page under a heading, or another page), or write the words after `transcript:`.",
            ));
            None
        }
    };
    let hosted = matches!(source, Some(VideoSource::YouTube(_) | VideoSource::Vimeo(_)));
    if hosted && value("thumbnail").is_none() {
        problems.push(missing(
            "thumbnail",
            "a YouTube or Vimeo video is shown as a picture stored in the site until someone presses play, so nothing loads from the video website before that",
            "Save a still from the video in the `assets` folder and add a line `thumbnail: /assets/my-video.jpg`.",
        ));
    }
    let captions_language = value("captions_language").map(|(v, ..)| v).unwrap_or_else(|| "en".to_string());
    if !captions_language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || captions_language.is_empty() {
        problems.push(error(
            at.0,
            at.1,
            format!("`{captions_language}` is not a language code"),
            "Use a code such as `en`, `cy` or `pl`.",
        ));
    }
    let description = value("description").map(|(v, ..)| v).filter(|v| !v.is_empty());
    let captions_label = value("captions_label").map(|(v, ..)| v).filter(|v| !v.is_empty());
    match (source, captions, transcript) {
        (Some(source), Some(captions), Some(transcript)) if problems.is_empty() => Ok(VideoBlock {
            line: at.0,
            column: at.1,
            title,
            source,
            captions,
            captions_language,
            captions_label,
            transcript,
            thumbnail,
            description,
        }),
        _ => Err(problems),
    }
}

fn looks_like_link(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.starts_with('/') || text.starts_with('#') || text.starts_with("https://") || text.starts_with("http://"))
}

fn source_of(
    key: &str,
    value: &str,
    at: (usize, usize),
    file: &str,
    schemes: &[String],
    problems: &mut Vec<Diagnostic>,
) -> Option<VideoSource> {
    let bad = |what: &str, example: &str| {
        Diagnostic::error(file, at.0, at.1, Rule::VIDEO, format!("`{value}` is not {what}")).with_suggestion(format!(
            "Copy the video's address from your browser, for example `{key}: {example}`."
        ))
    };
    match key {
        "youtube" => match youtube_id(value) {
            Some(id) => Some(VideoSource::YouTube(id)),
            None => {
                problems.push(bad("a YouTube video address or id", "https://www.youtube.com/watch?v=abcdefghijk"));
                None
            }
        },
        "vimeo" => match vimeo_id(value) {
            Some(id) => Some(VideoSource::Vimeo(id)),
            None => {
                problems.push(bad("a Vimeo video address or number", "https://vimeo.com/123456789"));
                None
            }
        },
        _ => {
            let lower = value.to_ascii_lowercase();
            if !value.starts_with("/assets/") || check_url(value, schemes).is_err() {
                problems.push(
                    Diagnostic::error(file, at.0, at.1, Rule::VIDEO, format!("The video file `{value}` is not in the site's `assets` folder"))
                        .with_suggestion("Put the video in the `assets` folder and write `file: /assets/my-video.webm`. For a video on YouTube or Vimeo, use `youtube:` or `vimeo:`."),
                );
                None
            } else if !(lower.ends_with(".webm") || lower.ends_with(".mp4")) {
                problems.push(
                    Diagnostic::error(
                        file,
                        at.0,
                        at.1,
                        Rule::VIDEO,
                        format!("The video file `{value}` is not a WebM or MP4 file, which every browser can play"),
                    )
                    .with_suggestion("Convert it to MP4 (H.264) or WebM, for example with ffmpeg, and use the new file."),
                );
                None
            } else {
                Some(VideoSource::File(value.to_string()))
            }
        }
    }
}

fn is_youtube_id(id: &str) -> bool {
    id.len() == 11 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A web address on the open web (`http` or `https`) read by the `url` crate: its host in
/// lower case without a leading `www.` or `m.`, and the address.
fn web_address(text: &str) -> Option<(String, url::Url)> {
    let address = url::Url::parse(text).ok().filter(|a| matches!(a.scheme(), "http" | "https"))?;
    let host = address.host_str()?.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host)
        .to_string();
    Some((host, address))
}

/// The video id of a YouTube address (`watch?v=`, `youtu.be/`, `/embed/`, `/shorts/`) or of a
/// bare id.
pub fn youtube_id(text: &str) -> Option<String> {
    let text = text.trim();
    if is_youtube_id(text) {
        return Some(text.to_string());
    }
    let (host, address) = web_address(text)?;
    let path = address.path().strip_prefix('/').unwrap_or(address.path());
    let candidate = match host.as_str() {
        "youtu.be" => path.split('/').next().map(str::to_string),
        "youtube.com" | "youtube-nocookie.com" if path == "watch" => {
            address.query_pairs().find(|(key, _)| key == "v").map(|(_, id)| id.into_owned())
        }
        "youtube.com" | "youtube-nocookie.com" => ["embed/", "shorts/", "live/", "v/"]
            .iter()
            .find_map(|prefix| path.strip_prefix(prefix))
            .and_then(|id| id.split('/').next())
            .map(str::to_string),
        _ => None,
    }?;
    is_youtube_id(&candidate).then_some(candidate)
}

/// The number of a Vimeo video from its address (`vimeo.com/123`, `player.vimeo.com/video/123`)
/// or the bare number.
pub fn vimeo_id(text: &str) -> Option<String> {
    let text = text.trim();
    let number = |s: &str| (!s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.to_string());
    if let Some(id) = number(text) {
        return Some(id);
    }
    let (host, address) = web_address(text)?;
    let path = address.path().strip_prefix('/').unwrap_or(address.path());
    match host.as_str() {
        "vimeo.com" => path.split('/').rev().find_map(number),
        "player.vimeo.com" => path.strip_prefix("video/").and_then(|id| number(id.trim_end_matches('/'))),
        _ => None,
    }
}

/// What the `partials/video.html` template gets as `video`.
#[derive(Debug, Serialize)]
pub struct VideoView<'a> {
    /// A page-unique id for the figure (`video-1`).
    pub id: String,
    /// `file`, `youtube` or `vimeo`.
    pub kind: &'static str,
    /// The title.
    pub title: &'a str,
    /// The text alternative, if given.
    pub description: Option<&'a str>,
    /// Self-hosted: the file address.
    pub src: Option<&'a str>,
    /// Self-hosted: its MIME type.
    pub mime: Option<&'static str>,
    /// Self-hosted: `WebM` or `MP4`, for the download link.
    pub format: Option<&'static str>,
    /// The captions file.
    pub captions: &'a str,
    /// The captions language.
    pub captions_language: &'a str,
    /// The captions label, if the author gave one.
    pub captions_label: Option<&'a str>,
    /// The transcript link, if it is a link.
    pub transcript_link: Option<&'a str>,
    /// The transcript's paragraphs, if it is written in the block.
    pub transcript_paragraphs: Vec<&'a str>,
    /// The thumbnail stored in the site.
    pub thumbnail: Option<&'a str>,
    /// Hosted: `YouTube` or `Vimeo`.
    pub host: Option<&'static str>,
    /// Hosted: the privacy-enhanced embed address, loaded only after play is pressed.
    pub embed: Option<String>,
    /// Hosted: the video's page on the host (the link for people without JavaScript).
    pub watch: Option<String>,
}

impl VideoBlock {
    /// The view for the template; `number` makes the id unique on the page.
    pub fn view(&self, number: usize) -> VideoView<'_> {
        let (kind, src, mime, format, host, embed, watch) = match &self.source {
            VideoSource::File(file) => {
                let mp4 = file.to_ascii_lowercase().ends_with(".mp4");
                let (mime, format) = if mp4 { ("video/mp4", "MP4") } else { ("video/webm", "WebM") };
                ("file", Some(file.as_str()), Some(mime), Some(format), None, None, None)
            }
            VideoSource::YouTube(id) => (
                "youtube",
                None,
                None,
                None,
                Some("YouTube"),
                Some(format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1")),
                Some(format!("https://www.youtube.com/watch?v={id}")),
            ),
            VideoSource::Vimeo(id) => (
                "vimeo",
                None,
                None,
                None,
                Some("Vimeo"),
                Some(format!("https://player.vimeo.com/video/{id}?dnt=1&autoplay=1")),
                Some(format!("https://vimeo.com/{id}")),
            ),
        };
        let (transcript_link, transcript_paragraphs) = match &self.transcript {
            Transcript::Link(link) => (Some(link.as_str()), Vec::new()),
            Transcript::Text(text) => (None, text.split('\n').map(str::trim).filter(|p| !p.is_empty()).collect()),
        };
        VideoView {
            id: format!("video-{number}"),
            kind,
            title: &self.title,
            description: self.description.as_deref(),
            src,
            mime,
            format,
            captions: &self.captions,
            captions_language: &self.captions_language,
            captions_label: self.captions_label.as_deref(),
            transcript_link,
            transcript_paragraphs,
            thumbnail: self.thumbnail.as_deref(),
            host,
            embed,
            watch,
        }
    }
}

/// The text that stands for video `number` in rendered Markdown until the renderer puts the
/// finished `<figure>` in its place (characters from Unicode's private use area, which pass
/// through the HTML sanitiser untouched).
pub fn marker(number: usize) -> String {
    format!("\u{e000}signpost-video-{number}\u{e000}")
}

impl VideoBlock {
    /// The site addresses the block uses (for the link check, which reports a missing file).
    pub fn addresses(&self) -> Vec<&str> {
        let mut found = vec![self.captions.as_str()];
        if let VideoSource::File(file) = &self.source {
            found.push(file);
        }
        found.extend(self.thumbnail.as_deref());
        if let Transcript::Link(link) = &self.transcript {
            found.push(link);
        }
        found
    }
}

/// The captions files among the site's assets (address -> text), for [`fill`].
pub fn caption_files<'a>(assets: impl IntoIterator<Item = (&'a String, &'a Vec<u8>)>) -> std::collections::BTreeMap<String, String> {
    assets
        .into_iter()
        .filter(|(url, _)| url.to_ascii_lowercase().ends_with(".vtt"))
        .map(|(url, bytes)| (url.clone(), String::from_utf8_lossy(bytes).into_owned()))
        .collect()
}

/// Puts each video's `<figure>` (the theme's `partials/video.html`) where its marker is in
/// `rendered.html`, and checks that each captions file reads as WebVTT. A captions file that is
/// not in the site is left to the link check, which names the missing file.
pub fn fill(
    rendered: &mut super::markdown::RenderedMarkdown,
    file: &str,
    tera: &tera::Tera,
    captions: &std::collections::BTreeMap<String, String>,
) {
    for (index, video) in rendered.videos.iter().enumerate() {
        if let Some(text) = captions.get(&video.captions)
            && let Err(problem) = webvtt::check(text)
        {
            rendered.diagnostics.push(
                Diagnostic::error(
                    file,
                    video.line,
                    video.column,
                    Rule::VIDEO_CAPTIONS,
                    format!("The captions file {} cannot be read as WebVTT: line {}: {}", video.captions, problem.line, problem.message),
                )
                .with_suggestion("Fix that line of the captions file. Each caption needs a line like `00:01.000 --> 00:04.000` and then its words; the file starts with the line WEBVTT."),
            );
        }
        let mut context = tera::Context::new();
        context.insert("video", &video.view(index + 1));
        let html = match tera.render("partials/video.html", &context) {
            Ok(html) => html,
            Err(error) => {
                rendered.diagnostics.push(Diagnostic::error(
                    file,
                    video.line,
                    video.column,
                    Rule::TEMPLATE_ERROR,
                    format!("The theme cannot show this video with partials/video.html: {error}"),
                ));
                String::new()
            }
        };
        rendered.html = rendered.html.replacen(&marker(index), &html, 1);
    }
    // A marker an author typed (or one left by a video that could not be shown) is taken out.
    if rendered.html.contains('\u{e000}') {
        rendered.html = rendered.html.replace('\u{e000}', "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemes() -> Vec<String> {
        crate::config::ContentConfig::default().link_schemes
    }

    fn read(body: &str) -> Result<VideoBlock, Vec<Diagnostic>> {
        parse(body, "content/x.md", (10, 1), 0, &schemes())
    }

    #[test]
    fn a_self_hosted_video_is_read() {
        let video =
            read("title: What is the Local Offer?\nfile: /assets/a.webm\ncaptions: /assets/a.vtt\ntranscript: \"#transcript\"\n").unwrap();
        assert_eq!(video.source, VideoSource::File("/assets/a.webm".into()));
        assert_eq!(video.transcript, Transcript::Link("#transcript".into()));
        assert_eq!(video.captions_language, "en");
    }

    #[test]
    fn an_inline_transcript_can_run_over_several_lines() {
        let video = read(
            "title: T\nfile: /assets/a.mp4\ncaptions: /assets/a.vtt\ntranscript: |\n  Hello there.\n  More words.\n\n  A new paragraph.\n",
        )
        .unwrap();
        assert_eq!(
            video.transcript,
            Transcript::Text("Hello there. More words.\nA new paragraph.".into())
        );
        assert_eq!(
            video.view(1).transcript_paragraphs,
            vec!["Hello there. More words.", "A new paragraph."]
        );
    }

    #[test]
    fn missing_captions_transcript_and_thumbnail_are_errors_at_the_fence() {
        let problems = read("title: T\nyoutube: dQw4w9WgXcQ\n").unwrap_err();
        let messages: Vec<_> = problems
            .iter()
            .map(|d| (d.line, d.message.split(':').next().unwrap_or("").to_string()))
            .collect();
        assert_eq!(
            messages,
            vec![
                (10, "This video has no captions".to_string()),
                (10, "This video has no transcript".to_string()),
                (10, "This video has no thumbnail".to_string())
            ]
        );
    }

    #[test]
    fn unknown_keys_get_a_did_you_mean_at_their_line() {
        let problems = read("title: T\nfile: /assets/a.webm\ncaption: /assets/a.vtt\ntranscript: Words.\n").unwrap_err();
        let unknown = problems.iter().find(|d| d.message.contains("`caption`")).unwrap();
        assert_eq!((unknown.line, unknown.column), (13, 1));
        assert!(unknown.suggestion.as_deref().unwrap().contains("`captions`"));
    }

    #[test]
    fn youtube_and_vimeo_addresses_are_understood() {
        for address in [
            "dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10",
            "https://youtu.be/dQw4w9WgXcQ?si=x",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://youtube.com/shorts/dQw4w9WgXcQ",
            "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ#t=5",
            "HTTPS://WWW.YOUTUBE.COM/embed/dQw4w9WgXcQ?start=3",
            "https://www.youtube.com:443/live/dQw4w9WgXcQ",
        ] {
            assert_eq!(youtube_id(address).as_deref(), Some("dQw4w9WgXcQ"), "{address}");
        }
        for bad in [
            "dQw4w9",
            "https://example.org/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?x=1",
            "javascript:alert(1)",
            "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch/?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(youtube_id(bad), None, "{bad}");
        }
        assert_eq!(vimeo_id("https://vimeo.com/76979871").as_deref(), Some("76979871"));
        assert_eq!(vimeo_id("https://player.vimeo.com/video/76979871?h=1").as_deref(), Some("76979871"));
        assert_eq!(vimeo_id("https://vimeo.com/channels/x"), None);
        assert_eq!(
            vimeo_id("https://www.vimeo.com/channels/staffpicks/76979871#t=1").as_deref(),
            Some("76979871")
        );
        assert_eq!(vimeo_id("https://player.vimeo.com/video/76979871/"), Some("76979871".to_string()));
        assert_eq!(vimeo_id("https://evil.example/vimeo.com/76979871"), None);
        let problems = read("title: T\nyoutube: https://www.youtube.com/watch?v=short\ncaptions: /assets/a.vtt\ntranscript: Words.\nthumbnail: /assets/t.png\n").unwrap_err();
        assert_eq!(problems[0].line, 12);
    }

    #[test]
    fn addresses_outside_the_assets_folder_are_refused() {
        let problems =
            read("title: T\nfile: https://example.org/a.webm\ncaptions: javascript:alert(1)\ntranscript: javascript:x\n").unwrap_err();
        assert_eq!(problems.iter().map(|d| d.line).collect::<Vec<_>>(), vec![12, 13]);
    }

    #[test]
    fn hosted_videos_embed_the_privacy_enhanced_players() {
        let video = read("title: T\nyoutube: dQw4w9WgXcQ\ncaptions: /assets/a.vtt\ntranscript: /t/\nthumbnail: /assets/t.png\n").unwrap();
        let view = video.view(1);
        assert!(
            view.embed
                .unwrap()
                .starts_with("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        );
        let vimeo = read("title: T\nvimeo: 123\ncaptions: /assets/a.vtt\ntranscript: /t/\nthumbnail: /assets/t.png\n").unwrap();
        assert!(vimeo.view(1).embed.unwrap().contains("dnt=1"));
    }
}
