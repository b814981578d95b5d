//! Reading every saved version and bringing it to the current one.
//!
//! Architecture invariant: migrations never lose text. Whatever has no field in the current
//! [`Story`] (an unknown key, an unreadable time, an unknown category) is appended to `unsorted`
//! as `key: value`, so the user can still find it.

use serde_json::{Map, Value};

use super::import::{
    ImportData, ImportError, ImportKind, StoryRef, MAX_FIELD_BYTES, MAX_STEPS, MAX_STORIES,
};
use super::{Bank, FailureCategory, Field, RecoveryStep, Story, CURRENT_SCHEMA};

/// Keys only v4 stories have; a bare object with one of them is read as a v4 story.
const V4_ONLY: &[&str] = &["job_ad", "edited_answer", "show_generated", "edited_from"];
/// Keys only v3 and later stories have; a bare object with one of them is read as a v3 story.
const V3_ONLY: &[&str] = &[
    "target_role",
    "immediate_win",
    "long_term_gain",
    "created_ms",
    "updated_ms",
    "last_step",
    "dismissed",
    "unsorted",
];
/// Keys only v2 stories have.
const V2_ONLY: &[&str] = &[
    "immediate",
    "long_term",
    "created",
    "updated",
    "change",
    "id",
];
/// Keys v1 stories have.
const V1_KEYS: &[&str] = &[
    "role", "failure", "context", "recovery", "result", "lesson", "title",
];

/// Reads a parsed JSON file of any known version into a current bank.
pub(crate) fn read_any(value: &Value) -> Result<ImportData, ImportError> {
    let obj = match value {
        Value::Object(o) => o,
        other => {
            return Err(ImportError::NotComeback {
                found: format!("it holds {}, not a story bank", describe(other)),
            })
        }
    };
    if let Some(v) = obj.get("schema_version") {
        let version = version_number(v, "`schema_version`")?;
        return match version {
            // v4 is v3 with the job ad: one reader takes both (a v3 file has no `job_ad`).
            3 | 4 => {
                if let Some(app) = obj.get("app") {
                    if app.as_str() != Some(super::APP_NAME) {
                        return Err(ImportError::NotComeback {
                            found: "it was made by another app".to_string(),
                        });
                    }
                }
                let stories = read_list(obj, read_v3)?;
                Ok(bank(stories, version as u32, ImportKind::Bank))
            }
            n if n > u64::from(CURRENT_SCHEMA) => Err(ImportError::NewerVersion { found: n }),
            n => Err(ImportError::UnknownVersion { found: n }),
        };
    }
    if let Some(v) = obj.get("version") {
        if obj.contains_key("stories") {
            let version = version_number(v, "`version`")?;
            return match version {
                2 => Ok(bank(read_list(obj, read_v2)?, 2, ImportKind::Bank)),
                n if n > u64::from(CURRENT_SCHEMA) => Err(ImportError::NewerVersion { found: n }),
                n => Err(ImportError::UnknownVersion { found: n }),
            };
        }
    }
    if obj.contains_key("stories") {
        return Err(ImportError::NotComeback {
            found: "it has a list of stories but no version number".to_string(),
        });
    }
    let has = |keys: &[&str]| keys.iter().any(|k| obj.contains_key(*k));
    let first = || StoryRef {
        number: 1,
        title: obj
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    };
    if has(V4_ONLY) || has(V3_ONLY) {
        let version = if has(V4_ONLY) { 4 } else { 3 };
        Ok(bank(
            vec![read_v3(obj, first())?],
            version,
            ImportKind::SingleStory,
        ))
    } else if has(V2_ONLY) {
        Ok(bank(
            vec![read_v2(obj, first())?],
            2,
            ImportKind::SingleStory,
        ))
    } else if has(V1_KEYS) {
        Ok(bank(
            vec![read_v1(obj, first())?],
            1,
            ImportKind::SingleStory,
        ))
    } else {
        Err(ImportError::NotComeback {
            found: "it has none of the fields of a story".to_string(),
        })
    }
}

fn bank(stories: Vec<Story>, source_version: u32, kind: ImportKind) -> ImportData {
    ImportData {
        bank: Bank::with_stories(stories),
        source_version,
        kind,
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a piece of text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn version_number(v: &Value, field: &str) -> Result<u64, ImportError> {
    v.as_u64().ok_or_else(|| ImportError::BadField {
        story: None,
        field: field.to_string(),
        problem: "should be a whole number".to_string(),
    })
}

type StoryReaderFn = fn(&Map<String, Value>, StoryRef) -> Result<Story, ImportError>;

fn read_list(obj: &Map<String, Value>, read: StoryReaderFn) -> Result<Vec<Story>, ImportError> {
    let list = match obj.get("stories") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err(top_field("`stories`", "should be a list")),
        None => return Err(top_field("`stories`", "is missing")),
    };
    if list.len() > MAX_STORIES {
        return Err(ImportError::TooManyStories { count: list.len() });
    }
    let mut stories = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let title = item
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let at = StoryRef {
            number: i + 1,
            title,
        };
        match item {
            Value::Object(map) => stories.push(read(map, at)?),
            other => {
                return Err(ImportError::BadField {
                    story: Some(at),
                    field: String::new(),
                    problem: format!("should be an object, but is {}", describe(other)),
                })
            }
        }
    }
    Ok(stories)
}

fn top_field(field: &str, problem: &str) -> ImportError {
    ImportError::BadField {
        story: None,
        field: field.to_string(),
        problem: problem.to_string(),
    }
}

/// Reads the fields of one story object, remembering which keys it used.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    at: StoryRef,
    used: Vec<&'static str>,
    unsorted: Vec<String>,
}

impl<'a> Fields<'a> {
    fn new(map: &'a Map<String, Value>, at: StoryRef) -> Self {
        Fields {
            map,
            at,
            used: Vec::new(),
            unsorted: Vec::new(),
        }
    }

    fn bad(&self, field: &str, problem: &str) -> ImportError {
        ImportError::BadField {
            story: Some(self.at.clone()),
            field: field.to_string(),
            problem: problem.to_string(),
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.used.push(key);
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn check_len(&self, field: &str, s: &str) -> Result<(), ImportError> {
        if s.len() > MAX_FIELD_BYTES {
            return Err(ImportError::TooLong {
                story: Some(self.at.clone()),
                field: field.to_string(),
                size: s.len(),
                limit: MAX_FIELD_BYTES,
            });
        }
        Ok(())
    }

    /// A text field; missing or null reads as empty.
    fn text(&mut self, key: &'static str) -> Result<String, ImportError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => {
                self.check_len(&format!("`{key}`"), s)?;
                Ok(s.clone())
            }
            Some(other) => Err(self.bad(
                &format!("`{key}`"),
                &format!("should be text, but is {}", describe(other)),
            )),
        }
    }

    /// A list field; missing or null reads as empty.
    fn list(&mut self, key: &'static str) -> Result<&'a [Value], ImportError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => {
                if items.len() > MAX_STEPS && key == "steps" {
                    return Err(ImportError::TooLong {
                        story: Some(self.at.clone()),
                        field: "`steps`".to_string(),
                        size: items.len(),
                        limit: MAX_STEPS,
                    });
                }
                Ok(items)
            }
            Some(other) => Err(self.bad(
                &format!("`{key}`"),
                &format!("should be a list, but is {}", describe(other)),
            )),
        }
    }

    fn keep(&mut self, key: &str, text: &str) {
        if !text.trim().is_empty() {
            self.unsorted.push(format!("{key}: {text}"));
        }
    }

    /// Moves every key this reader did not use into `unsorted`, then appends it to the story.
    fn finish(mut self, story: &mut Story) -> Result<(), ImportError> {
        let map = self.map;
        for (key, value) in map {
            if self.used.contains(&key.as_str()) {
                continue;
            }
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Null => continue,
                other => other.to_string(),
            };
            self.check_len(&format!("`{key}`"), &text)?;
            self.keep(key, &text);
        }
        let mut parts: Vec<String> = Vec::new();
        if !story.unsorted.trim().is_empty() {
            parts.push(story.unsorted.clone());
        }
        parts.extend(self.unsorted);
        story.unsorted = parts.join("\n\n");
        Ok(())
    }
}

fn require_id(f: &mut Fields<'_>) -> Result<String, ImportError> {
    match f.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            f.check_len("`id`", s)?;
            Ok(s.clone())
        }
        Some(Value::String(_)) => Err(f.bad("`id`", "is empty")),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(other) => Err(f.bad(
            "`id`",
            &format!("should be text, but is {}", describe(other)),
        )),
        None => Err(f.bad("`id`", "is missing")),
    }
}

/// v3 and v4: the current `Story` serde form, validated field by field.
fn read_v3(map: &Map<String, Value>, at: StoryRef) -> Result<Story, ImportError> {
    let mut f = Fields::new(map, at);
    let id = require_id(&mut f)?;
    let category = match f.get("category") {
        None => FailureCategory::Unset,
        Some(Value::String(s)) => FailureCategory::from_id(s).ok_or_else(|| {
            let names: Vec<&str> = FailureCategory::CHOICES.iter().map(|c| c.id()).collect();
            f.bad(
                "`category`",
                &format!("should be one of {}, but is \"{s}\"", names.join(", ")),
            )
        })?,
        Some(other) => {
            return Err(f.bad(
                "`category`",
                &format!("should be text, but is {}", describe(other)),
            ))
        }
    };
    let mut steps = Vec::new();
    for (i, item) in f.list("steps")?.iter().enumerate() {
        let n = i + 1;
        let Value::Object(step) = item else {
            return Err(f.bad(
                &format!("`steps` (step {n})"),
                &format!(
                    "should be an object with action, who and when, but is {}",
                    describe(item)
                ),
            ));
        };
        let mut s = RecoveryStep::default();
        for (key, value) in step {
            let slot = match key.as_str() {
                "action" => &mut s.action,
                "who" => &mut s.who,
                "when" => &mut s.when,
                _ => {
                    let text = value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_string);
                    f.check_len(&format!("`{key}` in step {n}"), &text)?;
                    f.keep(&format!("step {n} {key}"), &text);
                    continue;
                }
            };
            match value {
                Value::Null => {}
                Value::String(text) => {
                    f.check_len(&format!("`{key}` in step {n}"), text)?;
                    *slot = text.clone();
                }
                other => {
                    return Err(f.bad(
                        &format!("`{key}` in step {n}"),
                        &format!("should be text, but is {}", describe(other)),
                    ))
                }
            }
        }
        steps.push(s);
    }
    let mut dismissed = Vec::new();
    for item in f.list("dismissed")? {
        match item {
            Value::String(s) => {
                f.check_len("`dismissed`", s)?;
                dismissed.push(s.clone());
            }
            other => {
                return Err(f.bad(
                    "`dismissed`",
                    &format!(
                        "should be a list of rule ids, but holds {}",
                        describe(other)
                    ),
                ))
            }
        }
    }
    let last_step = match f.get("last_step") {
        None => 0,
        Some(v) => match v.as_u64() {
            Some(n) if n <= 5 => n as u8,
            _ => return Err(f.bad("`last_step`", "should be a whole number from 0 to 5")),
        },
    };
    let created_ms = ms(&mut f, "created_ms")?;
    let updated_ms = ms(&mut f, "updated_ms")?;
    let show_generated = match f.get("show_generated") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(f.bad(
                "`show_generated`",
                &format!("should be true or false, but is {}", describe(other)),
            ))
        }
    };
    let edited_from = f.text("edited_from")?;
    let mut story = Story {
        id,
        show_generated,
        edited_from,
        category,
        steps,
        dismissed,
        last_step,
        created_ms,
        updated_ms,
        ..Story::default()
    };
    // Every text outside the steps, by its saved name: a text added to the story is read here
    // without a line of its own.
    for field in Field::ALL.into_iter().filter(|f| f.step().is_none()) {
        if let (Some(name), Some(slot)) = (field.saved_name(), story.get_mut(field)) {
            *slot = f.text(name)?;
        }
    }
    f.finish(&mut story)?;
    Ok(story)
}

fn ms(f: &mut Fields<'_>, key: &'static str) -> Result<f64, ImportError> {
    match f.get(key) {
        None => Ok(0.0),
        Some(v) => match v.as_f64() {
            Some(t) if t.is_finite() && t >= 0.0 => Ok(t),
            _ => Err(f.bad(
                &format!("`{key}`"),
                "should be a time in milliseconds (a number of 0 or more)",
            )),
        },
    }
}

/// v2: ids, steps as plain strings, `immediate`/`long_term`, times as ISO text or ms.
fn read_v2(map: &Map<String, Value>, at: StoryRef) -> Result<Story, ImportError> {
    let mut f = Fields::new(map, at);
    let id = require_id(&mut f)?;
    let category = match f.get("category") {
        None => FailureCategory::Unset,
        Some(Value::String(s)) => match v2_category(s) {
            Some(c) => c,
            None => {
                f.keep("category", s);
                FailureCategory::Unset
            }
        },
        Some(other) => {
            return Err(f.bad(
                "`category`",
                &format!("should be text, but is {}", describe(other)),
            ))
        }
    };
    let mut steps = Vec::new();
    for (i, item) in f.list("steps")?.iter().enumerate() {
        match item {
            Value::String(s) => {
                f.check_len(&format!("step {}", i + 1), s)?;
                if !s.trim().is_empty() {
                    steps.push(RecoveryStep {
                        action: s.clone(),
                        ..RecoveryStep::default()
                    });
                }
            }
            Value::Null => {}
            other => {
                return Err(f.bad(
                    &format!("`steps` (step {})", i + 1),
                    &format!("should be text, but is {}", describe(other)),
                ))
            }
        }
    }
    let created_ms = v2_time(&mut f, "created")?;
    let updated_ms = v2_time(&mut f, "updated")?.max(created_ms);
    let mut story = Story {
        id,
        title: f.text("title")?,
        target_role: f.text("role")?,
        category,
        summary: f.text("summary")?,
        context: f.text("context")?,
        steps,
        immediate_win: f.text("immediate")?,
        long_term_gain: f.text("long_term")?,
        lesson: f.text("lesson")?,
        change: f.text("change")?,
        created_ms,
        updated_ms,
        ..Story::default()
    };
    f.finish(&mut story)?;
    Ok(story)
}

fn v2_category(s: &str) -> Option<FailureCategory> {
    use FailureCategory as C;
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "" | "none" | "unset" => C::Unset,
        "technical" => C::TechnicalProblem,
        "shock" | "outside" => C::OutsideShock,
        "rare" => C::RareEvent,
        "control" | "uncontrollable" => C::OutsideControl,
        "judgment" | "judgement" => C::PoorJudgment,
        "skills" => C::BasicSkills,
        "conflict" => C::Conflict,
        "ethics" => C::Ethics,
        "core" => C::CoreOfRole,
        other => return FailureCategory::from_id(other),
    })
}

/// A v2 time: milliseconds, or ISO 8601 text. Unreadable text is kept in `unsorted`, read as 0.
fn v2_time(f: &mut Fields<'_>, key: &'static str) -> Result<f64, ImportError> {
    match f.get(key) {
        None => Ok(0.0),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(t) if t.is_finite() && t >= 0.0 => Ok(t),
            _ => Err(f.bad(&format!("`{key}`"), "should be a time (0 or more)")),
        },
        Some(Value::String(s)) => match parse_iso_ms(s) {
            Some(t) if t >= 0.0 => Ok(t),
            _ => {
                f.check_len(&format!("`{key}`"), s)?;
                f.keep(key, s);
                Ok(0.0)
            }
        },
        Some(other) => Err(f.bad(
            &format!("`{key}`"),
            &format!("should be a date or a number, but is {}", describe(other)),
        )),
    }
}

/// v1: one story, no id, no times; `recovery` and `result` each one free-text string.
fn read_v1(map: &Map<String, Value>, at: StoryRef) -> Result<Story, ImportError> {
    let mut f = Fields::new(map, at);
    let failure = f.text("failure")?;
    let recovery = f.text("recovery")?;
    let result = f.text("result")?;
    let title = f.text("title")?;
    let mut story = Story {
        title: if title.trim().is_empty() {
            title_from(&failure)
        } else {
            title
        },
        target_role: f.text("role")?,
        summary: failure,
        context: f.text("context")?,
        steps: split_sentences(&recovery)
            .into_iter()
            .map(|action| RecoveryStep {
                action,
                ..RecoveryStep::default()
            })
            .collect(),
        lesson: f.text("lesson")?,
        ..Story::default()
    };
    // v1 mixed the immediate win and the long-term gain in one text: the first sentence is
    // usually what happened at once, the rest what lasted.
    let mut result_parts = split_sentences(&result).into_iter();
    story.immediate_win = result_parts.next().unwrap_or_default();
    story.long_term_gain = result_parts.collect::<Vec<_>>().join(" ");
    f.finish(&mut story)?;
    story.id = format!("v1-{:016x}", fnv1a(&story));
    Ok(story)
}

/// A stable id for a v1 story, so importing the same file twice finds it identical.
fn fnv1a(story: &Story) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let steps: Vec<&str> = story.steps.iter().map(|s| s.action.as_str()).collect();
    let parts = [
        story.title.as_str(),
        &story.target_role,
        &story.summary,
        &story.context,
        &steps.join("\u{1f}"),
        &story.immediate_win,
        &story.long_term_gain,
        &story.lesson,
        &story.unsorted,
    ];
    for part in parts {
        for b in part.bytes().chain([0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

fn title_from(failure: &str) -> String {
    let words: Vec<&str> = failure.split_whitespace().take(8).collect();
    if words.is_empty() {
        "Imported story".to_string()
    } else {
        let joined = words.join(" ");
        let mut chars = joined.chars();
        let mut t: String = match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        if failure.split_whitespace().count() > 8 {
            t.push('…');
        }
        t
    }
}

/// Splits free text into sentences (at . ! ? followed by white space, and at line breaks).
/// Every character except the white space between sentences is kept.
pub(crate) fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || c == '\r' {
            push_trimmed(&mut out, &mut current);
            continue;
        }
        current.push(c);
        if matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|n| n.is_whitespace()) {
            push_trimmed(&mut out, &mut current);
        }
    }
    push_trimmed(&mut out, &mut current);
    out
}

fn push_trimmed(out: &mut Vec<String>, current: &mut String) {
    let t = current.trim();
    if !t.is_empty() {
        out.push(t.to_string());
    }
    current.clear();
}

/// Parses `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM`.
pub(crate) fn parse_iso_ms(s: &str) -> Option<f64> {
    let s = s.trim();
    let num = |t: &str| -> Option<i64> {
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let (date, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (s.get(..i)?, s.get(i + 1..)?),
        None => (s, ""),
    };
    let mut d = date.split('-');
    let (y, m, day) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
    if d.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let (time, offset_min) = if rest.is_empty() {
        ("00:00", 0)
    } else if let Some(t) = rest.strip_suffix(['Z', 'z']) {
        (t, 0)
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let (t, off) = rest.split_at(i);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let mut o = off.get(1..)?.split(':');
        let (oh, om) = (num(o.next()?)?, num(o.next().unwrap_or("0"))?);
        (t, sign * (oh * 60 + om))
    } else {
        (rest, 0)
    };
    let mut t = time.split(':');
    let h = num(t.next()?)?;
    let min = num(t.next()?)?;
    let (sec, frac) = match t.next() {
        None => (0, 0.0),
        Some(sec) => match sec.split_once('.') {
            Some((whole, f)) => (num(whole)?, format!("0.{}", f).parse::<f64>().ok()?),
            None => (num(sec)?, 0.0),
        },
    };
    if t.next().is_some() || h > 23 || min > 59 || sec > 60 {
        return None;
    }
    let days = days_from_civil(y, m, day);
    let secs = days * 86_400 + h * 3600 + min * 60 + sec - offset_min * 60;
    Some(secs as f64 * 1000.0 + (frac * 1000.0).round())
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times() {
        assert_eq!(parse_iso_ms("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(
            parse_iso_ms("2023-04-01T10:00:00Z"),
            Some(1_680_343_200_000.0)
        );
        assert_eq!(
            parse_iso_ms("2023-04-01T12:00:00.250+02:00"),
            Some(1_680_343_200_250.0)
        );
        assert_eq!(parse_iso_ms("2023-04-01"), Some(1_680_307_200_000.0));
        assert_eq!(parse_iso_ms("last tuesday"), None);
        assert_eq!(parse_iso_ms("2023-13-01"), None);
        assert_eq!(parse_iso_ms("９９-01-01"), None);
    }

    #[test]
    fn sentences_keep_every_word() {
        let s = split_sentences("I called Ana. She came in 5 min!\nThen v2.1 shipped");
        assert_eq!(
            s,
            ["I called Ana.", "She came in 5 min!", "Then v2.1 shipped"]
        );
    }
}
