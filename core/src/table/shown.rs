//! The rows a table shows (matching the filter, in the sort's order), kept up to date
//! incrementally: rows arriving page by page are indexed and merged in, a filter that
//! narrows the last one only scans the last matches, and a sort computes each row's key
//! once (kept, so that later pages merge in without sorting again).

use super::rows::Rows;
use super::search::{SearchIndex, SearchQuery};
use super::sort_key::{cmp_keys, SortKey};
use std::cmp::Ordering;
use std::ops::Range;

/// The sort in force and every indexed row's key for it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ActiveSort {
    /// The column (an index into the service's columns).
    column: usize,
    descending: bool,
    /// Row `i`'s sort key (one per indexed row).
    keys: Vec<SortKey>,
}

impl ActiveSort {
    /// Orders two rows: by key (empty cells last either way), ties in row order, so the
    /// order is total and the same as a stable sort's.
    fn cmp(&self, a: usize, b: usize) -> Ordering {
        cmp_keys(&self.keys[a], &self.keys[b], self.descending).then(a.cmp(&b))
    }
}

/// Merges two lists each ordered by `cmp` into one.
fn merge_by(a: &[usize], b: &[usize], cmp: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if cmp(a[i], b[j]) != Ordering::Greater {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// What a client-side table shows of a growing list of rows: the rows matching a filter
/// ([`SearchQuery`]), sorted by a column or in row order. Rows are referred to by their
/// index in the list (stable: the list only grows at the end).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShownRows {
    index: SearchIndex,
    sort: Option<ActiveSort>,
    /// Every indexed row, in the sort's order (row order without a sort).
    order: Vec<usize>,
    query: SearchQuery,
    /// The rows matching `query`, in `order`'s order.
    shown: Vec<usize>,
}

impl ShownRows {
    pub fn new() -> Self {
        Self::default()
    }

    /// Rows indexed (the list's length at the last [`ShownRows::extend`]).
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The rows shown, by index into the list, in display order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The row shown at `position`.
    pub fn row_at(&self, position: usize) -> Option<usize> {
        self.shown.get(position).copied()
    }

    /// Where row `row` is shown, if it matches the filter.
    pub fn position_of(&self, row: usize) -> Option<usize> {
        self.shown.iter().position(|&r| r == row)
    }

    /// The sort in force: the column and whether it is descending.
    pub fn sorted_by(&self) -> Option<(usize, bool)> {
        self.sort.as_ref().map(|s| (s.column, s.descending))
    }

    pub fn query(&self) -> &SearchQuery {
        &self.query
    }

    /// Takes in the rows of `rows` past the ones indexed (`rows` is the whole list so far).
    /// Returns whether anything changed. A list shorter than before (not a list that only
    /// grows) is taken in afresh, keeping the filter and the sort.
    pub fn extend(&mut self, rows: &dyn Rows) -> bool {
        let start = self.len();
        if rows.len() < start {
            let sort = self.sorted_by();
            let query = std::mem::take(&mut self.query);
            *self = ShownRows::default();
            self.query = query;
            self.extend(rows);
            self.sort_by(rows, sort);
            return true;
        }
        if rows.len() == start {
            return false;
        }
        self.index.extend(rows);
        let keys = self
            .sort
            .as_ref()
            .map(|sort| (start..rows.len()).map(|r| rows.sort_key(r, sort.column)).collect());
        self.take_in(start..rows.len(), keys);
        true
    }

    /// Takes in rows `new` (just indexed), with their keys for the sort in force.
    /// (Not generic: its code exists once whatever the row type.)
    fn take_in(&mut self, new: Range<usize>, keys: Option<Vec<SortKey>>) {
        let mut new: Vec<usize> = new.collect();
        match (&mut self.sort, keys) {
            (Some(sort), Some(keys)) => {
                sort.keys.extend(keys);
                sort.keys.resize(self.index.len(), SortKey::Empty);
                let sort = &*sort;
                new.sort_unstable_by(|&a, &b| sort.cmp(a, b));
                let matching = self.index.filter_within(&new, &self.query);
                self.order = merge_by(&self.order, &new, |a, b| sort.cmp(a, b));
                self.shown = merge_by(&self.shown, &matching, |a, b| sort.cmp(a, b));
            }
            _ => {
                self.order.extend_from_slice(&new);
                let matching = self.index.filter_within(&new, &self.query);
                self.shown.extend(matching);
            }
        }
    }

    /// Filters by `text` (see [`SearchQuery::parse`]). Returns whether the query changed.
    /// A query that narrows the last one only looks at the last matches.
    pub fn set_filter(&mut self, text: &str) -> bool {
        let query = SearchQuery::parse(text);
        if query == self.query {
            return false;
        }
        let candidates = if query.narrows(&self.query) {
            &self.shown
        } else {
            &self.order
        };
        self.shown = if query.is_empty() {
            self.order.clone()
        } else if self.sort.is_some() && candidates.len() > 1_000 {
            self.index.filter_within_shuffled(candidates, &query)
        } else {
            self.index.filter_within(candidates, &query)
        };
        self.query = query;
        true
    }

    /// Sorts by column `column` (descending or not), or in row order for `None`. Rows
    /// that tie stay in row order.
    pub fn sort_by(&mut self, rows: &dyn Rows, sort: Option<(usize, bool)>) {
        let len = self.len().min(rows.len());
        let sort = sort.map(|(column, descending)| {
            let keys = match self.sort.take() {
                // Same column: the keys are known, only the direction changes.
                Some(s) if s.column == column => s.keys,
                _ => (0..len).map(|r| rows.sort_key(r, column)).collect(),
            };
            ActiveSort {
                column,
                descending,
                keys,
            }
        });
        self.apply_sort(sort);
    }

    /// Orders every row by `sort` (row order without one) and the shown rows with them.
    fn apply_sort(&mut self, sort: Option<ActiveSort>) {
        let mut order: Vec<usize> = (0..self.len()).collect();
        self.sort = sort.map(|mut active| {
            active.keys.resize(self.index.len(), SortKey::Empty);
            order.sort_unstable_by(|&a, &b| active.cmp(a, b));
            active
        });
        self.order = order;
        self.reorder_shown();
    }

    /// Sorts by column `column`: ascending at first, reversed when it is already sorted by
    /// it. Returns the sort now in force.
    pub fn toggle_sort(&mut self, rows: &dyn Rows, column: usize) -> Option<(usize, bool)> {
        let descending = matches!(self.sorted_by(), Some((c, false)) if c == column);
        self.sort_by(rows, Some((column, descending)));
        self.sorted_by()
    }

    /// Puts the shown rows in `order`'s order without filtering again.
    fn reorder_shown(&mut self) {
        if self.query.is_empty() {
            self.shown = self.order.clone();
            return;
        }
        let mut matching = vec![false; self.len()];
        for &r in &self.shown {
            if let Some(m) = matching.get_mut(r) {
                *m = true;
            }
        }
        self.shown = self.order.iter().copied().filter(|&r| matching[r]).collect();
    }
}
