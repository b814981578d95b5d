//! The agreement harness: runs the analyzer on the labelled corpus (`tests/corpus/*.jsonl`) and
//! compares its verdicts with careful human labels. Tune rules on `tuning.jsonl`, `fresh.jsonl`,
//! `blind.jsonl`, `blind2.jsonl`, `blind3.jsonl`, `blind4.jsonl`, `blind5.jsonl` and `blind6.jsonl`
//! (the last seven were evaluation sets, each promoted to tuning material once scored: fresh and
//! blind on 2026-11-25, blind2 on 2026-11-25 (evening), blind3 on 2026-11-25 (night), blind4,
//! blind5 and blind6 on 2026-11-26); the holdout set measures how well that tuning carries over (aggregate figures
//! only). `BLIND` names the untouched evaluation set, when there is one (`blind7.jsonl`): only its
//! aggregate figures are ever printed.
//!
//! Run with `cargo test -p comeback-core --test corpus -- --nocapture` to see the figures.

use comeback_core::analyzer::analyze_answer;
use comeback_core::Key;
use serde_json::Value;
use std::path::Path;

/// Per-key agreement floors on the holdout set (just below what the analyzer reaches; never below 0.75).
const FLOOR_CHOICE: f64 = 0.80;
const FLOOR_NUMBERS: f64 = 0.97;
const FLOOR_TURNAROUND: f64 = 0.86;
const FLOOR_IMPROVEMENT: f64 = 0.86;
const FLOOR_GROWTH: f64 = 0.97;
/// Red-flag precision floor on the holdout set (a false alarm costs trust).
const FLOOR_FLAG_PRECISION: f64 = 0.95;
/// Floors on the untouched evaluation set named by `BLIND` (`blind7.jsonl`, written blind while
/// the rules were tuned on blind6), which guard against regressions only.
const FLOOR_BLIND: f64 = 0.70;
const FLOOR_BLIND_PRECISION: f64 = 0.45;
/// Floors on the sixth blind set (`blind6.jsonl`) now that it is tuning material (promoted on
/// 2026-11-26, second session): scored blind it gave choice .740, numbers .940, turnaround .820,
/// improvement .840, growth .920, red-flag precision .600 on 5 flags, recall .158, core competency
/// 0 of 12; after the round that tuned on it, its lowest key is turnaround at .880 and its red-flag
/// precision 1.000 (15 true, 0 false: too few flags for a tight floor).
const FLOOR_BLIND6: f64 = 0.86;
const FLOOR_BLIND6_PRECISION: f64 = 0.85;
/// Floors on the first blind set (`blind.jsonl`) now that it is tuning material: it was scored
/// blind at improvement .640 and red-flag precision .500 before it was promoted, and reached
/// .840 (lowest key) and 1.000 after the 2026-11-25 tuning round.
const FLOOR_BLIND1: f64 = 0.83;
const FLOOR_BLIND1_PRECISION: f64 = 0.95;
/// Floors on the second blind set (`blind2.jsonl`) now that it is tuning material: scored blind it
/// gave choice .760, numbers .920, turnaround .780, improvement .800, growth .860 and red-flag
/// precision .667 (3 flags); after the 2026-11-25 (evening) round, which tuned on it, its lowest keys are
/// numbers and improvement at .920, and its red-flag precision .900 (9 true, 1 false: too few
/// flags for a tight floor).
const FLOOR_BLIND2: f64 = 0.91;
const FLOOR_BLIND2_PRECISION: f64 = 0.85;
/// Floors on the third blind set (`blind3.jsonl`) now that it is tuning material: scored blind it
/// gave choice .880, numbers .960, turnaround .960, improvement .900, growth .960 and red-flag
/// precision .600 (5 flags; core competency 0 of 10); after the 2026-11-25 (night) round, which
/// tuned on it, its lowest key is improvement at .900 and its red-flag precision 1.000 (12 true,
/// 0 false: too few flags for a tight floor).
const FLOOR_BLIND3: f64 = 0.89;
const FLOOR_BLIND3_PRECISION: f64 = 0.85;
/// Floors on the fourth blind set (`blind4.jsonl`) now that it is tuning material: scored blind it
/// gave choice .840, numbers .940, turnaround .940, improvement .740, growth 1.000 and red-flag
/// precision 1.000 on 6 flags (recall .231, core competency 0 of 9); after the 2026-11-26 round,
/// which tuned on it (core competency by meaning, improvement told as ordinary actions), its lowest
/// key is improvement at .900 and its red-flag precision 1.000 (15 true, 0 false: too few flags
/// for a tight floor).
const FLOOR_BLIND4: f64 = 0.89;
const FLOOR_BLIND4_PRECISION: f64 = 0.85;
/// Floors on the fifth blind set (`blind5.jsonl`) now that it is tuning material: scored blind it
/// gave choice .820, numbers .980, turnaround .840, improvement .860, growth .900 and red-flag
/// precision .600 on 5 flags (recall .136, core competency 1 of 14); the analyzer from before the
/// blind4 round scored the same keys, precision .500 and core competency 0 of 14. After the
/// 2026-11-26 (night) round, which tuned on it, its lowest keys are choice and improvement at .860
/// and its red-flag precision .833 (5 true, 1 false: too few flags for a tight floor).
const FLOOR_BLIND5: f64 = 0.85;
const FLOOR_BLIND5_PRECISION: f64 = 0.75;

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
    /// Lines that are not valid JSON (only tolerated in the blind set).
    unreadable: usize,
    /// Per-answer lines, printed together so that sets run in parallel do not interleave.
    log: Vec<String>,
}

/// The untouched evaluation set: aggregate figures only, never per-answer lines, and a half-written
/// file is tolerated, and a missing file is skipped. Written blind to the analyzer (see the corpus
/// README); when it is promoted to tuning material, a new blind set must be written first.
const BLIND: Option<&str> = Some("blind7.jsonl");

/// The sets whose per-answer lines (ids, verdicts, quotes) are printed: the tuning material.
const TUNING_SETS: &[&str] = &[
    "tuning.jsonl",
    "fresh.jsonl",
    "blind.jsonl",
    "blind2.jsonl",
    "blind3.jsonl",
    "blind4.jsonl",
    "blind5.jsonl",
    "blind6.jsonl",
];

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
        unreadable: 0,
        log: Vec::new(),
    };
    // Per-answer lines (ids, verdicts, quotes) are printed for the tuning material only: the holdout
    // and blind sets report aggregate figures, so nobody tunes on their individual answers.
    let per_item = TUNING_SETS.contains(&name) && BLIND != Some(name);
    let show_quotes = per_item;
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) if per_item => panic!("{name}:{}: bad JSON: {e}", n + 1),
            // The blind set may be half written: count the line, say nothing about it.
            Err(_) if BLIND == Some(name) => {
                s.unreadable += 1;
                continue;
            }
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
                s.log.push(format!(
                    "  disagree {id:<28} {:<11} expected {want:<5} got {got}",
                    k.id()
                ));
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
                s.log.push(format!("  false flag {id:<26} {g} ({ev:?})"));
            }
        }
        for w in &want {
            if !got.contains(w) {
                s.flag_fn += 1;
                s.per_flag.entry(w.to_string()).or_default().2 += 1;
                if per_item {
                    s.log.push(format!("  missed flag {id:<25} {w}"));
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

/// Prints a set's figures (and its per-answer lines, for tuning material) in one piece, so that
/// sets run in parallel do not interleave; returns the per-key agreement and the flag precision.
fn print(name: &str, s: &Score) -> (Vec<f64>, f64) {
    use std::fmt::Write;
    let mut out = String::new();
    for l in &s.log {
        let _ = writeln!(out, "{l}");
    }
    let _ = writeln!(out, "-- {name}: {} answers", s.total);
    if s.unreadable > 0 {
        let _ = writeln!(out, "  ({} lines not valid JSON, skipped)", s.unreadable);
    }
    let mut keys = Vec::new();
    for (i, k) in Key::ALL.iter().enumerate() {
        let a = ratio(s.agree[i], s.total);
        let _ = writeln!(
            out,
            "  {:<11} agreement {:.3} ({}/{})",
            k.id(),
            a,
            s.agree[i],
            s.total
        );
        keys.push(a);
    }
    let p = ratio(s.flag_tp, s.flag_tp + s.flag_fp);
    let r = ratio(s.flag_tp, s.flag_tp + s.flag_fn);
    let _ = writeln!(
        out,
        "  red flags   precision {p:.3} recall {r:.3} (tp {} fp {} fn {})",
        s.flag_tp, s.flag_fp, s.flag_fn
    );
    for (flag, (tp, fp, fneg)) in &s.per_flag {
        let _ = writeln!(out, "    {flag:<24} tp {tp} fp {fp} fn {fneg}");
    }
    print!("{out}");
    (keys, p)
}

/// Fails when a set's agreement on any key, or its red-flag precision, is under its floor.
fn assert_floors(
    set: &str,
    keys: &[f64],
    precision: f64,
    key_floor: impl Fn(Key) -> f64,
    precision_floor: f64,
) {
    for (i, k) in Key::ALL.iter().enumerate() {
        assert!(
            keys[i] >= key_floor(*k),
            "{set} agreement on {} is {:.3}, below the floor {:.2}",
            k.id(),
            keys[i],
            key_floor(*k)
        );
    }
    assert!(
        precision >= precision_floor,
        "{set} red-flag precision {precision:.3} is below {precision_floor}"
    );
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
    assert_floors("holdout", &keys, precision, floor, FLOOR_FLAG_PRECISION);
}

/// The fresh set: promoted to tuning material on 2026-11-25; per-answer lines like the tuning set.
#[test]
fn agreement_with_fresh_corpus() {
    if let Some(f) = run("fresh.jsonl") {
        print("fresh", &f);
    }
}

/// The first blind set: promoted to tuning material on 2026-11-25 after it was scored blind.
#[test]
fn agreement_with_first_blind_corpus() {
    let Some(b) = run("blind.jsonl") else {
        return;
    };
    let (keys, precision) = print("blind (now tuning)", &b);
    assert_floors(
        "blind.jsonl",
        &keys,
        precision,
        |_| FLOOR_BLIND1,
        FLOOR_BLIND1_PRECISION,
    );
}

/// The second blind set: promoted to tuning material on 2026-11-25 (evening) after it was scored blind.
#[test]
fn agreement_with_second_blind_corpus() {
    let Some(b) = run("blind2.jsonl") else {
        return;
    };
    let (keys, precision) = print("blind2 (now tuning)", &b);
    assert_floors(
        "blind2.jsonl",
        &keys,
        precision,
        |_| FLOOR_BLIND2,
        FLOOR_BLIND2_PRECISION,
    );
}

/// The third blind set: promoted to tuning material on 2026-11-25 (night) after it was scored blind.
#[test]
fn agreement_with_third_blind_corpus() {
    let Some(b) = run("blind3.jsonl") else {
        return;
    };
    let (keys, precision) = print("blind3 (now tuning)", &b);
    assert_floors(
        "blind3.jsonl",
        &keys,
        precision,
        |_| FLOOR_BLIND3,
        FLOOR_BLIND3_PRECISION,
    );
}

/// The fourth blind set: promoted to tuning material on 2026-11-26 after it was scored blind.
#[test]
fn agreement_with_fourth_blind_corpus() {
    let Some(b) = run("blind4.jsonl") else {
        return;
    };
    let (keys, precision) = print("blind4 (now tuning)", &b);
    assert_floors(
        "blind4.jsonl",
        &keys,
        precision,
        |_| FLOOR_BLIND4,
        FLOOR_BLIND4_PRECISION,
    );
}

/// The fifth blind set: promoted to tuning material on 2026-11-26 after it was scored blind.
#[test]
fn agreement_with_fifth_blind_corpus() {
    let Some(b) = run("blind5.jsonl") else {
        return;
    };
    let (keys, precision) = print("blind5 (now tuning)", &b);
    assert_floors(
        "blind5.jsonl",
        &keys,
        precision,
        |_| FLOOR_BLIND5,
        FLOOR_BLIND5_PRECISION,
    );
}

#[test]
fn agreement_with_sixth_blind_corpus() {
    let Some(b) = run("blind6.jsonl") else {
        return;
    };
    let (keys, precision) = print("blind6 (tuning material since 2026-11-26)", &b);
    assert_floors(
        "blind6",
        &keys,
        precision,
        |_| FLOOR_BLIND6,
        FLOOR_BLIND6_PRECISION,
    );
}

/// The untouched blind set named by `BLIND`: never used for tuning, aggregate figures only;
/// skipped when none is named, when the file is missing, or while it holds no answer yet.
#[test]
fn agreement_with_blind_corpus() {
    let Some(name) = BLIND else {
        println!("corpus: no untouched blind set named yet, nothing to check");
        return;
    };
    let Some(b) = run(name) else {
        return;
    };
    if b.total == 0 {
        println!("corpus: {name} has no answers yet, nothing to check");
        return;
    }
    let (keys, precision) = print(&format!("{name} (never tuned on)"), &b);
    assert_floors(
        name,
        &keys,
        precision,
        |_| FLOOR_BLIND,
        FLOOR_BLIND_PRECISION,
    );
}
