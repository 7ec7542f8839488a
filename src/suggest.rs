//! Plain-words help for mistakes: "did you mean …?". (The wording of YAML and TOML failures is
//! chosen by their kind in `crate::yaml::explain` and `crate::config::toml_errors`.)

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(&word_lower, &candidate.to_lowercase()), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_a_near_miss_and_ignores_strangers() {
        assert_eq!(closest("base_ulr", ["name", "base_url", "theme"]), Some("base_url"));
        assert_eq!(closest("colour", ["name", "base_url", "theme"]), None);
    }
}
