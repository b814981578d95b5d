//! Whole-report snapshots: every answer in `tests/fixtures/reports/` with the analyzer's full
//! report beside it (`<name>.expected.json`, written when missing or with `UPDATE_EXPECT=1`), so
//! that any change to what the analyzer says (a message, a verdict, a quote, a span) shows up as
//! a diff to review.
//!
//! A case is a file: `<name>.txt` is a pasted answer (an optional first line `role: …`, then a
//! blank line), `<name>.story.json` a saved story analysed as the wizard does. The worked example
//! is a case too.

use std::path::{Path, PathBuf};

use comeback_core::analyzer::{analyze_answer, analyze_story, Report};
use comeback_core::example::worked_example;
use comeback_core::story::parse_import;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports")
}

/// Compares `actual` with the file, or writes the file when it is missing or UPDATE_EXPECT is set.
fn expect_file(path: &Path, actual: &str) -> Result<(), String> {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    match std::fs::read_to_string(path) {
        Ok(expected) if !update => {
            if expected.trim_end() == actual.trim_end() {
                Ok(())
            } else {
                Err(first_difference(path, &expected, actual))
            }
        }
        _ => std::fs::write(path, format!("{}\n", actual.trim_end()))
            .map_err(|e| format!("{}: {e}", path.display())),
    }
}

/// The first line that differs, with its neighbours, so a failure reads as a small diff.
fn first_difference(path: &Path, expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let show = |lines: &[&str]| {
        lines[at.saturating_sub(2)..(at + 3).min(lines.len())]
            .iter()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "{} differs at line {} (rerun with UPDATE_EXPECT=1 to accept, then review the diff):\n  expected:\n{}\n  actual:\n{}",
        path.display(),
        at + 1,
        show(&e),
        show(&a)
    )
}

fn pretty(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// A pasted answer's text and role.
fn answer(text: &str) -> (Option<&str>, &str) {
    match text.strip_prefix("role:") {
        Some(rest) => {
            let (role, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (Some(role.trim()), body.trim_start_matches('\n'))
        }
        None => (None, text),
    }
}

#[test]
fn every_report_matches_its_snapshot() {
    let mut cases: Vec<(String, Report)> = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".story.json") {
            let bytes = std::fs::read(&path).unwrap();
            let bank = parse_import(&bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .bank;
            cases.push((stem.to_string(), analyze_story(&bank.stories[0])));
        } else if let Some(stem) = name.strip_suffix(".txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let (role, body) = answer(&text);
            cases.push((stem.to_string(), analyze_answer(body, role)));
        }
    }
    cases.push((
        "worked-example".into(),
        analyze_story(&worked_example("example", 0.0)),
    ));
    assert!(cases.len() >= 8, "{} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, report)| {
            expect_file(
                &dir().join(format!("{name}.expected.json")),
                &pretty(report),
            )
            .err()
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn a_snapshot_difference_names_the_line() {
    let msg = first_difference(Path::new("x.json"), "a\nb\nc\n", "a\nB\nc\n");
    assert!(msg.contains("differs at line 2"), "{msg}");
    assert!(msg.contains("    b") && msg.contains("    B"), "{msg}");
}
