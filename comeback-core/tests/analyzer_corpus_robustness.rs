//! The analyzer never panics on realistic text cut anywhere: every corpus answer, cut after each of
//! its sentences and after each of its clauses, with and without its role, and each of its
//! sentences alone under another answer's role. Realistic text reaches rule code that random text
//! rarely does (a crash was found this way: an overflowing subtraction in the core-skill check). A
//! panic in the browser would abort the page, so this runs in the debug build, which checks every
//! subtraction. Nothing of the answers is printed, so the untouched blind set can be included.

use comeback_core::analyzer::{analyze_answer, split_answer};
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
