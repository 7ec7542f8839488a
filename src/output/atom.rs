//! The Atom feeds of the news (RFC 4287): `/news/feed.xml` for all news and
//! `/news/topics/<topic>.xml` for each topic. The output depends only on the content (a feed's
//! `updated` is its newest item's date), so two builds of the same site give the same bytes.

use crate::content::news::{NEWS_FEED_URL, NEWS_URL, NewsInfo};
use crate::content::{Date, Page, Site, is_slug};
use std::collections::BTreeSet;

/// The address of the feed of one topic's news.
pub fn topic_feed_url(topic: &str) -> String {
    format!("{NEWS_URL}topics/{topic}.xml")
}

/// Every news feed of `site` as (path in the output folder, XML): all news, then one per topic
/// (topic ids that are not lowercase-hyphenated get none). Empty when there is no news.
/// `title` is the feed's title, such as "Walsall Local Offer: News"; `topic_name` gives a topic's
/// name for its feed's title.
pub fn news_feeds(site: &Site, title: &str, topic_name: &dyn Fn(&str) -> String) -> Vec<(String, String)> {
    let items = newest_first(site);
    if items.is_empty() {
        return Vec::new();
    }
    let mut feeds = vec![(
        NEWS_FEED_URL.trim_start_matches('/').to_string(),
        feed_xml(site, title, NEWS_FEED_URL, &items),
    )];
    let topics: BTreeSet<&str> = items
        .iter()
        .flat_map(|(page, _)| page.meta.topics.iter().map(String::as_str))
        .filter(|topic| is_slug(topic))
        .collect();
    for topic in topics {
        let chosen: Vec<(&Page, &NewsInfo)> = items
            .iter()
            .copied()
            .filter(|(page, _)| page.meta.topics.iter().any(|t| t == topic))
            .collect();
        let url = topic_feed_url(topic);
        let topic_title = format!("{title} ({})", topic_name(topic));
        feeds.push((url.trim_start_matches('/').to_string(), feed_xml(site, &topic_title, &url, &chosen)));
    }
    feeds
}

fn newest_first(site: &Site) -> Vec<(&Page, &NewsInfo)> {
    let mut items: Vec<(&Page, &NewsInfo)> = site
        .pages
        .iter()
        .filter_map(|page| page.meta.news.as_ref().map(|news| (page, news)))
        .collect();
    items.sort_by(|a, b| b.1.date.cmp(&a.1.date).then_with(|| a.0.meta.title.cmp(&b.0.meta.title)));
    items
}

/// One feed at `self_url` of `items`, newest first.
fn feed_xml(site: &Site, title: &str, self_url: &str, items: &[(&Page, &NewsInfo)]) -> String {
    let addresses = crate::render::address::Addresses::new(&site.config.base_url);
    let absolute = |url: &str| addresses.absolute(url);
    let updated = items.first().map(|(_, news)| news.date).unwrap_or(Date::today());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    xml.push_str(&format!(" xml:lang=\"{}\">\n", text(&site.config.language)));
    xml.push_str(&format!("  <id>{}</id>\n", text(&absolute(self_url))));
    xml.push_str(&format!("  <title>{}</title>\n", text(title)));
    xml.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        text(&absolute(self_url))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        text(&absolute(NEWS_URL))
    ));
    xml.push_str(&format!("  <author><name>{}</name></author>\n", text(&site.config.council)));
    for (page, news) in items {
        let url = absolute(&page.url);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{}</id>\n", text(&url)));
        xml.push_str(&format!("    <title type=\"text\">{}</title>\n", text(&page.meta.title)));
        xml.push_str(&format!("    <updated>{}</updated>\n", timestamp(news.date)));
        xml.push_str(&format!("    <published>{}</published>\n", timestamp(news.date)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            text(&url)
        ));
        xml.push_str(&format!("    <summary type=\"text\">{}</summary>\n", text(&page.meta.summary)));
        xml.push_str(&format!("    <author><name>{}</name></author>\n", text(&page.meta.owner)));
        for topic in &page.meta.topics {
            xml.push_str(&format!("    <category term=\"{}\"/>\n", text(topic)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// A date as an RFC 3339 time at the start of that day in UTC.
fn timestamp(date: Date) -> String {
    format!("{}T00:00:00Z", date.iso())
}

/// Text made safe inside an XML element or attribute: the five special characters escaped, and
/// characters XML 1.0 does not allow (most control characters) left out.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn escapes_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            text("Fish & chips <now> \"a\" 'b'\u{1}"),
            "Fish &amp; chips &lt;now&gt; &quot;a&quot; &apos;b&apos;"
        );
    }
}
