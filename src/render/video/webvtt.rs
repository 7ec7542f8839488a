//! A small WebVTT reader: enough to be sure a captions file will play (the `WEBVTT` signature,
//! cues with valid timings that do not run backwards), and to say on which line it goes wrong.

/// A problem in a WebVTT file, at a 1-based line of that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VttProblem {
    /// 1-based line in the `.vtt` file.
    pub line: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

fn problem(line: usize, message: impl Into<String>) -> VttProblem {
    VttProblem {
        line,
        message: message.into(),
    }
}

/// Reads a WebVTT file and returns how many cues it has. A file with no cues is a problem too:
/// it would show no captions at all.
pub fn check(text: &str) -> Result<usize, VttProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line)).collect();
    let first = lines.first().copied().unwrap_or("");
    let signed = first == "WEBVTT" || first.strip_prefix("WEBVTT").is_some_and(|rest| rest.starts_with([' ', '\t']));
    if !signed {
        return Err(problem(1, "the first line must be WEBVTT"));
    }
    // Skip the header (everything up to the first blank line).
    let mut index = lines.iter().position(|line| line.trim().is_empty()).unwrap_or(lines.len());
    let mut cues = 0;
    while index < lines.len() {
        if lines[index].trim().is_empty() {
            index += 1;
            continue;
        }
        let start = index;
        let end = lines[start..]
            .iter()
            .position(|l| l.trim().is_empty())
            .map_or(lines.len(), |n| start + n);
        let block = &lines[start..end];
        index = end;
        let head = block[0];
        if ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|word| head == *word || head.strip_prefix(word).is_some_and(|rest| rest.starts_with([' ', '\t'])))
        {
            continue;
        }
        let (timing_at, timing) = if head.contains("-->") {
            (start, head)
        } else {
            match block.get(1) {
                Some(next) if next.contains("-->") => (start + 1, *next),
                _ => {
                    return Err(problem(
                        start + 1,
                        format!("this cue has no timing line like 00:01.000 --> 00:04.000 (found `{}`)", shown(head)),
                    ));
                }
            }
        };
        check_timing(timing).map_err(|message| problem(timing_at + 1, message))?;
        cues += 1;
    }
    if cues == 0 {
        return Err(problem(1, "the file has no captions (no cues with timings)"));
    }
    Ok(cues)
}

fn shown(text: &str) -> String {
    text.chars().take(60).filter(|c| !c.is_control()).collect()
}

/// `00:01.000 --> 00:04.000 align:start`: both times valid and the end after the start.
fn check_timing(line: &str) -> Result<(), String> {
    let (from, rest) = line.split_once("-->").ok_or("no `-->` between the start and end times")?;
    let to = rest.split_whitespace().next().unwrap_or("");
    let start = timestamp(from.trim()).ok_or_else(|| format!("the start time `{}` is not a time like 00:01.000", shown(from.trim())))?;
    let end = timestamp(to).ok_or_else(|| format!("the end time `{}` is not a time like 00:04.000", shown(to)))?;
    if end <= start {
        return Err(format!("the end time {to} is not after the start time {}", from.trim()));
    }
    Ok(())
}

/// `HH:MM:SS.mmm` or `MM:SS.mmm` in milliseconds.
fn timestamp(text: &str) -> Option<u64> {
    let (clock, millis) = text.split_once('.')?;
    if millis.len() != 3 || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [minutes, seconds] => ("0", *minutes, *seconds),
        [hours, minutes, seconds] if hours.len() >= 2 => (*hours, *minutes, *seconds),
        _ => return None,
    };
    let digits = |s: &str, two: bool| -> Option<u64> {
        if (two && s.len() != 2) || s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let hours = digits(hours, false)?;
    let minutes = digits(minutes, true)?;
    let seconds = digits(seconds, true)?;
    if minutes > 59 || seconds > 59 {
        return None;
    }
    let millis: u64 = millis.parse().ok()?;
    Some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_counts_its_cues() {
        let text = "WEBVTT - captions\n\nNOTE made by hand\n\n1\n00:00.000 --> 00:02.500\nHello\n\n00:00:02.500 --> 00:00:05.000 align:start\nGoodbye\n";
        assert_eq!(check(text), Ok(2));
        assert_eq!(check("\u{feff}WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n"), Ok(1));
    }

    #[test]
    fn the_signature_is_required() {
        assert_eq!(check("WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n").unwrap_err().line, 1);
        assert_eq!(check("1\n00:01.000 --> 00:02.000\nHi\n").unwrap_err().line, 1);
    }

    #[test]
    fn bad_timings_name_their_line() {
        let bad = check("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:02.000 --> 00:61.000\nBad\n").unwrap_err();
        assert_eq!(bad.line, 6);
        assert!(bad.message.contains("end time"), "{}", bad.message);
        assert_eq!(check("WEBVTT\n\n00:03.000 --> 00:02.000\nBackwards\n").unwrap_err().line, 3);
        assert_eq!(check("WEBVTT\n\n0:01.000 --> 00:02.000\nOne digit\n").unwrap_err().line, 3);
        assert_eq!(check("WEBVTT\n\n00:01,000 --> 00:02,000\nSRT commas\n").unwrap_err().line, 3);
        assert_eq!(check("WEBVTT\n\nintro\nHello with no timing\n").unwrap_err().line, 3);
    }

    #[test]
    fn a_file_without_cues_is_a_problem() {
        assert!(check("WEBVTT\n").is_err());
        assert!(check("WEBVTT\n\nNOTE only a note\n").is_err());
    }
}
