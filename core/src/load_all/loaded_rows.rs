//! The rows of every page a walk has loaded, in order, as one list of [`Rows`]: the
//! pages keep their rows (nothing is copied), a row is found by binary search over where
//! each page starts.

use crate::lenient::Unreadable;
use crate::service::{Cell, Details, ListPage};
use crate::state::StateInfo;
use crate::table::{Rows, SortKey};

/// The pages loaded so far, in the service's order.
#[derive(Clone, Default)]
pub struct LoadedRows {
    pages: Vec<ListPage>,
    /// Where each page's rows start.
    starts: Vec<usize>,
    len: usize,
}

impl LoadedRows {
    /// Adds a page at the end (an empty page adds no rows).
    pub fn push(&mut self, page: ListPage) {
        let n = page.len();
        if n == 0 && page.unreadable().is_empty() {
            return;
        }
        self.starts.push(self.len);
        self.len += n;
        self.pages.push(page);
    }

    /// The page holding row `row`, and the row's position in it.
    fn locate(&self, row: usize) -> Option<(&ListPage, usize)> {
        if row >= self.len {
            return None;
        }
        let i = self.starts.partition_point(|&s| s <= row).checked_sub(1)?;
        Some((&self.pages[i], row - self.starts[i]))
    }

    /// The instances that could not be read, over every page (their positions are within
    /// their page).
    pub fn unreadable(&self) -> impl Iterator<Item = &Unreadable> {
        self.pages.iter().flat_map(|p| p.unreadable().iter())
    }

    /// The pages loaded.
    pub fn pages(&self) -> &[ListPage] {
        &self.pages
    }
}

impl Rows for LoadedRows {
    fn len(&self) -> usize {
        self.len
    }
    fn id(&self, row: usize) -> &str {
        self.locate(row).map_or("", |(p, r)| p.0.id(r))
    }
    fn key(&self, row: usize) -> u64 {
        self.locate(row).map_or(0, |(p, r)| p.key(r))
    }
    fn cell(&self, row: usize, column: usize) -> Cell {
        self.locate(row)
            .map_or(Cell::Text(String::new()), |(p, r)| p.cell(r, column))
    }
    fn sort_key(&self, row: usize, column: usize) -> SortKey {
        self.locate(row).map_or(SortKey::Empty, |(p, r)| p.sort_key(r, column))
    }
    fn search(&self, row: usize, out: &mut dyn FnMut(&str)) {
        if let Some((p, r)) = self.locate(row) {
            p.search(r, out);
        }
    }
    fn state(&self, row: usize) -> Option<StateInfo> {
        self.locate(row).and_then(|(p, r)| p.state(r))
    }
    fn details(&self, row: usize) -> Option<Details> {
        self.locate(row).and_then(|(p, r)| p.details(r))
    }
}
