//! Word counts and spoken length, for the Review page's 1.5 to 2.5 minute band.

/// The target band for a spoken answer, in seconds (1.5 to 2.5 minutes).
pub const BAND_SECS: (u32, u32) = (90, 150);

/// The band in words, as PRODUCT.md gives it (about 200 to 375 words at a normal pace).
pub const BAND_WORDS: (usize, usize) = (200, 375);

/// A brisk speaking pace, in words per minute.
pub const FAST_WPM: usize = 160;

/// A calm speaking pace, in words per minute.
pub const SLOW_WPM: usize = 130;

/// The stretch of time the app's band pictures are drawn on, in seconds (0 to 4 minutes).
pub const BAND_SCALE_SECS: u32 = 240;

/// How a length of time is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeStyle {
    /// A stopwatch's digits, minutes and seconds always two each: "01:05" ("75:00" past an hour).
    Timer,
    /// Minutes and seconds as people write them: "1:05".
    Short,
    /// In words: "1 min 5 s", "45 s", "2 min".
    Words,
}

/// A length of time in whole seconds, written in `style`: the app's one time formatter.
pub fn format_time(secs: u32, style: TimeStyle) -> String {
    let (m, s) = (secs / 60, secs % 60);
    match style {
        TimeStyle::Timer => format!("{m:02}:{s:02}"),
        TimeStyle::Short => format!("{m}:{s:02}"),
        TimeStyle::Words => match (m, s) {
            (0, s) => format!("{s} s"),
            (m, 0) => format!("{m} min"),
            (m, s) => format!("{m} min {s} s"),
        },
    }
}

/// The target band as people say it: "1:30 to 2:30".
pub fn band_text() -> String {
    format!(
        "{} to {}",
        format_time(BAND_SECS.0, TimeStyle::Short),
        format_time(BAND_SECS.1, TimeStyle::Short)
    )
}

/// Where `secs` falls on the band's picture, in percent of [`BAND_SCALE_SECS`] (0 to 100).
pub fn band_position(secs: f64) -> f64 {
    (secs / f64::from(BAND_SCALE_SECS) * 100.0).clamp(0.0, 100.0)
}

/// Counts the words in a text, the way a listener would hear them.
///
/// A word is a run of non-space characters holding at least one letter or digit, so emoji,
/// dashes and bullets alone do not count; Arabic, Hebrew, Cyrillic and the like count like
/// English. Chinese and Japanese, written without spaces, count one word per ideograph or kana.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().map(token_words).sum()
}

fn token_words(token: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in token.chars() {
        if is_cjk(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if !is_joiner(c) {
            // Joiners keep "on-call" or "99.6%" one word; anything else (an emoji, a control
            // character) between letters ends the word.
            in_word = false;
        }
    }
    words
}

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '-' | '‐' | '.' | ',' | '/' | ':' | '%' | '&' | '_' | '\u{200d}' | '\u{200c}'
    ) || is_mark(c)
}

/// Combining marks (accents written separately, Arabic vowel signs) stay inside their word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x2FA1F)
}

/// Seconds it takes to say this many words: `(at 160 wpm, at 130 wpm)`, rounded to the nearest second.
pub fn speaking_time(words: usize) -> (u32, u32) {
    let secs = |wpm: usize| {
        (words.saturating_mul(60).saturating_add(wpm / 2) / wpm).min(u32::MAX as usize) as u32
    };
    (secs(FAST_WPM), secs(SLOW_WPM))
}

/// How an answer's length compares with the target band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LengthVerdict {
    /// Under about 1.5 minutes: something is probably missing.
    Short,
    /// Between about 1.5 and 2.5 minutes.
    InBand,
    /// Over about 2.5 minutes: the interviewer may lose the thread.
    Long,
}

impl LengthVerdict {
    /// What the practice page says of a timed run: the clock measured the real seconds, so the
    /// verdict needs no pace range.
    pub fn message(self) -> String {
        let (lo, hi) = BAND_SECS;
        let clock = |secs| format_time(secs, TimeStyle::Short);
        match self {
            LengthVerdict::Short => format!(
                "Under {}: add the numbers, the steps or the lesson that are missing.",
                clock(lo)
            ),
            LengthVerdict::InBand => format!("Inside the {} band.", band_text()),
            LengthVerdict::Long => format!(
                "Over {}: trim the context first; keep the turnaround and the lesson.",
                clock(hi)
            ),
        }
    }
}

/// Compares an answer's spoken length with the band. The answer is in the band only when it is
/// there at both paces, brisk and calm: 211 words take 1:19 to 1:37, mostly under 1:30, so that
/// is "a bit short", not in the band.
pub fn length_verdict(words: usize) -> LengthVerdict {
    let (fast, slow) = speaking_time(words);
    if fast < BAND_SECS.0 {
        LengthVerdict::Short
    } else if slow > BAND_SECS.1 {
        LengthVerdict::Long
    } else {
        LengthVerdict::InBand
    }
}

/// What the Review page says of an answer's length: the verdict, with the seconds behind it.
pub fn length_message(words: usize) -> String {
    let clock = |secs| format_time(secs, TimeStyle::Short);
    let (fast, slow) = speaking_time(words);
    let (lo, hi) = BAND_SECS;
    let range = format!("about {} to {} spoken", clock(fast), clock(slow));
    let band = format!("{} to {}", clock(lo), clock(hi));
    match length_verdict(words) {
        LengthVerdict::InBand => format!("{range}: inside the {band} band at any normal pace."),
        LengthVerdict::Short if slow >= lo => format!(
            "A bit short: {range}, so at a brisk pace it ends {} s before {}. Add a figure or a step where the coach asks for one.",
            lo - fast,
            clock(lo)
        ),
        LengthVerdict::Short => format!(
            "Short: {range}, under the {band} band. Add the numbers, the steps or the lesson that are missing."
        ),
        LengthVerdict::Long if fast <= hi => format!(
            "A bit long: {range}, so at a calm pace it runs {} s past {}. Trim the context first; keep the turnaround and the lesson.",
            slow - hi,
            clock(hi)
        ),
        LengthVerdict::Long => format!(
            "Long: {range}, over the {band} band. Interviewers drift: trim the context first; keep the turnaround and the lesson."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_like_a_listener() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  I rolled back the release  "), 5);
        assert_eq!(word_count("I'm on-call — 15 minutes 🚀🚀"), 4);
        assert_eq!(word_count("v2.1 shipped at 99.6%"), 4);
        assert_eq!(word_count("שלום עולם"), 2);
        assert_eq!(word_count("مرحبا بالعالم"), 2);
        assert_eq!(word_count("日本語"), 3);
        assert_eq!(word_count("👩‍⚕️ nurse"), 1);
        assert_eq!(word_count("e\u{301}te\u{301}"), 1);
        assert_eq!(word_count("a\u{0}b\u{7}c"), 3);
    }

    #[test]
    fn speaking_time_and_band() {
        assert_eq!(speaking_time(0), (0, 0));
        assert_eq!(speaking_time(160), (60, 74));
        assert_eq!(speaking_time(260), (98, 120));
        assert_eq!(speaking_time(usize::MAX).0, u32::MAX);
        assert_eq!(length_verdict(150), LengthVerdict::Short);
        // 211 words: 1:19 to 1:37, mostly under 1:30: a bit short, not in the band.
        assert_eq!(length_verdict(211), LengthVerdict::Short);
        assert_eq!(length_verdict(238), LengthVerdict::Short);
        assert_eq!(length_verdict(239), LengthVerdict::InBand);
        assert_eq!(length_verdict(326), LengthVerdict::InBand);
        assert_eq!(length_verdict(327), LengthVerdict::Long);
        // In the band exactly when both ends of the spoken range are.
        for w in 0..600 {
            let (fast, slow) = speaking_time(w);
            let inside = fast >= BAND_SECS.0 && slow <= BAND_SECS.1;
            assert_eq!(
                length_verdict(w) == LengthVerdict::InBand,
                inside,
                "{w} words"
            );
        }
    }

    #[test]
    fn the_length_message_gives_the_seconds() {
        let m = length_message(211);
        assert!(
            m.starts_with("A bit short: about 1:19 to 1:37 spoken"),
            "{m}"
        );
        assert!(m.contains("11 s before 1:30"), "{m}");
        assert!(length_message(280).contains("inside the 1:30 to 2:30 band"));
        let m = length_message(340);
        assert!(
            m.starts_with("A bit long:") && m.contains("past 2:30"),
            "{m}"
        );
        assert!(length_message(60).starts_with("Short:"));
        assert!(length_message(600).starts_with("Long:"));
    }

    #[test]
    fn one_time_formatter_three_styles() {
        assert_eq!(format_time(0, TimeStyle::Timer), "00:00");
        assert_eq!(format_time(65, TimeStyle::Timer), "01:05");
        assert_eq!(format_time(4500, TimeStyle::Timer), "75:00");
        assert_eq!(format_time(65, TimeStyle::Short), "1:05");
        assert_eq!(format_time(45, TimeStyle::Words), "45 s");
        assert_eq!(format_time(120, TimeStyle::Words), "2 min");
        assert_eq!(format_time(105, TimeStyle::Words), "1 min 45 s");
        assert_eq!(band_text(), "1:30 to 2:30");
        assert_eq!(band_position(90.0), 37.5);
        assert_eq!(band_position(150.0), 62.5);
        assert_eq!(band_position(1e9), 100.0);
        assert_eq!(band_position(-5.0), 0.0);
    }
}
