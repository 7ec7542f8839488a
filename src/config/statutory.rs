//! `[statutory]` in `site.toml`: what the law asks a Local Offer to publish, and how strictly the
//! build enforces it. The defaults come from the SEND Regulations 2014 (Schedule 2, regs 56–57),
//! the Breaks for Carers of Disabled Children Regulations 2011 and the SEND Code of Practice.

use serde::Deserialize;

/// The topics a Local Offer must cover, with what each one means (Schedule 2 and the Code of
/// Practice, chapter 4). Pages declare the topics they cover in `topics:`.
pub const LOCAL_OFFER_TOPICS: [(&str, &str); 24] = [
    ("early-years", "early years SEN provision (Schedule 2, para 1(a))"),
    ("schools", "mainstream schools and academies, with their SEN information reports"),
    ("special-schools", "special schools, resourced provision and units"),
    ("post-16", "colleges, post-16 providers, apprenticeships and supported internships"),
    ("alternative-provision", "pupil referral units and alternative provision"),
    ("out-of-area", "provision outside the area that the council expects to use"),
    ("funding", "how SEN support is funded (Schedule 2, para 3(d))"),
    ("assessment", "identifying needs and how to ask for an EHC needs assessment"),
    ("health", "health provision: therapies, mental health, community paediatrics"),
    ("social-care", "social care, including short breaks"),
    (
        "short-breaks-statement",
        "the Short Breaks Services Statement (Breaks for Carers Regulations 2011, reg 4)",
    ),
    (
        "travel",
        "travel to school and college: transport, help with costs, travel training",
    ),
    ("transition", "moving between phases of education"),
    (
        "preparing-for-adulthood",
        "preparing for adulthood: work, independent living, community, health",
    ),
    (
        "higher-education",
        "support in higher education, including Disabled Students' Allowance",
    ),
    ("childcare", "childcare, including for disabled children"),
    ("things-to-do", "leisure activities and things to do"),
    (
        "sendiass",
        "SENDIASS, the parent carer forum and support groups (Schedule 2, para 15)",
    ),
    (
        "complaints",
        "complaints, disagreement resolution, mediation and tribunal appeals (Schedule 2, para 17)",
    ),
    (
        "accessibility-strategy",
        "the council's accessibility strategy (Equality Act 2010, Schedule 10)",
    ),
    (
        "you-said-we-did",
        "comments on the Local Offer with the council's response and action (reg 56)",
    ),
    (
        "other-formats",
        "getting the Local Offer without the internet and in other formats (reg 57)",
    ),
    (
        "feedback",
        "how families and young people are involved and can give feedback (regs 54–56)",
    ),
    ("accessibility", "the website's accessibility statement"),
];

/// What the description of a topic id is, if it is one of [`LOCAL_OFFER_TOPICS`].
pub fn topic_description(id: &str) -> Option<&'static str> {
    LOCAL_OFFER_TOPICS
        .iter()
        .find(|(topic, _)| *topic == id)
        .map(|(_, description)| *description)
}

/// What happens to a service that is past its review date and grace period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutOfDate {
    /// The build fails (`review-overdue` error).
    #[default]
    Fail,
    /// The service is published with "this information may be out of date" and a warning.
    Notice,
}

/// `[statutory]`: the required topics and the rules for review dates and "You said, we did".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatutoryConfig {
    /// Topic ids some published page must declare in `topics:` (default: every Schedule 2 topic).
    #[serde(default = "default_required_topics")]
    pub required_topics: Vec<String>,
    /// What happens to services past their review date and grace period: `fail` or `notice`.
    #[serde(default)]
    pub services_out_of_date: OutOfDate,
    /// The newest "You said, we did" entry must be at most this many months old (reg 56: yearly).
    #[serde(default = "default_feedback_months")]
    pub you_said_we_did_months: u32,
    /// Names that must never appear in published comments (children, schools, staff).
    #[serde(default)]
    pub blocked_names: Vec<String>,
    /// Warn when a service with a provider website has a description longer than this many words:
    /// the Local Offer summarises and links to the provider.
    #[serde(default = "default_description_words")]
    pub max_description_words: usize,
}

impl Default for StatutoryConfig {
    fn default() -> Self {
        StatutoryConfig {
            required_topics: default_required_topics(),
            services_out_of_date: OutOfDate::default(),
            you_said_we_did_months: default_feedback_months(),
            blocked_names: Vec::new(),
            max_description_words: default_description_words(),
        }
    }
}

fn default_required_topics() -> Vec<String> {
    LOCAL_OFFER_TOPICS.iter().map(|(id, _)| id.to_string()).collect()
}
fn default_feedback_months() -> u32 {
    12
}
fn default_description_words() -> usize {
    250
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_require_every_schedule_2_topic() {
        let config = StatutoryConfig::default();
        assert_eq!(config.required_topics.len(), 24);
        assert_eq!(config.services_out_of_date, OutOfDate::Fail);
        assert!(topic_description("short-breaks-statement").is_some());
        assert!(topic_description("nothing").is_none());
    }
}
