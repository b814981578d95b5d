//! The analyzer never panics on realistic text cut anywhere: every corpus answer, cut after each of
//! its sentences and after each of its clauses, with and without its role, and each of its
//! sentences alone under another answer's role. Realistic text reaches rule code that random text
//! rarely does (a crash was found this way: an overflowing subtraction in the core-skill check). A
//! panic in the browser would abort the page, so this runs in the debug build, which checks every
//! subtraction. Nothing of the answers is printed, so the untouched blind set can be included.
//!
//! The same answers check the analysis's sentence cache, which re-reads only changed sentences:
//! it must never change a result. Each answer is "typed" (grown clause by clause, then edited in
//! the middle: a number changed, a word inserted, a sentence joined to the next) and each state's
//! report, read with the cache warm from the states before it, must equal a fresh read.

use comeback_core::analyzer::{analyze_answer, clear_sentence_cache, split_answer, Report};
use serde_json::Value;
use std::path::Path;

fn answers() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let role = v["role"].as_str().unwrap_or_default().to_string();
            let text = v["text"].as_str().unwrap_or_default().to_string();
            out.push((role, text));
        }
    }
    out
}

/// Byte offsets just after each sentence or clause end (". ", "! ", "? ", ", ", "; ", ": ", "\n").
fn cuts(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '\n'))
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    out.push(text.len());
    out
}

#[test]
fn no_cut_of_any_corpus_answer_makes_the_analyzer_panic() {
    let all = answers();
    assert!(
        all.len() >= 200,
        "the corpus should be there: {}",
        all.len()
    );
    let mut runs = 0;
    for (i, (role, text)) in all.iter().enumerate() {
        let other_role = &all[(i + 7) % all.len()].0;
        let mut from = 0;
        for end in cuts(text) {
            let prefix = &text[..end];
            analyze_answer(prefix, Some(role));
            // The piece alone, under a role it was not written for.
            let piece = &text[from..end];
            analyze_answer(piece, Some(other_role));
            from = end;
            runs += 2;
        }
        analyze_answer(text, None);
        split_answer(text);
        runs += 1;
    }
    assert!(runs > 10_000, "{runs} runs");
}

/// The states of an answer as someone types and edits it.
fn states(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ',' | '\n'))
        .map(|(i, c)| text[..i + c.len_utf8()].to_string())
        .collect();
    out.push(text.to_string());
    let mid = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 2)
        .unwrap_or(0);
    // A word typed into the middle, a digit added to the first number, "%" after it, a full stop
    // removed (two sentences become one), a character deleted before the middle.
    out.push(format!("{}not {}", &text[..mid], &text[mid..]));
    if let Some(d) = text.find(|c: char| c.is_ascii_digit()) {
        out.push(format!("{}9{}", &text[..d], &text[d..]));
        out.push(format!("{}%{}", &text[..d + 1], &text[d + 1..]));
    }
    if let Some(p) = text.find(". ") {
        out.push(format!("{}{}", &text[..p], &text[p + 1..]));
    }
    if let Some((i, c)) = text[..mid].char_indices().next_back() {
        out.push(format!("{}{}", &text[..i], &text[i + c.len_utf8()..]));
    }
    out
}

#[test]
fn a_warm_sentence_cache_gives_the_same_report_as_a_fresh_read() {
    let all = answers();
    assert!(all.len() >= 200, "the corpus should be there");
    let mut checked = 0;
    for (i, (role, text)) in all.iter().enumerate() {
        let role = (i % 3 != 0).then_some(role.as_str());
        for state in states(text) {
            let warm: Report = analyze_answer(&state, role);
            clear_sentence_cache();
            let fresh = analyze_answer(&state, role);
            assert!(
                warm == fresh,
                "answer {i}: a cached read differs from a fresh one after an edit"
            );
            checked += 1;
        }
    }
    assert!(checked > 2000, "{checked} states checked");
}
