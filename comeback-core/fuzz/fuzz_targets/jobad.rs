//! Fuzz target: any bytes, read as (lossy) UTF-8, must read as a job ad and compare without a
//! panic, with every span on char boundaries. The bytes after the first NUL (if any) are the text
//! compared with the ad.
//! Run: `cd comeback-core/fuzz && cargo +nightly fuzz run jobad`
#![no_main]

use comeback_core::jobad::{match_essentials, read_job_ad};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (ad_text, story) = text.split_once('\0').unwrap_or((&text, ""));
    let ad = read_job_ad(ad_text);
    let read = &ad_text[..ad.read_bytes];
    let spans = ad
        .essentials
        .iter()
        .chain(&ad.desirables)
        .map(|r| r.span)
        .chain(ad.title.iter().map(|t| t.span))
        .chain(ad.values.iter().map(|v| v.span))
        .chain(ad.ignored.iter().map(|i| i.span));
    for s in spans {
        assert!(s.end <= read.len() && read.is_char_boundary(s.start) && read.is_char_boundary(s.end));
    }
    for m in match_essentials(&ad, story) {
        for w in m.words {
            assert_eq!(&story[w.in_text.span.start..w.in_text.span.end], w.in_text.text);
        }
    }
});
