//! Word counts and spoken length, for the Review page's 1.5 to 2.5 minute band.

/// The target band for a spoken answer, in seconds (1.5 to 2.5 minutes).
pub const BAND_SECS: (u32, u32) = (90, 150);

/// The band in words, as PRODUCT.md gives it (about 200 to 375 words at a normal pace).
pub const BAND_WORDS: (usize, usize) = (200, 375);

/// A brisk speaking pace, in words per minute.
pub const FAST_WPM: usize = 160;

/// A calm speaking pace, in words per minute.
pub const SLOW_WPM: usize = 130;

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
    pub fn message(self) -> &'static str {
        match self {
            LengthVerdict::Short => {
                "Under 1:30: add the numbers, the steps or the lesson that are missing."
            }
            LengthVerdict::InBand => "Inside the 1:30 to 2:30 band.",
            LengthVerdict::Long => {
                "Over 2:30: trim the context first; keep the turnaround and the lesson."
            }
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

/// `m:ss`, the way a timer shows seconds.
pub fn clock(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// What the Review page says of an answer's length: the verdict, with the seconds behind it.
pub fn length_message(words: usize) -> String {
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
        assert_eq!(clock(95), "1:35");
    }
}
