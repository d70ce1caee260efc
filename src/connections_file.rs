//! Connections to and from a file, to move a setup to another browser: a JSON document
//! of the saved connections without any secret (a [`Connection`] holds none; the Demo
//! connections stay out, every browser has its own). Importing reads it leniently, one
//! connection at a time: each is checked like the form checks it, and whatever is left
//! out is said, with why. Secrets in a file (a token, a password, a secret key) are never
//! taken.

use crate::connection::{new_id, Connection};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the file says it is.
pub const FORMAT: &str = "skyglass.connections";
pub const VERSION: u32 = 1;
/// The largest file read (bytes).
pub const MAX_BYTES: usize = 1 << 20;
/// The most connections one file may add.
pub const MAX_CONNECTIONS: usize = 500;
/// Field names that would hold a secret: never read from a file.
const SECRET_FIELDS: [&str; 6] = [
    "token",
    "password",
    "secret_key",
    "security_token",
    "secret",
    "mfa_code",
];

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    connections: Vec<Value>,
}

/// The file's text for `connections` (Demo connections left out).
pub fn export(connections: &[Connection]) -> String {
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        connections: connections
            .iter()
            .filter(|c| !c.demo)
            .filter_map(|c| serde_json::to_value(c).ok())
            .collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The connections to add (ids made unique against those already here).
    pub added: Vec<Connection>,
    /// What was left out: (which one, why).
    pub skipped: Vec<(String, String)>,
    /// Secrets found in the file and ignored: (which one, field).
    pub ignored: Vec<(String, String)>,
}

/// Which connection of the file an entry is, in words: its name, else its position.
fn which(entry: &Value, at: usize) -> String {
    match entry.get("name").and_then(Value::as_str).map(str::trim) {
        Some(name) if !name.is_empty() => format!("“{}”", name.chars().take(80).collect::<String>()),
        _ => format!("connection {}", at + 1),
    }
}

/// Reads a file against the connections already here.
pub fn import(text: &str, existing: &[Connection]) -> Result<ImportReport, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "The file is larger than {} KiB: not a connections file.",
            MAX_BYTES / 1024
        ));
    }
    let file: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("The file is not JSON ({e})."))?;
    if file.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!(
            "The file is not a Skyglass connections file (its \"format\" is not \"{FORMAT}\")."
        ));
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(format!(
                "The file is of version {v}; this Skyglass reads version {VERSION}."
            ))
        }
        None => return Err("The file says no version.".into()),
    }
    let Some(entries) = file.get("connections").and_then(Value::as_array) else {
        return Err("The file has no list of connections.".into());
    };
    let mut report = ImportReport::default();
    let mut taken: Vec<String> = existing.iter().map(|c| c.id.clone()).collect();
    for (at, entry) in entries.iter().enumerate() {
        let name = which(entry, at);
        if report.added.len() >= MAX_CONNECTIONS {
            report
                .skipped
                .push((name, format!("more than {MAX_CONNECTIONS} connections in one file")));
            continue;
        }
        let Some(fields) = entry.as_object() else {
            report.skipped.push((name, "not a connection (not an object)".into()));
            continue;
        };
        let mut clean = fields.clone();
        for field in SECRET_FIELDS {
            if clean.remove(field).is_some() {
                report.ignored.push((name.clone(), field.into()));
            }
        }
        let mut conn: Connection = match serde_json::from_value(Value::Object(clean)) {
            Ok(c) => c,
            Err(e) => {
                report.skipped.push((name, format!("not a connection ({e})")));
                continue;
            }
        };
        if conn.demo {
            report
                .skipped
                .push((name, "a Demo connection: every browser has its own".into()));
            continue;
        }
        conn.remember_token = false;
        if let Err(why) = conn.validate() {
            report.skipped.push((name, why));
            continue;
        }
        if existing.iter().chain(&report.added).any(|c| same_endpoint(c, &conn)) {
            report
                .skipped
                .push((name, "already here (same service, endpoint and name)".into()));
            continue;
        }
        let id = conn.id.trim().to_owned();
        let id_ok = !id.is_empty() && skyglass_core::http::slug(&id, 60) == id && !id.starts_with("demo");
        if !id_ok || taken.contains(&id) {
            conn.id = new_id(&conn.name, &taken);
        }
        taken.push(conn.id.clone());
        report.added.push(conn);
    }
    Ok(report)
}

/// Whether two connections are the same setup.
fn same_endpoint(a: &Connection, b: &Connection) -> bool {
    a.service == b.service && a.base_url.trim() == b.base_url.trim() && a.name.trim() == b.name.trim()
}

#[cfg(test)]
#[path = "connections_file_tests.rs"]
mod tests;
