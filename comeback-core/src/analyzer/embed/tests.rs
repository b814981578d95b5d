//! Tokenisation, pooling and explanation against the committed table, and reading damaged tables.

use super::*;

fn table_bytes() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/model/embed.bin");
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn table() -> Embedding {
    Embedding::from_bytes(&table_bytes()).unwrap_or_else(|e| panic!("the committed table: {e}"))
}

/// The tokens of `text` as the table spells them, space-separated.
fn spelled(e: &Embedding, text: &str) -> String {
    e.tokenize(text)
        .iter()
        .map(|t| e.token_text(t.id).unwrap_or("?"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The original text behind each token.
fn spans<'a>(text: &'a str, e: &Embedding) -> Vec<&'a str> {
    e.tokenize(text)
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect()
}

#[test]
fn lower_cases_and_strips_accents() {
    let e = table();
    assert_eq!(spelled(&e, "The CAFÉ Staff"), "the cafe staff");
    assert_eq!(spelled(&e, "naïve Zoë"), "na ##ive zoe");
    // A decomposed accent (e + combining acute) reads like the composed one.
    assert_eq!(spelled(&e, "cafe\u{301}"), spelled(&e, "café"));
    // Spans point at the original characters, accents and capitals included.
    assert_eq!(spans("Zoë CAFÉ", &e), ["Zoë", "CAFÉ"]);
}

#[test]
fn splits_punctuation_into_unknown_tokens() {
    let e = table();
    assert_eq!(spelled(&e, "didn’t"), "didn [UNK] t");
    assert_eq!(
        spelled(&e, "on-call, (again)!"),
        "on [UNK] call [UNK] [UNK] again [UNK] [UNK]"
    );
    assert_eq!(
        spans("it was—um—a mess…", &e),
        ["it", "was", "—", "um", "—", "a", "mess", "…"]
    );
    // Each punctuation mark is a word of its own, so pieces of a word keep one word index.
    let toks = e.tokenize("re-run");
    let words: Vec<u32> = toks.iter().map(|t| t.word).collect();
    assert_eq!(words, [0, 1, 2]);
}

#[test]
fn emoji_are_split_off_and_unknown() {
    let e = table();
    assert_eq!(spelled(&e, "great🙂"), "great [UNK]");
    // A ZWJ sequence: the joiner and the variation selector are dropped, the parts are unknown.
    assert_eq!(
        spelled(&e, "dev 👩\u{200d}💻\u{fe0f} ok"),
        "dev [UNK] [UNK] ok"
    );
    assert_eq!(spans("🚀launch", &e), ["🚀", "launch"]);
}

#[test]
fn right_to_left_text_is_unknown_and_marks_are_dropped() {
    let e = table();
    assert_eq!(
        spelled(&e, "shalom שלום and مرحبا"),
        "s ##hal ##om [UNK] and [UNK]"
    );
    // Bidirectional marks around a word do not change it.
    assert_eq!(spelled(&e, "\u{200f}failure\u{200e}"), "failure");
    // Arabic vowel marks are combining marks: dropped, and the word is still unknown.
    assert_eq!(spelled(&e, "مَرْحَبًا"), "[UNK]");
}

#[test]
fn numbers_are_split_at_separators() {
    let e = table();
    assert_eq!(spelled(&e, "12,000 orders"), "12 [UNK] 000 orders");
    assert_eq!(spelled(&e, "35% in 2024"), "35 [UNK] in 202 ##4");
    assert_eq!(spelled(&e, "£4.5m"), "[UNK] 4 [UNK] 5 ##m");
}

#[test]
fn unknown_words_become_one_unk() {
    let e = table();
    // Spelled from pieces when it can be.
    assert_eq!(spelled(&e, "qwzx"), "q ##w ##z ##x");
    // A word with a character no token has is one [UNK] over the whole word.
    let toks = e.tokenize("Søren left");
    assert_eq!(e.token_text(toks[0].id), Some("[UNK]"));
    assert_eq!((toks[0].start, toks[0].end), (0, "Søren".len()));
    assert_eq!(e.token_text(toks[1].id), Some("left"));
    // Over 100 characters: unknown, as in BERT.
    let long = "a".repeat(101);
    assert_eq!(spelled(&e, &long), "[UNK]");
    assert_ne!(spelled(&e, &"a".repeat(100)), "[UNK]");
}

#[test]
fn empty_and_blank_text() {
    let e = table();
    for text in ["", "   \n\t", "!!! ...", "\u{200b}\u{feff}"] {
        let b = e.breakdown(text);
        assert_eq!(b.pooled, 0, "{text:?}");
        assert!(b.vector.iter().all(|&x| x == 0.0));
        let x = e.explain(text, &vec![1.0; e.dims()], 0.25);
        assert_eq!(x.map(|x| (x.score, x.words.len())), Some((0.25, 0)));
    }
}

#[test]
fn shares_add_up_to_the_score() {
    let e = table();
    let weights: Vec<f32> = (0..e.dims())
        .map(|d| ((d * 37 % 11) as f32 - 5.0) / 3.0)
        .collect();
    let text = "I rolled back the deployment within 12 minutes and paged the database lead.";
    let v = e.sentence(text);
    let direct: f32 = weights.iter().zip(&v).map(|(w, x)| w * x).sum::<f32>() - 0.5;
    let Some(x) = e.explain(text, &weights, -0.5) else {
        panic!("weights of the table's length");
    };
    assert!((x.score - direct).abs() < 1e-4, "{} vs {direct}", x.score);
    // One share per known word, each spanning that word in the text.
    let quoted: Vec<&str> = x.words.iter().map(|w| &text[w.start..w.end]).collect();
    assert_eq!(
        quoted,
        [
            "I",
            "rolled",
            "back",
            "the",
            "deployment",
            "within",
            "12",
            "minutes",
            "and",
            "paged",
            "the",
            "database",
            "lead"
        ]
    );
    assert!(e.explain(text, &weights[1..], 0.0).is_none());
}

#[test]
fn a_word_in_pieces_gets_one_share() {
    let e = table();
    let weights = vec![0.5; e.dims()];
    let Some(x) = e.explain("unprecedented qwzx", &weights, 0.0) else {
        panic!("weights of the table's length");
    };
    let quoted: Vec<(usize, usize)> = x.words.iter().map(|w| (w.start, w.end)).collect();
    assert_eq!(quoted, [(0, 13), (14, 18)]);
}

#[test]
fn same_text_same_vector() {
    let e = table();
    let text = "We lost 3% of our orders when the vendor's API changed without notice.";
    let a = e.sentence(text);
    let b = e.sentence(text);
    assert_eq!(
        a.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        b.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(a.len(), e.dims());
}

#[test]
fn the_slot_starts_empty_and_holds_a_table() {
    // Each test runs on its own thread, so this slot is this test's alone.
    assert!(embedding().is_none());
    assert!(load_embedding(b"not a table").is_err());
    assert!(embedding().is_none());
    assert_eq!(load_embedding(&table_bytes()), Ok(()));
    assert!(embedding().is_some_and(|e| e.dims() >= 64));
    set_embedding(None);
    assert!(embedding().is_none());
}

/// The table with its body changed by `edit` and its checksum made to match again.
fn rewritten(edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut bytes = table_bytes();
    edit(&mut bytes);
    let sum = fnv1a64(&bytes[32..]);
    bytes[24..32].copy_from_slice(&sum.to_le_bytes());
    bytes
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = table_bytes();
    // Every cut in the header, the scales and the first character ranges, then cuts spread over
    // the rest and the last bytes (a debug build reads a megabyte per cut: keep them few).
    let n = bytes.len();
    let cuts = (0..700).chain((700..n).step_by(9973)).chain(n - 40..n);
    for cut in cuts {
        assert!(
            Embedding::from_bytes(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
        // Even with the checksum recomputed, the structure is checked.
        let mut fixed = bytes[..cut].to_vec();
        if cut >= 32 {
            let sum = fnv1a64(&fixed[32..]);
            fixed[24..32].copy_from_slice(&sum.to_le_bytes());
        }
        assert!(
            Embedding::from_bytes(&fixed).is_err(),
            "cut at {cut}, checksum fixed"
        );
    }
}

#[test]
fn damaged_tables_are_errors() {
    let bytes = table_bytes();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    assert_eq!(
        Embedding::from_bytes(&flipped).err(),
        Some(EmbedError::Checksum)
    );

    let mut magic = bytes.clone();
    magic[0] = b'X';
    assert_eq!(
        Embedding::from_bytes(&magic).err(),
        Some(EmbedError::BadMagic)
    );

    let mut version = bytes.clone();
    version[8] = 9;
    assert_eq!(
        Embedding::from_bytes(&version).err(),
        Some(EmbedError::Version(9))
    );

    let mut dims = bytes.clone();
    dims[10..12].copy_from_slice(&0u16.to_le_bytes());
    assert!(Embedding::from_bytes(&dims).is_err());

    let mut unk = bytes.clone();
    unk[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(Embedding::from_bytes(&unk).is_err());

    let mut ranges = bytes.clone();
    ranges[20..24].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(Embedding::from_bytes(&ranges).is_err());

    let mut longer = bytes.clone();
    longer.push(0);
    let longer = rewritten(|b| *b = longer);
    assert_eq!(
        Embedding::from_bytes(&longer).err(),
        Some(EmbedError::TrailingBytes)
    );

    // A scale that is not a number.
    let nan = rewritten(|b| b[32..36].copy_from_slice(&f32::NAN.to_le_bytes()));
    assert!(Embedding::from_bytes(&nan).is_err());

    // Random bytes in the body, checksum fixed: an error or a table, never a panic.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..200 {
        let garbled = rewritten(|b| {
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = 32 + (seed as usize % 20_000);
                b[at] = (seed >> 32) as u8;
            }
        });
        if let Ok(e) = Embedding::from_bytes(&garbled) {
            let _ = e.breakdown("A sentence to read with a garbled table, café 🙂 12,000.");
        }
    }
}
