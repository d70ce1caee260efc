//! What a column sorts by: a key per cell, compared naturally, empty cells last.

use super::fold::push_folded;
use crate::timefmt;
use std::cmp::Ordering;

/// What a column sorts by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Nothing to sort by (an empty cell): last in either direction.
    Empty,
    /// A number (a count, a size, a time in epoch milliseconds).
    Num(i128),
    /// Lowercased text, compared naturally: digit runs as numbers (`web-2` < `web-10`,
    /// `10.0.0.9` < `10.0.0.10`).
    Text(String),
}

impl SortKey {
    /// Text, trimmed and lowercased; `Empty` when blank.
    pub fn text(s: &str) -> SortKey {
        let s = s.trim();
        if s.is_empty() {
            SortKey::Empty
        } else {
            let mut folded = String::with_capacity(s.len());
            push_folded(&mut folded, s);
            SortKey::Text(folded)
        }
    }

    /// A number; `Empty` when absent.
    pub fn num<N: Into<i128>>(n: Option<N>) -> SortKey {
        n.map_or(SortKey::Empty, |n| SortKey::Num(n.into()))
    }

    /// An RFC 3339 time as epoch milliseconds; text when it does not parse (shown as it
    /// arrived, sorted after the times); `Empty` when blank.
    pub fn time(s: &str) -> SortKey {
        match timefmt::parse_rfc3339_ms(s) {
            Some(ms) => SortKey::Num(i128::from(ms)),
            None => SortKey::text(s),
        }
    }
}

impl Ord for SortKey {
    /// Numbers, then text, then empty cells.
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Num(a), SortKey::Num(b)) => a.cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => natural_cmp(a, b),
            (SortKey::Empty, SortKey::Empty) => Ordering::Equal,
            (SortKey::Num(_), _) | (SortKey::Text(_), SortKey::Empty) => Ordering::Less,
            _ => Ordering::Greater,
        }
    }
}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares text with digit runs taken as numbers (`a2` < `a10`); a tie (`a01`, `a1`) is
/// broken by plain order, so the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn digits(s: &[u8]) -> (&[u8], &[u8]) {
        let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
        s.split_at(n)
    }
    fn strip_zeros(s: &[u8]) -> &[u8] {
        let n = s.iter().take_while(|c| **c == b'0').count();
        &s[n..]
    }
    // Bytes: UTF-8 order is code point order, and ASCII digits never occur inside a
    // multibyte character.
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let ((n, rest_x), (m, rest_y)) = (digits(x), digits(y));
                let (n, m) = (strip_zeros(n), strip_zeros(m));
                let ord = n.len().cmp(&m.len()).then_with(|| n.cmp(m));
                if ord != Ordering::Equal {
                    return ord;
                }
                (x, y) = (rest_x, rest_y);
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(d);
                }
                (x, y) = (&x[1..], &y[1..]);
            }
        }
    }
}

/// Orders `a` and `b` for a column sorted `descending` or not: empty cells last either way.
pub fn cmp_keys(a: &SortKey, b: &SortKey, descending: bool) -> Ordering {
    match (a, b) {
        (SortKey::Empty, SortKey::Empty) => Ordering::Equal,
        (SortKey::Empty, _) => Ordering::Greater,
        (_, SortKey::Empty) => Ordering::Less,
        _ if descending => b.cmp(a),
        _ => a.cmp(b),
    }
}
