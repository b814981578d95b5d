//! Practice out loud: cue cards for a story, and what a spoken answer's transcript says about
//! pace, filler words, time against the band and coverage of the five keys.
//!
//! Plain data in, plain data out: the caller owns the clock (it passes the seconds spoken) and
//! the transcript (typed, pasted, or from the browser's speech recognition).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::analyzer::analyze_answer;
use crate::story::length::{BAND_SECS, FAST_WPM, SLOW_WPM};
use crate::story::{format_time, word_count, LengthVerdict, TimeStyle};
use crate::{Key, Story};

/// Below this many seconds a pace is noise, not a measure.
pub const MIN_PACE_SECS: u32 = 10;

/// How many of the user's own words a cue card's reminder keeps.
pub const REMINDER_WORDS: usize = 12;

/// A speaking pace against the 130 to 160 words-a-minute band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaceVerdict {
    /// Under 130 words a minute.
    TooSlow,
    /// 130 to 160 words a minute.
    Good,
    /// Over 160 words a minute.
    TooFast,
}

impl PaceVerdict {
    /// A short line telling the speaker what to do about it.
    pub fn message(self) -> &'static str {
        match self {
            PaceVerdict::TooSlow => {
                "Slower than 130 words a minute: keep the pauses, but drop the long gaps between parts."
            }
            PaceVerdict::Good => "Within 130 to 160 words a minute: a calm, clear pace.",
            PaceVerdict::TooFast => {
                "Faster than 160 words a minute: breathe after each part and let the numbers land."
            }
        }
    }
}

/// Words a minute, with its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pace {
    /// Words a minute, rounded to the nearest whole word.
    pub wpm: u32,
    /// How that compares with 130 to 160 words a minute.
    pub verdict: PaceVerdict,
}

/// The pace of `words` said in `seconds`; `None` when there is too little to measure.
pub fn pace(words: usize, seconds: u32) -> Option<Pace> {
    if words == 0 || seconds < MIN_PACE_SECS {
        return None;
    }
    let secs = seconds as usize;
    let wpm = (words.saturating_mul(60).saturating_add(secs / 2) / secs).min(u32::MAX as usize);
    let verdict = if wpm < SLOW_WPM {
        PaceVerdict::TooSlow
    } else if wpm > FAST_WPM {
        PaceVerdict::TooFast
    } else {
        PaceVerdict::Good
    };
    Some(Pace {
        wpm: wpm as u32,
        verdict,
    })
}

/// Elapsed speaking time against the 90 to 150 second band (before it, in it, past it).
pub fn time_verdict(seconds: u32) -> LengthVerdict {
    if seconds < BAND_SECS.0 {
        LengthVerdict::Short
    } else if seconds > BAND_SECS.1 {
        LengthVerdict::Long
    } else {
        LengthVerdict::InBand
    }
}

/// The speaking timer: time read from a clock the caller passes in (milliseconds, monotonic), never
/// counted in ticks, so that a throttled background tab still shows the right time.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stopwatch {
    /// Time spoken before the current run.
    banked_ms: f64,
    /// When the current run started, while it runs.
    since: Option<f64>,
}

impl Stopwatch {
    /// True while the timer runs.
    pub fn running(&self) -> bool {
        self.since.is_some()
    }

    /// Starts or resumes at `now`; false (and nothing changed) when it already runs.
    pub fn start(&mut self, now_ms: f64) -> bool {
        if self.running() {
            return false;
        }
        self.since = Some(now_ms);
        true
    }

    /// Pauses at `now`, keeping the time spoken; false (and nothing changed) when it is not running.
    pub fn pause(&mut self, now_ms: f64) -> bool {
        let Some(since) = self.since.take() else {
            return false;
        };
        self.banked_ms += (now_ms - since).max(0.0);
        true
    }

    /// Back to zero, stopped.
    pub fn reset(&mut self) {
        *self = Stopwatch::default();
    }

    /// Whole seconds spoken by `now`.
    pub fn seconds(&self, now_ms: f64) -> u32 {
        let running = self.since.map_or(0.0, |s| (now_ms - s).max(0.0));
        ((self.banked_ms + running) / 1000.0)
            .floor()
            .clamp(0.0, f64::from(u32::MAX)) as u32
    }

    /// True once it has run at all (running, or paused with time on it).
    pub fn started(&self, now_ms: f64) -> bool {
        self.running() || self.seconds(now_ms) > 0
    }
}

/// The seconds typed in a "how long" field; anything unreadable counts as none, and the most is
/// ten hours.
pub fn seconds_typed(text: &str) -> u32 {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.round().min(36_000.0) as u32)
        .unwrap_or(0)
}

/// What the speaking timer says about the time spoken so far (`None` before it has started):
/// it changes only at the band's edges, so that a screen reader is not told every second.
pub fn timer_status(verdict: Option<LengthVerdict>) -> String {
    let (from, to) = (
        format_time(BAND_SECS.0, TimeStyle::Short),
        format_time(BAND_SECS.1, TimeStyle::Short),
    );
    match verdict {
        None => format!("Target: {from} to {to}."),
        Some(LengthVerdict::Short) => format!("Before the band: keep going to at least {from}."),
        Some(LengthVerdict::InBand) => format!("In the band: wrap up by {to}."),
        Some(LengthVerdict::Long) => format!("Over {to}: finish your sentence and stop."),
    }
}

/// One filler word or phrase found in a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FillerHit {
    /// The filler as listed ("you know"), lower case.
    pub filler: &'static str,
    /// Byte offset of its first character in the transcript.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// How often one filler was said.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FillerCount {
    /// The filler as listed ("um").
    pub filler: &'static str,
    /// How many times it was said.
    pub count: usize,
}

/// Whether the spoken answer met one key, according to the analyzer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCoverage {
    /// The key.
    pub key: Key,
    /// True when the analyzer found the key met.
    pub met: bool,
    /// The analyzer's one-line status for this key.
    pub status: String,
}

/// Everything the practice page says about one spoken answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeReport {
    /// Words in the transcript, counted the way a listener hears them.
    pub words: usize,
    /// Seconds spoken, as the caller measured them.
    pub seconds: u32,
    /// Words a minute; `None` under [`MIN_PACE_SECS`] or with no words.
    pub pace: Option<Pace>,
    /// Time against the 1.5 to 2.5 minute band; `None` when no time was given.
    pub time: Option<LengthVerdict>,
    /// Every filler said, in order.
    pub fillers: Vec<FillerHit>,
    /// Each filler with its count, most frequent first (ties in order of first use).
    pub filler_counts: Vec<FillerCount>,
    /// The five keys in order, met or not.
    pub coverage: Vec<KeyCoverage>,
}

impl PracticeReport {
    /// How many of the five keys the answer covered.
    pub fn keys_met(&self) -> usize {
        self.coverage.iter().filter(|c| c.met).count()
    }
}

/// Analyses a spoken answer: `transcript` said in `seconds`, for the target `role` if known.
pub fn report(transcript: &str, seconds: u32, role: Option<&str>) -> PracticeReport {
    let words = word_count(transcript);
    let fillers = find_fillers(transcript);
    let filler_counts = count_fillers(&fillers);
    let analysis = analyze_answer(transcript, role);
    let coverage = Key::ALL
        .iter()
        .map(|&key| {
            let v = analysis.key(key);
            KeyCoverage {
                key,
                met: v.met,
                status: v.status.clone(),
            }
        })
        .collect();
    PracticeReport {
        words,
        seconds,
        pace: pace(words, seconds),
        time: (seconds > 0).then(|| time_verdict(seconds)),
        fillers,
        filler_counts,
        coverage,
    }
}

/// A filler phrase from the data file, and the words that, said just before or just after it,
/// make it meaningful ("I'd like to", "like a checklist").
#[derive(Debug)]
struct FillerEntry {
    text: &'static str,
    words: Vec<String>,
    not_after: Vec<String>,
    not_before: Vec<String>,
}

const FILLERS: &str = include_str!("../data/fillers.txt");

/// The filler list, indexed by first word, longest phrases first.
fn filler_index() -> &'static HashMap<String, Vec<FillerEntry>> {
    static INDEX: OnceLock<HashMap<String, Vec<FillerEntry>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<FillerEntry>> = HashMap::new();
        for line in FILLERS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, after) = line.split_once('>').unwrap_or((line, ""));
            let (phrase, before) = head.split_once('!').unwrap_or((head, ""));
            let phrase = phrase.trim();
            let words: Vec<String> = words_of(phrase).into_iter().map(|w| w.2).collect();
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let list = |text: &str| words_of(text).into_iter().map(|w| w.2).collect();
            index.entry(first).or_default().push(FillerEntry {
                text: phrase,
                words,
                not_after: list(before),
                not_before: list(after),
            });
        }
        for entries in index.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        index
    })
}

/// The words of a text: `(start, end, lower-case word)`, apostrophes kept inside ("don't").
fn words_of(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut word = String::new();
    for (i, c) in text.char_indices() {
        let inner = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’'));
        if inner {
            start.get_or_insert(i);
            if c == '’' {
                word.push('\'');
            } else {
                word.extend(c.to_lowercase());
            }
        } else if let Some(s) = start.take() {
            out.push((s, i, std::mem::take(&mut word)));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), word));
    }
    // A trailing apostrophe ("users'") belongs to no filler: trim it so that matching stays exact.
    for w in &mut out {
        while w.2.ends_with('\'') {
            w.2.pop();
            w.1 -= 1;
        }
    }
    out
}

/// Every filler in a transcript, in order; overlapping phrases count once (the longest wins).
///
/// A phrase is a filler unless a word said just before or after it gives it a meaning (see
/// `data/fillers.txt`); set off by commas (", like,"), or opening a sentence with a comma after
/// it ("Like, …"), it is a filler whatever the words around it.
pub fn find_fillers(transcript: &str) -> Vec<FillerHit> {
    let index = filler_index();
    let words = words_of(transcript);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = index.get(&words[i].2).and_then(|entries| {
            entries.iter().find(|e| {
                let n = e.words.len();
                let said = words.get(i..i + n);
                let same = said.is_some_and(|s| s.iter().zip(&e.words).all(|(w, f)| w.2 == *f));
                if !same {
                    return false;
                }
                let before = i.checked_sub(1).and_then(|p| words.get(p));
                let after = words.get(i + n);
                let gap_before = transcript
                    .get(before.map_or(0, |b| b.1)..words[i].0)
                    .unwrap_or("");
                let gap_after = transcript
                    .get(words[i + n - 1].1..after.map_or(transcript.len(), |a| a.0))
                    .unwrap_or("");
                let opens = before.is_none() || gap_before.contains(['.', '!', '?']);
                let set_off = (opens || gap_before.contains(',')) && gap_after.contains(',');
                set_off
                    || !(before.is_some_and(|b| e.not_after.contains(&b.2))
                        || after.is_some_and(|a| e.not_before.contains(&a.2)))
            })
        });
        match found {
            Some(e) => {
                let last = i + e.words.len() - 1;
                hits.push(FillerHit {
                    filler: e.text,
                    start: words[i].0,
                    end: words[last].1,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    hits
}

/// Each filler with its count, most frequent first, ties in order of first use.
pub fn count_fillers(hits: &[FillerHit]) -> Vec<FillerCount> {
    let mut counts: Vec<FillerCount> = Vec::new();
    for h in hits {
        match counts.iter_mut().find(|c| c.filler == h.filler) {
            Some(c) => c.count += 1,
            None => counts.push(FillerCount {
                filler: h.filler,
                count: 1,
            }),
        }
    }
    // A stable sort keeps first use as the tie-break.
    counts.sort_by_key(|c| std::cmp::Reverse(c.count));
    counts
}

/// The transcript cut at the fillers: `(text, is_filler)` pieces that cover it exactly, in order.
pub fn mark_fillers<'a>(transcript: &'a str, hits: &[FillerHit]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for h in hits {
        let (Some(before), Some(filler)) =
            (transcript.get(at..h.start), transcript.get(h.start..h.end))
        else {
            continue;
        };
        if !before.is_empty() {
            out.push((before, false));
        }
        out.push((filler, true));
        at = h.end;
    }
    if let Some(rest) = transcript.get(at..) {
        if !rest.is_empty() {
            out.push((rest, false));
        }
    }
    out
}

/// One cue card: what to say for one key, with a reminder in the user's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueCard {
    /// The key this card prompts.
    pub key: Key,
    /// The key's title.
    pub title: &'static str,
    /// One line on what to say for this part.
    pub prompt: &'static str,
    /// The first words the user wrote for this part, or a nudge when the part is empty.
    pub reminder: String,
    /// True when the reminder is the user's own text (false: it is a nudge).
    pub from_story: bool,
}

/// What to say for each key, in a line.
fn prompt(key: Key) -> &'static str {
    match key {
        Key::Choice => "Say what went wrong in one sentence, and why it was out of the ordinary.",
        Key::Numbers => {
            "Paint the scene in a few sentences, anchored by numbers: how many, how much, how big."
        }
        Key::Turnaround => {
            "Walk through what you did, step by step: what first, who you brought in, how fast."
        }
        Key::Improvement => {
            "Give the quick win, then the lasting change and how much better things got."
        }
        Key::Growth => "Name the specific lesson, and what you do differently because of it.",
    }
}

/// The user's own text for one key, the way the cue card quotes it: the first of its texts
/// that holds anything, or for the turnaround every step's action.
fn own_text(story: &Story, key: Key) -> String {
    match story.answer_texts(key).as_slice() {
        [] => story
            .steps
            .iter()
            .map(|s| s.action.trim())
            .filter(|a| !a.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        texts => texts
            .iter()
            .map(|f| story.get(*f))
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default()
            .to_string(),
    }
}

/// The first `n` words of a text, with an ellipsis when some were left out.
fn first_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let kept: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = kept.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

/// One cue card per key, in wizard order.
pub fn cue_cards(story: &Story) -> Vec<CueCard> {
    Key::ALL
        .iter()
        .map(|&key| {
            let own = own_text(story, key);
            let from_story = !own.trim().is_empty();
            let reminder = if from_story {
                first_words(&own, REMINDER_WORDS)
            } else {
                format!(
                    "Not written yet: add it in key {}, or practise saying it from memory.",
                    key.number()
                )
            };
            CueCard {
                key,
                title: key.title(),
                prompt: prompt(key),
                reminder,
                from_story,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RecoveryStep;

    fn fillers_said(text: &str) -> Vec<&'static str> {
        find_fillers(text).into_iter().map(|h| h.filler).collect()
    }

    #[test]
    fn pace_against_the_band() {
        assert_eq!(pace(0, 120), None);
        assert_eq!(pace(50, 9), None);
        assert_eq!(
            pace(290, 120),
            Some(Pace {
                wpm: 145,
                verdict: PaceVerdict::Good
            })
        );
        assert_eq!(
            pace(258, 120).map(|p| p.verdict),
            Some(PaceVerdict::TooSlow)
        );
        assert_eq!(pace(260, 120).map(|p| p.verdict), Some(PaceVerdict::Good));
        assert_eq!(pace(320, 120).map(|p| p.verdict), Some(PaceVerdict::Good));
        assert_eq!(
            pace(322, 120).map(|p| p.verdict),
            Some(PaceVerdict::TooFast)
        );
        // Rounded to the nearest word: 100 words in 45 s is 133.3 wpm.
        assert_eq!(pace(100, 45).map(|p| p.wpm), Some(133));
        assert_eq!(pace(usize::MAX, 10).map(|p| p.wpm), Some(u32::MAX));
        for v in [
            PaceVerdict::TooSlow,
            PaceVerdict::Good,
            PaceVerdict::TooFast,
        ] {
            assert!(!v.message().is_empty());
        }
    }

    #[test]
    fn time_against_the_band_and_clock() {
        assert_eq!(time_verdict(0), LengthVerdict::Short);
        assert_eq!(time_verdict(89), LengthVerdict::Short);
        assert_eq!(time_verdict(90), LengthVerdict::InBand);
        assert_eq!(time_verdict(150), LengthVerdict::InBand);
        assert_eq!(time_verdict(151), LengthVerdict::Long);
        assert_eq!(timer_status(None), "Target: 1:30 to 2:30.");
        assert_eq!(seconds_typed(" 92.4 "), 92);
        assert_eq!(seconds_typed("-3"), 0);
        assert_eq!(seconds_typed("NaN"), 0);
        assert_eq!(seconds_typed("1e12"), 36_000);
        assert_eq!(seconds_typed("ninety"), 0);
        assert_eq!(
            timer_status(Some(time_verdict(151))),
            "Over 2:30: finish your sentence and stop."
        );
    }

    #[test]
    fn the_stopwatch_counts_only_while_it_runs() {
        let mut w = Stopwatch::default();
        assert!(!w.started(5_000.0));
        assert!(w.start(1_000.0));
        assert!(!w.start(1_500.0), "starting twice changes nothing");
        assert_eq!(w.seconds(3_999.0), 2);
        assert!(w.pause(4_000.0));
        assert!(!w.pause(9_000.0));
        assert_eq!(w.seconds(60_000.0), 3, "paused: it stands still");
        assert!(w.started(60_000.0) && !w.running());
        w.start(10_000.0);
        assert_eq!(w.seconds(12_500.0), 5);
        // A clock that goes back never gives negative time.
        assert_eq!(w.seconds(0.0), 3);
        w.reset();
        assert_eq!((w.seconds(99_000.0), w.running()), (0, false));
    }

    #[test]
    fn fillers_with_their_positions() {
        let text = "Um, so I, you know, rolled it back. Uh, basically it was, um, fine.";
        let hits = find_fillers(text);
        let said: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (h.filler, &text[h.start..h.end]))
            .collect();
        assert_eq!(
            said,
            [
                ("um", "Um"),
                ("you know", "you know"),
                ("uh", "Uh"),
                ("basically", "basically"),
                ("um", "um")
            ]
        );
        let counts = count_fillers(&hits);
        assert_eq!(
            counts[0],
            FillerCount {
                filler: "um",
                count: 2
            }
        );
        assert_eq!(
            counts.iter().map(|c| c.filler).collect::<Vec<_>>(),
            ["um", "you know", "uh", "basically"]
        );
    }

    #[test]
    fn the_longest_filler_wins_and_words_that_mean_something_are_left_alone() {
        assert_eq!(fillers_said("To be honest, it failed."), ["to be honest"]);
        assert_eq!(
            fillers_said("At the end of the day we shipped."),
            ["at the end of the day"]
        );
        // A phrase doing real work is not filler.
        assert!(
            fillers_said("If you know the system, you spot it. That is what I mean.").is_empty()
        );
        assert!(fillers_said("I'd like to say what kind of fault it was.").is_empty());
        // Parts of longer words are not fillers.
        assert!(fillers_said("Umbrella, erratic, human, ahead").is_empty());
        // Curly apostrophes and capitals are the same word.
        assert_eq!(
            fillers_said("Honestly, I MEAN, it broke"),
            ["honestly", "i mean"]
        );
        assert_eq!(fillers_said("I don’t know, you know, why"), ["you know"]);
        assert!(fillers_said("").is_empty());
        assert!(fillers_said("日本語 🚀 users' —").is_empty());
    }

    #[test]
    fn marked_pieces_cover_the_transcript() {
        let text = "Um, I rolled back, you know.";
        let hits = find_fillers(text);
        let pieces = mark_fillers(text, &hits);
        assert_eq!(
            pieces,
            [
                ("Um", true),
                (", I rolled back, ", false),
                ("you know", true),
                (".", false)
            ]
        );
        assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
        // Spans that do not fit the text are skipped rather than panicking.
        let bad = [FillerHit {
            filler: "um",
            start: 1,
            end: 99,
        }];
        assert_eq!(mark_fillers("é", &bad), [("é", false)]);
    }

    #[test]
    fn every_filler_entry_has_words() {
        let index = filler_index();
        assert!(index.values().flatten().count() >= 20);
        for e in index.values().flatten() {
            assert!(!e.words.is_empty(), "{}", e.text);
            assert_eq!(e.text, e.text.to_lowercase(), "entries are lower case");
        }
    }

    const SPOKEN: &str = "Um, two years ago I was the release manager for a banking app with 400,000 monthly users. \
        A certificate at our payment provider expired without warning, and card payments failed for 3 hours on a Saturday. \
        I spotted the spike in errors within 10 minutes and called the provider with our lead engineer. \
        We switched payments to the backup provider within the hour, so customers could pay again that afternoon. \
        Afterwards I added certificate expiry checks to our monitoring, and we have had no expiry outage in the 18 months since. \
        I learned that every outside dependency needs its own alarm, you know, not just our own code.";

    #[test]
    fn a_spoken_answer_gets_pace_fillers_time_and_coverage() {
        let r = report(SPOKEN, 40, Some("Release manager"));
        assert_eq!(r.words, word_count(SPOKEN));
        assert_eq!(r.seconds, 40);
        assert!(
            r.pace.is_some_and(|p| p.verdict == PaceVerdict::TooFast),
            "{:?}",
            r.pace
        );
        assert_eq!(r.time, Some(LengthVerdict::Short));
        assert_eq!(
            r.filler_counts
                .iter()
                .map(|c| (c.filler, c.count))
                .collect::<Vec<_>>(),
            [("um", 1), ("you know", 1)]
        );
        assert_eq!(
            r.coverage.iter().map(|c| c.key).collect::<Vec<_>>(),
            Key::ALL
        );
        assert!(r.keys_met() >= 3, "{:?}", r.coverage);
        assert!(r.coverage.iter().all(|c| !c.status.is_empty()));
    }

    #[test]
    fn an_empty_transcript_covers_nothing_and_never_fails() {
        let r = report("", 0, None);
        assert_eq!((r.words, r.pace, r.time), (0, None, None));
        assert!(r.fillers.is_empty());
        assert_eq!(r.keys_met(), 0);
        assert_eq!(r.coverage.len(), 5);
    }

    #[test]
    fn cue_cards_quote_the_story_or_nudge() {
        let mut story = Story::new("s1", 0.0);
        story.summary = "A supplier strike stopped  our spring launch two weeks before the date we had promised.".into();
        story.steps = vec![
            RecoveryStep {
                action: "I called the backup supplier".into(),
                ..RecoveryStep::default()
            },
            RecoveryStep::default(),
            RecoveryStep {
                action: "I re-planned the launch".into(),
                ..RecoveryStep::default()
            },
        ];
        story.long_term_gain = "Two suppliers for every part now.".into();
        let cards = cue_cards(&story);
        assert_eq!(cards.iter().map(|c| c.key).collect::<Vec<_>>(), Key::ALL);
        assert_eq!(
            cards[0].reminder,
            "A supplier strike stopped our spring launch two weeks before the date…"
        );
        assert!(cards[0].from_story);
        assert!(!cards[1].from_story);
        assert!(cards[1].reminder.contains("key 2"));
        assert_eq!(
            cards[2].reminder,
            "I called the backup supplier; I re-planned the launch"
        );
        assert_eq!(cards[3].reminder, "Two suppliers for every part now.");
        assert!(!cards[4].from_story);
        for c in &cards {
            assert_eq!(c.title, c.key.title());
            assert!(!c.prompt.is_empty());
        }
    }
}
