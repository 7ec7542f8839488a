//! The one check every address the site writes goes through: Markdown links and pictures, raw
//! HTML attributes, YAML fields such as websites, and the last pass over every finished page.
//!
//! Browsers forgive a lot in an address: `JaVaScRiPt:`, `jav&#x09;ascript:`, `&#106;avascript:`,
//! `javascript&colon;`, a tab or a new line in the middle, spaces in front. So before the scheme
//! is read, HTML entities are decoded (named, decimal and hex, with or without `;`) and every ASCII
//! space and control character is taken out. Only then is the part before the first `:` compared
//! with the allowed schemes. An address without a scheme (`/services/`, `../x/`, `#who-can-ask`,
//! `?q=1`, `//example.org/`) stays on the web and is always allowed.

/// The schemes links may use when `site.toml` does not say otherwise.
pub(crate) const DEFAULT_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Schemes that can run script or read files, and so can never be allowed, whatever `site.toml` says.
pub(crate) const NEVER_ALLOWED: [&str; 4] = ["javascript", "vbscript", "data", "file"];

/// An address whose scheme is not allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnsafeUrl {
    /// The scheme as the browser would read it, lowercased (`javascript`).
    pub scheme: String,
}

impl UnsafeUrl {
    /// True when the scheme can run script or read files (as opposed to one the site simply does not allow).
    pub(crate) fn is_dangerous(&self) -> bool {
        NEVER_ALLOWED.contains(&self.scheme.as_str())
    }

    /// A plain sentence saying what is wrong, for a diagnostic.
    pub(crate) fn explain(&self, allowed: &[String]) -> String {
        let allowed = allowed.join(", ");
        if self.is_dangerous() {
            format!(
                "it starts with `{}:`, which could run a script or open files on a family's computer (links may use {allowed}, or an address on this site)",
                self.scheme
            )
        } else {
            format!(
                "it starts with `{}:`, which this site does not allow (links may use {allowed}, or an address on this site)",
                self.scheme
            )
        }
    }

    /// How to fix it, for a diagnostic.
    pub(crate) fn fix(&self) -> String {
        let base = "Link to a web page (https://…), an email address (mailto:…), a phone number (tel:…) or a page of this site (/services/…). If the link was copied from somewhere else, ask for the real address.";
        if self.is_dangerous() {
            base.to_string()
        } else {
            format!(
                "{base} If `{}:` links are really wanted, add \"{}\" to [content] link_schemes in site.toml.",
                self.scheme, self.scheme
            )
        }
    }
}

/// Checks one address against the allowed schemes (lowercase). `Ok` for allowed and relative addresses.
pub(crate) fn check_url(url: &str, allowed: &[String]) -> Result<(), UnsafeUrl> {
    match scheme_of(url) {
        None => Ok(()),
        Some(scheme) if !NEVER_ALLOWED.contains(&scheme.as_str()) && allowed.contains(&scheme) => Ok(()),
        Some(scheme) => Err(UnsafeUrl { scheme }),
    }
}

/// Checks every address in a `srcset` value (`a.jpg 1x, b.jpg 2x`).
pub(crate) fn check_srcset(value: &str, allowed: &[String]) -> Result<(), UnsafeUrl> {
    value
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .try_for_each(|url| check_url(url, allowed))?;
    // A scheme split over the commas (`java,script:`) is caught by reading the whole value too.
    check_url(value, allowed)
}

/// The scheme of an address as a browser would read it, lowercased; `None` when it has none.
pub(crate) fn scheme_of(url: &str) -> Option<String> {
    // Most addresses are plain (`/services/`, `#main`): read them as they are, without copying.
    if !url.chars().any(|c| c == '&' || c.is_ascii_whitespace() || c.is_control()) {
        return plain_scheme(url);
    }
    let decoded = decode_entities(url, false);
    let cleaned: String = decoded.chars().filter(|c| !(c.is_ascii_whitespace() || c.is_control())).collect();
    plain_scheme(&cleaned)
}

/// The scheme of an address with no entities, spaces or control characters left in it.
fn plain_scheme(cleaned: &str) -> Option<String> {
    let end = cleaned.find([':', '/', '?', '#'])?;
    if !cleaned[end..].starts_with(':') {
        return None;
    }
    let scheme = &cleaned[..end];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))).then(|| scheme.to_ascii_lowercase())
}

/// True when `name` is an attribute whose value is an address (`href`, `src`, `srcset`, `action`…).
pub(crate) fn is_url_attribute(name: &str) -> bool {
    URL_ATTRIBUTES.iter().any(|known| known.eq_ignore_ascii_case(name))
}

/// The attributes whose value is an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "imagesrcset",
    "action",
    "formaction",
    "poster",
    "xlink:href",
    "data",
    "cite",
    "background",
    "longdesc",
    "manifest",
    "codebase",
    "ping",
    "lowsrc",
    "dynsrc",
];

/// Checks one attribute's value when it is an address; `Ok` for other attributes.
pub(crate) fn check_attribute(name: &str, value: &str, allowed: &[String]) -> Result<(), UnsafeUrl> {
    if !is_url_attribute(name) {
        return Ok(());
    }
    if name.eq_ignore_ascii_case("srcset") || name.eq_ignore_ascii_case("imagesrcset") || name.eq_ignore_ascii_case("ping") {
        check_srcset(&value.replace(' ', ","), allowed).and(check_srcset(value, allowed))
    } else {
        check_url(value, allowed)
    }
}

/// Named entities worth knowing: those that can hide an address's scheme, and those council text uses.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("colon", ':'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("lpar", '('),
    ("rpar", ')'),
    ("semi", ';'),
    ("comma", ','),
    ("period", '.'),
    ("excl", '!'),
    ("quest", '?'),
    ("num", '#'),
    ("percnt", '%'),
    ("plus", '+'),
    ("equals", '='),
    ("commat", '@'),
    ("lowbar", '_'),
    ("hyphen", '-'),
    ("dash", '‐'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("ast", '*'),
    ("grave", '`'),
    ("verbar", '|'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("rsquo", '’'),
    ("lsquo", '‘'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("pound", '£'),
    ("euro", '€'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("times", '×'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("ccedil", 'ç'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("auml", 'ä'),
    ("wcirc", 'ŵ'),
    ("ycirc", 'ŷ'),
];

/// The character a named entity stands for (`colon` -> `:`), if it is one Signpost knows (any
/// case is accepted, to be on the safe side: `&COLON;` is read as `:`).
pub(crate) fn named_entity(name: &str) -> Option<char> {
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .or_else(|| NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)))
        .map(|(_, c)| *c)
}

/// Decodes HTML entities: named (`&colon;`), decimal (`&#106;`) and hex (`&#x09;`). With
/// `strict`, only entities ending in `;` are decoded (as for text); without it, also those without
/// (as browsers are lenient in addresses). Unknown names are left as they are; a number that is
/// no character becomes U+FFFD.
pub(crate) fn decode_entities(text: &str, strict: bool) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match decode_one(after, strict) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the entity at the start of `after` (the text after `&`): the character and the bytes used.
fn decode_one(after: &str, strict: bool) -> Option<(char, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        if len == 0 {
            return None;
        }
        let terminated = digits[len..].starts_with(';');
        if strict && !terminated {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(0x110000);
        let c = match value {
            0 => '\u{fffd}',
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((c, prefix + len + usize::from(terminated)));
    }
    let len = after.chars().take_while(char::is_ascii_alphanumeric).take(32).count();
    if len == 0 {
        return None;
    }
    let name = &after[..len];
    if after[len..].starts_with(';')
        && let Some(c) = named_entity(name)
    {
        return Some((c, len + 1));
    }
    if strict {
        return None;
    }
    // Without `;`, the longest known name at the start counts (`&colonjavascript`, `&Tab`).
    (1..=len).rev().find_map(|end| named_entity(&name[..end]).map(|c| (c, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Vec<String> {
        DEFAULT_SCHEMES.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_evasion_of_a_script_address_is_caught() {
        let allowed = defaults();
        for evil in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "  javascript:alert(1)",
            "\tjavascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "jav\tascript:alert(1)",
            "jav\nascript:alert(1)",
            "java\rscript:alert(1)",
            "java\0script:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#9ascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#9;ascript:alert(1)",
            "jav&Tab;ascript:alert(1)",
            "jav&NewLine;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#106avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&colonalert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3a;alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            " DATA:text/html,x",
            "file:///etc/passwd",
        ] {
            let verdict = check_url(evil, &allowed);
            assert!(verdict.is_err(), "{evil:?} was allowed");
            assert!(verdict.unwrap_err().is_dangerous(), "{evil:?}");
        }
    }

    #[test]
    fn ordinary_addresses_are_allowed() {
        let allowed = defaults();
        for good in [
            "https://www.nhs.uk/",
            "HTTP://example.org",
            "mailto:send@walsall.gov.uk",
            "tel:01214960000",
            "/services/",
            "../advice/",
            "short-breaks/",
            "#who-can-ask",
            "?q=swimming",
            "//example.org/x",
            "/search/?q=a:b",
            "advice/x#part:2",
            "",
        ] {
            assert_eq!(check_url(good, &allowed), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn other_schemes_are_refused_unless_the_site_allows_them() {
        let mut allowed = defaults();
        let refused = check_url("ftp://files.example.org/", &allowed).unwrap_err();
        assert_eq!(refused.scheme, "ftp");
        assert!(!refused.is_dangerous());
        assert!(refused.fix().contains("link_schemes"));
        allowed.push("ftp".to_string());
        assert_eq!(check_url("ftp://files.example.org/", &allowed), Ok(()));
        allowed.push("javascript".to_string());
        assert!(
            check_url("javascript:alert(1)", &allowed).is_err(),
            "never allowed, whatever the list says"
        );
    }

    #[test]
    fn srcset_and_other_address_attributes_are_read() {
        let allowed = defaults();
        assert!(check_attribute("srcset", "/a.png 1x, javascript:alert(1) 2x", &allowed).is_err());
        assert!(check_attribute("SRCSET", "/a.png 1x, /b.png 2x", &allowed).is_ok());
        assert!(check_attribute("xlink:href", "javascript:x", &allowed).is_err());
        assert!(check_attribute("formaction", "JaVaScRiPt:x", &allowed).is_err());
        assert!(check_attribute("title", "javascript:x", &allowed).is_ok());
    }

    #[test]
    fn entities_decode_strictly_for_text_and_leniently_for_addresses() {
        assert_eq!(
            decode_entities("Fun&nbsp;for &amp; all &#39;x&#x2019;", true),
            "Fun\u{a0}for & all 'x’"
        );
        assert_eq!(decode_entities("R&D &bogus; &amp", true), "R&D &bogus; &amp");
        assert_eq!(decode_entities("&amp &#106", false), "& j");
        assert_eq!(decode_entities("&#0; &#x110000;", true), "\u{fffd} \u{fffd}");
        assert_eq!(scheme_of("jav&#x09;ascript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme_of("/a:b"), None);
    }
}
