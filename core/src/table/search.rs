//! Filtering: queries and the folded search index.

use super::fold::push_folded;
use super::rows::Rows;

/// A parsed filter: lowercase terms that must all occur. Words are split on whitespace;
/// `"a quoted phrase"` is one term.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Longest first (the most selective is tried first); none is inside another.
    terms: Vec<String>,
}

impl SearchQuery {
    pub fn parse(query: &str) -> Self {
        let mut terms: Vec<String> = Vec::new();
        for (i, part) in query.split('"').enumerate() {
            let quoted = i % 2 == 1;
            let words: Vec<&str> = if quoted {
                vec![part.trim()]
            } else {
                part.split_whitespace().collect()
            };
            for w in words.into_iter().filter(|w| !w.is_empty()) {
                let mut t = String::with_capacity(w.len());
                push_folded(&mut t, w);
                terms.push(t);
            }
        }
        terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        terms.dedup();
        // A term inside a longer one adds nothing.
        let mut kept: Vec<String> = Vec::with_capacity(terms.len());
        for t in terms {
            if !kept.iter().any(|k| k.contains(t.as_str())) {
                kept.push(t);
            }
        }
        SearchQuery { terms: kept }
    }

    /// Whether the query matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether every term occurs in `folded` (text folded as the index folds it).
    pub fn matches(&self, folded: &str) -> bool {
        self.terms.iter().all(|t| folded.contains(t.as_str()))
    }

    /// Whether every row this query matches is also matched by `previous` (each earlier
    /// term lies inside a term of this one), so that filtering the previous matches is
    /// enough: typing more letters narrows, deleting some does not.
    pub fn narrows(&self, previous: &SearchQuery) -> bool {
        previous
            .terms
            .iter()
            .all(|p| self.terms.iter().any(|t| t.contains(p.as_str())))
    }
}

/// A query ready to scan an index's text: each term with the position of its rarest byte
/// in that text, which is what the scan looks for first.
struct PreparedQuery<'q> {
    terms: Vec<(&'q [u8], usize)>,
}

impl PreparedQuery<'_> {
    fn matches(&self, folded: &[u8]) -> bool {
        self.terms.iter().all(|&(t, rare)| contains(folded, t, rare))
    }
}

/// Whether `needle` occurs in `haystack`; `rare` is the position in `needle` of a byte that
/// is rare in the haystacks searched. The haystack is read eight bytes at a time looking
/// for that byte (a word-at-a-time byte search), and only where it occurs is the needle
/// compared: several times faster than `str::contains` in WebAssembly, which has no SIMD
/// search.
pub fn contains(haystack: &[u8], needle: &[u8], rare: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let m = needle.len();
    if m == 0 {
        return true;
    }
    if haystack.len() < m {
        return false;
    }
    let rare = rare.min(m - 1);
    let byte = needle[rare];
    // Where the rare byte may sit: needle starts from 0 to haystack.len() - m.
    let last = haystack.len() - m + rare;
    let (first_byte, last_byte) = (needle[0], needle[m - 1]);
    let found_at = |pos: usize| {
        let start = pos - rare;
        haystack[start] == first_byte && haystack[start + m - 1] == last_byte && &haystack[start..start + m] == needle
    };
    let pattern = ONES.wrapping_mul(u64::from(byte));
    let mut i = rare;
    while i + 8 <= last + 1 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&haystack[i..i + 8]);
        let x = u64::from_le_bytes(word) ^ pattern;
        // A high bit per byte of `x` that is zero (a byte equal to `byte`); a false
        // positive is possible above a true one, so each is checked.
        let mut zeros = x.wrapping_sub(ONES) & !x & HIGHS;
        while zeros != 0 {
            let pos = i + (zeros.trailing_zeros() / 8) as usize;
            if haystack[pos] == byte && found_at(pos) {
                return true;
            }
            zeros &= zeros - 1;
        }
        i += 8;
    }
    (i..=last).any(|pos| haystack[pos] == byte && found_at(pos))
}

/// The searchable text of every row, folded to lowercase once: one string, row `i` at
/// `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    text: String,
    ends: Vec<usize>,
    /// How often each byte occurs in `text` (256 counts once anything is indexed).
    byte_counts: Vec<u32>,
}

impl SearchIndex {
    pub fn new(rows: &dyn Rows) -> Self {
        let mut index = SearchIndex::default();
        index.extend(rows);
        index
    }

    /// Indexes the rows of `rows` past those indexed (the next pages of a load in
    /// progress: `rows` is the whole list so far), numbered after the others.
    pub fn extend(&mut self, rows: &dyn Rows) {
        let start = self.len();
        self.ends.reserve(rows.len().saturating_sub(start));
        let from = self.text.len();
        for row in start..rows.len() {
            let text = &mut self.text;
            rows.search(row, &mut |field| {
                push_folded(text, field);
                text.push(super::fold::FIELD_SEPARATOR);
            });
            self.ends.push(self.text.len());
        }
        self.byte_counts.resize(256, 0);
        for &b in &self.text.as_bytes()[from..] {
            self.byte_counts[usize::from(b)] = self.byte_counts[usize::from(b)].saturating_add(1);
        }
    }

    /// `query` ready to scan this index: each term's rarest byte in the text found.
    fn prepare<'q>(&self, query: &'q SearchQuery) -> PreparedQuery<'q> {
        let count = |b: u8| self.byte_counts.get(usize::from(b)).copied().unwrap_or(0);
        let terms = query
            .terms
            .iter()
            .map(|t| {
                let bytes = t.as_bytes();
                let rare = (0..bytes.len()).min_by_key(|&k| count(bytes[k])).unwrap_or(0);
                (bytes, rare)
            })
            .collect();
        PreparedQuery { terms }
    }

    fn row_bytes(&self, row: usize) -> &[u8] {
        let start = if row == 0 { 0 } else { self.ends[row - 1] };
        &self.text.as_bytes()[start..self.ends[row]]
    }

    /// Rows indexed.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Row `row`'s folded text (fields separated by U+001F).
    pub fn haystack(&self, row: usize) -> &str {
        let start = if row == 0 { 0 } else { self.ends[row - 1] };
        &self.text[start..self.ends[row]]
    }

    /// The rows matching `query`, in row order (every row for an empty query).
    pub fn filter(&self, query: &SearchQuery) -> Vec<usize> {
        if query.is_empty() {
            return (0..self.len()).collect();
        }
        let query = self.prepare(query);
        let text = self.text.as_bytes();
        let mut start = 0;
        let mut out = Vec::new();
        for (row, &end) in self.ends.iter().enumerate() {
            if query.matches(&text[start..end]) {
                out.push(row);
            }
            start = end;
        }
        out
    }

    /// Like [`SearchIndex::filter_within`], reading the candidates' text in row order rather
    /// than in theirs: much faster when they are many and shuffled (a sorted table), since
    /// the text is then read front to back instead of at random.
    pub fn filter_within_shuffled(&self, candidates: &[usize], query: &SearchQuery) -> Vec<usize> {
        let mut keep = vec![false; self.len()];
        for &row in candidates {
            if let Some(k) = keep.get_mut(row) {
                *k = true;
            }
        }
        let query = self.prepare(query);
        let text = self.text.as_bytes();
        let mut start = 0;
        for (row, &end) in self.ends.iter().enumerate() {
            if keep[row] {
                keep[row] = query.matches(&text[start..end]);
            }
            start = end;
        }
        candidates
            .iter()
            .copied()
            .filter(|&row| keep.get(row) == Some(&true))
            .collect()
    }

    /// The rows of `candidates` matching `query`, in their order (for a query that
    /// [narrows](SearchQuery::narrows) the one `candidates` came from). Rows not indexed
    /// are dropped.
    pub fn filter_within(&self, candidates: &[usize], query: &SearchQuery) -> Vec<usize> {
        let query = self.prepare(query);
        candidates
            .iter()
            .copied()
            .filter(|&row| row < self.len() && query.matches(self.row_bytes(row)))
            .collect()
    }
}

/// The rows matching `query` (see [`SearchQuery`]), in row order. Folds every row: keep a
/// [`SearchIndex`] to filter the same rows again.
pub fn filter(rows: &dyn Rows, query: &str) -> Vec<usize> {
    SearchIndex::new(rows).filter(&SearchQuery::parse(query))
}
