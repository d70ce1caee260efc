//! Rows as a table sees them, whatever the service: by position in a list, each with an
//! id, a key that changes when the row does, a cell and a sort key per column, searchable
//! text, a classified state and details. A service's typed rows implement it once
//! (`service::TypedRows`), a load-all walk's pages together too (`load_all::LoadedRows`),
//! so the table code exists once.

use super::sort_key::SortKey;
use crate::service::{Cell, Details};
use crate::state::{Category, StateInfo};

/// A list of rows, each addressed by its position.
pub trait Rows {
    /// How many rows.
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Row `row`'s instance id ("" past the end).
    fn id(&self, row: usize) -> &str;
    /// A key that changes when the row's content does (id, update time and state hashed),
    /// so a view re-renders only the rows that changed.
    fn key(&self, row: usize) -> u64;
    /// Row `row`'s cell in column `column` (an index into the service's columns).
    fn cell(&self, row: usize, column: usize) -> Cell;
    fn sort_key(&self, row: usize, column: usize) -> SortKey;
    /// Row `row`'s searchable text, field by field.
    fn search(&self, row: usize, out: &mut dyn FnMut(&str));
    fn state(&self, row: usize) -> Option<StateInfo>;
    fn details(&self, row: usize) -> Option<Details>;
    /// The position of the row with this id, if any.
    fn position(&self, id: &str) -> Option<usize> {
        (0..self.len()).find(|&r| self.id(r) == id)
    }
}

/// The positions of the rows in state category `only` (every row for `None`), in order.
pub fn in_category(rows: &dyn Rows, only: Option<Category>) -> Vec<usize> {
    (0..rows.len())
        .filter(|&r| only.is_none() || rows.state(r).map(|s| s.category) == only)
        .collect()
}
