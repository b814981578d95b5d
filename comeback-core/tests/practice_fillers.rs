//! The practice page's filler check against `tests/fixtures/fillers.txt`: transcripts with the
//! fillers they hold, and sentences where the same words do real work and must not be flagged.

use comeback_core::practice::find_fillers;

#[test]
fn fillers_are_found_and_meaningful_words_are_left_alone() {
    let cases = include_str!("fixtures/fillers.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((text, expected)) = line.split_once("=>") else {
            panic!("no `=>` in {line:?}");
        };
        let expected: Vec<&str> = expected
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let found: Vec<&str> = find_fillers(text.trim())
            .into_iter()
            .map(|h| h.filler)
            .collect();
        if found != expected {
            failures.push(format!(
                "{:?}: expected {expected:?}, found {found:?}",
                text.trim()
            ));
        }
        count += 1;
    }
    assert!(count >= 30, "{count} cases");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
