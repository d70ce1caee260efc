//! A service's columns, declared once: key, title, width, whether shown by default, what
//! it sorts by and what its cell shows. The paged table, the virtual grid, sorting, the
//! filter and exports all read the same list.

use super::cell::Cell;
use crate::table::SortKey;

/// A column as the table sees it, whatever the row type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    /// For the URL, the sort state and preferences.
    pub key: &'static str,
    pub title: &'static str,
    /// Width in CSS pixels.
    pub width: u16,
    /// Shown unless the user hides it.
    pub shown: bool,
    /// What it means across services (the all-instances table's columns).
    pub meaning: Meaning,
}

/// What a column means whatever the service: the columns every instance list has, which
/// the all-instances table shows side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Meaning {
    Name,
    Id,
    State,
    /// The instance's IP addresses (private or public, as the service lists them).
    Addresses,
    Created,
    Tags,
    /// A column of this service's own.
    Other,
}

impl Meaning {
    /// The meanings every service's list shares, in the order the all-instances table
    /// shows them.
    pub const COMMON: [Meaning; 6] = [
        Meaning::Name,
        Meaning::State,
        Meaning::Id,
        Meaning::Addresses,
        Meaning::Created,
        Meaning::Tags,
    ];
}

/// One column of a service's rows `R`.
pub struct Column<R> {
    pub spec: ColumnSpec,
    pub sort: fn(&R) -> SortKey,
    pub cell: fn(&R) -> Cell,
}

impl<R> Clone for Column<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Column<R> {}

impl<R> std::fmt::Debug for Column<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.spec.fmt(f)
    }
}

/// A column shown by default.
pub const fn col<R>(
    key: &'static str,
    title: &'static str,
    width: u16,
    sort: fn(&R) -> SortKey,
    cell: fn(&R) -> Cell,
) -> Column<R> {
    Column {
        spec: ColumnSpec {
            key,
            title,
            width,
            shown: true,
            meaning: Meaning::Other,
        },
        sort,
        cell,
    }
}

/// A column hidden by default (one click away in the column chooser).
pub const fn extra<R>(
    key: &'static str,
    title: &'static str,
    width: u16,
    sort: fn(&R) -> SortKey,
    cell: fn(&R) -> Cell,
) -> Column<R> {
    Column {
        spec: ColumnSpec {
            key,
            title,
            width,
            shown: false,
            meaning: Meaning::Other,
        },
        sort,
        cell,
    }
}

/// `column`, saying what it means across services.
pub const fn means<R>(meaning: Meaning, mut column: Column<R>) -> Column<R> {
    column.spec.meaning = meaning;
    column
}
