//! Figures: numbers in digits or words, with what they measure (money, percentages, durations,
//! counts of things). Dates, clock times, version numbers and list markers are not figures.

use super::doc::{Figure, FigureKind};
use super::lexicon::{lexicon, List};
use super::text::Token;

/// The value of a number word up to ninety ("fourteen") or of plain digits ("14").
pub(crate) fn number_value(w: &str) -> Option<f64> {
    lexicon()
        .value(List::NumberValue, w)
        .or_else(|| w.parse::<f64>().ok())
}

/// Whether a word is a number word that makes a figure: from two up ("zero" and "one" alone are
/// too common), an amount ("hundred", "dozen"), or such words joined by hyphens ("twenty-five").
pub(crate) fn is_number_word(w: &str) -> bool {
    let lex = lexicon();
    let word = |p: &str| {
        lex.value(List::NumberValue, p).is_some_and(|v| v >= 2.0) || lex.has(List::AmountWord, p)
    };
    if w.contains('-') {
        w.split('-').all(word)
    } else {
        word(w)
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
    let lex = lexicon();
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
            if prev.is_some_and(|p| lex.has(List::LabelWord, p)) && !matches!(before, Some('$')) {
                i += 1;
                continue;
            }
            if next.is_some_and(|n| lex.has(List::TimeWord, n))
                || lex.has(List::ClockSuffix, suffix)
            {
                i += 1;
                continue;
            }
            let currency = matches!(before, Some('$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}'));
            let kind = if after == Some('%') || next.is_some_and(|n| lex.has(List::PercentWord, n))
            {
                Some(FigureKind::Percent)
            } else if currency
                || next.is_some_and(|n| lex.has(List::MoneyWord, n))
                || (next.is_some_and(|n| lex.has(List::ScaleWord, n))
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| lex.has(List::MoneyWord, &n.norm)))
            {
                Some(FigureKind::Money)
            } else if next.is_some_and(|n| lex.has(List::DurationUnit, n))
                || lex.has(List::DurationUnit, suffix)
            {
                Some(FigureKind::Duration)
            } else if lex.has(List::CountSuffix, suffix) {
                Some(FigureKind::Count)
            } else {
                let year_like = suffix.is_empty()
                    && !t.norm.contains(',')
                    && t.norm.len() == 4
                    && (1900.0..=2099.0).contains(&value);
                match next {
                    Some(n) if !lex.has(List::NotNoun, n) && !year_like => Some(FigureKind::Count),
                    Some(n) if lex.has(List::CountOf, n) && !year_like => Some(FigureKind::Count),
                    _ => None,
                }
            };
            if let Some(kind) = kind {
                let unit = |n: &str| {
                    lex.has(List::DurationUnit, n)
                        || lex.has(List::PercentWord, n)
                        || lex.has(List::MoneyWord, n)
                };
                let mut end = i + 1;
                if next.is_some_and(|n| lex.has(List::ScaleWord, n)) {
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
            || (lex.has(List::FractionWord, w)
                && prev.is_some_and(|p| lex.has(List::BeforeFraction, p)))
        {
            // "half an hour", "two weeks", "a third", "forty patients"; not "hundreds of".
            let mut j = i + 1;
            while j < toks.len() && is_number_word(&toks[j].norm) {
                j += 1;
            }
            let follow = toks.get(j).map(|n| n.norm.as_str());
            let kind = if lex.has(List::FractionWord, w) || w == "half" {
                Some(FigureKind::Share)
            } else {
                match follow {
                    Some(n) if lex.has(List::DurationUnit, n) => Some(FigureKind::Duration),
                    Some(n) if lex.has(List::PercentWord, n) => Some(FigureKind::Percent),
                    Some(n) if lex.has(List::MoneyWord, n) => Some(FigureKind::Money),
                    Some("of") => Some(FigureKind::Count),
                    Some(n) if !lex.has(List::NotNoun, n) && !lex.has(List::TimeWord, n) => {
                        Some(FigureKind::Count)
                    }
                    _ => None,
                }
            };
            if w == "half" && !follow.is_some_and(|f| lex.has(List::HalfOf, f)) {
                i = j;
                continue;
            }
            if let Some(kind) = kind {
                let end = if follow.is_some_and(|n| lex.has(List::DurationUnit, n)) {
                    j + 1
                } else {
                    j
                };
                let start = if lex.has(List::FractionWord, w) && i > 0 {
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
