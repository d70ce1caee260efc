//! Every connection's instances in one table: the columns that mean the same in every
//! service ([`Meaning::COMMON`]) with the connection and the service before them, whatever
//! each service calls them. Rows join as each connection's pages arrive; each row keeps
//! its cells and sort keys (a few per row), read once from its service's [`Rows`].
//!
//! A row's id is `{connection id}/{instance id}` (connection ids never hold a `/`):
//! [`split_id`] takes it apart for the row's link.

use super::column::{ColumnSpec, Meaning};
use super::{Cell, Details};
use crate::state::StateInfo;
use crate::table::{Rows, SortKey};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Where a connection's rows come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub connection_id: String,
    pub connection: String,
    /// The service, in words.
    pub service: &'static str,
}

struct CommonRow {
    source: usize,
    /// `{connection id}/{instance id}`.
    id: String,
    key: u64,
    /// One per [`Meaning::COMMON`], in order.
    cells: Vec<Cell>,
    sorts: Vec<SortKey>,
    state: Option<StateInfo>,
}

/// The all-instances table's rows.
#[derive(Default)]
pub struct CommonRows {
    sources: Vec<Source>,
    rows: Vec<CommonRow>,
}

/// The table's columns: name, state, connection, service, then the other common ones.
pub fn common_columns() -> Vec<ColumnSpec> {
    let spec = |key, title, width, meaning| ColumnSpec {
        key,
        title,
        width,
        shown: true,
        meaning,
    };
    vec![
        spec("name", "Name", 220, Meaning::Name),
        spec("state", "State", 150, Meaning::State),
        spec("connection", "Connection", 170, Meaning::Other),
        spec("service", "Service", 150, Meaning::Other),
        spec("id", "ID", 250, Meaning::Id),
        spec("addresses", "Addresses", 170, Meaning::Addresses),
        spec("created", "Created", 120, Meaning::Created),
        spec("tags", "Tags", 170, Meaning::Tags),
    ]
}

/// Where column `column` of [`common_columns`] comes from: a common meaning's index in
/// [`Meaning::COMMON`], or the connection (`Err(0)`) or service (`Err(1)`).
fn origin(column: usize) -> Option<Result<usize, usize>> {
    let meaning = common_columns().get(column)?.meaning;
    match meaning {
        Meaning::Other => Some(Err(usize::from(column == 3))),
        m => Meaning::COMMON.iter().position(|c| *c == m).map(Ok),
    }
}

/// A row id's connection id and instance id.
pub fn split_id(id: &str) -> (&str, &str) {
    id.split_once('/').unwrap_or(("", id))
}

impl CommonRows {
    pub fn new() -> Self {
        Self::default()
    }

    /// A connection whose rows will join; its index for [`CommonRows::extend`].
    pub fn add_source(&mut self, source: Source) -> usize {
        self.sources.push(source);
        self.sources.len() - 1
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Adds rows `from..` of `rows` (a connection's rows so far, in its service's
    /// `specs`); returns how many of `rows` are now taken (the next `from`).
    pub fn extend(&mut self, source: usize, specs: &[ColumnSpec], rows: &dyn Rows, from: usize) -> usize {
        let Some(conn) = self.sources.get(source) else {
            return from;
        };
        let at: Vec<Option<usize>> = Meaning::COMMON
            .iter()
            .map(|m| specs.iter().position(|s| s.meaning == *m))
            .collect();
        for row in from..rows.len() {
            let id = format!("{}/{}", conn.connection_id, rows.id(row));
            let mut h = DefaultHasher::new();
            id.hash(&mut h);
            rows.key(row).hash(&mut h);
            let cells = at
                .iter()
                .map(|c| c.map_or(Cell::Text(String::new()), |c| rows.cell(row, c)))
                .collect();
            let sorts = at
                .iter()
                .map(|c| c.map_or(SortKey::Empty, |c| rows.sort_key(row, c)))
                .collect();
            self.rows.push(CommonRow {
                source,
                id,
                key: h.finish(),
                cells,
                sorts,
                state: rows.state(row),
            });
        }
        rows.len().max(from)
    }

    /// How many rows came from each source, by source index.
    pub fn count_of(&self, source: usize) -> usize {
        self.rows.iter().filter(|r| r.source == source).count()
    }
}

impl Rows for CommonRows {
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn id(&self, row: usize) -> &str {
        self.rows.get(row).map_or("", |r| r.id.as_str())
    }
    fn key(&self, row: usize) -> u64 {
        self.rows.get(row).map_or(0, |r| r.key)
    }
    fn cell(&self, row: usize, column: usize) -> Cell {
        let (Some(r), Some(from)) = (self.rows.get(row), origin(column)) else {
            return Cell::Text(String::new());
        };
        match from {
            Ok(i) => r.cells[i].clone(),
            Err(0) => Cell::Text(self.sources[r.source].connection.clone()),
            Err(_) => Cell::Text(self.sources[r.source].service.to_owned()),
        }
    }
    fn sort_key(&self, row: usize, column: usize) -> SortKey {
        let (Some(r), Some(from)) = (self.rows.get(row), origin(column)) else {
            return SortKey::Empty;
        };
        match from {
            Ok(i) => r.sorts[i].clone(),
            Err(0) => SortKey::text(&self.sources[r.source].connection),
            Err(_) => SortKey::text(self.sources[r.source].service),
        }
    }
    fn search(&self, row: usize, out: &mut dyn FnMut(&str)) {
        let Some(r) = self.rows.get(row) else { return };
        for cell in &r.cells {
            match cell {
                Cell::State(s) => {
                    out(&s.value);
                    out(s.category.label());
                }
                Cell::Time(_) => {}
                c => out(&c.plain()),
            }
        }
        out(&self.sources[r.source].connection);
        out(self.sources[r.source].service);
    }
    fn state(&self, row: usize) -> Option<StateInfo> {
        self.rows.get(row).and_then(|r| r.state.clone())
    }
    fn details(&self, _row: usize) -> Option<Details> {
        None
    }
}

#[cfg(test)]
#[path = "common_rows_tests.rs"]
mod tests;
