//! Every rule Signpost reports, declared once: its id, how it usually reports, whether a site may
//! switch it off, a one-line summary and where it is explained.

use super::{Guard, Rule, Usual};

const FORMAT: &str = "README.md#content-format";
const DIAG: &str = "docs/diagnostics.md";
const CONFIG: &str = "README.md#configuration-sitetoml";
const SAFE_MARKUP: &str = "docs/markup-safety.md";
const SAFE_OUTPUT: &str = "docs/output-safety.md";
const PLAIN: &str = "README.md#plain-language";
const EASY: &str = "README.md#easy-read";
const DIRECTORY: &str = "docs/directory.md";
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

const fn rule(id: &'static str, usual: Usual, guard: Guard, summary: &'static str, docs: &'static str) -> Rule {
    Rule {
        id,
        usual,
        guard,
        summary,
        docs,
    }
}

use Guard::{Safety, Switchable as Free, Syntax};
use Usual::{Either, Error as E, Warning as W};

/// Every rule, sorted by id (a test keeps it sorted, complete and in step with the README).
#[rustfmt::skip]
pub const ALL: &[Rule] = &[
    rule("access", E, Free, "a service does not say how families get in (self-referral, drop-in…)", DIRECTORY),
    rule("ages", E, Free, "a service's ages are missing, reversed or outside 0 to 25", DIRECTORY),
    rule("allow-needs-reason", E, Free, "a signpost-allow comment gives no reason", PLAIN),
    rule("allow-unknown-rule", Either, Free, "a signpost-allow comment names a rule that does not exist", PLAIN),
    rule("allow-unused", W, Free, "a signpost-allow comment allows nothing on its line", PLAIN),
    rule("ampersand", W, Free, "\"&\" written for \"and\"", PLAIN),
    rule("attachment-html-version", E, Free, "a news attachment's HTML version is not a page of the site", NEWS),
    rule("attachment-missing", E, Free, "a news attachment is not in the assets folder", NEWS),
    rule("attachment-not-accessible", W, Free, "a news attachment is a PDF or document with no accessible version", NEWS),
    rule("bad-date", E, Syntax, "a date Signpost cannot read (write it as YYYY-MM-DD)", FORMAT),
    rule("bad-id", E, Free, "an event id that is not lowercase words joined by hyphens", EVENTS),
    rule("bad-on", E, Free, "an event's day of the month Signpost does not understand", EVENTS),
    rule("bad-time", E, Free, "an event time that is not HH:MM on the 24-hour clock", EVENTS),
    rule("bad-value", E, Syntax, "a value of the wrong kind for its field", FORMAT),
    rule("capitals", W, Free, "whole words in capitals", PLAIN),
    rule("cms-bare-list", W, Free, "a file the browser editor cannot edit, as its entries are a bare list", CMS),
    rule("config-missing", E, Syntax, "site.toml cannot be read", CONFIG),
    rule("config-syntax", E, Syntax, "site.toml is not valid TOML", CONFIG),
    rule("config-type", E, Syntax, "a site.toml setting has a value of the wrong type", CONFIG),
    rule("config-value", E, Syntax, "a site.toml setting has a value Signpost cannot use", CONFIG),
    rule("contact", E, Free, "a service gives no phone, email or website", DIRECTORY),
    rule("contact-missing", E, Free, "a contact block meant for every page has no file", DIAG),
    rule("content-missing", E, Syntax, "the site has no content folder", FORMAT),
    rule("cost", E, Free, "a service's cost is written in a way families cannot compare", DIRECTORY),
    rule("dead-anchor", E, Free, "a link to a #part of a page that does not exist", DIAG),
    rule("dead-link", E, Free, "a link to a page or file of the site that does not exist", DIAG),
    rule("description-twice", E, Free, "a service has a description field and also text below the front matter", FORMAT),
    rule("disability-language", Either, Free, "outdated or offensive words about disability", PLAIN),
    rule("duplicate-event", E, Free, "two events have the same id", EVENTS),
    rule("duplicate-field", E, Syntax, "the same field is written twice", FORMAT),
    rule("duplicate-url", E, Safety, "two pages or services would have the same address", DIAG),
    rule("easy-read-acronym", E, Free, "an easy-read page uses a short form in capitals", EASY),
    rule("easy-read-date", E, Free, "an easy-read page writes a date in numbers", EASY),
    rule("easy-read-hard-word", W, Free, "an easy-read page uses a long word not in the glossary", EASY),
    rule("easy-read-idiom", W, Free, "an easy-read page uses a saying that is hard to take literally", EASY),
    rule("easy-read-italics", E, Free, "an easy-read page uses italic text", EASY),
    rule("easy-read-missing", Either, Free, "a page that needs an easy-read version has none", EASY),
    rule("easy-read-number", W, Free, "an easy-read page writes a number as a word", EASY),
    rule("easy-read-orphan", E, Free, "an easy-read page has no full version", EASY),
    rule("easy-read-out-of-date", W, Free, "an easy-read page is older than its full version", EASY),
    rule("easy-read-picture", E, Free, "an easy-read point has no picture", EASY),
    rule("easy-read-picture-library", E, Free, "the picture library for easy-read pages is missing or wrong", EASY),
    rule("easy-read-same-picture", E, Free, "an easy-read picture does not match the picture library", EASY),
    rule("easy-read-sentence", E, Free, "an easy-read sentence is too long", EASY),
    rule("easy-read-too-long", W, Free, "an easy-read page has too many points", EASY),
    rule("easy-read-unknown-picture", E, Free, "an easy-read picture is not in the picture library", EASY),
    rule("easy-read-you", W, Free, "an easy-read page never speaks to the reader as \"you\"", EASY),
    rule("email", E, Free, "a service's email address is not one", DIRECTORY),
    rule("empty-field", E, Free, "a field a family needs is empty", DIRECTORY),
    rule("empty-file", W, Free, "a service file is empty", FORMAT),
    rule("empty-value", E, Syntax, "a field has no value", FORMAT),
    rule("event-date-missing", E, Free, "an event has no start date", EVENTS),
    rule("event-ends-before-start", E, Free, "an event ends before it starts", EVENTS),
    rule("event-over", W, Free, "an event has no dates from today on", EVENTS),
    rule("event-time-missing", E, Free, "an event has no start and end times", EVENTS),
    rule("external-blocked", Either, Free, "another website refused Signpost's check of a link", EXTERNAL),
    rule("external-dead", Either, Free, "a link to another website leads nowhere", EXTERNAL),
    rule("external-redirect", W, Free, "a link to another website is sent on elsewhere", EXTERNAL),
    rule("external-slow", W, Free, "another website was too slow to answer", EXTERNAL),
    rule("feedback-missing", E, Free, "there is no \"you said, we did\" feedback the law asks for", DIRECTORY),
    rule("feedback-personal", E, Free, "a feedback comment could identify someone", DIRECTORY),
    rule("feedback-stale", E, Free, "the newest feedback is too old", DIRECTORY),
    rule("file-name", E, Free, "a file name that cannot be used in a web address", FORMAT),
    rule("file-too-large", E, Syntax, "a file larger than the size limit", FORMAT),
    rule("front-matter-missing", E, Syntax, "a page does not start with front matter", FORMAT),
    rule("front-matter-unclosed", E, Syntax, "a page's front matter has no closing ---", FORMAT),
    rule("glossary-duplicate", E, Free, "a term is in the glossary twice", FORMAT),
    rule("heading-skipped", E, Free, "a heading skips a level", DIAG),
    rule("help-missing", E, Free, "a page does not show the contact block meant for every page", DIAG),
    rule("html-error", E, Syntax, "a page could not be finished", DIAG),
    rule("image-alt", E, Free, "an image without alt text", DIAG),
    rule("language-tag", E, Syntax, "a language tag in site.toml or a page is not a real BCP 47 tag", LANGUAGES),
    rule("limits-need-reason", E, Free, "a page raises its plain-language limits without a reason", PLAIN),
    rule("link-syntax", E, Free, "a link whose address has a space, so it would not work", DIAG),
    rule("long-description", W, Free, "a service description much longer than families need", DIRECTORY),
    rule("markup-in-text", W, Free, "HTML in a plain-text field", SAFE_MARKUP),
    rule("misplaced-file", E, Safety, "a top-of-site file (CNAME, _redirects, _headers) outside static/", STATIC),
    rule("missing-field", E, Syntax, "a field that must be there is missing", FORMAT),
    rule("name-empty", E, Free, "a service with an empty name", DIAG),
    rule("news-index", E, Free, "a page where Signpost makes the news listing", NEWS),
    rule("no-schedule", E, Free, "an event takes its times from a service with no regular session", EVENTS),
    rule("no-terms", E, Free, "a term-time-only event, but no list of school terms", EVENTS),
    rule("not-a-list", E, Syntax, "a list written as something else", FORMAT),
    rule("not-text", E, Syntax, "a content file that is not text", FORMAT),
    rule("not-utf8", E, Syntax, "a file not saved as UTF-8", FORMAT),
    rule("on-needs-monthly", E, Free, "an event gives a day of the month but does not repeat monthly", EVENTS),
    rule("outside-site", E, Safety, "a link or name that leads out of the site folder", SAFE_OUTPUT),
    rule("paragraph-too-long", W, Free, "a paragraph with too many sentences", PLAIN),
    rule("passive-voice", W, Free, "a sentence that hides who does something (\"a letter will be sent\")", PLAIN),
    rule("phone", E, Free, "a phone number that cannot be dialled", DIRECTORY),
    rule("read-error", E, Syntax, "a file Signpost cannot read", FORMAT),
    rule("reading-age", Either, Free, "a page above its profile's reading age", PLAIN),
    rule("redirect-address", E, Free, "an old address that cannot be redirected", REDIRECTS),
    rule("redirect-clash", E, Safety, "an old address that is a page of the site, or is listed twice", REDIRECTS),
    rule("redirect-file-type", W, Free, "a redirect only _redirects can send on", REDIRECTS),
    rule("redirect-target", E, Free, "a redirect to an address that is not a page of the site", REDIRECTS),
    rule("review-date", E, Free, "a review or comment date in the future", DIRECTORY),
    rule("review-due", W, Free, "content past its review date", DIAG),
    rule("review-overdue", Either, Free, "content past its review date and the grace period", DIAG),
    rule("rule-without-repeat", W, Free, "an event's until, except or term_time_only without a repeat", EVENTS),
    rule("schedule", E, Free, "a service session that is not complete or not possible", DIRECTORY),
    rule("schedule-over", W, Free, "a dated service session that is over", DIRECTORY),
    rule("schedule-without-service", E, Free, "from_schedule without the service to take it from", EVENTS),
    rule("second-h1", E, Free, "a second main heading on a page", DIAG),
    rule("sendiass-missing", E, Free, "the SENDIASS contact block is not on every page", CONFIG),
    rule("sentence-too-long", Either, Free, "a sentence over the profile's word limits", PLAIN),
    rule("service-id", E, Free, "a service id that cannot be used in a web address", FORMAT),
    rule("services-outside-folder", E, Free, "a list of services saved outside content/services/", DIAG),
    rule("short-breaks-statement", E, Free, "the Short Breaks Services Statement the law asks for is missing", DIRECTORY),
    rule("slot-host", E, Safety, "a slot loads from a host not in [slots] allowed_hosts", SLOTS),
    rule("slot-inline-script", E, Safety, "a slot with a script written into the page", SLOTS),
    rule("slot-inline-style", E, Safety, "a slot with styles written into the page", SLOTS),
    rule("slot-read", E, Syntax, "a slot file Signpost cannot read", SLOTS),
    rule("slot-twice", E, Free, "a slot filled in site.toml and in a file", SLOTS),
    rule("start-not-on-rule", E, Free, "an event's first date is not on its repeat day", EVENTS),
    rule("statement-overdue", E, Free, "the Short Breaks Services Statement is past its review date", DIRECTORY),
    rule("static-clash", E, Safety, "a file in static/ with the address of a page Signpost makes", STATIC),
    rule("symlink-loop", E, Safety, "a folder link that points back to a folder holding it", SAFE_OUTPUT),
    rule("synonym-remove", W, Free, "a search word to remove that is not one of Signpost's", SEARCH),
    rule("template-error", E, Syntax, "the theme cannot show something", THEMES),
    rule("term-dates", E, Free, "a school term that ends before it starts, or overlaps another", EVENTS),
    rule("theme-config", E, Syntax, "the theme's theme.toml cannot be read", THEMES),
    rule("theme-missing", E, Syntax, "the theme named in site.toml does not exist", THEMES),
    rule("theme-read", E, Syntax, "the theme's files cannot be read", THEMES),
    rule("title-empty", E, Free, "a page with an empty title", DIAG),
    rule("topic-missing", Either, Free, "a Local Offer topic the law asks for has no page", DIRECTORY),
    rule("topic-unknown", E, Free, "a page topic that is not a Local Offer topic", DIAG),
    rule("unexplained-acronym", W, Free, "an acronym not in the glossary and not explained", PLAIN),
    rule("unknown-category", E, Free, "a service category that site.toml does not list", DIRECTORY),
    rule("unknown-field", E, Syntax, "a field Signpost does not know", FORMAT),
    rule("unknown-locality", W, Free, "an event in an area no service is in", EVENTS),
    rule("unknown-rule", E, Syntax, "[rules] in site.toml names a rule that does not exist", RULES),
    rule("unknown-service", E, Free, "an event names a service that does not exist", EVENTS),
    rule("unknown-value", E, Syntax, "a value that is not one of those the field allows", FORMAT),
    rule("unsafe-html", Either, Safety, "raw HTML that is not on the allowed list", SAFE_MARKUP),
    rule("unsafe-link", E, Safety, "an address that could run a script, or a scheme the site does not allow", SAFE_MARKUP),
    rule("until-before-start", E, Free, "an event repeats until a date before it starts", EVENTS),
    rule("unused-file", W, Free, "a file Signpost does not use", FORMAT),
    rule("url", E, Free, "a service's website is not a full web address", DIRECTORY),
    rule("vague-link-text", W, Free, "link text such as \"click here\" or \"read more\"", PLAIN),
    rule("venue-missing", E, Free, "an event does not say where it is", EVENTS),
    rule("video", E, Free, "a video that cannot be shown, or has no captions or transcript", VIDEO),
    rule("video-captions", E, Free, "a video's captions file is not WebVTT", VIDEO),
    rule("where", E, Free, "a service does not say where it is", DIRECTORY),
    rule("word-to-avoid", Either, Free, "a word families do not use, with a plainer one", PLAIN),
    rule("write-error", E, Syntax, "a file of the site cannot be written", SAFE_OUTPUT),
    rule("wrong-type", E, Syntax, "a value of the wrong type for its field", FORMAT),
    rule("yaml-syntax", E, Syntax, "a YAML file that cannot be read", FORMAT),
    rule("yaml-tab", E, Syntax, "a tab used for indenting YAML", FORMAT),
    rule("yaml-too-complex", E, Syntax, "YAML with too many anchors and aliases", FORMAT),
    rule("yaml-too-deep", E, Syntax, "YAML nested too deeply", FORMAT),
];
