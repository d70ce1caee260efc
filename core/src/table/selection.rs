//! The rows a user ticked, by instance id, so that a tick survives a refresh (the row is
//! rebuilt), paging (other pages have other rows) and sorting. A shift-click ticks or
//! unticks every row between the last one clicked and this one, in the order shown.

use std::collections::HashSet;

/// Ticked rows, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    ids: HashSet<String>,
    /// The last row clicked (a range starts there).
    anchor: Option<String>,
}

impl Selection {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The ticked ids (in no particular order).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    /// A click on row `id`'s box: ticks it if it was not, else unticks it. With `range`
    /// (shift held) and an earlier click among `order` (the ids in the order shown), every
    /// row from there to `id` takes the clicked row's new state.
    pub fn click(&mut self, order: &[&str], id: &str, range: bool) {
        if id.is_empty() {
            return;
        }
        let on = !self.ids.contains(id);
        let span = match (range, self.anchor.as_deref()) {
            (true, Some(anchor)) => {
                let from = order.iter().position(|x| *x == anchor);
                let to = order.iter().position(|x| *x == id);
                match (from, to) {
                    (Some(a), Some(b)) => Some(if a <= b { a..=b } else { b..=a }),
                    _ => None,
                }
            }
            _ => None,
        };
        match span {
            Some(span) => {
                for x in &order[span] {
                    self.set(x, on);
                }
            }
            None => self.set(id, on),
        }
        self.anchor = Some(id.to_owned());
    }

    /// Ticks or unticks one row.
    pub fn set(&mut self, id: &str, on: bool) {
        if id.is_empty() {
            return;
        }
        if on {
            self.ids.insert(id.to_owned());
        } else {
            self.ids.remove(id);
        }
    }

    /// Ticks (or unticks) every one of `ids`.
    pub fn set_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, on: bool) {
        for id in ids {
            self.set(id, on);
        }
    }

    /// Whether every one of `ids` is ticked (false for none).
    pub fn all_of<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> bool {
        let mut any = false;
        for id in ids {
            if !id.is_empty() {
                any = true;
                if !self.ids.contains(id) {
                    return false;
                }
            }
        }
        any
    }

    pub fn clear(&mut self) {
        self.ids.clear();
        self.anchor = None;
    }
}
