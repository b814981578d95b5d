//! The job-ad reader against ads written by the team (`tests/jobads/`, see its README): each
//! `NAME.txt` is read and compared with `NAME.expected.json` (title, role, essentials, desirables,
//! values, notices). Prints per-ad and overall figures for the first set, the rules' tuning
//! material, and overall figures only for `holdout/` (written after the rules were frozen, scored
//! once, then tuned on) and `holdout2/` (the untouched set); the floors sit just under what the
//! reader reaches.
//!
//! Run with `cargo test -p comeback-core --test jobads -- --nocapture`; `JOBADS_DETAIL=1` also
//! prints every phrase missed or found in excess.

use comeback_core::jobad::{read_job_ad, AdNoticeKind, JobAd};
use serde_json::Value;
use std::path::Path;

/// Floors, just under what the reader reaches on these ads. The rules were written while reading
/// them, so these figures guard against regressions; they do not estimate unseen ads.
const FLOOR_ESSENTIAL_PRECISION: f64 = 0.98;
const FLOOR_ESSENTIAL_RECALL: f64 = 0.98;
const FLOOR_DESIRABLE_PRECISION: f64 = 0.97;
const FLOOR_DESIRABLE_RECALL: f64 = 0.97;
const FLOOR_TITLE: f64 = 0.96;
const FLOOR_ROLE: f64 = 0.90;
const FLOOR_VALUES_PRECISION: f64 = 0.96;
const FLOOR_VALUES_RECALL: f64 = 0.93;

/// Floors on `holdout/`. Scored once after the rules were frozen, it gave essentials precision
/// .975 recall .919, desirables .900 and .857, values 1.000 and 1.000, title .750, role .833,
/// notices 1.000 (12 ads); the round that then tuned on it took these to .976, .965, 1.000, 1.000,
/// 1.000, 1.000, 1.000, 1.000. It is tuning material now; `holdout2/` is the untouched set.
const FLOOR_HOLDOUT_ESSENTIAL_PRECISION: f64 = 0.97;
const FLOOR_HOLDOUT_ESSENTIAL_RECALL: f64 = 0.95;
const FLOOR_HOLDOUT_DESIRABLE_PRECISION: f64 = 0.97;
const FLOOR_HOLDOUT_DESIRABLE_RECALL: f64 = 0.97;
const FLOOR_HOLDOUT_TITLE: f64 = 0.97;

/// The least word overlap (shared words over all words of both) for a phrase to count as one.
const OVERLAP: f64 = 0.5;

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Shared words over all distinct words of both phrases.
fn overlap(a: &str, b: &str) -> f64 {
    use std::collections::HashSet;
    let a: HashSet<String> = words(a).into_iter().collect();
    let b: HashSet<String> = words(b).into_iter().collect();
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Matches found phrases with expected ones one to one (best overlap first). Returns the number
/// matched and the phrases left on each side.
fn pair(found: &[String], expected: &[String], least: f64) -> (usize, Vec<String>, Vec<String>) {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        for (j, e) in expected.iter().enumerate() {
            let o = overlap(f, e);
            if o >= least {
                pairs.push((o, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut used_f = vec![false; found.len()];
    let mut used_e = vec![false; expected.len()];
    let mut n = 0;
    for (_, i, j) in pairs {
        if !used_f[i] && !used_e[j] {
            used_f[i] = true;
            used_e[j] = true;
            n += 1;
        }
    }
    let extra = found
        .iter()
        .zip(&used_f)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| f.clone())
        .collect();
    let missed = expected
        .iter()
        .zip(&used_e)
        .filter(|(_, u)| !**u)
        .map(|(e, _)| e.clone())
        .collect();
    (n, extra, missed)
}

/// Matched, found and expected counts.
#[derive(Default, Clone, Copy)]
struct Count {
    tp: usize,
    found: usize,
    expected: usize,
}

impl Count {
    fn add(&mut self, o: Count) {
        self.tp += o.tp;
        self.found += o.found;
        self.expected += o.expected;
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.tp as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.tp as f64 / self.expected as f64
        }
    }
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn notice_name(k: AdNoticeKind) -> &'static str {
    match k {
        AdNoticeKind::Empty => "empty",
        AdNoticeKind::TooLong => "too-long",
        AdNoticeKind::NoRequirements => "no-requirements",
        AdNoticeKind::NotEnglish => "not-english",
    }
}

/// Ignores a part in brackets, as the labels do.
fn title_words(s: &str) -> Vec<String> {
    words(s.split('(').next().unwrap_or(""))
}

struct Totals {
    ads: usize,
    essentials: Count,
    desirables: Count,
    values: Count,
    titles: usize,
    roles: usize,
    notices: usize,
}

fn score(dir: &Path, print_ads: bool) -> Totals {
    let detail = std::env::var_os("JOBADS_DETAIL").is_some();
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the ads' folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut t = Totals {
        ads: 0,
        essentials: Count::default(),
        desirables: Count::default(),
        values: Count::default(),
        titles: 0,
        roles: 0,
        notices: 0,
    };
    for name in names {
        let stem = name.trim_end_matches(".txt");
        let text = std::fs::read_to_string(dir.join(&name)).expect("an ad");
        let expected_path = dir.join(format!("{stem}.expected.json"));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
                panic!(
                    "{} has no {stem}.expected.json: labels are written by hand",
                    name
                )
            }),
        )
        .expect("expected JSON");
        let ad: JobAd = read_job_ad(&text);
        let list = |v: &[comeback_core::jobad::Requirement]| -> Vec<String> {
            v.iter().map(|r| r.text.clone()).collect()
        };
        let mut line = format!("{stem:<32}");
        let mut show = Vec::new();
        let mut tally =
            |label: &str, found: Vec<String>, exp: Vec<String>, least: f64, total: &mut Count| {
                let (tp, extra, missed) = pair(&found, &exp, least);
                let c = Count {
                    tp,
                    found: found.len(),
                    expected: exp.len(),
                };
                total.add(c);
                line.push_str(&format!(" {label} {tp}/{}/{}", c.found, c.expected));
                for m in missed {
                    show.push(format!("    missed {label}: {m}"));
                }
                for x in extra {
                    show.push(format!("    extra  {label}: {x}"));
                }
            };
        tally(
            "E",
            list(&ad.essentials),
            strings(&expected, "essentials"),
            OVERLAP,
            &mut t.essentials,
        );
        tally(
            "D",
            list(&ad.desirables),
            strings(&expected, "desirables"),
            OVERLAP,
            &mut t.desirables,
        );
        let values: Vec<String> = ad.values.iter().map(|v| v.text.clone()).collect();
        tally(
            "V",
            values,
            strings(&expected, "values"),
            OVERLAP,
            &mut t.values,
        );
        let got_title = ad.title.as_ref().map(|x| title_words(&x.text));
        let want_title = expected["title"].as_str().map(title_words);
        let title_ok = got_title == want_title;
        let got_role = ad.title.as_ref().and_then(|x| x.role);
        let role_ok = got_role == expected["role"].as_str();
        let mut got_notices: Vec<&str> = ad.notices.iter().map(|n| notice_name(n.kind)).collect();
        got_notices.sort_unstable();
        let mut want_notices = strings(&expected, "notices");
        want_notices.sort();
        let notices_ok = got_notices == want_notices;
        t.ads += 1;
        t.titles += usize::from(title_ok);
        t.roles += usize::from(role_ok);
        t.notices += usize::from(notices_ok);
        line.push_str(&format!(
            "  title {} role {} notices {}",
            if title_ok { "ok" } else { "NO" },
            if role_ok { "ok" } else { "NO" },
            if notices_ok { "ok" } else { "NO" }
        ));
        if print_ads {
            println!("{line}");
            if !title_ok {
                println!(
                    "    title: {:?} (expected {:?})",
                    ad.title.as_ref().map(|x| &x.text),
                    expected["title"]
                );
            }
            if !role_ok {
                println!("    role: {:?} (expected {})", got_role, expected["role"]);
            }
            if !notices_ok {
                println!("    notices: {got_notices:?} (expected {want_notices:?})");
            }
            if detail {
                for s in &show {
                    println!("{s}");
                }
            }
        }
    }
    t
}

fn report(label: &str, t: &Totals) {
    println!(
        "{label}: {} ads; essentials precision {:.3} recall {:.3} ({} of {} found, {} expected); desirables precision {:.3} recall {:.3} ({} of {}, {}); values precision {:.3} recall {:.3}; title {:.3}, role {:.3}, notices {:.3}",
        t.ads,
        t.essentials.precision(),
        t.essentials.recall(),
        t.essentials.tp,
        t.essentials.found,
        t.essentials.expected,
        t.desirables.precision(),
        t.desirables.recall(),
        t.desirables.tp,
        t.desirables.found,
        t.desirables.expected,
        t.values.precision(),
        t.values.recall(),
        t.titles as f64 / t.ads as f64,
        t.roles as f64 / t.ads as f64,
        t.notices as f64 / t.ads as f64,
    );
}

/// Floors on `holdout2/`, the untouched set, scored once at commit 5c4055a: essentials precision
/// .926 recall .781 (50 of 54 found, 64 expected), desirables .625 and .909 (10 of 16, 11), values
/// 1.000 and .900, title .900, role .900, notices .900 (10 ads). They guard against regressions.
const FLOOR_UNTOUCHED_ESSENTIAL_PRECISION: f64 = 0.92;
const FLOOR_UNTOUCHED_ESSENTIAL_RECALL: f64 = 0.78;
const FLOOR_UNTOUCHED_DESIRABLE_PRECISION: f64 = 0.62;
const FLOOR_UNTOUCHED_DESIRABLE_RECALL: f64 = 0.90;
const FLOOR_UNTOUCHED_TITLE: f64 = 0.90;

/// `holdout2/`: the untouched set, never tuned on; only its totals are printed.
#[test]
fn agreement_with_the_untouched_ads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jobads/holdout2");
    let t = score(&dir, false);
    report("untouched job ads (holdout2)", &t);
    assert!(t.ads >= 10);
    assert!(t.essentials.precision() >= FLOOR_UNTOUCHED_ESSENTIAL_PRECISION);
    assert!(t.essentials.recall() >= FLOOR_UNTOUCHED_ESSENTIAL_RECALL);
    assert!(t.desirables.precision() >= FLOOR_UNTOUCHED_DESIRABLE_PRECISION);
    assert!(t.desirables.recall() >= FLOOR_UNTOUCHED_DESIRABLE_RECALL);
    assert!(t.titles as f64 / t.ads as f64 >= FLOOR_UNTOUCHED_TITLE);
}

#[test]
fn agreement_with_the_held_out_ads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jobads/holdout");
    let t = score(&dir, std::env::var_os("JOBADS_HOLDOUT").is_some());
    report("held-out job ads", &t);
    assert!(t.ads >= 12);
    assert!(t.essentials.precision() >= FLOOR_HOLDOUT_ESSENTIAL_PRECISION);
    assert!(t.essentials.recall() >= FLOOR_HOLDOUT_ESSENTIAL_RECALL);
    assert!(t.desirables.precision() >= FLOOR_HOLDOUT_DESIRABLE_PRECISION);
    assert!(t.desirables.recall() >= FLOOR_HOLDOUT_DESIRABLE_RECALL);
    assert!(t.titles as f64 / t.ads as f64 >= FLOOR_HOLDOUT_TITLE);
}

#[test]
fn agreement_with_the_ads_written_by_the_team() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jobads");
    let t = score(&dir, true);
    report("job ads", &t);
    assert!(t.ads >= 25, "at least 25 ads");
    assert!(t.essentials.precision() >= FLOOR_ESSENTIAL_PRECISION);
    assert!(t.essentials.recall() >= FLOOR_ESSENTIAL_RECALL);
    assert!(t.desirables.precision() >= FLOOR_DESIRABLE_PRECISION);
    assert!(t.desirables.recall() >= FLOOR_DESIRABLE_RECALL);
    assert!(t.values.precision() >= FLOOR_VALUES_PRECISION);
    assert!(t.values.recall() >= FLOOR_VALUES_RECALL);
    assert!(t.titles as f64 / t.ads as f64 >= FLOOR_TITLE);
    assert!(t.roles as f64 / t.ads as f64 >= FLOOR_ROLE);
    assert_eq!(t.notices, t.ads, "every notice expected, and no other");
}
