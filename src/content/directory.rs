//! The richer parts of a service record, named after Open Referral UK 3.0: its status, the needs
//! it meets, cost options, schedules, venue accessibility.

use super::Date;
use serde::{Deserialize, Serialize};

/// Whether a service is running (ORUK `status`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceStatus {
    /// Running as normal.
    #[default]
    Active,
    /// Paused for now, expected to start again.
    TemporarilyClosed,
    /// No longer running.
    Inactive,
}

impl ServiceStatus {
    /// The id authors write, also the ORUK `status` apart from spacing.
    pub fn id(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::TemporarilyClosed => "temporarily-closed",
            ServiceStatus::Inactive => "inactive",
        }
    }

    /// The ORUK 3.0 `status` value.
    pub fn open_referral(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::TemporarilyClosed => "temporarily closed",
            ServiceStatus::Inactive => "inactive",
        }
    }
}

/// A special educational need or disability a service is for: one of the four broad areas of need
/// of the SEND Code of Practice (6.28 onwards), or a more specific term under one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    /// Any need: the service is open to every child or young person with SEND.
    All,
    /// Broad area: communication and interaction.
    CommunicationAndInteraction,
    /// Autism (under communication and interaction).
    Autism,
    /// Speech, language and communication needs (under communication and interaction).
    SpeechLanguageAndCommunication,
    /// Broad area: cognition and learning.
    CognitionAndLearning,
    /// Learning disability, moderate to profound (under cognition and learning).
    LearningDisability,
    /// Specific learning difficulty such as dyslexia (under cognition and learning).
    SpecificLearningDifficulty,
    /// Broad area: social, emotional and mental health.
    SocialEmotionalAndMentalHealth,
    /// Attention deficit hyperactivity disorder (under social, emotional and mental health).
    Adhd,
    /// Mental health (under social, emotional and mental health).
    MentalHealth,
    /// Broad area: sensory and/or physical needs.
    SensoryAndPhysical,
    /// Hearing impairment (under sensory and physical).
    Hearing,
    /// Vision impairment (under sensory and physical).
    Vision,
    /// Multi-sensory impairment (under sensory and physical).
    MultiSensory,
    /// Physical disability (under sensory and physical).
    Physical,
}

impl Need {
    /// Every need, broad areas first within their group, in display order.
    pub const ALL: [Need; 15] = [
        Need::All,
        Need::CommunicationAndInteraction,
        Need::Autism,
        Need::SpeechLanguageAndCommunication,
        Need::CognitionAndLearning,
        Need::LearningDisability,
        Need::SpecificLearningDifficulty,
        Need::SocialEmotionalAndMentalHealth,
        Need::Adhd,
        Need::MentalHealth,
        Need::SensoryAndPhysical,
        Need::Hearing,
        Need::Vision,
        Need::MultiSensory,
        Need::Physical,
    ];

    /// The id authors write and the address uses: `speech-language-and-communication`.
    pub fn id(self) -> &'static str {
        match self {
            Need::All => "all",
            Need::CommunicationAndInteraction => "communication-and-interaction",
            Need::Autism => "autism",
            Need::SpeechLanguageAndCommunication => "speech-language-and-communication",
            Need::CognitionAndLearning => "cognition-and-learning",
            Need::LearningDisability => "learning-disability",
            Need::SpecificLearningDifficulty => "specific-learning-difficulty",
            Need::SocialEmotionalAndMentalHealth => "social-emotional-and-mental-health",
            Need::Adhd => "adhd",
            Need::MentalHealth => "mental-health",
            Need::SensoryAndPhysical => "sensory-and-physical",
            Need::Hearing => "hearing",
            Need::Vision => "vision",
            Need::MultiSensory => "multi-sensory",
            Need::Physical => "physical",
        }
    }

    /// The broad area of need this term belongs to (itself for a broad area; `None` for `all`).
    pub fn broad_area(self) -> Option<Need> {
        match self {
            Need::All => None,
            Need::CommunicationAndInteraction | Need::Autism | Need::SpeechLanguageAndCommunication => {
                Some(Need::CommunicationAndInteraction)
            }
            Need::CognitionAndLearning | Need::LearningDisability | Need::SpecificLearningDifficulty => Some(Need::CognitionAndLearning),
            Need::SocialEmotionalAndMentalHealth | Need::Adhd | Need::MentalHealth => Some(Need::SocialEmotionalAndMentalHealth),
            Need::SensoryAndPhysical | Need::Hearing | Need::Vision | Need::MultiSensory | Need::Physical => Some(Need::SensoryAndPhysical),
        }
    }

    /// True for the four broad areas of need.
    pub fn is_broad_area(self) -> bool {
        self.broad_area() == Some(self)
    }

    /// The need with this id, if any.
    pub fn from_id(id: &str) -> Option<Need> {
        Need::ALL.into_iter().find(|need| need.id() == id)
    }
}

/// How a service is listed on a need's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NeedMatch {
    /// It is specifically for the need: it names the need, the need's broad area, or (for a
    /// broad area) one of the more specific needs under it.
    Specialist,
    /// It names no such need but is open to all needs.
    AllNeeds,
}

impl super::Service {
    /// How this service is listed on the page of `need`, or `None` when it is not.
    pub fn need_match(&self, need: Need) -> Option<NeedMatch> {
        let names = &self.record.needs;
        let specialist = names.iter().any(|&had| {
            had != Need::All
                && (had == need
                    || (!need.is_broad_area() && Some(had) == need.broad_area())
                    || (need.is_broad_area() && had.broad_area() == Some(need)))
        });
        if specialist {
            Some(NeedMatch::Specialist)
        } else if names.contains(&Need::All) {
            Some(NeedMatch::AllNeeds)
        } else {
            None
        }
    }

    /// True when it is listed on the page of `need` (as a specialist or an all-needs service).
    pub fn serves_need(&self, need: Need) -> bool {
        self.need_match(need).is_some()
    }

    /// The ids of the needs whose pages list it: what it matches in a filter.
    pub fn filter_needs(&self) -> Vec<&'static str> {
        Need::ALL
            .into_iter()
            .filter(|need| *need != Need::All && self.serves_need(*need))
            .map(Need::id)
            .collect()
    }
}

/// One price of a service (ORUK `cost_option`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CostOption {
    /// Amount in pounds, e.g. `2.50`.
    pub amount: f64,
    /// What the amount buys, e.g. `session`, `term`, `hour`.
    #[serde(default)]
    pub per: Option<String>,
    /// Anything else families should know, e.g. "Carers go free".
    #[serde(default)]
    pub description: Option<String>,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// The id authors write: `monday`.
    pub fn id(self) -> &'static str {
        match self {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
    }

    /// The iCalendar `BYDAY` code: `MO`.
    pub fn ical(self) -> &'static str {
        match self {
            Weekday::Monday => "MO",
            Weekday::Tuesday => "TU",
            Weekday::Wednesday => "WE",
            Weekday::Thursday => "TH",
            Weekday::Friday => "FR",
            Weekday::Saturday => "SA",
            Weekday::Sunday => "SU",
        }
    }
}

/// How often a regular session happens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// Every week.
    #[default]
    Weekly,
    /// Every other week.
    Fortnightly,
    /// Once a month.
    Monthly,
}

impl Frequency {
    /// The id authors write.
    pub fn id(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Fortnightly => "fortnightly",
            Frequency::Monthly => "monthly",
        }
    }
}

/// When a service runs: a regular session (`days:`) or a dated event (`date:`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Days of a regular session.
    #[serde(default)]
    pub days: Vec<Weekday>,
    /// How often a regular session runs (default weekly).
    #[serde(default)]
    pub frequency: Option<Frequency>,
    /// The day of a one-off event, or the first day of a run of sessions.
    #[serde(default)]
    pub date: Option<Date>,
    /// The last day of a dated event that lasts several days, or of a run of sessions.
    #[serde(default)]
    pub until: Option<Date>,
    /// Start time, 24-hour `HH:MM`.
    #[serde(default)]
    pub opens_at: Option<String>,
    /// End time, 24-hour `HH:MM`.
    #[serde(default)]
    pub closes_at: Option<String>,
    /// Anything else, e.g. "term time only".
    #[serde(default)]
    pub description: Option<String>,
}

impl Schedule {
    /// The last day it runs, when it has one: `until:`, or the `date:` of a one-off event.
    pub fn last_day(&self) -> Option<Date> {
        self.until.or(if self.days.is_empty() { self.date } else { None })
    }

    /// True when its last day is before `today`, so it must not be shown as coming.
    pub fn is_over(&self, today: Date) -> bool {
        self.last_day().is_some_and(|last| last < today)
    }
}

/// An accessibility feature of a venue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessFeature {
    /// Wheelchair users can get in and around.
    Wheelchair,
    /// A toilet for disabled people.
    AccessibleToilet,
    /// A Changing Places toilet (hoist and changing bench).
    ChangingPlaces,
    /// A hearing loop.
    HearingLoop,
    /// A quiet space or sensory room.
    QuietSpace,
    /// Staff who use British Sign Language.
    Bsl,
    /// Blue badge or accessible parking.
    AccessibleParking,
}

impl AccessFeature {
    /// The id authors write: `hearing-loop`.
    pub fn id(self) -> &'static str {
        match self {
            AccessFeature::Wheelchair => "wheelchair",
            AccessFeature::AccessibleToilet => "accessible-toilet",
            AccessFeature::ChangingPlaces => "changing-places",
            AccessFeature::HearingLoop => "hearing-loop",
            AccessFeature::QuietSpace => "quiet-space",
            AccessFeature::Bsl => "bsl",
            AccessFeature::AccessibleParking => "accessible-parking",
        }
    }
}

/// The ids under `/services/` that the browsing pages use, so no service or category may take them.
pub const RESERVED_SERVICE_IDS: [&str; 4] = ["needs", "localities", "a-z", "ages"];

/// Parses a 24-hour time `HH:MM` into minutes after midnight.
pub fn parse_time(text: &str) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_belong_to_a_broad_area() {
        assert_eq!(Need::Autism.broad_area(), Some(Need::CommunicationAndInteraction));
        assert!(Need::SensoryAndPhysical.is_broad_area());
        assert!(!Need::Hearing.is_broad_area());
        assert_eq!(Need::from_id("adhd"), Some(Need::Adhd));
        assert_eq!(Need::ALL.iter().filter(|n| n.is_broad_area()).count(), 4);
    }

    #[test]
    fn times_are_24_hour() {
        assert_eq!(parse_time("18:30"), Some(1110));
        assert_eq!(parse_time("6:30"), None);
        assert_eq!(parse_time("24:00"), None);
    }
}
