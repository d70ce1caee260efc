//! Reading escaped text one unit at a time, every way it can be read: percent escapes (and
//! percent escapes encoded again), JSON string escapes (and JSON quoted in JSON), HTML
//! character references. The scrubber ([`super::scrub`]) matches secrets against these
//! readings.

/// The readings of the unit of text at `at` (at most [`Readings::MAX`]): what it stands for
/// and how many bytes of text it takes.
pub(super) struct Readings {
    items: [(Unit, usize); Readings::MAX],
    len: usize,
}

impl Readings {
    const MAX: usize = 6;

    fn push(&mut self, unit: Unit, used: usize) {
        if self.len < Self::MAX {
            self.items[self.len] = (unit, used);
            self.len += 1;
        }
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &(Unit, usize)> {
        self.items[..self.len].iter()
    }
}

/// Every reading of the text at `at`: the raw byte, an escape read whole (`%252F`: `/`
/// encoded twice), and an escaped `%` or `\` read as itself (`%25` then `2F`; `\\` then
/// what follows).
pub(super) fn readings(bytes: &[u8], at: usize) -> Readings {
    let mut r = Readings {
        items: std::array::from_fn(|_| (Unit::byte(0), 0)),
        len: 0,
    };
    r.push(Unit::byte(bytes[at]), 1);
    let escaped = match bytes[at] {
        b'%' => percent_escape(bytes, at),
        b'\\' => json_escape(bytes, at),
        b'&' => html_reference(bytes, at),
        _ => None,
    };
    if let Some((unit, used)) = escaped {
        r.push(unit, used);
    }
    match bytes[at] {
        // `%25`, `%2525`, …: a `%` encoded once or more, what follows being text.
        b'%' => {
            let mut end = at + 1;
            while bytes[end..].starts_with(b"25") {
                end += 2;
                r.push(Unit::byte(b'%'), end - at);
            }
        }
        // `\\`, `\\\\`, …: a backslash escaped once or more (2, 4, 8 of them).
        b'\\' => {
            let run = bytes[at..].iter().take_while(|&&b| b == b'\\').count();
            let mut n = 2;
            while n <= run {
                r.push(Unit::byte(b'\\'), n);
                n *= 2;
            }
        }
        _ => {}
    }
    r
}

/// The bytes of one character (or one byte) that a unit of text stands for.
pub(super) struct Unit {
    buf: [u8; 4],
    len: usize,
}

impl Unit {
    fn byte(b: u8) -> Unit {
        Unit {
            buf: [b, 0, 0, 0],
            len: 1,
        }
    }

    fn char(c: char) -> Unit {
        let mut buf = [0; 4];
        let len = c.encode_utf8(&mut buf).len();
        Unit { buf, len }
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// A percent escape at `at` (which holds `%`), percent-encoded again any number of times
/// (`%2F`, `%252F`, `%25252F`): the byte and the escape's length.
fn percent_escape(bytes: &[u8], at: usize) -> Option<(Unit, usize)> {
    // Each encoding again adds a `25` (the `%`) after the first `%`.
    let mut hex = at + 1;
    while bytes[hex..].starts_with(b"25") && hex_at(bytes, hex + 2, 2).is_some() {
        hex += 2;
    }
    let b = u8::try_from(hex_at(bytes, hex, 2)?).ok()?;
    Some((Unit::byte(b), hex + 2 - at))
}

/// The value of the `len` hex digits at `at`, if they are that (and fit).
fn hex_at(bytes: &[u8], at: usize, len: usize) -> Option<u32> {
    let digits = bytes.get(at..at.checked_add(len)?)?;
    number(digits, 16)
}

/// The value of `digits` in `radix`, if they are digits and it fits.
fn number(digits: &[u8], radix: u32) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &d| {
        acc.checked_mul(radix)?.checked_add(char::from(d).to_digit(radix)?)
    })
}

/// A JSON string escape at `at` (which holds `\`), its backslash escaped again any number
/// of times (`\/`, `\\/`, `\\\\u002b`: a JSON text quoted in a JSON string): what it
/// stands for and its length.
fn json_escape(bytes: &[u8], at: usize) -> Option<(Unit, usize)> {
    let run = bytes[at..].iter().take_while(|&&b| b == b'\\').count();
    let e = at + run;
    let simple = |b: u8| Some((Unit::byte(b), run + 1));
    match *bytes.get(e)? {
        b'/' => simple(b'/'),
        b'"' => simple(b'"'),
        b'\'' => simple(b'\''),
        // `\\n` is a backslash and an `n` more likely than a newline escaped twice.
        b'b' | b'f' | b'n' | b'r' | b't' if run >= 2 => Some((Unit::byte(b'\\'), run)),
        b'b' => simple(8),
        b'f' => simple(12),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'u' => {
            let high = hex_at(bytes, e + 1, 4)?;
            if (0xD800..0xDC00).contains(&high) {
                // A surrogate pair: `\uD83D\uDE00` (its second half escaped as the first).
                let second = e + 5;
                if bytes.get(second..second + run) != Some(&bytes[at..e]) || bytes.get(second + run) != Some(&b'u') {
                    return None;
                }
                let low = hex_at(bytes, second + run + 1, 4).filter(|l| (0xDC00..0xE000).contains(l))?;
                let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
                return Some((Unit::char(c), second + run + 5 - at));
            }
            Some((Unit::char(char::from_u32(high)?), run + 5))
        }
        // `\\`, `\\\\`: one backslash, escaped once or more.
        _ if run >= 2 => Some((Unit::byte(b'\\'), run)),
        _ => None,
    }
}

/// An HTML character reference at `at` (which holds `&`): `&#43;`, `&#x2F;`, or one of
/// `&amp; &lt; &gt; &quot; &apos;`.
fn html_reference(bytes: &[u8], at: usize) -> Option<(Unit, usize)> {
    let rest = bytes.get(at + 1..)?;
    let end = rest.iter().take(10).position(|&b| b == b';')?;
    let name = &rest[..end];
    let c = match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        _ => {
            let digits = name.strip_prefix(b"#")?;
            let value = match digits.strip_prefix(b"x").or_else(|| digits.strip_prefix(b"X")) {
                Some(hex) => number(hex, 16)?,
                None => number(digits, 10)?,
            };
            char::from_u32(value)?
        }
    };
    Some((Unit::char(c), end + 2))
}
