//! Fuzz target: any bytes, read as (lossy) UTF-8, must analyse without a panic.
//! Run: `cd comeback-core/fuzz && cargo +nightly fuzz run analyze`
#![no_main]

use comeback_core::analyzer::{analyze_answer, split_answer, story_from_answer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line, when short, doubles as the role.
    let role = text.lines().next().filter(|l| l.len() < 40);
    let report = analyze_answer(&text, role);
    assert_eq!(report.keys.len(), 5);
    for f in report.all_findings() {
        if let Some(s) = &f.span {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let _ = split_answer(&text);
    let _ = story_from_answer(&text, role);
});
