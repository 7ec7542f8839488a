//! Every rule Signpost reports, declared once: its id, how it usually reports, whether a site may
//! switch it off, a one-line summary and where it is explained.

use super::{Declaration, Guard, Rule, Usual};

const FORMAT: &str = "README.md#content-format";
const DIAG: &str = "docs/diagnostics.md";
const CONFIG: &str = "README.md#configuration-sitetoml";
const SAFE_MARKUP: &str = "docs/markup-safety.md";
const SAFE_OUTPUT: &str = "docs/output-safety.md";
const PLAIN: &str = "README.md#plain-language";
const EASY: &str = "README.md#easy-read";
const DIRECTORY: &str = "docs/directory.md";
const PLACES: &str = "docs/directory.md#places";
const EVENTS: &str = "docs/events.md";
const NEWS: &str = "README.md#news";
const VIDEO: &str = "docs/video.md";
const REDIRECTS: &str = "README.md#redirects-from-old-addresses";
const STATIC: &str = "README.md#files-at-the-top-of-the-site-static";
const EXTERNAL: &str = "docs/external-links.md";
const SLOTS: &str = "docs/slots.md";
const CMS: &str = "docs/cms.md";
const THEMES: &str = "README.md#themes";
const SEARCH: &str = "README.md#search-words";
const RULES: &str = "README.md#rules-and-their-severity";
const LANGUAGES: &str = "README.md#languages";

/// Declares each rule once: its constant on [`Rule`], its entry in [`ALL`] and what the registry
/// says about it, in the same order.
macro_rules! declare {
    ($($name:ident: $id:literal, $usual:ident, $guard:ident, $docs:ident, $summary:literal;)*) => {
        /// The position of each rule in the registry.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u16)]
        enum Index {
            $($name),*
        }

        impl Rule {
            $(
                #[doc = $summary]
                pub const $name: Rule = Rule(Index::$name as u16);
            )*
        }

        /// Every rule, sorted by id.
        pub const ALL: &[Rule] = &[$(Rule::$name),*];

        /// What the registry says about each rule, in the order of [`ALL`].
        pub(super) const DECLARED: &[Declaration] = &[$(
            Declaration { name: stringify!($name), id: $id, usual: $usual, guard: $guard, summary: $summary, docs: $docs }
        ),*];
    };
}

use Guard::{Safety, Switchable as Free, Syntax};
use Usual::{Either, Error as E, Warning as W};

// Every rule, sorted by id (a test keeps it sorted, in step with its constant's name and with the
// README): `CONSTANT: "id", how it usually reports, whether a site may turn it down, where it is
// explained, what it finds in one line;`.
#[rustfmt::skip]
declare! {
    ACCESS: "access", E, Free, DIRECTORY, "a service does not say how families get in (self-referral, drop-in…)";
    AGES: "ages", E, Free, DIRECTORY, "a service's ages are missing, reversed or outside 0 to 25";
    ALLOW_NEEDS_REASON: "allow-needs-reason", E, Free, PLAIN, "a signpost-allow comment gives no reason";
    ALLOW_UNKNOWN_RULE: "allow-unknown-rule", Either, Free, PLAIN, "a signpost-allow comment names a rule that does not exist";
    ALLOW_UNUSED: "allow-unused", W, Free, PLAIN, "a signpost-allow comment allows nothing on its line";
    AMPERSAND: "ampersand", W, Free, PLAIN, "\"&\" written for \"and\"";
    ATTACHMENT_HTML_VERSION: "attachment-html-version", E, Free, NEWS, "a news attachment's HTML version is not a page of the site";
    ATTACHMENT_MISSING: "attachment-missing", E, Free, NEWS, "a news attachment is not in the assets folder";
    ATTACHMENT_NOT_ACCESSIBLE: "attachment-not-accessible", W, Free, NEWS, "a news attachment is a PDF or document with no accessible version";
    BAD_DATE: "bad-date", E, Syntax, FORMAT, "a date Signpost cannot read (write it as YYYY-MM-DD)";
    BAD_ID: "bad-id", E, Free, EVENTS, "an event id that is not lowercase words joined by hyphens";
    BAD_ON: "bad-on", E, Free, EVENTS, "an event's day of the month Signpost does not understand";
    BAD_TIME: "bad-time", E, Free, EVENTS, "an event time that is not HH:MM on the 24-hour clock";
    BAD_VALUE: "bad-value", E, Syntax, FORMAT, "a value of the wrong kind for its field";
    CAPITALS: "capitals", W, Free, PLAIN, "whole words in capitals";
    CMS_BARE_LIST: "cms-bare-list", W, Free, CMS, "a file the browser editor cannot edit, as its entries are a bare list";
    CONFIG_MISSING: "config-missing", E, Syntax, CONFIG, "site.toml cannot be read";
    CONFIG_SYNTAX: "config-syntax", E, Syntax, CONFIG, "site.toml is not valid TOML";
    CONFIG_TYPE: "config-type", E, Syntax, CONFIG, "a site.toml setting has a value of the wrong type";
    CONFIG_VALUE: "config-value", E, Syntax, CONFIG, "a site.toml setting has a value Signpost cannot use";
    CONTACT: "contact", E, Free, DIRECTORY, "a service gives no phone, email or website";
    CONTACT_MISSING: "contact-missing", E, Free, DIAG, "a contact block meant for every page has no file";
    CONTENT_MISSING: "content-missing", E, Syntax, FORMAT, "the site has no content folder";
    COST: "cost", E, Free, DIRECTORY, "a service's cost is written in a way families cannot compare";
    DEAD_ANCHOR: "dead-anchor", E, Free, DIAG, "a link to a #part of a page that does not exist";
    DEAD_LINK: "dead-link", E, Free, DIAG, "a link to a page or file of the site that does not exist";
    DESCRIPTION_TWICE: "description-twice", E, Free, FORMAT, "a service has a description field and also text below the front matter";
    DISABILITY_LANGUAGE: "disability-language", Either, Free, PLAIN, "outdated or offensive words about disability";
    DUPLICATE_EVENT: "duplicate-event", E, Free, EVENTS, "two events have the same id";
    DUPLICATE_FIELD: "duplicate-field", E, Syntax, FORMAT, "the same field is written twice";
    DUPLICATE_URL: "duplicate-url", E, Safety, DIAG, "two pages or services would have the same address";
    EASY_READ_ACRONYM: "easy-read-acronym", E, Free, EASY, "an easy-read page uses a short form in capitals";
    EASY_READ_DATE: "easy-read-date", E, Free, EASY, "an easy-read page writes a date in numbers";
    EASY_READ_HARD_WORD: "easy-read-hard-word", W, Free, EASY, "an easy-read page uses a long word not in the glossary";
    EASY_READ_IDIOM: "easy-read-idiom", W, Free, EASY, "an easy-read page uses a saying that is hard to take literally";
    EASY_READ_ITALICS: "easy-read-italics", E, Free, EASY, "an easy-read page uses italic text";
    EASY_READ_MISSING: "easy-read-missing", Either, Free, EASY, "a page that needs an easy-read version has none";
    EASY_READ_NUMBER: "easy-read-number", W, Free, EASY, "an easy-read page writes a number as a word";
    EASY_READ_ORPHAN: "easy-read-orphan", E, Free, EASY, "an easy-read page has no full version";
    EASY_READ_OUT_OF_DATE: "easy-read-out-of-date", W, Free, EASY, "an easy-read page is older than its full version";
    EASY_READ_PICTURE: "easy-read-picture", E, Free, EASY, "an easy-read point has no picture";
    EASY_READ_PICTURE_LIBRARY: "easy-read-picture-library", E, Free, EASY, "the picture library for easy-read pages is missing or wrong";
    EASY_READ_SAME_PICTURE: "easy-read-same-picture", E, Free, EASY, "an easy-read picture does not match the picture library";
    EASY_READ_SENTENCE: "easy-read-sentence", E, Free, EASY, "an easy-read sentence is too long";
    EASY_READ_TOO_LONG: "easy-read-too-long", W, Free, EASY, "an easy-read page has too many points";
    EASY_READ_UNKNOWN_PICTURE: "easy-read-unknown-picture", E, Free, EASY, "an easy-read picture is not in the picture library";
    EASY_READ_YOU: "easy-read-you", W, Free, EASY, "an easy-read page never speaks to the reader as \"you\"";
    EMAIL: "email", E, Free, DIRECTORY, "a service's email address is not one";
    EMPTY_FIELD: "empty-field", E, Free, DIRECTORY, "a field a family needs is empty";
    EMPTY_FILE: "empty-file", W, Free, FORMAT, "a service file is empty";
    EMPTY_VALUE: "empty-value", E, Syntax, FORMAT, "a field has no value";
    EVENT_DATE_MISSING: "event-date-missing", E, Free, EVENTS, "an event has no start date";
    EVENT_ENDS_BEFORE_START: "event-ends-before-start", E, Free, EVENTS, "an event ends before it starts";
    EVENT_OVER: "event-over", W, Free, EVENTS, "an event has no dates from today on";
    EVENT_TIME_MISSING: "event-time-missing", E, Free, EVENTS, "an event has no start and end times";
    EXTERNAL_BLOCKED: "external-blocked", Either, Free, EXTERNAL, "another website refused Signpost's check of a link";
    EXTERNAL_DEAD: "external-dead", Either, Free, EXTERNAL, "a link to another website leads nowhere";
    EXTERNAL_REDIRECT: "external-redirect", W, Free, EXTERNAL, "a link to another website is sent on elsewhere";
    EXTERNAL_SLOW: "external-slow", W, Free, EXTERNAL, "another website was too slow to answer";
    FEEDBACK_MISSING: "feedback-missing", E, Free, DIRECTORY, "there is no \"you said, we did\" feedback the law asks for";
    FEEDBACK_PERSONAL: "feedback-personal", E, Free, DIRECTORY, "a feedback comment could identify someone";
    FEEDBACK_STALE: "feedback-stale", E, Free, DIRECTORY, "the newest feedback is too old";
    FILE_NAME: "file-name", E, Free, FORMAT, "a file name that cannot be used in a web address";
    FILE_TOO_LARGE: "file-too-large", E, Syntax, FORMAT, "a file larger than the size limit";
    FRONT_MATTER_MISSING: "front-matter-missing", E, Syntax, FORMAT, "a page does not start with front matter";
    FRONT_MATTER_UNCLOSED: "front-matter-unclosed", E, Syntax, FORMAT, "a page's front matter has no closing ---";
    GLOSSARY_DUPLICATE: "glossary-duplicate", E, Free, FORMAT, "a term is in the glossary twice";
    HEADING_SKIPPED: "heading-skipped", E, Free, DIAG, "a heading skips a level";
    HELP_MISSING: "help-missing", E, Free, DIAG, "a page does not show the contact block meant for every page";
    HTML_ERROR: "html-error", E, Syntax, DIAG, "a page could not be finished";
    IMAGE_ALT: "image-alt", E, Free, DIAG, "an image without alt text";
    LANGUAGE_DIRECTION: "language-direction", E, Free, LANGUAGES, "a dir= on a passage that is not ltr, rtl or auto";
    LANGUAGE_TAG: "language-tag", E, Syntax, LANGUAGES, "a language tag in site.toml or a page is not a real BCP 47 tag";
    LANGUAGE_UNLISTED: "language-unlisted", E, Free, LANGUAGES, "a translation is in a language site.toml does not list under [[languages]]";
    LIMITS_NEED_REASON: "limits-need-reason", E, Free, PLAIN, "a page raises its plain-language limits without a reason";
    LINK_SYNTAX: "link-syntax", E, Free, DIAG, "a link whose address has a space, so it would not work";
    LONG_DESCRIPTION: "long-description", W, Free, DIRECTORY, "a service description much longer than families need";
    MARKUP_IN_TEXT: "markup-in-text", W, Free, SAFE_MARKUP, "HTML in a plain-text field";
    MISPLACED_FILE: "misplaced-file", E, Safety, STATIC, "a top-of-site file (CNAME, _redirects, _headers) outside static/";
    MISSING_FIELD: "missing-field", E, Syntax, FORMAT, "a field that must be there is missing";
    NAME_EMPTY: "name-empty", E, Free, DIAG, "a service with an empty name";
    NEWS_INDEX: "news-index", E, Free, NEWS, "a page where Signpost makes the news listing";
    NO_SCHEDULE: "no-schedule", E, Free, EVENTS, "an event takes its times from a service with no regular session";
    NO_TERMS: "no-terms", E, Free, EVENTS, "a term-time-only event, but no list of school terms";
    NOT_A_LIST: "not-a-list", E, Syntax, FORMAT, "a list written as something else";
    NOT_TEXT: "not-text", E, Syntax, FORMAT, "a content file that is not text";
    NOT_UTF8: "not-utf8", E, Syntax, FORMAT, "a file not saved as UTF-8";
    ON_NEEDS_MONTHLY: "on-needs-monthly", E, Free, EVENTS, "an event gives a day of the month but does not repeat monthly";
    OUTSIDE_SITE: "outside-site", E, Safety, SAFE_OUTPUT, "a link or name that leads out of the site folder";
    PARAGRAPH_TOO_LONG: "paragraph-too-long", W, Free, PLAIN, "a paragraph with too many sentences";
    PASSIVE_VOICE: "passive-voice", W, Free, PLAIN, "a sentence that hides who does something (\"a letter will be sent\")";
    PHONE: "phone", E, Free, DIRECTORY, "a phone number that cannot be dialled";
    PLACE_COORDINATES: "place-coordinates", E, Free, PLACES, "a place in places.yaml whose latitude or longitude is not in the UK";
    PLACE_DUPLICATE: "place-duplicate", E, Free, PLACES, "a locality or postcode district listed twice in places.yaml";
    PLACE_NAME: "place-name", E, Free, PLACES, "a locality without a name, or a postcode district that is not one, in places.yaml";
    POSTCODE_EXTRACT: "postcode-extract", Either, Free, PLACES, "a postcode extract not in the ONS Postcode Directory layout, or with no places.yaml to use it";
    POSTCODE_EXTRACT_ROW: "postcode-extract-row", W, Free, PLACES, "a row of a postcode extract that cannot be read (left out)";
    READ_ERROR: "read-error", E, Syntax, FORMAT, "a file Signpost cannot read";
    READING_AGE: "reading-age", Either, Free, PLAIN, "a page above its profile's reading age";
    REDIRECT_ADDRESS: "redirect-address", E, Free, REDIRECTS, "an old address that cannot be redirected";
    REDIRECT_CLASH: "redirect-clash", E, Safety, REDIRECTS, "an old address that is a page of the site, or is listed twice";
    REDIRECT_FILE_TYPE: "redirect-file-type", W, Free, REDIRECTS, "a redirect only _redirects can send on";
    REDIRECT_TARGET: "redirect-target", E, Free, REDIRECTS, "a redirect to an address that is not a page of the site";
    REVIEW_DATE: "review-date", E, Free, DIRECTORY, "a review or comment date in the future";
    REVIEW_DUE: "review-due", W, Free, DIAG, "content past its review date";
    REVIEW_OVERDUE: "review-overdue", Either, Free, DIAG, "content past its review date and the grace period";
    RULE_WITHOUT_REPEAT: "rule-without-repeat", W, Free, EVENTS, "an event's until, except or term_time_only without a repeat";
    SCHEDULE: "schedule", E, Free, DIRECTORY, "a service session that is not complete or not possible";
    SCHEDULE_OVER: "schedule-over", W, Free, DIRECTORY, "a dated service session that is over";
    SCHEDULE_WITHOUT_SERVICE: "schedule-without-service", E, Free, EVENTS, "from_schedule without the service to take it from";
    SECOND_H1: "second-h1", E, Free, DIAG, "a second main heading on a page";
    SENDIASS_MISSING: "sendiass-missing", E, Free, CONFIG, "the SENDIASS contact block is not on every page";
    SENTENCE_TOO_LONG: "sentence-too-long", Either, Free, PLAIN, "a sentence over the profile's word limits";
    SERVICE_ID: "service-id", E, Free, FORMAT, "a service id that cannot be used in a web address";
    SERVICES_OUTSIDE_FOLDER: "services-outside-folder", E, Free, DIAG, "a list of services saved outside content/services/";
    SHORT_BREAKS_STATEMENT: "short-breaks-statement", E, Free, DIRECTORY, "the Short Breaks Services Statement the law asks for is missing";
    SLOT_HOST: "slot-host", E, Safety, SLOTS, "a slot loads from a host not in [slots] allowed_hosts";
    SLOT_INLINE_SCRIPT: "slot-inline-script", E, Safety, SLOTS, "a slot with a script written into the page";
    SLOT_INLINE_STYLE: "slot-inline-style", E, Safety, SLOTS, "a slot with styles written into the page";
    SLOT_READ: "slot-read", E, Syntax, SLOTS, "a slot file Signpost cannot read";
    SLOT_TWICE: "slot-twice", E, Free, SLOTS, "a slot filled in site.toml and in a file";
    START_NOT_ON_RULE: "start-not-on-rule", E, Free, EVENTS, "an event's first date is not on its repeat day";
    STATEMENT_OVERDUE: "statement-overdue", E, Free, DIRECTORY, "the Short Breaks Services Statement is past its review date";
    STATIC_CLASH: "static-clash", E, Safety, STATIC, "a file in static/ with the address of a page Signpost makes";
    STRINGS_MISSING: "strings-missing", W, Free, LANGUAGES, "a language in [[languages]] lacks some interface strings (shown in English)";
    SYMLINK_LOOP: "symlink-loop", E, Safety, SAFE_OUTPUT, "a folder link that points back to a folder holding it";
    SYNONYM_REMOVE: "synonym-remove", W, Free, SEARCH, "a search word to remove that is not one of Signpost's";
    TEMPLATE_ERROR: "template-error", E, Syntax, THEMES, "the theme cannot show something";
    TERM_DATES: "term-dates", E, Free, EVENTS, "a school term that ends before it starts, or overlaps another";
    THEME_CONFIG: "theme-config", E, Syntax, THEMES, "the theme's theme.toml cannot be read";
    THEME_MISSING: "theme-missing", E, Syntax, THEMES, "the theme named in site.toml does not exist";
    THEME_READ: "theme-read", E, Syntax, THEMES, "the theme's files cannot be read";
    TITLE_EMPTY: "title-empty", E, Free, DIAG, "a page with an empty title";
    TOPIC_MISSING: "topic-missing", Either, Free, DIRECTORY, "a Local Offer topic the law asks for has no page";
    TOPIC_UNKNOWN: "topic-unknown", E, Free, DIAG, "a page topic that is not a Local Offer topic";
    TRANSLATION_FRONT_MATTER: "translation-front-matter", E, Free, LANGUAGES, "a translation lacks translated: or translator:, or a page sets lang:";
    TRANSLATION_ORPHAN: "translation-orphan", E, Free, LANGUAGES, "a translation has no page to translate";
    TRANSLATION_OUT_OF_DATE: "translation-out-of-date", W, Free, LANGUAGES, "a translation was made before its page was last reviewed";
    UNEXPLAINED_ACRONYM: "unexplained-acronym", W, Free, PLAIN, "an acronym not in the glossary and not explained";
    UNKNOWN_CATEGORY: "unknown-category", E, Free, DIRECTORY, "a service category that site.toml does not list";
    UNKNOWN_FIELD: "unknown-field", E, Syntax, FORMAT, "a field Signpost does not know";
    UNKNOWN_LOCALITY: "unknown-locality", W, Free, EVENTS, "an event in an area no service is in";
    UNKNOWN_RULE: "unknown-rule", E, Syntax, RULES, "[rules] in site.toml names a rule that does not exist";
    UNKNOWN_SERVICE: "unknown-service", E, Free, EVENTS, "an event names a service that does not exist";
    UNKNOWN_VALUE: "unknown-value", E, Syntax, FORMAT, "a value that is not one of those the field allows";
    UNSAFE_HTML: "unsafe-html", Either, Safety, SAFE_MARKUP, "raw HTML that is not on the allowed list";
    UNSAFE_LINK: "unsafe-link", E, Safety, SAFE_MARKUP, "an address that could run a script, or a scheme the site does not allow";
    UNTIL_BEFORE_START: "until-before-start", E, Free, EVENTS, "an event repeats until a date before it starts";
    UNUSED_FILE: "unused-file", W, Free, FORMAT, "a file Signpost does not use";
    URL: "url", E, Free, DIRECTORY, "a service's website is not a full web address";
    VAGUE_LINK_TEXT: "vague-link-text", W, Free, PLAIN, "link text such as \"click here\" or \"read more\"";
    VENUE_COORDINATES: "venue-coordinates", W, Free, PLACES, "a venue's own latitude or longitude is missing its partner or not in the UK";
    VENUE_MISSING: "venue-missing", E, Free, EVENTS, "an event does not say where it is";
    VENUE_NOT_PLACED: "venue-not-placed", W, Free, PLACES, "a venue that cannot be put on the map for \"near me\"";
    VIDEO: "video", E, Free, VIDEO, "a video that cannot be shown, or has no captions or transcript";
    VIDEO_CAPTIONS: "video-captions", E, Free, VIDEO, "a video's captions file is not WebVTT";
    WHERE: "where", E, Free, DIRECTORY, "a service does not say where it is";
    WORD_TO_AVOID: "word-to-avoid", Either, Free, PLAIN, "a word families do not use, with a plainer one";
    WRITE_ERROR: "write-error", E, Syntax, SAFE_OUTPUT, "a file of the site cannot be written";
    WRONG_TYPE: "wrong-type", E, Syntax, FORMAT, "a value of the wrong type for its field";
    YAML_SYNTAX: "yaml-syntax", E, Syntax, FORMAT, "a YAML file that cannot be read";
    YAML_TAB: "yaml-tab", E, Syntax, FORMAT, "a tab used for indenting YAML";
    YAML_TOO_COMPLEX: "yaml-too-complex", E, Syntax, FORMAT, "YAML with too many anchors and aliases";
    YAML_TOO_DEEP: "yaml-too-deep", E, Syntax, FORMAT, "YAML nested too deeply";
}
