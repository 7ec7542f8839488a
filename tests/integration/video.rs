//! Video blocks: a self-hosted video renders `<video>` with a captions `<track>` at hashed asset
//! addresses; a YouTube video renders a click-to-load placeholder that loads nothing from
//! YouTube; missing captions or transcript, and captions that are not WebVTT, fail the build at
//! the block's line.

use crate::common::*;
use std::path::Path;

const PAGE: &str = "content/advice/videos.md";

/// The `valid` fixture with the `video` fixture laid over it (a page with two videos).
fn site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    copy_tree(&fixture("video"), site.path());
    site
}

fn check(root: &Path) -> (i32, String) {
    let result = signpost().args(["check", "--root"]).arg(root).output().unwrap();
    (
        result.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&result.stderr).into_owned(),
    )
}

/// The 1-based line of the first line of `file` that is exactly `text`.
fn line_of(root: &Path, file: &str, text: &str) -> usize {
    let body = std::fs::read_to_string(root.join(file)).unwrap();
    body.lines().position(|line| line == text).unwrap() + 1
}

fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let pattern = format!(" {name}=\"");
    html.match_indices(&pattern)
        .map(|(at, _)| {
            let rest = &html[at + pattern.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn a_self_hosted_video_has_a_captions_track_and_hashed_addresses() {
    let site = site();
    let (_out, public) = build_site(site.path());
    let html = read(&public, "advice/videos/index.html");
    let video = &html[html.find("<video").unwrap()..html.find("</video>").unwrap()];
    assert!(video.contains("controls preload=\"none\""), "{video}");
    let source = attributes(video, "src");
    assert_eq!(source.len(), 2, "{video}");
    assert!(source[0].starts_with("/assets/video/intro.") && source[0].ends_with(".webm") && source[0] != "/assets/video/intro.webm");
    assert!(
        video.contains(&format!(
            "<track kind=\"captions\" src=\"{}\" srclang=\"en\" label=\"English\" default>",
            source[1]
        )),
        "{video}"
    );
    assert!(source[1].starts_with("/assets/video/intro.") && source[1].ends_with(".vtt") && source[1] != "/assets/video/intro.vtt");
    let poster = attributes(video, "poster");
    assert!(poster[0].starts_with("/assets/video/example-thumbnail.") && poster[0] != "/assets/video/example-thumbnail.png");
    // Every hashed address is a file of the built site.
    for address in [source[0], source[1], poster[0]] {
        assert!(public.join(address.trim_start_matches('/')).is_file(), "{address}");
    }
    assert!(
        html.contains("<a href=\"#transcript\">Read the transcript"),
        "the transcript link is shown"
    );
    assert!(html.contains(&format!("<a href=\"{}\" download>Download the video (WebM)", source[0])));
    assert!(html.contains("Three slides with white words"), "the text alternative is shown");
}

#[test]
fn a_youtube_video_is_a_placeholder_that_loads_nothing_from_youtube() {
    let site = site();
    let (_out, public) = build_site(site.path());
    let html = read(&public, "advice/videos/index.html");
    let start = html.find("<figure class=\"video\" id=\"video-2\"").unwrap();
    let figure = &html[start..start + html[start..].find("</figure>").unwrap()];
    assert!(
        figure.contains("<button type=\"button\" class=\"video-play\" hidden>Play video (loads YouTube)"),
        "{figure}"
    );
    assert!(figure.contains("Nothing is loaded from YouTube until you press play"), "{figure}");
    assert!(!html.contains("<iframe"), "no frame before play");
    // Nothing on the page is fetched from another website: every src is the site's own.
    for src in attributes(&html, "src") {
        assert!(src.starts_with('/'), "{src}");
    }
    // The only YouTube address in a link is the plain "Watch on YouTube" fallback link.
    let hosts: Vec<&str> = attributes(&html, "href")
        .into_iter()
        .filter(|href| href.contains("youtube"))
        .collect();
    assert_eq!(hosts, vec!["https://www.youtube.com/watch?v=abcdefghijk"]);
    assert!(
        figure.contains("data-video-embed=\"https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1\""),
        "{figure}"
    );
    assert!(!html.contains("preconnect") && !html.contains("dns-prefetch"));
    let thumbnail = attributes(figure, "src")[0];
    assert!(thumbnail.starts_with("/assets/video/example-thumbnail."), "{thumbnail}");
    let script = attributes(figure, "src")[1];
    assert!(
        script.starts_with("/assets/video.") && public.join(script.trim_start_matches('/')).is_file(),
        "{script}"
    );
    assert!(figure.contains("<summary>Transcript"), "the inline transcript is shown");
}

#[test]
fn a_video_without_captions_fails_the_build_at_its_line() {
    let site = site();
    replace_in(site.path(), PAGE, "captions: /assets/video/intro.vtt\nthumbnail", "thumbnail");
    let fence = line_of(site.path(), PAGE, "```video");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("error: {PAGE}:{fence}:1: This video has no captions")),
        "{stderr}"
    );
}

#[test]
fn a_video_without_a_transcript_fails_the_build_at_its_line() {
    let site = site();
    replace_in(site.path(), PAGE, "transcript: \"#transcript\"\n", "");
    let fence = line_of(site.path(), PAGE, "```video");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("error: {PAGE}:{fence}:1: This video has no transcript")),
        "{stderr}"
    );
}

#[test]
fn captions_that_are_not_webvtt_fail_the_build_naming_the_cue_line() {
    let site = site();
    replace_in(
        site.path(),
        "assets/video/intro.vtt",
        "00:02.000 --> 00:04.000",
        "00:02,000 --> 00:04,000",
    );
    let fence = line_of(site.path(), PAGE, "```video");
    let cue = line_of(site.path(), "assets/video/intro.vtt", "00:02,000 --> 00:04,000");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "error: {PAGE}:{fence}:1: The captions file /assets/video/intro.vtt cannot be read as WebVTT: line {cue}:"
        )),
        "{stderr}"
    );
}

#[test]
fn a_missing_captions_file_is_a_dead_link_at_the_block() {
    let site = site();
    std::fs::remove_file(site.path().join("assets/video/intro.vtt")).unwrap();
    let fence = line_of(site.path(), PAGE, "```video");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{PAGE}:{fence}:1: The link to")) && stderr.contains("intro.vtt"),
        "{stderr}"
    );
}

#[test]
fn a_bad_youtube_address_and_an_unknown_key_are_errors_at_their_lines() {
    let site = site();
    replace_in(site.path(), PAGE, "watch?v=abcdefghijk", "watch?v=nope");
    replace_in(
        site.path(),
        PAGE,
        "thumbnail: /assets/video/example-thumbnail.png\ntranscript: |",
        "thumbnial: /assets/video/example-thumbnail.png\ntranscript: |",
    );
    let youtube = line_of(site.path(), PAGE, "youtube: https://www.youtube.com/watch?v=nope");
    let typo = line_of(site.path(), PAGE, "thumbnial: /assets/video/example-thumbnail.png");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{PAGE}:{youtube}:1: `https://www.youtube.com/watch?v=nope` is not a YouTube video address"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{PAGE}:{typo}:1: `thumbnial` is not a setting of a video")),
        "{stderr}"
    );
    assert!(stderr.contains("Did you mean `thumbnail`?"), "{stderr}");
}

#[test]
fn a_video_in_a_service_description_is_reported_at_its_line_in_the_yaml() {
    let site = site();
    let file = "content/services/health.yaml";
    let text = std::fs::read_to_string(site.path().join(file)).unwrap();
    assert!(text.contains("description: |"), "the fixture has a block description");
    replace_in(
        site.path(),
        file,
        "description: |\n",
        "description: |\n    ```video\n    title: T\n    file: /assets/video/intro.webm\n    captions: /assets/video/intro.vtt\n    ```\n\n",
    );
    let fence = line_of(site.path(), file, "    ```video");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("error: {file}:{fence}:5: This video has no transcript")),
        "{stderr}"
    );
}
