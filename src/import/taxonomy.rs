//! Taxonomy terms from an export mapped onto the site's categories: first the site's own mapping
//! (`[import.openreferral] categories` in `site.toml`), then Signpost's built-in mapping of the
//! common Local Offer vocabularies, then a category whose name or id is the term itself.

use crate::config::import::OpenReferralImport;

/// Common Local Offer and esd terms, each with the category ids it can go in (the first the
/// site has is used).
const DEFAULTS: &[(&str, &[&str])] = &[
    ("advice and support", &["family-support", "advice"]),
    ("advice", &["family-support", "advice"]),
    ("information and advice", &["family-support", "advice"]),
    ("information, advice and support", &["family-support", "advice"]),
    ("parent carer support", &["family-support"]),
    ("parenting support", &["family-support"]),
    ("parenting", &["family-support"]),
    ("support groups", &["family-support"]),
    ("carers", &["family-support", "social-care"]),
    ("family support", &["family-support"]),
    ("short breaks", &["short-breaks"]),
    ("short break", &["short-breaks"]),
    ("respite", &["short-breaks"]),
    ("things to do", &["things-to-do", "leisure"]),
    ("leisure", &["things-to-do", "leisure"]),
    ("leisure and activities", &["things-to-do"]),
    ("activities", &["things-to-do"]),
    ("clubs and activities", &["things-to-do"]),
    ("holiday activities", &["things-to-do"]),
    ("sport", &["things-to-do"]),
    ("sports and leisure", &["things-to-do"]),
    ("play", &["things-to-do"]),
    ("health", &["health"]),
    ("health services", &["health"]),
    ("therapy", &["health"]),
    ("therapies", &["health"]),
    ("education", &["education"]),
    ("schools", &["education"]),
    ("sen support", &["education"]),
    ("learning", &["education"]),
    ("early years", &["early-years", "education"]),
    ("childcare", &["childcare", "early-years", "education"]),
    ("preparing for adulthood", &["preparing-for-adulthood"]),
    ("transition", &["preparing-for-adulthood"]),
    ("post 16", &["preparing-for-adulthood", "education"]),
    ("post-16", &["preparing-for-adulthood", "education"]),
    ("employment", &["preparing-for-adulthood"]),
    ("independent living", &["preparing-for-adulthood"]),
    ("social care", &["social-care"]),
    ("alternative provision", &["alternative-provision", "education"]),
];

/// The category a term goes in, if any. `categories` are the site's (id, name) pairs.
pub fn category_for(term: &str, categories: &[(String, String)], config: &OpenReferralImport) -> Option<String> {
    let lower = term.trim().to_lowercase();
    let has = |id: &str| categories.iter().any(|(c, _)| c == id);
    if let Some((_, id)) = config.categories.iter().find(|(t, _)| t.trim().to_lowercase() == lower) {
        return has(id).then(|| id.clone());
    }
    if config.default_mapping
        && let Some((_, ids)) = DEFAULTS.iter().find(|(t, _)| *t == lower)
        && let Some(id) = ids.iter().find(|id| has(id))
    {
        return Some((*id).to_string());
    }
    categories
        .iter()
        .find(|(id, name)| name.to_lowercase() == lower || id.replace('-', " ") == lower.replace('-', " "))
        .map(|(id, _)| id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Vec<(String, String)> {
        [
            ("health", "Health"),
            ("family-support", "Family support"),
            ("short-breaks", "Short breaks"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    #[test]
    fn advice_and_support_is_family_support_not_health() {
        let config = OpenReferralImport::default();
        assert_eq!(
            category_for("Advice and support", &site(), &config).as_deref(),
            Some("family-support")
        );
        assert_eq!(category_for("Short Breaks", &site(), &config).as_deref(), Some("short-breaks"));
        assert_eq!(category_for("Quantum widgets", &site(), &config), None);
    }

    #[test]
    fn the_site_mapping_comes_first() {
        let mut config = OpenReferralImport::default();
        config.categories.insert("Advice and Support".into(), "health".into());
        config.categories.insert("Widgets".into(), "short-breaks".into());
        assert_eq!(category_for("advice and support", &site(), &config).as_deref(), Some("health"));
        assert_eq!(category_for("Widgets", &site(), &config).as_deref(), Some("short-breaks"));
        config.default_mapping = false;
        assert_eq!(category_for("Respite", &site(), &config), None);
    }
}
