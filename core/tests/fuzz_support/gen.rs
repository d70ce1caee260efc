//! The generators: one proptest `u64` seeds a [`Gen`] that makes a whole leaf value (a nasty
//! string, an RFC 3339 look-alike, a marker address, a number, free-form JSON) or the
//! app's context around a response ([`Env`]).

use super::checks::Env;
use super::values::*;
use proptest::prelude::*;
use serde_json::{Number, Value};

/// A small deterministic generator (SplitMix64). One `u64` from proptest drives a whole
/// leaf value (a nasty string, a number, a free-form JSON value): nesting proptest unions
/// for every leaf costs a runner clone per alternative and made cases ten times slower.
/// The structure around the leaves (lists, fields present or not) stays proptest's, so
/// it still shrinks.
pub struct Gen(pub u64);

impl Gen {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (i128::from(hi) - i128::from(lo) + 1) as u128;
        (i128::from(lo) + (u128::from(self.next()) % span) as i128) as i64
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// An index into `weights`, chosen in proportion.
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut n = self.below(weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if n < *w {
                return i;
            }
            n -= w;
        }
        0
    }
}

/// A strategy whose value is made by `f` from one proptest `u64`.
pub fn seeded<T: std::fmt::Debug + 'static>(f: impl Fn(&mut Gen) -> T + 'static) -> BoxedStrategy<T> {
    any::<u64>().prop_map(move |seed| f(&mut Gen(seed))).boxed()
}

pub fn base64_std(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn gen_char(g: &mut Gen) -> char {
    match g.below(4) {
        0 => char::from(g.range(0x20, 0x7e) as u8),
        1 => char::from_u32(g.pick(&[0u32, 1, 8, 9, 10, 13, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f])).unwrap_or('\0'),
        2 => loop {
            if let Some(c) = char::from_u32(g.below(0x11_0000) as u32) {
                break c;
            }
        },
        _ => g.pick(&[
            '\u{feff}',
            '\u{202e}',
            '\u{200b}',
            '\u{fffd}',
            '\u{10ffff}',
            '\u{2028}',
            'é',
            '🦀',
            '"',
            '\\',
            '<',
            '>',
            '%',
            '&',
            '=',
            '?',
            '#',
            '+',
            '/',
            '~',
            ' ',
        ]),
    }
}

pub fn gen_chars(g: &mut Gen, max: usize) -> String {
    let n = g.below(max + 1);
    (0..n).map(|_| gen_char(g)).collect()
}

pub fn gen_bytes(g: &mut Gen, max: usize) -> Vec<u8> {
    let n = g.below(max + 1);
    (0..n).map(|_| g.next() as u8).collect()
}

pub fn gen_string(g: &mut Gen) -> String {
    match g.weighted(&[8, 6, 4, 4, 4, 2, 1]) {
        0 => g.pick(NASTY_STRINGS).to_owned(),
        1 => gen_chars(g, 24),
        2 => {
            let n = g.below(10);
            (0..n).map(|_| g.pick(FRAGMENTS)).collect()
        }
        3 => gen_time_text(g),
        4 => gen_marker_text(g),
        5 => base64_std(&gen_bytes(g, 48)),
        _ => g.pick(&["x", "é", "\u{0}", "%", "🦀", " "]).repeat(g.below(2048)),
    }
}

/// RFC 3339 look-alikes with every component possibly out of range.
pub fn gen_time_text(g: &mut Gen) -> String {
    let year = if g.chance(2) {
        g.range(0, 9999)
    } else {
        g.pick(&[0, 1, 1969, 1970, 2038, 9999, 10000, 99999])
    };
    let (mo, d, h, mi, s) = (
        g.range(0, 13),
        g.range(0, 32),
        g.range(0, 25),
        g.range(0, 61),
        g.range(0, 61),
    );
    let frac = if g.chance(2) {
        String::new()
    } else {
        let digits = g.below(13);
        format!(
            ".{}",
            (0..digits)
                .map(|_| char::from(b'0' + g.below(10) as u8))
                .collect::<String>()
        )
    };
    let off = g.pick(&[
        "Z", "z", "+00:00", "-00:00", "+23:59", "-23:59", "+24:00", "+08:00", "-12:00", "+8", "", " ",
    ]);
    let sep = g.pick(&["T", "t", " "]);
    format!("{year:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{frac}{off}")
}

/// Bare markers and "query addresses" holding (or not) `marker=`.
pub fn gen_marker_text(g: &mut Gen) -> String {
    let prefix = g.pick(&[
        "",
        "?",
        "/v1/p/instances?",
        "https://h.example/v1/instances?",
        "#",
        "?#",
        "//?",
        "?&",
    ]);
    let n = g.below(4);
    let pairs: Vec<String> = (0..n)
        .map(|_| {
            let key = if g.chance(5) {
                (0..g.below(6))
                    .map(|_| g.pick(&['a', 'z', '=', '&', '?', '#', '%', ' ']))
                    .collect()
            } else {
                g.pick(query_keys()).to_owned()
            };
            let value: String = match g.weighted(&[3, 1, 1]) {
                0 => (0..g.below(13))
                    .map(|_| g.pick(b"-abcdefXYZ0123456789_.~".as_slice()) as char)
                    .collect(),
                1 => (0..g.below(13))
                    .map(|_| char::from(g.range(0x20, 0x7e) as u8))
                    .collect(),
                _ => g.pick(NASTY_STRINGS).to_owned(),
            };
            format!("{key}{}{value}", g.pick(&["=", "", "=="]))
        })
        .collect();
    format!("{prefix}{}{}", pairs.join("&"), g.pick(&["", "#frag", "&", "?x"]))
}

pub fn gen_extreme_i64(g: &mut Gen) -> i64 {
    match g.weighted(&[3, 2, 2, 1]) {
        0 => g.pick(EXTREME_I64),
        1 => g.next() as i64,
        2 => g.range(-62_167_219_200_000, 253_402_300_799_999),
        _ => g.range(-2000, 2000),
    }
}

pub fn gen_offset(g: &mut Gen) -> i32 {
    match g.weighted(&[3, 3, 1]) {
        0 => g.pick(EXTREME_OFFSETS),
        1 => g.range(-1440, 1440) as i32,
        _ => g.next() as i32,
    }
}

pub fn gen_number(g: &mut Gen) -> Value {
    let float = |f: f64| Number::from_f64(f).map_or(Value::Null, Value::Number);
    match g.weighted(&[3, 2, 1, 2, 2, 1]) {
        0 => Value::from(g.pick(EXTREME_I64)),
        1 => Value::from(g.next() as i64),
        2 => Value::from(g.next()),
        3 => Value::from(g.range(-1000, 1000)),
        4 => float(g.pick(EXTREME_F64)),
        _ => float(f64::from_bits(g.next())),
    }
}

pub fn gen_numeric_text(g: &mut Gen) -> Value {
    Value::String(match g.below(3) {
        0 => g.pick(NUMERIC_STRINGS).to_owned(),
        1 => (g.next() as i64).to_string(),
        _ => f64::from_bits(g.next()).to_string(),
    })
}

pub fn gen_leaf(g: &mut Gen) -> Value {
    match g.weighted(&[1, 1, 3, 4]) {
        0 => Value::Null,
        1 => Value::Bool(g.chance(2)),
        2 => gen_number(g),
        _ => Value::String(gen_string(g)),
    }
}

pub fn gen_key(g: &mut Gen, keys: &[&'static str]) -> String {
    if keys.is_empty() || g.chance(6) {
        gen_string(g)
    } else {
        g.pick(keys).to_owned()
    }
}

/// Free-form JSON: nulls, bools, numbers (huge, negative, floats), nasty strings, arrays
/// and objects whose keys are mostly the service's field names.
pub fn gen_json(g: &mut Gen, depth: u32, keys: &[&'static str]) -> Value {
    if depth == 0 || g.chance(2) {
        return gen_leaf(g);
    }
    if g.chance(3) {
        let n = g.below(6);
        Value::Array((0..n).map(|_| gen_json(g, depth - 1, keys)).collect())
    } else {
        let n = g.below(8);
        Value::Object(
            (0..n)
                .map(|_| (gen_key(g, keys), gen_json(g, depth - 1, keys)))
                .collect(),
        )
    }
}

/// The app's context: a clock and an offset at their extremes, a token, a clip size, and
/// the URL query pairs a view was opened with (mostly known keys, odd values).
pub fn gen_env(g: &mut Gen) -> Env {
    let pairs = (0..g.below(6))
        .map(|_| {
            let key = if g.chance(6) {
                gen_string(g)
            } else {
                g.pick(query_keys()).to_owned()
            };
            let value = match g.weighted(&[2, 2, 1, 1, 1]) {
                0 => g.pick(NASTY_STRINGS).to_owned(),
                1 => g.next().to_string(),
                2 => (g.next() as i64).to_string(),
                3 => g
                    .pick(&["4294967295", "18446744073709551615", "0", "1", "1000", " 20 "])
                    .to_owned(),
                _ => gen_string(g),
            };
            (key, value)
        })
        .collect();
    Env {
        now_ms: gen_extreme_i64(g),
        offset_minutes: gen_offset(g),
        secret: match g.below(3) {
            0 => String::new(),
            1 => "tok".to_owned(),
            _ => gen_string(g),
        },
        clip_max: match g.below(3) {
            0 => g.below(16),
            1 => g.below(1000),
            _ => g.pick(&[usize::MAX, usize::MAX - 1, 500, 120]),
        },
        pairs,
    }
}

/// Raw JSON text for a value: numbers serde_json cannot hold, bad escapes, deep nesting.
pub fn gen_raw_token(g: &mut Gen) -> String {
    let n = 1 + g.below(400);
    match g.weighted(&[6, 1, 1, 1]) {
        0 => g.pick(RAW_TOKENS).to_owned(),
        1 => format!("{}{}", "[".repeat(n), "]".repeat(n)),
        2 => format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n)),
        _ => "[".repeat(n),
    }
}
