//! Client-side table logic over loaded rows, for lists that hold every page at once (up to
//! 100,000 rows), whatever the service ([`Rows`]): a stable sort by any column
//! ([`SortKey`]), filtering (case-insensitive substrings over name, id, IP addresses, tags
//! and state; several words must all match), the window of rows a virtualized table
//! renders, and keyboard selection moves. Plain Rust: no UI, no clock.
//!
//! Filtering on every keystroke stays cheap because the searchable text of every row is
//! folded to lowercase once ([`SearchIndex::new`], growing with [`SearchIndex::extend`] as
//! pages arrive); a keystroke then scans one string per row, or only the previous matches
//! when the new query narrows the old one ([`SearchQuery::narrows`],
//! [`SearchIndex::filter_within`]). [`ShownRows`] keeps what a table shows (filtered and
//! sorted) up to date as pages arrive, and [`load_status`] words a load-all walk's progress.

mod fold;
mod load_status;
mod navigation;
mod rows;
mod search;
mod selection;
mod shown;
mod sort;
mod sort_key;
mod window;

pub use fold::*;
pub use load_status::*;
pub use navigation::*;
pub use rows::*;
pub use search::*;
pub use selection::*;
pub use shown::*;
pub use sort::*;
pub use sort_key::*;
pub use window::*;

#[cfg(test)]
mod tests;
