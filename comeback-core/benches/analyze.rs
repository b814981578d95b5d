//! Analyzer and job-ad benchmark (not a timed test): median and p95 per input size.
//!
//! Run: `cargo bench -p comeback-core --bench analyze`

use comeback_core::analyzer::embed::Embedding;
use comeback_core::analyzer::{
    analyze_answer, analyze_story, clear_sentence_cache, story_from_answer,
};
use comeback_core::jobad::{match_essentials, read_job_ad};
use comeback_core::Story;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A varied answer of about 120 words; repeated and lightly varied to reach each size.
const PARAGRAPHS: &[&str] = &[
    "I was the lead engineer on a team of six running a payments service with 40,000 orders a day.",
    "One Friday an unexpected certificate expiry at our provider took checkout down for 45 minutes, and about 3% of customers were charged twice.",
    "I rolled back to the backup certificate within 10 minutes and called the provider's on-call engineer, then I kind of basically wrote a script to find every duplicate charge.",
    "By noon every order was back and we had refunded the 120 customers who were charged twice.",
    "Mistakes were made in how the renewal was tracked, and honestly it was a bit of a mess.",
    "Since then we run an automatic expiry check every week, and we have had no repeat in two years.",
    "I learned that anything with an expiry date needs an owner and an alarm.",
    "Now I add every certificate to our monitoring the day it is issued, and I review the list each month with the security lead.",
];

fn answer_of(words: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut i = 0;
    while n < words {
        let p = PARAGRAPHS[i % PARAGRAPHS.len()];
        out.push_str(p);
        out.push(if i % 5 == 4 { '\n' } else { ' ' });
        n += p.split_whitespace().count();
        i += 1;
    }
    out
}

fn answer_of_bytes(bytes: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        out.push(' ');
        i += 1;
    }
    out
}

/// Times `f`, `iterations` times; `before` runs before each call, untimed.
fn measure(label: &str, iterations: usize, mut before: impl FnMut(), mut f: impl FnMut()) {
    f(); // warm up: the word lists are built on first use
    let mut times: Vec<Duration> = (0..iterations)
        .map(|_| {
            before();
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    let median = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "{label:<34} iterations {iterations:>5}   median {:>10.3} ms   p95 {:>10.3} ms",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
}

/// Four ads of the test set (about 250 words each).
const ADS: &[&str] = &[
    include_str!("../tests/jobads/nurse-ward.txt"),
    include_str!("../tests/jobads/software-engineer-backend.txt"),
    include_str!("../tests/jobads/sre-platform.txt"),
    include_str!("../tests/jobads/marketing-manager-linkedin.txt"),
];

/// Whole lines of the test ads, in turn, until there are `words` words.
fn ad_of(words: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for line in ADS.iter().cycle().flat_map(|a| a.lines()) {
        if n >= words {
            break;
        }
        out.push_str(line);
        out.push('\n');
        n += line.split_whitespace().count();
    }
    out
}

fn ad_of_bytes(bytes: usize) -> String {
    let mut out = String::new();
    while out.len() < bytes {
        out.push_str(ADS[out.len() % ADS.len()]);
        out.push('\n');
    }
    out
}

fn main() {
    // A first read: the sentence cache is emptied before each call, so every sentence is read.
    for (words, iterations) in [(400, 2000), (2_000, 500), (10_000, 100)] {
        let text = answer_of(words);
        let label = format!("analyze_answer {words} words");
        measure(&label, iterations, clear_sentence_cache, || {
            black_box(analyze_answer(black_box(&text), Some("Senior backend dev")));
        });
    }
    let mb = answer_of_bytes(1 << 20);
    measure("analyze_answer 1 MB", 20, clear_sentence_cache, || {
        black_box(analyze_answer(black_box(&mb), Some("Nurse")));
    });
    let story = story_from_answer(&answer_of(400), Some("Backend engineer"));
    measure(
        "analyze_story 400 words",
        2000,
        clear_sentence_cache,
        || {
            black_box(analyze_story(black_box(&story)));
        },
    );
    // A key press: the last sentence changes by one character and every other one was read by the
    // call before, as when someone types at the end of their story.
    for (words, iterations) in [(400, 2000), (2_000, 500)] {
        let texts = [answer_of(words), format!("{}x", answer_of(words))];
        let mut i = 0;
        let label = format!("key press, {words} words");
        measure(
            &label,
            iterations,
            || {},
            || {
                i += 1;
                black_box(analyze_answer(
                    black_box(&texts[i % 2]),
                    Some("Senior backend dev"),
                ));
            },
        );
    }
    // The browser's case in tools/perf.mjs: step 2's field holds the same sentence repeated to 400
    // words, and each key press adds a letter at its end (the whole story is analysed).
    let sentence = "On the Friday peak our checkout served 12,000 orders when I found the failover had left us writing to a read-only replica for 40 minutes, so I paged the database lead within 9 minutes and we moved traffic to the standby cluster.";
    let words: Vec<&str> = sentence.split(' ').collect();
    let field: String = (0..400)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let stories = [field.clone(), format!("{field}a")].map(|context| Story {
        context,
        ..Story::default()
    });
    let mut i = 0;
    measure(
        "key press, step 2, 400 words",
        2000,
        || {},
        || {
            i += 1;
            black_box(analyze_story(black_box(&stories[i % 2])));
        },
    );
    // The job ad: read once after a pause in typing, then compared with the story's parts.
    let ad = ad_of(400);
    measure(
        "read_job_ad 400 words",
        2000,
        || {},
        || {
            black_box(read_job_ad(black_box(&ad)));
        },
    );
    let big = ad_of_bytes(1 << 20);
    measure(
        "read_job_ad 1 MB (100 KB read)",
        50,
        || {},
        || {
            black_box(read_job_ad(black_box(&big)));
        },
    );
    let read = read_job_ad(&ad);
    let failure = answer_of(120);
    measure(
        "match_essentials 400-word ad, 120 words",
        2000,
        || {},
        || {
            black_box(match_essentials(black_box(&read), black_box(&failure)));
        },
    );
    let read_big = read_job_ad(&big);
    let story = answer_of(400);
    measure(
        "match_essentials 1 MB ad, 400 words",
        200,
        || {},
        || {
            black_box(match_essentials(black_box(&read_big), black_box(&story)));
        },
    );
    // A key press in a story with a 400-word job ad: the ad is read once (cached by its text),
    // and each sentence of the failure and of the recovery, results and lesson is compared with it.
    let with_ad = story_from_answer(&answer_of(400), Some("Backend engineer"));
    let stories = [with_ad.summary.clone(), format!("{}x", with_ad.summary)].map(|summary| Story {
        summary,
        job_ad: ad.clone(),
        ..with_ad.clone()
    });
    let mut i = 0;
    measure(
        "key press, 400-word story with a 400-word job ad",
        2000,
        || {},
        || {
            i += 1;
            black_box(analyze_story(black_box(&stories[i % 2])));
        },
    );
    embedding_rows();
}

/// The learned layer's share: reading the table, embedding every sentence of a 400-word answer (a
/// pasted answer, or the first analysis), and one sentence after a key press.
fn embedding_rows() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/model/embed.bin");
    let Ok(bytes) = std::fs::read(path) else {
        println!("embedding rows skipped: {path} cannot be read");
        return;
    };
    measure(
        "embed: read the table",
        20,
        || {},
        || {
            black_box(Embedding::from_bytes(black_box(&bytes)).is_ok());
        },
    );
    let Ok(table) = Embedding::from_bytes(&bytes) else {
        println!("embedding rows skipped: {path} is not a table");
        return;
    };
    let text = answer_of(400);
    let sentences: Vec<&str> = text
        .split_inclusive(['.', '\n'])
        .filter(|s| !s.trim().is_empty())
        .collect();
    let label = format!("embed: 400 words, {} sentences", sentences.len());
    measure(
        &label,
        2000,
        || {},
        || {
            for s in &sentences {
                black_box(table.sentence(black_box(s)));
            }
        },
    );
    let last = sentences.last().copied().unwrap_or_default();
    let typed = [last.to_string(), format!("{last}x")];
    let mut i = 0;
    measure(
        "embed: key press, one sentence",
        20000,
        || {},
        || {
            i += 1;
            black_box(table.sentence(black_box(&typed[i % 2])));
        },
    );
    let weights = vec![0.01; table.dims()];
    measure(
        "explain: key press, one sentence",
        20000,
        || {},
        || {
            i += 1;
            black_box(table.explain(black_box(&typed[i % 2]), &weights, 0.0));
        },
    );
}
