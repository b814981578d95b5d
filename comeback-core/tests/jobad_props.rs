//! The job-ad reader and the comparison never panic and keep their offsets sound on any text;
//! empty, huge, foreign and markup-only ads give a clear notice.

use comeback_core::jobad::{
    match_desirables, match_essentials, read_job_ad, AdNoticeKind, JobAd, TextSpan, MAX_AD_BYTES,
};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Pieces of pasted ads and of hostile text.
fn ad_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Staff Nurse – Ward 7 (Band 5)\n".to_string()),
        Just("Requirements:\n".to_string()),
        Just("## What you'll do\n".to_string()),
        Just("Nice to have\n".to_string()),
        Just("- Safe and accurate medication administration\n".to_string()),
        Just("1. Process the payroll; 2) reconcile\n".to_string()),
        Just("• Experience of X is essential, and Y would be an advantage.\n".to_string()),
        Just("You will have a degree (or equivalent. ".to_string()),
        Just("Essential: a; b; c\n".to_string()),
        Just("| Degree | Essential |\n| --- | --- |\n".to_string()),
        Just("Our values: kindness, \"own it\" and curiosity. ".to_string()),
        Just("These are our values. ".to_string()),
        Just("<li>Kubernetes &amp; Terraform</li><h2>".to_string()),
        Just("<script>var a='<b>'</script><!-- x".to_string()),
        Just("&#x1F600;&#0;&#xFFFFFF;&pound;&nbsp;&".to_string()),
        Just("[Apply](https://x.y) **bold** _it_ # ".to_string()),
        Just("£35k + bonus | Full-time · Remote\n".to_string()),
        Just("We use cookies. Accept all\n".to_string()),
        Just("😀👩‍💻 e\u{301}\u{302} שלום، مرحبا ".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m\r\n\t\u{2028}\u{2029}\u{200b}\u{feff}".to_string()),
        Just("...!!??((((:::;;;,,,".to_string()),
        ".{0,12}",
        "[a-zA-Z0-9 .,:;!?'()&<>|#*_\\[\\]\\n-]{0,30}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![ad_text(), any::<String>()]
}

fn check_span(text: &str, span: &TextSpan) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    prop_assert_eq!(span.utf16_start, text[..span.start].encode_utf16().count());
    prop_assert_eq!(span.utf16_end, text[..span.end].encode_utf16().count());
    Ok(())
}

fn check_ad(text: &str, ad: &JobAd) -> Result<(), TestCaseError> {
    prop_assert!(ad.read_bytes <= text.len() && text.is_char_boundary(ad.read_bytes));
    let read = &text[..ad.read_bytes];
    if let Some(t) = &ad.title {
        check_span(read, &t.span)?;
        prop_assert!(!t.text.is_empty());
    }
    for r in ad.essentials.iter().chain(&ad.desirables) {
        check_span(read, &r.span)?;
        prop_assert!(!r.text.trim().is_empty());
    }
    for v in &ad.values {
        check_span(read, &v.span)?;
        prop_assert!(!v.text.is_empty());
    }
    for i in &ad.ignored {
        check_span(read, &i.span)?;
    }
    for n in &ad.notices {
        prop_assert!(!n.message.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reading_any_text_never_panics_and_spans_are_sound(text in any_text()) {
        let ad = read_job_ad(&text);
        check_ad(&text, &ad)?;
        prop_assert_eq!(&ad, &read_job_ad(&text), "reading is deterministic");
    }

    #[test]
    fn comparing_any_text_never_panics_and_quotes_are_sound(ad_src in ad_text(), text in any_text()) {
        let ad = read_job_ad(&ad_src);
        for m in match_essentials(&ad, &text).into_iter().chain(match_desirables(&ad, &text)) {
            prop_assert!(!m.words.is_empty());
            for w in &m.words {
                check_span(&text, &w.in_text.span)?;
                prop_assert_eq!(&text[w.in_text.span.start..w.in_text.span.end], w.in_text.text.as_str());
                check_span(&ad_src, &w.in_ad.span)?;
            }
        }
    }
}

#[test]
fn an_empty_ad_says_so() {
    for text in ["", "   \n\t  ", "\u{a0}\r\n"] {
        let ad = read_job_ad(text);
        let kinds: Vec<_> = ad.notices.iter().map(|n| n.kind).collect();
        assert_eq!(kinds, [AdNoticeKind::Empty], "{text:?}");
        assert!(ad.notices[0].message.contains("empty"));
        assert!(ad.essentials.is_empty() && ad.title.is_none());
    }
}

/// A 1 MB ad: the first part is read, with a notice, in well under a second.
#[test]
fn a_huge_ad_is_read_in_part_and_says_so() {
    let block = "Registered Nurse\nRequirements:\n- Safe and accurate medication administration\n- NMC registration\nOur values: kindness and respect.\nSalary: £30,000 per annum\n";
    let text = block.repeat((1 << 20) / block.len() + 1);
    let t = Instant::now();
    let ad = read_job_ad(&text);
    let took = t.elapsed();
    assert!(ad.read_bytes <= MAX_AD_BYTES && ad.read_bytes > MAX_AD_BYTES - 4096);
    assert!(text[..ad.read_bytes].ends_with('\n') || text[ad.read_bytes..].starts_with('\n'));
    let notice = ad
        .notices
        .iter()
        .find(|n| n.kind == AdNoticeKind::TooLong)
        .expect("a notice");
    assert!(
        notice.message.contains("first 100 KB"),
        "{}",
        notice.message
    );
    assert!(!ad.essentials.is_empty());
    assert!(ad.values.len() <= 40);
    // Debug builds are slow; a quadratic step would take minutes here, not a second.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

/// Inputs built to find a quadratic step: many open tags, brackets, entities, unclosed brackets
/// in requirements, a long list of values, one line without a break, one very long word. A
/// quadratic step would take minutes at this size, where a linear one takes a fraction of a
/// second (a quarter of the size in debug builds, which are some twenty times slower).
#[test]
fn hostile_ads_are_read_in_linear_time() {
    let n = if cfg!(debug_assertions) {
        MAX_AD_BYTES / 4
    } else {
        MAX_AD_BYTES
    };
    let hostile = [
        "<a".repeat(n / 2),
        "[x".repeat(n / 2),
        "&a".repeat(n / 2),
        "- a (b\n".repeat(n / 7),
        format!("We value {}", "kindness, ".repeat(n / 10)),
        "word ".repeat(n / 5),
        "x".repeat(n),
        "<script>".repeat(n / 8),
        "Essential: ".to_string() + &"a;".repeat(n / 2),
        "| a | Essential |\n".repeat(n / 18),
    ];
    for text in hostile {
        let t = Instant::now();
        let ad = read_job_ad(&text);
        let essentials: String = ad
            .essentials
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let _ = match_essentials(&ad, &essentials);
        let _ = match_essentials(&ad, &text);
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "{:?} on {:?}",
            t.elapsed(),
            &text[..20]
        );
    }
}

#[test]
fn an_ad_in_another_language_says_so_and_reads_no_requirements() {
    let text = "Wir suchen eine engagierte Pflegefachkraft für unsere Station.\n\nIhre Aufgaben:\n- Versorgung der Patientinnen und Patienten\n- Dokumentation der Pflege\n\nIhr Profil:\n- Abgeschlossene Ausbildung\n- Teamfähigkeit und Zuverlässigkeit\n";
    let ad = read_job_ad(text);
    assert!(ad
        .notices
        .iter()
        .any(|n| n.kind == AdNoticeKind::NotEnglish));
    assert!(ad.essentials.is_empty() && ad.desirables.is_empty());
    let text = "护士招聘\n岗位职责：\n- 负责病人护理\n- 记录护理文书\n任职要求：\n- 护理专业毕业\n";
    let ad = read_job_ad(text);
    assert!(
        ad.notices
            .iter()
            .any(|n| n.kind == AdNoticeKind::NotEnglish),
        "{:?}",
        ad.notices
    );
}

#[test]
fn a_page_of_markup_and_noise_says_no_requirements_were_found() {
    let text = "<html><head><style>.a{}</style></head><body><nav>Home Careers</nav><p>We use cookies to improve your experience. <button>Accept all</button></p><footer>&copy; 2026 Acme. All rights reserved.</footer></body></html>";
    let ad = read_job_ad(text);
    let kinds: Vec<_> = ad.notices.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [AdNoticeKind::NoRequirements]);
    assert!(ad.essentials.is_empty());
    assert!(!ad.ignored.is_empty());
}
