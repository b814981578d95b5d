//! The agreement harness: runs the analyzer on every labelled set in `tests/corpus/` and compares
//! its verdicts with careful human labels. One table, [`SETS`], names every set, what it may be
//! used for and its floors (see `tests/corpus/README.md`; the history of every score is in
//! `tests/corpus/HISTORY.md`).
//!
//! - The team's own answers (`tuning.jsonl`, `fresh.jsonl`, `blind*.jsonl`): tuning material, with
//!   per-answer lines, except the holdout and the last blind set, which print aggregates only.
//! - Real published answers, paraphrased (`real/real-tune.jsonl`, `real/real-sealed.jsonl`): the
//!   figures that matter. `real-tune` may be tuned on; `real-sealed` is scored at most once per
//!   round of analyzer work (logged in the corpus README), never tuned on, and prints aggregates only.
//!
//! Run with `cargo test -p comeback-core --test corpus -- --nocapture` to see the figures. A set
//! file that is missing or unreadable fails the test.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use comeback_core::analyzer::{analyze_answer, Report};
use comeback_core::Key;
use serde_json::Value;

/// What a set may be used for, which decides what is printed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Use {
    /// Tuning material: every disagreement is printed with its id.
    Tuning,
    /// Scored in aggregate only: never tune on it.
    Aggregate,
}

/// One labelled set, what it may be used for, and the figures it must keep.
struct Set {
    /// File under `tests/corpus/`.
    file: &'static str,
    /// Whether per-answer lines may be printed.
    use_: Use,
    /// Real published answers (with evidence quotes, key 1 reasons and a second labeller).
    real: bool,
    /// Per-key agreement, in `Key::ALL` order, when the real-answer round began (2026-12-07): a
    /// change may cost a team-written set at most [`MAX_DROP`] on any key. Zero where no floor is set.
    base: [f64; 5],
    /// Floor on red-flag precision (per flag raised).
    precision: f64,
}

/// How far the team's own sets may fall on any key while the analyzer is improved on real answers.
const MAX_DROP: f64 = 0.03;

/// Every labelled set, in the order they are printed.
#[rustfmt::skip]
const SETS: &[Set] = &[
    Set {
        file: "tuning.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [0.964, 0.982, 0.946, 1.000, 1.000],
        precision: 0.95,
    },
    Set {
        file: "fresh.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [0.956, 0.933, 0.889, 0.933, 0.956],
        precision: 0.95,
    },
    Set {
        file: "blind.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [0.960, 0.920, 0.920, 0.920, 0.920],
        precision: 0.95,
    },
    Set {
        file: "blind2.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [0.960, 0.920, 0.940, 0.960, 0.960],
        precision: 0.85,
    },
    Set {
        file: "blind3.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [1.000, 0.960, 0.960, 0.980, 0.960],
        precision: 0.85,
    },
    Set {
        file: "blind4.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [0.960, 0.940, 0.940, 0.900, 1.000],
        precision: 0.85,
    },
    Set {
        file: "blind5.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [0.880, 1.000, 0.880, 0.860, 0.900],
        precision: 0.75,
    },
    Set {
        file: "blind6.jsonl",
        use_: Use::Tuning,
        real: false,
        base: [1.000, 1.000, 0.880, 0.920, 0.940],
        precision: 0.85,
    },
    Set {
        file: "holdout.jsonl",
        use_: Use::Aggregate,
        real: false,
        base: [0.892, 1.000, 0.865, 0.892, 1.000],
        precision: 0.90,
    },
    Set {
        file: "blind7.jsonl",
        use_: Use::Aggregate,
        real: false,
        base: [0.720, 0.980, 0.820, 0.880, 0.920],
        precision: 0.45,
    },
    Set {
        file: "real/real-tune.jsonl",
        use_: Use::Tuning,
        real: true,
        base: [0.0; 5],
        precision: 0.0,
    },
    Set {
        file: "real/real-sealed.jsonl",
        use_: Use::Aggregate,
        real: true,
        base: [0.0; 5],
        precision: 0.0,
    },
];

/// The red flags, as the labels name them.
const FLAGS: [&str; 6] = [
    "poor_judgment",
    "basic_skills",
    "interpersonal_conflict",
    "ethics",
    "core_competency",
    "blame_shifting",
];

/// The parts of the story a real answer's labels quote (`evidence`), each with the rules by which
/// the coach says that part is missing or absent. Saying so while the labels quote the words that
/// show it is a wrong reason, whatever the verdict.
const ABSENT_CLAIMS: &[(&str, &[&str])] = &[
    (
        "failure",
        &[
            "choice-missing",
            "turnaround-no-failure",
            "growth-no-failure",
        ],
    ),
    ("cause", &["choice-no-cause"]),
    ("figures", &["numbers-missing"]),
    ("actions", &["turnaround-missing", "turnaround-no-speaker"]),
    ("who_when", &["turnaround-no-who-when"]),
    ("immediate", &["improvement-no-immediate"]),
    ("long_term", &["improvement-no-long-term"]),
    ("lesson", &["growth-no-lesson", "growth-generic-lesson"]),
    ("change", &["growth-no-change"]),
];

#[derive(Default)]
struct Score {
    total: usize,
    agree: [usize; 5],
    /// How often each key is labelled met, for the "always the same answer" baseline.
    met: [usize; 5],
    flag_tp: usize,
    flag_fp: usize,
    flag_fn: usize,
    /// Flags raised as likely (not "possible"): true and false positives.
    likely_tp: usize,
    likely_fp: usize,
    /// Per flag: (true positives, false positives, false negatives).
    per_flag: BTreeMap<&'static str, (usize, usize, usize)>,
    /// Answers: labelled with any flag / warned of any flag / both.
    any_labelled: usize,
    any_warned: usize,
    any_both: usize,
    /// Real sets: key 1 reason agreement (agree, labelled).
    reason_agree: usize,
    reason_total: usize,
    /// Real sets: answers where the coach calls a part absent that the labels quote.
    wrong_reason: usize,
    wrong_by_rule: BTreeMap<String, usize>,
    /// Real sets: the two labellers, before settling (agree per key, answers with a second label).
    second_agree: [usize; 5],
    second_total: usize,
    second_flag_agree: usize,
    log: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The 95% Wilson interval of a proportion, as (low, high).
fn wilson(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n, z) = (k as f64, n as f64, 1.96f64);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / (1.0 + z * z / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The key 1 reason the report gives, in the labels' terms: why key 1 is met or not.
fn reason_of(report: &Report) -> &'static str {
    let verdict = report.key(Key::Choice);
    let rules: Vec<&str> = verdict.findings.iter().map(|f| f.rule.as_str()).collect();
    let flags = report.red_flag_ids();
    let has = |r: &str| rules.contains(&r);
    if verdict.met {
        return if has("choice-complex-work") {
            "complex-work"
        } else {
            "outside"
        };
    }
    if has("choice-no-failure") {
        return "denial-or-boast";
    }
    if has("choice-missing") {
        return "no-failure";
    }
    for (flag, reason) in [
        ("ethics", "ethics"),
        ("interpersonal_conflict", "conflict"),
        ("core_competency", "core-skill"),
        ("poor_judgment", "judgment"),
        ("basic_skills", "own-slip"),
    ] {
        if flags.contains(&flag) {
            return reason;
        }
    }
    if has("choice-own-slip") {
        return "own-slip";
    }
    "no-cause"
}

fn read_set(set: &Set) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(set.file);
    let src = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("corpus set {} cannot be read: {e}", path.display()));
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: not valid JSON: {e}", set.file, n + 1));
        assert!(
            v["id"].is_string() && v["text"].is_string() && v["labels"].is_object(),
            "{}:{}: an answer needs id, text and labels",
            set.file,
            n + 1
        );
        out.push(v);
    }
    assert!(!out.is_empty(), "corpus set {} holds no answer", set.file);
    out
}

fn score(set: &Set) -> Score {
    let mut s = Score::default();
    let per_item = set.use_ == Use::Tuning;
    for v in read_set(set) {
        let id = v["id"].as_str().unwrap_or("?");
        let text = v["text"].as_str().unwrap_or("");
        let report = analyze_answer(text, v["role"].as_str());
        s.total += 1;
        for (i, k) in Key::ALL.iter().enumerate() {
            let want = v["labels"][k.id()].as_bool().unwrap_or(false);
            let got = report.key(*k).met;
            s.met[i] += usize::from(want);
            if want == got {
                s.agree[i] += 1;
            } else if per_item {
                let why = report.key(*k).status.clone();
                s.log.push(format!(
                    "  disagree {id:<34} {:<11} expected {want:<5} got {got:<5} {why}",
                    k.id()
                ));
            }
        }
        let want = strings(&v["red_flags"]);
        let got = report.red_flag_ids();
        for h in report.red_flags.iter().filter(|h| !h.possible) {
            if want.contains(&h.flag.id()) {
                s.likely_tp += 1;
            } else {
                s.likely_fp += 1;
            }
        }
        for flag in FLAGS {
            let (w, g) = (want.contains(&flag), got.contains(&flag));
            let e = s.per_flag.entry(flag).or_default();
            match (w, g) {
                (true, true) => {
                    s.flag_tp += 1;
                    e.0 += 1;
                }
                (false, true) => {
                    s.flag_fp += 1;
                    e.1 += 1;
                    if per_item {
                        let hit = report.red_flags.iter().find(|h| h.flag.id() == flag);
                        let quote = hit
                            .and_then(|h| h.evidence.first())
                            .map_or(String::new(), |f| f.quote.clone());
                        let level = if hit.is_some_and(|h| h.possible) {
                            "possible"
                        } else {
                            "likely"
                        };
                        s.log
                            .push(format!("  false flag {id:<32} {flag} {level} ({quote:?})"));
                    }
                }
                (true, false) => {
                    s.flag_fn += 1;
                    e.2 += 1;
                    if per_item {
                        s.log.push(format!("  missed flag {id:<31} {flag}"));
                    }
                }
                (false, false) => {}
            }
        }
        s.any_labelled += usize::from(!want.is_empty());
        s.any_warned += usize::from(!got.is_empty());
        s.any_both += usize::from(!want.is_empty() && !got.is_empty());
        if set.real {
            score_real(&v, &report, per_item, &mut s);
        }
    }
    s
}

/// What only real answers are labelled with: the key 1 reason, the evidence for each part, and a
/// second labeller's labels.
fn score_real(v: &Value, report: &Report, per_item: bool, s: &mut Score) {
    let id = v["id"].as_str().unwrap_or("?");
    if let Some(want) = v["choice_reason"].as_str() {
        s.reason_total += 1;
        let got = reason_of(report);
        if want == got {
            s.reason_agree += 1;
        } else if per_item {
            s.log.push(format!(
                "  key 1 reason {id:<30} expected {want:<15} got {got}"
            ));
        }
    }
    let rules: Vec<&str> = report.all_findings().map(|f| f.rule.as_str()).collect();
    let mut wrong = Vec::new();
    for (part, claims) in ABSENT_CLAIMS {
        let quoted = v["evidence"][*part]
            .as_array()
            .is_some_and(|a| !a.is_empty());
        if !quoted {
            continue;
        }
        for claim in *claims {
            // A denial is still "no real failure" even when a failure is quoted around it.
            let denial = *part == "failure" && v["choice_reason"] == "denial-or-boast";
            if rules.contains(claim) && !denial {
                wrong.push(*claim);
            }
        }
    }
    if !wrong.is_empty() {
        s.wrong_reason += 1;
        for w in &wrong {
            *s.wrong_by_rule.entry(w.to_string()).or_default() += 1;
        }
        if per_item {
            s.log
                .push(format!("  wrong reason {id:<30} {}", wrong.join(", ")));
        }
    }
    // The two labellers before their disagreements were settled (`first` and `second`).
    if let (Some(first), Some(second)) = (
        v["first"]["labels"].as_object(),
        v["second"]["labels"].as_object(),
    ) {
        s.second_total += 1;
        for (i, k) in Key::ALL.iter().enumerate() {
            let a = first.get(k.id()).and_then(Value::as_bool);
            if a.is_some() && a == second.get(k.id()).and_then(Value::as_bool) {
                s.second_agree[i] += 1;
            }
        }
        let a = strings(&v["first"]["red_flags"]);
        let b = strings(&v["second"]["red_flags"]);
        s.second_flag_agree += usize::from(a.is_empty() == b.is_empty());
    }
}

/// Prints a set's figures in one piece (so that sets scored in parallel do not interleave) and
/// returns the per-key agreement and the precision of the flags raised as likely (the floors are
/// on those: the team's labels flag what is certain, a "possible" flag has a lower bar).
fn report_set(set: &Set, s: &Score) -> ([f64; 5], f64) {
    let mut out = String::new();
    for l in &s.log {
        let _ = writeln!(out, "{l}");
    }
    let kind = match (set.real, set.use_) {
        (true, Use::Tuning) => "real answers, tuning material",
        (true, Use::Aggregate) => "real answers, sealed: aggregates only, never tune on it",
        (false, Use::Tuning) => "team-written, tuning material",
        (false, Use::Aggregate) => "team-written, aggregates only",
    };
    let _ = writeln!(out, "-- {} ({kind}): {} answers", set.file, s.total);
    let mut keys = [0.0; 5];
    let mut sum = 0.0;
    for (i, k) in Key::ALL.iter().enumerate() {
        let a = ratio(s.agree[i], s.total);
        let (lo, hi) = wilson(s.agree[i], s.total);
        let majority = ratio(s.met[i].max(s.total - s.met[i]), s.total);
        let _ = writeln!(
            out,
            "  {:<11} agreement {a:.3} ({}/{}), 95% CI {lo:.2}-{hi:.2}; labelled met {}, always-the-same {majority:.3}",
            k.id(),
            s.agree[i],
            s.total,
            s.met[i],
        );
        keys[i] = a;
        sum += a;
    }
    let _ = writeln!(out, "  mean        {:.3}", sum / 5.0);
    let p = ratio(s.flag_tp, s.flag_tp + s.flag_fp);
    let r = ratio(s.flag_tp, s.flag_tp + s.flag_fn);
    let _ = writeln!(
        out,
        "  red flags (per flag)   precision {p:.3} recall {r:.3} (tp {} fp {} fn {}), with the possible ones",
        s.flag_tp, s.flag_fp, s.flag_fn
    );
    let lp = ratio(s.likely_tp, s.likely_tp + s.likely_fp);
    let _ = writeln!(
        out,
        "  red flags (likely)     precision {lp:.3} (tp {} fp {}), without the possible ones",
        s.likely_tp, s.likely_fp
    );
    let ap = ratio(s.any_both, s.any_warned);
    let ar = ratio(s.any_both, s.any_labelled);
    let (rlo, rhi) = wilson(s.any_both, s.any_labelled);
    let _ = writeln!(
        out,
        "  red flags (any warned) precision {ap:.3} ({}/{}) recall {ar:.3} ({}/{}, 95% CI {rlo:.2}-{rhi:.2})",
        s.any_both, s.any_warned, s.any_both, s.any_labelled
    );
    for (flag, (tp, fp, fneg)) in &s.per_flag {
        let _ = writeln!(out, "    {flag:<24} tp {tp} fp {fp} fn {fneg}");
    }
    if set.real {
        let _ = writeln!(
            out,
            "  key 1 reason agreement {:.3} ({}/{})",
            ratio(s.reason_agree, s.reason_total),
            s.reason_agree,
            s.reason_total
        );
        let _ = writeln!(
            out,
            "  wrong-reason rate {:.3} ({} of {} answers: a part called missing that the labels quote)",
            ratio(s.wrong_reason, s.total),
            s.wrong_reason,
            s.total
        );
        for (rule, n) in &s.wrong_by_rule {
            let _ = writeln!(out, "    {rule:<26} {n}");
        }
        if s.second_total > 0 {
            let per_key: Vec<String> = Key::ALL
                .iter()
                .enumerate()
                .map(|(i, k)| format!("{} {:.3}", k.id(), ratio(s.second_agree[i], s.second_total)))
                .collect();
            let _ = writeln!(
                out,
                "  two labellers before settling ({} answers): {}; any flag {:.3}",
                s.second_total,
                per_key.join(", "),
                ratio(s.second_flag_agree, s.second_total)
            );
        }
    }
    let _ = writeln!(
        out,
        "  (a proportion from 40 answers is known to about ±0.12, from 130 to about ±0.07: read the intervals)"
    );
    print!("{out}");
    (keys, lp)
}

/// Scores a set and prints it; returns what falls under its floors.
fn check(set: &Set) -> Vec<String> {
    let s = score(set);
    let (keys, precision) = report_set(set, &s);
    let mut under = Vec::new();
    for (i, k) in Key::ALL.iter().enumerate() {
        if keys[i] < set.base[i] - MAX_DROP - 1e-9 {
            under.push(format!(
                "{}: agreement on {} is {:.3}, more than {MAX_DROP} under {:.3}",
                set.file,
                k.id(),
                keys[i],
                set.base[i]
            ));
        }
    }
    if precision < set.precision {
        under.push(format!(
            "{}: likely red-flag precision {precision:.3} is under its floor {:.2}",
            set.file, set.precision
        ));
    }
    under
}

fn assert_all(under: Vec<String>) {
    assert!(under.is_empty(), "{}", under.join("\n"));
}

fn set(file: &str) -> &'static Set {
    SETS.iter()
        .find(|s| s.file == file)
        .unwrap_or_else(|| panic!("{file} is not in SETS"))
}

#[test]
fn team_written_sets() {
    assert_all(SETS.iter().filter(|s| !s.real).flat_map(check).collect());
}

#[test]
fn real_answers_tuning_part() {
    assert_all(check(set("real/real-tune.jsonl")));
}

#[test]
fn real_answers_sealed_part() {
    assert_all(check(set("real/real-sealed.jsonl")));
}

#[test]
fn every_set_file_in_the_folder_is_in_the_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for sub in ["", "real"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if !name.ends_with(".jsonl") {
                continue;
            }
            let rel = if sub.is_empty() {
                name
            } else {
                format!("{sub}/{name}")
            };
            assert!(
                SETS.iter().any(|s| s.file == rel),
                "{rel} is not in SETS: add it with its use and floors"
            );
        }
    }
}

#[test]
fn wilson_interval_is_about_right() {
    let (lo, hi) = wilson(36, 40);
    assert!(
        (0.76..0.79).contains(&lo) && (0.96..0.98).contains(&hi),
        "{lo} {hi}"
    );
}
