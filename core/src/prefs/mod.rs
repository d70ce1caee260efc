//! A list view's preferences, remembered per connection and view on this device: which
//! columns it shows and in what order, its page size, its density and its refresh
//! interval. Plain data with the rules that read it against a service's columns
//! ([`ColumnSpec`]): unknown keys are dropped, the name column is always shown, an empty
//! choice means the service's default set.

use crate::poll::Interval;
use crate::service::{ColumnSpec, Meaning};
use serde::{Deserialize, Serialize};

mod display;
#[cfg(test)]
mod tests;

pub use display::{Theme, TimeZone};

/// How tall the rows of a table are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Density {
    /// One line per row, small padding: the most rows in view.
    #[default]
    Compact,
    /// One line per row, more space around it.
    Comfortable,
}

impl Density {
    pub const ALL: [Density; 2] = [Density::Compact, Density::Comfortable];

    pub fn key(self) -> &'static str {
        match self {
            Density::Compact => "compact",
            Density::Comfortable => "comfortable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Density::Compact => "Compact",
            Density::Comfortable => "Comfortable",
        }
    }

    pub fn from_key(key: &str) -> Density {
        Density::ALL.into_iter().find(|d| d.key() == key).unwrap_or_default()
    }
}

/// One view's preferences (what the user changed; the rest is the service's default).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewPrefs {
    /// The shown columns' keys, in order; `None`: the service's default set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// The page size a view opens with when its URL names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    #[serde(default)]
    pub density: Density,
    #[serde(default)]
    pub interval: Interval,
}

/// Where a view's preferences are stored: `skyglass.prefs.{connection}.{view}`.
pub fn storage_key(connection: &str, view: &str) -> String {
    format!("skyglass.prefs.{connection}.{view}")
}

/// Whether a column can be hidden (the name column links to each row's view: never).
pub fn hideable(spec: &ColumnSpec) -> bool {
    spec.meaning != Meaning::Name
}

impl ViewPrefs {
    /// The shown columns' keys, in order (the service's default set when none is chosen).
    fn chosen<'a>(&'a self, specs: &'a [ColumnSpec]) -> Vec<&'a str> {
        let mut keys: Vec<&str> = match &self.columns {
            Some(keys) => {
                let mut out: Vec<&str> = Vec::new();
                for k in keys {
                    if specs.iter().any(|s| s.key == k) && !out.contains(&k.as_str()) {
                        out.push(k);
                    }
                }
                out
            }
            None => specs.iter().filter(|s| s.shown).map(|s| s.key).collect(),
        };
        // The name column is always there (first, unless the user moved it).
        for s in specs.iter().filter(|s| !hideable(s)) {
            if !keys.contains(&s.key) {
                keys.insert(0, s.key);
            }
        }
        if keys.is_empty() {
            keys = specs.iter().filter(|s| s.shown).map(|s| s.key).collect();
        }
        keys
    }

    /// The columns shown: (index in `specs`, spec), in order.
    pub fn shown(&self, specs: &[ColumnSpec]) -> Vec<(usize, ColumnSpec)> {
        self.chosen(specs)
            .into_iter()
            .filter_map(|k| specs.iter().position(|s| s.key == k).map(|i| (i, specs[i])))
            .collect()
    }

    /// Every column as the column chooser lists it: the shown ones in their order, then
    /// the hidden ones in the service's order; each with whether it is shown.
    pub fn choices(&self, specs: &[ColumnSpec]) -> Vec<(ColumnSpec, bool)> {
        let shown = self.shown(specs);
        let mut out: Vec<(ColumnSpec, bool)> = shown.iter().map(|(_, s)| (*s, true)).collect();
        out.extend(
            specs
                .iter()
                .filter(|s| !shown.iter().any(|(_, x)| x.key == s.key))
                .map(|s| (*s, false)),
        );
        out
    }

    /// Shows or hides column `key` (a shown column is added last; the name column and the
    /// last shown column stay).
    pub fn toggle(&mut self, specs: &[ColumnSpec], key: &str) {
        let Some(spec) = specs.iter().find(|s| s.key == key) else {
            return;
        };
        let mut keys: Vec<String> = self.chosen(specs).into_iter().map(str::to_owned).collect();
        if let Some(at) = keys.iter().position(|k| k == key) {
            if !hideable(spec) || keys.len() == 1 {
                return;
            }
            keys.remove(at);
        } else {
            keys.push(key.to_owned());
        }
        self.columns = Some(keys);
    }

    /// Moves shown column `key` one place earlier (`-1`) or later (`+1`).
    pub fn move_column(&mut self, specs: &[ColumnSpec], key: &str, by: isize) {
        let mut keys: Vec<String> = self.chosen(specs).into_iter().map(str::to_owned).collect();
        let Some(at) = keys.iter().position(|k| k == key) else {
            return;
        };
        let to = at as isize + by;
        if to < 0 || to as usize >= keys.len() {
            return;
        }
        keys.swap(at, to as usize);
        self.columns = Some(keys);
    }

    /// The page size to open with, if the user chose one the service offers.
    pub fn page_size_in(&self, sizes: &[u32]) -> Option<u32> {
        self.page_size.filter(|s| sizes.contains(s))
    }

    /// Reads stored preferences leniently: anything unreadable is the defaults.
    pub fn parse(stored: &str) -> ViewPrefs {
        serde_json::from_str(stored).unwrap_or_default()
    }
}
