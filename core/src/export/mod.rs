//! Exports of a table: CSV or JSON of some of its rows, with the visible columns in their
//! order, each cell as the plain text it shows (`Cell::plain`: times as they arrived, lists
//! joined by ", "). CSV is written by the `csv` crate; a cell that a spreadsheet would run as
//! a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with
//! a leading `'` so that it stays text. An optional UTF-8 byte order mark lets spreadsheets
//! read non-ASCII names. Nothing here knows a credential: an export is what the table shows.

use crate::service::ColumnSpec;
use crate::table::Rows;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values; `bom` puts a UTF-8 byte order mark first (for spreadsheets).
    Csv { bom: bool },
    /// A JSON array of objects keyed by column key.
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv { .. } => "csv",
            Format::Json => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv { .. } => "text/csv;charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// The columns to write: their index among the service's columns, and their spec.
pub type Columns = [(usize, ColumnSpec)];

/// A cell's text made safe for a spreadsheet: one that would start a formula gets a `'`.
pub fn guard_formula(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The rows at `positions` of `rows` in `format`.
pub fn write(format: Format, rows: &dyn Rows, columns: &Columns, positions: &[usize]) -> String {
    match format {
        Format::Csv { bom } => csv_text(rows, columns, positions, bom),
        Format::Json => json_text(rows, columns, positions),
    }
}

fn csv_text(rows: &dyn Rows, columns: &Columns, positions: &[usize], bom: bool) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a record that somehow did is left out, never a panic.
    let _ = out.write_record(columns.iter().map(|(_, c)| guard_formula(c.title)));
    for &row in positions.iter().filter(|&&r| r < rows.len()) {
        let _ = out.write_record(columns.iter().map(|&(i, _)| guard_formula(&rows.cell(row, i).plain())));
    }
    let bytes = out.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

fn json_text(rows: &dyn Rows, columns: &Columns, positions: &[usize]) -> String {
    let list: Vec<serde_json::Value> = positions
        .iter()
        .filter(|&&r| r < rows.len())
        .map(|&row| {
            let fields = columns
                .iter()
                .map(|&(i, c)| (c.key.to_string(), serde_json::Value::String(rows.cell(row, i).plain())));
            serde_json::Value::Object(fields.collect())
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into())
}

/// A file name that says the connection, the service and the time (UTC), with only
/// characters every file system takes: `skyglass-prod-east-clouddc-20261202T013000Z.csv`.
pub fn file_name(connection: &str, service: &str, what: &str, unix_ms: i64, format: Format) -> String {
    let mut parts: Vec<String> = ["skyglass", connection, service, what]
        .iter()
        .map(|p| crate::http::slug(p, 40))
        .filter(|p| !p.is_empty())
        .collect();
    parts.push(crate::timefmt::compact_utc(unix_ms));
    format!("{}.{}", parts.join("-"), format.extension())
}

#[cfg(test)]
mod tests;
