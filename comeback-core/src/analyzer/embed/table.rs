//! Reading `embed.bin` (format version 1, written by `tools/model/distil.py`, which documents it).
//! Every length is checked before it is used and every failure is an [`EmbedError`]: the file
//! comes over the network and from a cache, so it may be truncated, corrupted or of another version.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// The first eight bytes of a table.
pub const MAGIC: &[u8; 8] = b"CBEMBED\0";
/// The format version this reader understands.
pub const VERSION: u16 = 1;
const HEADER_LEN: usize = 32;
const MAX_DIMS: usize = 1024;
const MAX_VOCAB: usize = 1 << 22;

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    /// The file ends inside the named part.
    Truncated(&'static str),
    /// Not a table: the first bytes are not [`MAGIC`].
    BadMagic,
    /// A table of a format version this code does not read.
    Version(u16),
    /// The bytes after the header do not match the header's checksum.
    Checksum,
    /// A field holds an impossible value (named).
    Invalid(&'static str),
    /// Bytes left over after the last row.
    TrailingBytes,
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmbedError::Truncated(part) => write!(f, "the table is cut short in its {part}"),
            EmbedError::BadMagic => write!(f, "not an embedding table"),
            EmbedError::Version(v) => write!(f, "table format version {v}, expected {VERSION}"),
            EmbedError::Checksum => write!(f, "the table's checksum does not match its contents"),
            EmbedError::Invalid(what) => write!(f, "the table holds an invalid {what}"),
            EmbedError::TrailingBytes => write!(f, "the table has bytes after its last row"),
        }
    }
}

impl std::error::Error for EmbedError {}

/// What a character does in basic tokenisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Part of a word, as it is (after lower-casing).
    Keep,
    /// Removed (controls, format characters, combining marks).
    Drop,
    /// Ends a word.
    Space,
    /// A token of its own (punctuation, symbols, CJK ideographs).
    Alone,
    /// Part of a word, replaced by `folds[start..start + len]` (an accent stripped).
    Fold { start: u32, len: u8 },
}

/// A run of code points sharing a class.
#[derive(Debug, Clone, Copy)]
pub(super) struct CharRange {
    pub first: u32,
    pub last: u32,
    pub class: Class,
}

/// Everything the file holds, checked.
pub(super) struct Table {
    pub dims: usize,
    pub unk: u32,
    pub scales: Vec<f32>,
    pub rows: Vec<i8>,
    pub tokens: Vec<Box<str>>,
    /// Whole-word tokens (no `##`) by text.
    pub words: TokenMap,
    /// Continuation pieces by their text without the `##`.
    pub pieces: TokenMap,
    /// The longest token, in characters (without `##`).
    pub max_piece_chars: usize,
    /// The classes of the ASCII characters, looked up directly.
    pub ascii: [Class; 128],
    /// The classes of other characters, sorted by code point.
    pub ranges: Vec<CharRange>,
    pub folds: String,
}

/// Tokens by text, hashed with FNV-1a: keys are short, and no random seed (the crate has no
/// randomness; the standard hasher seeds itself from the system).
pub(super) type TokenMap = HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>;

/// FNV-1a as a [`Hasher`] for [`TokenMap`].
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, part: &'static str) -> Result<&'a [u8], EmbedError> {
        let end = self.at.checked_add(n).ok_or(EmbedError::Truncated(part))?;
        let out = self
            .bytes
            .get(self.at..end)
            .ok_or(EmbedError::Truncated(part))?;
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self, part: &'static str) -> Result<[u8; N], EmbedError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N, part)?);
        Ok(out)
    }

    fn u8(&mut self, part: &'static str) -> Result<u8, EmbedError> {
        Ok(self.array::<1>(part)?[0])
    }

    fn u16(&mut self, part: &'static str) -> Result<u16, EmbedError> {
        Ok(u16::from_le_bytes(self.array(part)?))
    }

    fn u32(&mut self, part: &'static str) -> Result<u32, EmbedError> {
        Ok(u32::from_le_bytes(self.array(part)?))
    }

    fn u64(&mut self, part: &'static str) -> Result<u64, EmbedError> {
        Ok(u64::from_le_bytes(self.array(part)?))
    }
}

/// FNV-1a, 64 bits: the table's checksum (cheap enough to run on every load).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Reads and checks a whole table.
pub(super) fn parse(bytes: &[u8]) -> Result<Table, EmbedError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len(), "header")? != MAGIC {
        return Err(EmbedError::BadMagic);
    }
    let version = r.u16("header")?;
    if version != VERSION {
        return Err(EmbedError::Version(version));
    }
    let dims = usize::from(r.u16("header")?);
    let vocab = r.u32("header")? as usize;
    let unk = r.u32("header")?;
    let range_count = r.u32("header")? as usize;
    let checksum = r.u64("header")?;
    debug_assert_eq!(r.at, HEADER_LEN);
    if dims == 0 || dims > MAX_DIMS {
        return Err(EmbedError::Invalid("dimension"));
    }
    if vocab == 0 || vocab > MAX_VOCAB {
        return Err(EmbedError::Invalid("vocabulary size"));
    }
    if unk as usize >= vocab {
        return Err(EmbedError::Invalid("[UNK] index"));
    }
    if range_count > 0x11_0000 {
        return Err(EmbedError::Invalid("character range count"));
    }
    // The checksum first: a damaged file is reported as such, not by whichever field it broke.
    if fnv1a64(&bytes[HEADER_LEN..]) != checksum {
        return Err(EmbedError::Checksum);
    }

    let mut scales = Vec::with_capacity(dims);
    for _ in 0..dims {
        let s = f32::from_le_bytes(r.array("scales")?);
        if !s.is_finite() {
            return Err(EmbedError::Invalid("scale"));
        }
        scales.push(s);
    }

    let (ascii, ranges, folds) = read_ranges(&mut r, range_count)?;

    let mut tokens = Vec::with_capacity(vocab);
    let mut words = TokenMap::with_capacity_and_hasher(vocab, Default::default());
    let mut pieces = TokenMap::default();
    let mut max_piece_chars = 0;
    for id in 0..vocab as u32 {
        let len = usize::from(r.u8("vocabulary")?);
        let text = std::str::from_utf8(r.take(len, "vocabulary")?)
            .map_err(|_| EmbedError::Invalid("token"))?;
        let (map, body) = match text.strip_prefix("##") {
            Some(body) => (&mut pieces, body),
            None => (&mut words, text),
        };
        if body.is_empty() {
            return Err(EmbedError::Invalid("token"));
        }
        max_piece_chars = max_piece_chars.max(body.chars().count());
        if id != unk && map.insert(Box::<str>::from(body), id).is_some() {
            return Err(EmbedError::Invalid("token (a duplicate)"));
        }
        tokens.push(Box::<str>::from(text));
    }

    let row_bytes = vocab
        .checked_mul(dims)
        .ok_or(EmbedError::Invalid("table size"))?;
    let rows = r
        .take(row_bytes, "rows")?
        .iter()
        .map(|&b| b as i8)
        .collect();
    if r.at != bytes.len() {
        return Err(EmbedError::TrailingBytes);
    }
    Ok(Table {
        dims,
        unk,
        scales,
        rows,
        tokens,
        words,
        pieces,
        max_piece_chars,
        ascii,
        ranges,
        folds,
    })
}

type Ranges = ([Class; 128], Vec<CharRange>, String);

fn read_ranges(r: &mut Reader<'_>, count: usize) -> Result<Ranges, EmbedError> {
    // ASCII letters and digits are kept unless the table says otherwise.
    let mut ascii = [Class::Keep; 128];
    let mut ranges = Vec::with_capacity(count);
    let mut folds = String::new();
    let mut next_free = 0u32;
    for _ in 0..count {
        let first = r.u32("character ranges")?;
        let last = r.u32("character ranges")?;
        let kind = r.u8("character ranges")?;
        let len = r.u8("character ranges")?;
        let text = std::str::from_utf8(r.take(usize::from(len), "character ranges")?)
            .map_err(|_| EmbedError::Invalid("character fold"))?;
        if first < next_free || last < first || last > 0x10_ffff {
            return Err(EmbedError::Invalid("character range"));
        }
        next_free = last + 1;
        let class = match (kind, len) {
            (0, 0) => Class::Drop,
            (1, 0) => Class::Space,
            (2, 0) => Class::Alone,
            (3, 1..) if first == last => {
                let start = u32::try_from(folds.len())
                    .map_err(|_| EmbedError::Invalid("character fold"))?;
                folds.push_str(text);
                Class::Fold { start, len }
            }
            _ => return Err(EmbedError::Invalid("character class")),
        };
        for cp in first..=last.min(127) {
            ascii[cp as usize] = class;
        }
        if last >= 128 {
            ranges.push(CharRange {
                first: first.max(128),
                last,
                class,
            });
        }
    }
    Ok((ascii, ranges, folds))
}
