//! The agreement harness: runs the analyzer on the labelled corpus (`tests/corpus/*.jsonl`) and
//! compares its verdicts with careful human labels. Tune rules on `tuning.jsonl` only; the holdout
//! set measures how well that tuning carries over.
//!
//! Run with `cargo test -p comeback-core --test corpus -- --nocapture` to see the figures.

use comeback_core::analyzer::analyze_answer;
use comeback_core::Key;
use serde_json::Value;
use std::path::Path;

/// Per-key agreement floors on the holdout set (just below what the analyzer reaches; never below 0.75).
const FLOOR_CHOICE: f64 = 0.75;
const FLOOR_NUMBERS: f64 = 0.97;
const FLOOR_TURNAROUND: f64 = 0.85;
const FLOOR_IMPROVEMENT: f64 = 0.82;
const FLOOR_GROWTH: f64 = 0.97;
/// Red-flag precision floor on the holdout set (a false alarm costs trust).
const FLOOR_FLAG_PRECISION: f64 = 0.95;
/// Floor for every key and for red-flag precision on the fresh set (`fresh.jsonl`), which is never
/// used for tuning and whose texts are never printed.
const FLOOR_FRESH: f64 = 0.65;

fn floor(k: Key) -> f64 {
    match k {
        Key::Choice => FLOOR_CHOICE,
        Key::Numbers => FLOOR_NUMBERS,
        Key::Turnaround => FLOOR_TURNAROUND,
        Key::Improvement => FLOOR_IMPROVEMENT,
        Key::Growth => FLOOR_GROWTH,
    }
}

struct Score {
    agree: [usize; 5],
    total: usize,
    flag_tp: usize,
    flag_fp: usize,
    flag_fn: usize,
    /// Per flag: (true positives, false positives, false negatives).
    per_flag: std::collections::BTreeMap<String, (usize, usize, usize)>,
}

fn run(name: &str) -> Option<Score> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    let Ok(src) = std::fs::read_to_string(&path) else {
        println!("corpus: {name} not found, skipped");
        return None;
    };
    let mut s = Score {
        agree: [0; 5],
        total: 0,
        flag_tp: 0,
        flag_fp: 0,
        flag_fn: 0,
        per_flag: Default::default(),
    };
    // Per-answer lines (ids, verdicts, quotes) are printed for the tuning set only: the holdout and
    // fresh sets report aggregate figures, so nobody tunes on their individual answers.
    let per_item = name.starts_with("tuning");
    let show_quotes = per_item;
    println!("== {name}");
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) if per_item => panic!("{name}:{}: bad JSON: {e}", n + 1),
            Err(_) => panic!("{name}:{}: bad JSON", n + 1),
        };
        let id = v["id"].as_str().unwrap_or("?");
        let text = v["text"].as_str().unwrap_or("");
        let role = v["role"].as_str();
        let report = analyze_answer(text, role);
        s.total += 1;
        for (i, k) in Key::ALL.iter().enumerate() {
            let want = v["labels"][k.id()].as_bool().unwrap_or(false);
            let got = report.key(*k).met;
            if want == got {
                s.agree[i] += 1;
            } else if per_item {
                println!(
                    "  disagree {id:<28} {:<11} expected {want:<5} got {got}",
                    k.id()
                );
            }
        }
        let want: Vec<&str> = v["red_flags"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let got = report.red_flag_ids();
        for g in &got {
            if want.contains(g) {
                s.flag_tp += 1;
                s.per_flag.entry(g.to_string()).or_default().0 += 1;
            } else {
                s.flag_fp += 1;
                s.per_flag.entry(g.to_string()).or_default().1 += 1;
                if !per_item {
                    continue;
                }
                let ev = report
                    .red_flags
                    .iter()
                    .find(|h| h.flag.id() == *g)
                    .and_then(|h| h.evidence.first())
                    .filter(|_| show_quotes)
                    .map_or(String::new(), |f| f.quote.clone());
                println!("  false flag {id:<26} {g} ({ev:?})");
            }
        }
        for w in &want {
            if !got.contains(w) {
                s.flag_fn += 1;
                s.per_flag.entry(w.to_string()).or_default().2 += 1;
                if per_item {
                    println!("  missed flag {id:<25} {w}");
                }
            }
        }
    }
    Some(s)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn print(name: &str, s: &Score) -> (Vec<f64>, f64) {
    println!("-- {name}: {} answers", s.total);
    let mut out = Vec::new();
    for (i, k) in Key::ALL.iter().enumerate() {
        let a = ratio(s.agree[i], s.total);
        println!(
            "  {:<11} agreement {:.3} ({}/{})",
            k.id(),
            a,
            s.agree[i],
            s.total
        );
        out.push(a);
    }
    let p = ratio(s.flag_tp, s.flag_tp + s.flag_fp);
    let r = ratio(s.flag_tp, s.flag_tp + s.flag_fn);
    println!(
        "  red flags   precision {p:.3} recall {r:.3} (tp {} fp {} fn {})",
        s.flag_tp, s.flag_fp, s.flag_fn
    );
    for (flag, (tp, fp, fneg)) in &s.per_flag {
        println!("    {flag:<24} tp {tp} fp {fp} fn {fneg}");
    }
    (out, p)
}

#[test]
fn agreement_with_labelled_corpus() {
    let tuning = run("tuning.jsonl");
    let holdout = run("holdout.jsonl");
    if let Some(s) = &tuning {
        print("tuning", s);
    }
    let Some(h) = &holdout else {
        println!("corpus: no holdout set yet, nothing to check");
        return;
    };
    let (keys, precision) = print("holdout", h);
    for (i, k) in Key::ALL.iter().enumerate() {
        assert!(
            keys[i] >= floor(*k),
            "holdout agreement on {} is {:.3}, below the floor {:.2}",
            k.id(),
            keys[i],
            floor(*k)
        );
    }
    assert!(
        precision >= FLOOR_FLAG_PRECISION,
        "holdout red-flag precision {precision:.3} is below {FLOOR_FLAG_PRECISION}"
    );
}

/// The fresh set: written after the rules were tuned, never used for tuning, aggregate figures only.
#[test]
fn agreement_with_fresh_corpus() {
    let Some(f) = run("fresh.jsonl") else {
        return;
    };
    let (keys, precision) = print("fresh", &f);
    for (i, k) in Key::ALL.iter().enumerate() {
        assert!(
            keys[i] >= FLOOR_FRESH,
            "fresh agreement on {} is {:.3}, below the floor {FLOOR_FRESH}",
            k.id(),
            keys[i]
        );
    }
    assert!(
        precision >= FLOOR_FRESH,
        "fresh red-flag precision {precision:.3} is below {FLOOR_FRESH}"
    );
}
