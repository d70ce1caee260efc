//! A stable sort of rows by a column.

use super::rows::Rows;
use super::sort_key::{cmp_keys, SortKey};

/// Sorts `indices` (into `rows`) by column `column` (an index into the service's columns),
/// stably: rows that tie keep their order, in either direction. Each row's key is computed
/// once.
pub fn sort(rows: &dyn Rows, indices: &mut [usize], column: usize, descending: bool) {
    let mut keyed: Vec<(SortKey, usize)> = indices.iter().map(|&i| (rows.sort_key(i, column), i)).collect();
    keyed.sort_by(|(a, _), (b, _)| cmp_keys(a, b, descending));
    for (slot, (_, i)) in indices.iter_mut().zip(keyed) {
        *slot = i;
    }
}
