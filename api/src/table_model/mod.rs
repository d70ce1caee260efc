//! Client-side table logic over loaded rows, for lists that hold every page at once (up to
//! 100,000 rows): the columns of each service's instance with a sort key per column,
//! filtering (case-insensitive substrings over name, id, IP addresses, tags and state;
//! several words must all match), a stable sort, the window of rows a virtualized table
//! renders, and keyboard selection moves. Plain Rust: no UI, no clock.
//!
//! Filtering on every keystroke stays cheap because the searchable text of every row is
//! folded to lowercase once ([`SearchIndex::new`], growing with [`SearchIndex::extend`] as
//! pages arrive); a keystroke then scans one string per row, or only the previous matches
//! when the new query narrows the old one ([`SearchQuery::narrows`],
//! [`SearchIndex::filter_within`]). [`ShownRows`] keeps what a table shows (filtered and
//! sorted) up to date as pages arrive, and [`load_status`] words a load-all walk's progress.

use super::{bycloud, clouddc, roma, timefmt};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::ops::Range;

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

/// One column of a service's table: its key (for the URL and the sort state), its title,
/// and what it sorts by.
pub struct Column<R> {
    pub key: &'static str,
    pub title: &'static str,
    pub sort_key: fn(&R) -> SortKey,
}

impl<R> Clone for Column<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Column<R> {}

impl<R> std::fmt::Debug for Column<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Column")
            .field("key", &self.key)
            .field("title", &self.title)
            .finish()
    }
}

/// A row the table can show, filter and sort: each service's instance.
/// (Rows own their data: the columns are `'static` tables.)
pub trait TableRow: 'static {
    /// The instance's id (to keep a selection across sorts and filters).
    fn row_id(&self) -> &str;
    /// The text the filter searches: name, id, IP addresses, tags, state/status.
    fn search_fields(&self) -> Vec<Cow<'_, str>>;
    /// The columns, in display order.
    fn columns() -> &'static [Column<Self>]
    where
        Self: Sized;
}

/// The column of `R` with this key.
pub fn column<R: TableRow>(key: &str) -> Option<&'static Column<R>> {
    R::columns().iter().find(|c| c.key == key)
}

mod rows;
#[cfg(test)]
use rows::CLOUDDC_COLUMNS;
mod search;
pub use search::*;
mod shown;
pub use shown::*;
mod load_status;
pub use load_status::*;

/// The rows matching `query` (see [`SearchQuery`]), in row order. Folds every row: keep a
/// [`SearchIndex`] to filter the same rows again.
pub fn filter<R: TableRow>(rows: &[R], query: &str) -> Vec<usize> {
    SearchIndex::new(rows).filter(&SearchQuery::parse(query))
}

/// Orders `a` and `b` for a column sorted `descending` or not: empty cells last either way.
fn cmp_keys(a: &SortKey, b: &SortKey, descending: bool) -> Ordering {
    match (a, b) {
        (SortKey::Empty, SortKey::Empty) => Ordering::Equal,
        (SortKey::Empty, _) => Ordering::Greater,
        (_, SortKey::Empty) => Ordering::Less,
        _ if descending => b.cmp(a),
        _ => a.cmp(b),
    }
}

/// Sorts `indices` (into `rows`) by `column`, stably: rows that tie keep their order, in
/// either direction. Each row's key is computed once.
pub fn sort<R>(rows: &[R], indices: &mut [usize], column: &Column<R>, descending: bool) {
    let mut keyed: Vec<(SortKey, usize)> = indices.iter().map(|&i| ((column.sort_key)(&rows[i]), i)).collect();
    keyed.sort_by(|(a, _), (b, _)| cmp_keys(a, b, descending));
    for (slot, (_, i)) in indices.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// What a table shows: the rows matching `query`, sorted by the column `sort` names
/// (`(key, descending)`; an unknown key leaves row order). Only rows `index` covers.
pub fn view<R: TableRow>(rows: &[R], index: &SearchIndex, query: &str, sort_by: Option<(&str, bool)>) -> Vec<usize> {
    let mut shown = index.filter(&SearchQuery::parse(query));
    shown.retain(|&i| i < rows.len());
    if let Some((col, descending)) = sort_by.and_then(|(key, d)| Some((column::<R>(key)?, d))) {
        sort(rows, &mut shown, col, descending);
    }
    shown
}

/// The rows a virtualized table renders: those in the viewport plus `overscan` above and
/// below, clamped to `0..row_count`. Odd inputs (negative, NaN, a zero row height) give a
/// safe answer, never a panic.
pub fn visible_range(
    scroll_top: f64,
    viewport_height: f64,
    row_height: f64,
    row_count: usize,
    overscan: usize,
) -> Range<usize> {
    if row_count == 0 || row_height.is_nan() || row_height <= 0.0 || row_height.is_infinite() {
        return 0..0;
    }
    let finite_or_zero = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let top = finite_or_zero(scroll_top);
    let height = finite_or_zero(viewport_height);
    // `as` saturates: a huge scroll position lands past the end.
    let first = ((top / row_height).floor() as usize).min(row_count);
    let last = (((top + height) / row_height).ceil() as usize).clamp(first, row_count);
    first.saturating_sub(overscan)..last.saturating_add(overscan).min(row_count)
}

/// The height of the whole (virtual) table.
pub fn total_height(row_count: usize, row_height: f64) -> f64 {
    row_count as f64 * row_height.max(0.0)
}

/// The top of row `index`, for the spacer above the rendered window.
pub fn row_top(index: usize, row_height: f64) -> f64 {
    index as f64 * row_height.max(0.0)
}

/// Rows in a viewport: how far PageUp/PageDown move (at least 1).
pub fn page_rows(viewport_height: f64, row_height: f64) -> usize {
    if row_height.is_nan() || row_height <= 0.0 || !viewport_height.is_finite() {
        return 1;
    }
    ((viewport_height / row_height).floor() as usize).max(1)
}

/// The scroll position that brings row `index` fully into view, or `None` when it is
/// already.
pub fn scroll_to_reveal(index: usize, scroll_top: f64, viewport_height: f64, row_height: f64) -> Option<f64> {
    let top = row_top(index, row_height);
    let bottom = top + row_height.max(0.0);
    if top < scroll_top {
        Some(top)
    } else if bottom > scroll_top + viewport_height.max(0.0) {
        Some((bottom - viewport_height.max(0.0)).max(0.0))
    } else {
        None
    }
}

/// A keyboard move of the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Move {
    /// The move a `KeyboardEvent.key` asks for.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowUp" | "Up" => Move::Up,
            "ArrowDown" | "Down" => Move::Down,
            "PageUp" => Move::PageUp,
            "PageDown" => Move::PageDown,
            "Home" => Move::Home,
            "End" => Move::End,
            _ => return None,
        })
    }
}

/// The selected position (in the shown rows) after `mv`, with `page_size` rows a page.
/// Without a selection, Down/PageDown/Home select the first row and Up/PageUp/End the last;
/// a selection past the end (the rows shrank) counts as the last row. `None` when there are
/// no rows.
pub fn move_selection(current: Option<usize>, mv: Move, row_count: usize, page_size: usize) -> Option<usize> {
    let last = row_count.checked_sub(1)?;
    let page = page_size.max(1);
    Some(match (current.map(|c| c.min(last)), mv) {
        (_, Move::Home) => 0,
        (_, Move::End) => last,
        (None, Move::Down | Move::PageDown) => 0,
        (None, Move::Up | Move::PageUp) => last,
        (Some(c), Move::Up) => c.saturating_sub(1),
        (Some(c), Move::Down) => c.saturating_add(1).min(last),
        (Some(c), Move::PageUp) => c.saturating_sub(page),
        (Some(c), Move::PageDown) => c.saturating_add(page).min(last),
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_shown;
