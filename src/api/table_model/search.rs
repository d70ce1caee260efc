//! Filtering: queries and the folded search index.

use super::*;

/// Separates fields in a row's folded text, so that no query term matches across two.
pub(super) const FIELD_SEPARATOR: char = '\u{1f}';

/// Appends `s` lowercased (per character, the same way for rows and queries), with any
/// field separator in it turned into a space.
pub(super) fn push_folded(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c == FIELD_SEPARATOR {
                ' '
            } else {
                c.to_ascii_lowercase()
            });
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

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

/// The searchable text of every row, folded to lowercase once: one string, row `i` at
/// `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    text: String,
    ends: Vec<usize>,
}

impl SearchIndex {
    pub fn new<R: TableRow>(rows: &[R]) -> Self {
        let mut index = SearchIndex::default();
        index.extend(rows);
        index
    }

    /// Indexes more rows (the next pages of a load in progress), numbered after the others.
    pub fn extend<R: TableRow>(&mut self, rows: &[R]) {
        self.ends.reserve(rows.len());
        for row in rows {
            for field in row.search_fields() {
                push_folded(&mut self.text, &field);
                self.text.push(FIELD_SEPARATOR);
            }
            self.ends.push(self.text.len());
        }
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
        let mut start = 0;
        let mut out = Vec::new();
        for (row, &end) in self.ends.iter().enumerate() {
            if query.matches(&self.text[start..end]) {
                out.push(row);
            }
            start = end;
        }
        out
    }

    /// The rows of `candidates` matching `query`, in their order (for a query that
    /// [narrows](SearchQuery::narrows) the one `candidates` came from). Rows not indexed
    /// are dropped.
    pub fn filter_within(&self, candidates: &[usize], query: &SearchQuery) -> Vec<usize> {
        candidates
            .iter()
            .copied()
            .filter(|&row| row < self.len() && query.matches(self.haystack(row)))
            .collect()
    }
}
