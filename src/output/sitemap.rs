//! `sitemap.xml` and `robots.txt`.

use crate::render::PageRecord;
use crate::render::escape_html;

/// A sitemap of every published page, sorted by address (the 404 page is left out).
pub fn sitemap_xml(base_url: &str, pages: &[PageRecord]) -> String {
    let mut entries: Vec<&PageRecord> = pages.iter().filter(|p| p.url.ends_with('/')).collect();
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    let addresses = crate::render::address::Addresses::new(base_url);
    let mut xml =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_html(&addresses.absolute(&page.url)));
        xml.push_str("</loc>");
        if let Some(date) = page.last_reviewed {
            xml.push_str("<lastmod>");
            xml.push_str(&date.iso());
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt` allowing everything and naming the sitemap.
pub fn robots_txt(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", base_url)
}
