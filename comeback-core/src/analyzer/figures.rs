//! Figures: numbers in digits or words, with what they measure (money, percentages, durations,
//! counts of things). Dates, clock times, version numbers and list markers are not figures.

use super::doc::{Figure, FigureKind};
use super::lexicon::WordSet;
use super::text::Token;
use std::sync::OnceLock;

const DURATION_UNITS: &[&str] = &[
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "quarter",
    "quarters",
    "night",
    "nights",
    "shift",
    "shifts",
    "sprint",
    "sprints",
    "weekend",
    "weekends",
    "semester",
    "semesters",
    "term",
    "terms",
    "h",
    "ms",
];

const PERCENT_WORDS: &[&str] = &["percent", "per", "pct", "percentage"];

const MONEY_WORDS: &[&str] = &[
    "dollars", "dollar", "pounds", "pound", "euros", "euro", "usd", "gbp", "eur", "grand", "bucks",
    "rupees", "yen", "francs", "aud", "cad",
];

const SCALE_WORDS: &[&str] = &["k", "thousand", "million", "billion", "m", "bn", "b", "mn"];

/// Words before a number that make it a label, not a measure ("version 2", "step 3").
const LABEL_WORDS: &[&str] = &[
    "version", "v", "phase", "step", "level", "grade", "room", "floor", "ward", "bed", "table",
    "number", "no", "covid", "windows", "iphone", "python", "series", "season", "chapter", "page",
    "line", "question", "p", "sprint", "release", "build", "gate", "terminal", "route", "bay",
    "unit", "block", "year", "class", "form", "key", "stage", "tier", "section", "item", "ios",
    "android", "java", "office", "top",
];

/// Words after a number that make it a clock time or an ordinal, not a measure.
const TIME_WORDS: &[&str] = &[
    "am",
    "pm",
    "a",
    "p",
    "o'clock",
    "oclock",
    "st",
    "nd",
    "rd",
    "th",
    "hundred-hours",
];

/// Number words up to ninety with their values: the one list behind the figure finder and the
/// readers of a length of time ("I said eight weeks").
const NUMBER_VALUES: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Words for large or partial amounts, which make a figure with the number words from two up.
const AMOUNT_WORDS: &[&str] = &["hundred", "thousand", "million", "billion", "dozen", "half"];

/// The value of a number word up to ninety ("fourteen") or of plain digits ("14").
pub(crate) fn number_value(w: &str) -> Option<f64> {
    NUMBER_VALUES
        .iter()
        .find(|(word, _)| *word == w)
        .map(|(_, v)| *v)
        .or_else(|| w.parse::<f64>().ok())
}

const FRACTION_WORDS: &[&str] = &["third", "thirds", "quarter", "quarters", "fifth", "tenth"];

/// Words that follow a number but say nothing about what is counted.
const NOT_NOUNS: &[&str] = &[
    "and", "or", "to", "the", "a", "an", "in", "on", "at", "is", "was", "were", "i", "we", "it",
    "he", "she", "they", "but", "so", "if", "that", "this", "then", "by", "with", "for",
];

pub(crate) fn is_number_word(w: &str) -> bool {
    // "zero" and "one" alone are too common to be figures.
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| {
        NUMBER_VALUES
            .iter()
            .filter(|(_, v)| *v >= 2.0)
            .map(|(w, _)| *w)
            .chain(AMOUNT_WORDS.iter().copied())
            .collect()
    });
    if w.contains('-') {
        w.split('-').all(|p| set.contains(p))
    } else {
        set.contains(w)
    }
}

fn digits_value(norm: &str) -> Option<(f64, &str)> {
    let end = norm
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(norm.len(), |(i, _)| i);
    let num: String = norm[..end].chars().filter(|&c| c != ',').collect();
    num.parse::<f64>().ok().map(|v| (v, &norm[end..]))
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Finds the figures among a sentence's tokens; `text` is the whole field the tokens index into.
pub(crate) fn find(text: &str, toks: &[Token]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let next = toks.get(i + 1).map(|n| n.norm.as_str());
        let prev = if i > 0 {
            Some(toks[i - 1].norm.as_str())
        } else {
            None
        };
        if t.numeric {
            let Some((value, suffix)) = digits_value(&t.norm) else {
                i += 1;
                continue;
            };
            let before = char_before(text, t.start);
            let after = char_after(text, t.end);
            // A list marker ("1." or "2)") at the start of a sentence.
            if i == 0 && matches!(after, Some('.') | Some(')')) {
                i += 1;
                continue;
            }
            // Clock times, dates and fractions written with separators ("3:00", "24/7", "3/4").
            if matches!(after, Some(':') | Some('/')) || matches!(before, Some(':') | Some('/')) {
                i += 1;
                continue;
            }
            if prev.is_some_and(|p| LABEL_WORDS.contains(&p)) && !matches!(before, Some('$')) {
                i += 1;
                continue;
            }
            if next.is_some_and(|n| TIME_WORDS.contains(&n)) || suffix == "am" || suffix == "pm" {
                i += 1;
                continue;
            }
            let currency = matches!(before, Some('$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}'));
            let kind = if after == Some('%') || next.is_some_and(|n| PERCENT_WORDS.contains(&n)) {
                Some(FigureKind::Percent)
            } else if currency
                || next.is_some_and(|n| MONEY_WORDS.contains(&n))
                || (next.is_some_and(|n| SCALE_WORDS.contains(&n))
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| MONEY_WORDS.contains(&n.norm.as_str())))
            {
                Some(FigureKind::Money)
            } else if next.is_some_and(|n| DURATION_UNITS.contains(&n))
                || DURATION_UNITS.contains(&suffix)
            {
                Some(FigureKind::Duration)
            } else if matches!(suffix, "k" | "m" | "bn" | "b" | "x") {
                Some(FigureKind::Count)
            } else {
                let year_like = suffix.is_empty()
                    && !t.norm.contains(',')
                    && t.norm.len() == 4
                    && (1900.0..=2099.0).contains(&value);
                match next {
                    Some(n) if !NOT_NOUNS.contains(&n) && !year_like => Some(FigureKind::Count),
                    Some("of") | Some("to") if !year_like => Some(FigureKind::Count),
                    _ => None,
                }
            };
            if let Some(kind) = kind {
                let unit = |n: &str| {
                    DURATION_UNITS.contains(&n)
                        || PERCENT_WORDS.contains(&n)
                        || MONEY_WORDS.contains(&n)
                };
                let mut end = i + 1;
                if next.is_some_and(|n| SCALE_WORDS.contains(&n)) {
                    end += 1;
                }
                if toks.get(end).is_some_and(|n| unit(&n.norm)) {
                    end += 1;
                }
                out.push(Figure {
                    start: i,
                    end,
                    kind,
                });
                i = end;
                continue;
            }
            i += 1;
            continue;
        }
        let w = t.norm.as_str();
        if is_number_word(w)
            || (FRACTION_WORDS.contains(&w) && matches!(prev, Some("a" | "one" | "two")))
        {
            // "half an hour", "two weeks", "a third", "forty patients"; not "hundreds of".
            let mut j = i + 1;
            while j < toks.len() && is_number_word(&toks[j].norm) {
                j += 1;
            }
            let follow = toks.get(j).map(|n| n.norm.as_str());
            let kind = if FRACTION_WORDS.contains(&w) || w == "half" {
                Some(FigureKind::Share)
            } else {
                match follow {
                    Some(n) if DURATION_UNITS.contains(&n) => Some(FigureKind::Duration),
                    Some(n) if PERCENT_WORDS.contains(&n) => Some(FigureKind::Percent),
                    Some(n) if MONEY_WORDS.contains(&n) => Some(FigureKind::Money),
                    Some("of") => Some(FigureKind::Count),
                    Some(n) if !NOT_NOUNS.contains(&n) && !TIME_WORDS.contains(&n) => {
                        Some(FigureKind::Count)
                    }
                    _ => None,
                }
            };
            if w == "half"
                && !matches!(
                    follow,
                    Some(
                        "of" | "the"
                            | "an"
                            | "a"
                            | "our"
                            | "my"
                            | "their"
                            | "its"
                            | "hour"
                            | "day"
                            | "year"
                    )
                )
            {
                i = j;
                continue;
            }
            if let Some(kind) = kind {
                let end = if follow.is_some_and(|n| DURATION_UNITS.contains(&n)) {
                    j + 1
                } else {
                    j
                };
                let start = if FRACTION_WORDS.contains(&w) && i > 0 {
                    i - 1
                } else {
                    i
                };
                out.push(Figure { start, end, kind });
                i = end.max(i + 1);
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn kinds(text: &str) -> Vec<(String, FigureKind)> {
        let toks = tokenize(text);
        find(text, &toks)
            .into_iter()
            .map(|f| {
                (
                    text[toks[f.start].start..toks[f.end - 1].end].to_string(),
                    f.kind,
                )
            })
            .collect()
    }

    #[test]
    fn money_percent_duration_count() {
        let k = kinds(
            "We lost $40k and 12% of 3,000 users for six hours; refunds cost 2 million dollars.",
        );
        let names: Vec<FigureKind> = k.iter().map(|x| x.1).collect();
        assert_eq!(
            names,
            [
                FigureKind::Money,
                FigureKind::Percent,
                FigureKind::Count,
                FigureKind::Duration,
                FigureKind::Money
            ],
            "{k:?}"
        );
    }

    #[test]
    fn ranges_count_both_ends() {
        let k = kinds("We cut the rebuild from 6 hours to 90 minutes.");
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(k.iter().all(|x| x.1 == FigureKind::Duration));
    }

    #[test]
    fn dates_times_labels_are_not_figures() {
        assert!(kinds("In 2019 at 3:00 on step 2 of version 4 we met at 9 am.").is_empty());
        assert!(kinds("1. I called the vendor").is_empty());
        assert!(kinds("Hundreds of people and a lot of money.").is_empty());
    }

    #[test]
    fn word_numbers_and_shares() {
        let k = kinds(
            "Forty patients waited two weeks and we cut errors by a third within half an hour.",
        );
        assert_eq!(k.len(), 4, "{k:?}");
    }
}
