//! Rows that live in pages ([`RowsOfPages`]): a load-all walk's pages one after another,
//! or the ticked rows of a list wherever they were seen (this page, earlier pages), for
//! an export of the selection ([`PickedRows`]). Each only says where its row `n` is; the
//! [`Rows`] of all of them is written once, here.

use super::erased::ListPage;
use super::{Cell, Details};
use crate::state::StateInfo;
use crate::table::{Rows, SortKey};

/// Rows found in pages.
pub trait RowsOfPages {
    /// How many rows.
    fn row_count(&self) -> usize;
    /// The page holding row `row`, and the row's position in it.
    fn locate(&self, row: usize) -> Option<(&ListPage, usize)>;
}

impl<T: RowsOfPages> Rows for T {
    fn len(&self) -> usize {
        self.row_count()
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

/// Row `.1` of page `.0`, for each picked row, in order.
#[derive(Clone, Debug, Default)]
pub struct PickedRows(pub Vec<(ListPage, usize)>);

impl RowsOfPages for PickedRows {
    fn row_count(&self) -> usize {
        self.0.len()
    }
    fn locate(&self, row: usize) -> Option<(&ListPage, usize)> {
        self.0.get(row).map(|(p, r)| (p, *r))
    }
}
