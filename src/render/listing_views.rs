//! What the listing templates receive: `browse` for need, locality and age pages
//! (`browse.html`), `a_to_z` for the A to Z (`a-z.html`), and the page links both share. Words
//! come from the theme's strings; these views carry ids, counts and addresses.

use super::views::ServiceCard;
use crate::content::Service;
use crate::content::listings::page_url;
use serde::Serialize;

/// `browse`: one page of a need, locality or age listing.
#[derive(Serialize)]
pub(crate) struct BrowseView<'a> {
    /// `need`, `locality` or `age`.
    pub kind: &'static str,
    /// The need id, locality slug or age band id.
    pub id: String,
    /// The need's, locality's or age band's name.
    pub name: String,
    /// How many services the whole listing has.
    pub count: usize,
    /// The sections on this page, with their services.
    pub sections: Vec<SectionView<'a>>,
    /// Every section of the listing with the page it starts on (when it has more than one).
    pub outline: Vec<OutlineEntry>,
    /// Links to the other pages (when it has more than one).
    pub pager: Option<Pager>,
}

/// A section of a listing as one page shows it.
#[derive(Serialize)]
pub(crate) struct SectionView<'a> {
    /// `specialist`, `all-needs`, `venue`, `across` or `listed`.
    pub kind: &'static str,
    /// Its heading ("" for `listed`, which has none).
    pub heading: String,
    /// Id of its heading, also the anchor the outline links to.
    pub heading_id: String,
    /// Id of its count.
    pub count_id: String,
    /// How many services the whole section has.
    pub total: usize,
    /// True when it began on an earlier page.
    pub continued: bool,
    /// Its services on this page, by name.
    pub services: Vec<ServiceCard<'a>>,
}

/// A section of a listing in the outline at the top of each page.
#[derive(Serialize)]
pub(crate) struct OutlineEntry {
    /// Its heading.
    pub heading: String,
    /// How many services it has.
    pub total: usize,
    /// Address of the page it starts on, with the anchor of its heading.
    pub url: String,
    /// The page it starts on.
    pub first_page: usize,
}

/// Links to the pages of a listing: previous, a window of numbers around this one, next.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(crate) struct Pager {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages there are.
    pub total: usize,
    /// Address of the page before.
    pub previous: Option<String>,
    /// Address of the page after.
    pub next: Option<String>,
    /// The numbered links, with gaps.
    pub links: Vec<PagerLink>,
}

/// A numbered page link, or a gap between numbers (no `url`).
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(crate) struct PagerLink {
    /// Its number (0 for a gap).
    pub number: usize,
    /// Its address (`None` for a gap).
    pub url: Option<String>,
    /// True for the page being shown.
    pub current: bool,
}

impl Pager {
    /// The links for page `number` of `total` pages of the listing at `first`; `None` for one page.
    /// Shows the first and last pages and two either side of this one; a gap stands for the rest.
    pub(crate) fn new(first: &str, number: usize, total: usize) -> Option<Pager> {
        if total <= 1 {
            return None;
        }
        let near = |n: usize| n == 1 || n == total || n.abs_diff(number) <= 2;
        let mut links = Vec::new();
        for n in 1..=total {
            if near(n) {
                links.push(PagerLink {
                    number: n,
                    url: Some(page_url(first, n)),
                    current: n == number,
                });
            } else if links.last().is_some_and(|l: &PagerLink| l.url.is_some()) {
                links.push(PagerLink {
                    number: 0,
                    url: None,
                    current: false,
                });
            }
        }
        Some(Pager {
            number,
            total,
            previous: (number > 1).then(|| page_url(first, number - 1)),
            next: (number < total).then(|| page_url(first, number + 1)),
            links,
        })
    }
}

/// `a_to_z`: one page of the A to Z.
#[derive(Serialize)]
pub(crate) struct AToZView<'a> {
    /// True when the A to Z has a page per letter.
    pub split: bool,
    /// The letter navigation.
    pub letters: Vec<LetterLink>,
    /// The letters shown on this page with their services (every letter on a one-page A to Z,
    /// one on a letter page, none on the index of a split A to Z).
    pub groups: Vec<LetterGroup<'a>>,
    /// How many services the site has.
    pub count: usize,
    /// The letter of a letter page (`S`, or `#`).
    pub letter: Option<String>,
    /// How many services the letter has, on a letter page.
    pub letter_count: usize,
    /// Links to the other pages of a letter with more services than fit on one.
    pub pager: Option<Pager>,
}

/// One letter of the A to Z with its services.
#[derive(Serialize)]
pub(crate) struct LetterGroup<'a> {
    /// The letter (`A`…`Z`, or `#` for names starting with a digit or symbol).
    pub letter: String,
    /// Anchor id, `letter-a`.
    pub anchor: String,
    /// The services under it, by name.
    pub services: Vec<AToZEntry<'a>>,
}

/// A letter of the A to Z navigation: a link when services start with it, plain text otherwise.
#[derive(Serialize)]
pub(crate) struct LetterLink {
    /// The letter (`A`…`Z`, or `#`).
    pub letter: String,
    /// Anchor id, `letter-a` (the link of a one-page A to Z).
    pub anchor: String,
    /// Address of the letter's page (the link of a split A to Z).
    pub url: String,
    /// True when some service starts with it.
    pub used: bool,
    /// True on the letter's own page.
    pub current: bool,
    /// How many services start with it.
    pub count: usize,
}

/// A service in the A to Z: its name, a one-line summary and its address.
#[derive(Serialize)]
pub(crate) struct AToZEntry<'a> {
    /// Name.
    pub name: &'a str,
    /// Address.
    pub url: &'a str,
    /// The first sentence of its summary, cut short at a word if long.
    pub summary: String,
    /// `active`, `temporarily-closed` or `inactive`.
    pub status: &'static str,
}

/// The longest one-line summary in the A to Z, in characters.
const ONE_LINE: usize = 90;

impl<'a> From<&'a Service> for AToZEntry<'a> {
    fn from(service: &'a Service) -> Self {
        AToZEntry {
            name: &service.record.name,
            url: &service.url,
            summary: one_line(&service.record.summary),
            status: service.record.service_status.id(),
        }
    }
}

/// The first sentence of `text`, cut at the last word that fits in [`ONE_LINE`] characters
/// (with `…`) if it is longer.
pub(crate) fn one_line(text: &str) -> String {
    let text = text.trim();
    let sentence = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    };
    if sentence.chars().count() <= ONE_LINE {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(ONE_LINE).collect();
    let words = match cut.rfind(' ') {
        Some(space) => &cut[..space],
        None => cut.as_str(),
    };
    format!("{}…", words.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_show_a_window_with_gaps() {
        assert_eq!(Pager::new("/x/", 1, 1), None);
        let pager = Pager::new("/x/", 5, 9).unwrap();
        let numbers: Vec<usize> = pager.links.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 0, 3, 4, 5, 6, 7, 0, 9]);
        assert_eq!(pager.previous.as_deref(), Some("/x/page/4/"));
        assert_eq!(pager.next.as_deref(), Some("/x/page/6/"));
        assert!(pager.links[4].current && pager.links[4].url.as_deref() == Some("/x/page/5/"));
        let first = Pager::new("/x/", 1, 3).unwrap();
        assert_eq!(first.previous, None);
        assert_eq!(first.links[0].url.as_deref(), Some("/x/"));
        assert_eq!(first.links.len(), 3);
    }

    #[test]
    fn summaries_become_one_line() {
        assert_eq!(one_line("Swimming for all. Bring a towel."), "Swimming for all.");
        assert_eq!(one_line("No full stop"), "No full stop");
        let long = "Learning disability nursing that helps children with SEND, including ADHD and Down's syndrome, with sleeping, eating and moving safely at home and at school";
        let short = one_line(long);
        assert!(short.ends_with('…') && short.chars().count() <= ONE_LINE + 1, "{short}");
        assert!(long.starts_with(short.trim_end_matches('…')), "{short}");
    }
}
