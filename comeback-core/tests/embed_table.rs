//! The committed table (`public/model/embed.bin`): its checksum file, the fixed sentences that
//! `tools/model/distil.py` scored with it, and the sense of its vectors. CI runs these: any drift in
//! the table or in the Rust tokeniser or pooling shows here.

use comeback_core::analyzer::embed::{cosine, fnv1a64, Embedding};

const MODEL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/model");
const EXPECTED: &str = include_str!("fixtures/embed/sentences.expected");

fn read(name: &str) -> Vec<u8> {
    let path = format!("{MODEL_DIR}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn table() -> Embedding {
    Embedding::from_bytes(&read("embed.bin")).unwrap_or_else(|e| panic!("embed.bin: {e}"))
}

#[test]
fn the_table_matches_its_checksum_file() {
    let listed = String::from_utf8(read("embed.sha256")).unwrap_or_default();
    let (hex, name) = listed.trim_end().split_once("  ").unwrap_or(("", ""));
    assert_eq!(name, "embed.bin");
    assert_eq!(
        sha256_hex(&read("embed.bin")),
        hex,
        "embed.bin differs from embed.sha256: run `make model`"
    );
}

#[test]
fn the_notice_ships_with_the_table() {
    let notice = String::from_utf8(read("NOTICE")).unwrap_or_default();
    assert!(notice.contains("all-MiniLM-L6-v2"));
    assert!(notice.contains("Apache License, Version 2.0"));
}

#[test]
fn fixed_sentences_score_the_same() {
    let e = table();
    let mut checked = 0;
    for line in EXPECTED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [sentence, tokens, pooled, sums_hash, first] = fields[..] else {
            panic!("a line of five tab-separated fields: {line}");
        };
        let b = e.breakdown(sentence);
        let spelled: Vec<&str> = b
            .tokens
            .iter()
            .map(|t| e.token_text(t.id).unwrap_or("?"))
            .collect();
        assert_eq!(spelled.join(" "), tokens, "tokens of {sentence:?}");
        assert_eq!(
            b.pooled.to_string(),
            pooled,
            "pooled tokens of {sentence:?}"
        );
        // The integer row sums (exact), and the vector made from them.
        let sums = row_sums(&e, sentence);
        let bytes: Vec<u8> = sums.iter().flat_map(|s| s.to_le_bytes()).collect();
        assert_eq!(
            format!("{:016x}", fnv1a64(&bytes)),
            sums_hash,
            "row sums of {sentence:?}"
        );
        for (i, want) in first.split(' ').enumerate() {
            let want: f32 = want.parse().unwrap_or(f32::NAN);
            assert!(
                (b.vector[i] - want).abs() <= 1e-6,
                "{sentence:?} value {i}: {} vs {want}",
                b.vector[i]
            );
        }
        let n = b.pooled.max(1) as f32;
        for ((v, &s), scale) in b.vector.iter().zip(&sums).zip(e.scales()) {
            assert_eq!(
                v.to_bits(),
                (scale * s as f32 / n).to_bits(),
                "{sentence:?}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} fixed sentences");
}

/// The int32 sums of the pooled rows: the exact quantity behind the vector.
fn row_sums(e: &Embedding, sentence: &str) -> Vec<i32> {
    let mut sums = vec![0i32; e.dims()];
    for t in e.tokenize(sentence).iter().filter(|t| t.id != e.unk()) {
        for (s, &q) in sums.iter_mut().zip(e.row(t.id)) {
            *s += i32::from(q);
        }
    }
    sums
}

#[test]
fn paraphrases_are_closer_than_unrelated_sentences() {
    let e = table();
    let pairs = [
        (
            "I rolled back the release within ten minutes and paged the on-call engineer.",
            "Within ten minutes I reverted the deployment and called the engineer on call.",
            "Our bakery ran out of flour during the busy holiday season.",
        ),
        (
            "I learned to test the riskiest part first before promising a date.",
            "The lesson for me was to prototype the hardest piece before committing to a deadline.",
            "The hospital moved its pharmacy to the ground floor last spring.",
        ),
        (
            "A supplier shortage left us without parts for three weeks.",
            "Our vendor could not deliver components for nearly a month.",
            "I now review every certificate's expiry date with the security lead.",
        ),
    ];
    for (a, b, other) in pairs {
        let (va, vb, vo) = (e.sentence(a), e.sentence(b), e.sentence(other));
        let close = cosine(&va, &vb);
        assert!(
            close > cosine(&va, &vo) && close > cosine(&vb, &vo),
            "{a:?} / {b:?} / {other:?}"
        );
    }
}

/// SHA-256 (FIPS 180-4), written here so that the test needs no crate.
fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

#[test]
fn sha256_known_answers() {
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
