//! The rows of every page a walk has loaded, in order, as one list of [`Rows`]: the
//! pages keep their rows (nothing is copied), a row is found by binary search over where
//! each page starts.

use crate::lenient::Unreadable;
use crate::service::{ListPage, RowsOfPages};

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

impl RowsOfPages for LoadedRows {
    fn row_count(&self) -> usize {
        self.len
    }

    /// The page holding row `row`, and the row's position in it.
    fn locate(&self, row: usize) -> Option<(&ListPage, usize)> {
        if row >= self.len {
            return None;
        }
        let i = self.starts.partition_point(|&s| s <= row).checked_sub(1)?;
        Some((&self.pages[i], row - self.starts[i]))
    }
}
