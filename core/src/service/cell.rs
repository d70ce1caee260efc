//! What one cell of a table (or one field of a details view) shows, as plain data: the UI
//! turns it into DOM, an export into text. Every value is text, never markup.

use crate::state::StateInfo;
use crate::timefmt;

/// The most items a list cell shows before "(+N more)".
pub const LIST_CELL_ITEMS: usize = 8;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text ("—" when blank).
    Text(String),
    /// Text in a monospace font (ids, addresses).
    Mono(String),
    /// The row's name, linking to its own view ("(no name)" when blank).
    Name(String),
    /// A state badge.
    State(StateInfo),
    /// A wire time (RFC 3339), shown relative with the absolute time on hover.
    Time(String),
    /// A time as epoch milliseconds (ImageSearch), shown absolute.
    EpochMs(Option<i64>),
    /// A list (addresses, tags, groups): the first few joined, "(+N more)".
    List(Vec<String>),
    /// A list in a monospace font.
    MonoList(Vec<String>),
    /// An error the service reports: its code and message.
    Error { code: String, message: String },
    /// Preformatted text (user data, a script).
    Pre(String),
}

impl Cell {
    /// The cell as one line of plain text: what an export writes and a filter could read.
    /// Times stay as they arrived; lists are joined by ", ".
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Mono(s) | Cell::Name(s) | Cell::Time(s) | Cell::Pre(s) => s.clone(),
            Cell::State(s) => s.value.clone(),
            Cell::EpochMs(ms) => ms.map(|m| m.to_string()).unwrap_or_default(),
            Cell::List(items) | Cell::MonoList(items) => items.join(", "),
            Cell::Error { code, message } => match (code.is_empty(), message.is_empty()) {
                (true, _) => message.clone(),
                (_, true) => code.clone(),
                _ => format!("{code} {message}"),
            },
        }
    }

    /// Whether there is nothing to show.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::State(_) => false,
            Cell::EpochMs(ms) => ms.is_none(),
            Cell::List(items) | Cell::MonoList(items) => items.iter().all(|i| i.trim().is_empty()),
            other => other.plain().trim().is_empty(),
        }
    }

    /// The text a table cell shows and its hover text, at `now_ms` in the viewer's
    /// `offset_minutes` (for cells that are text: not states, names or errors).
    pub fn shown(&self, now_ms: i64, offset_minutes: i32) -> (String, String) {
        match self {
            Cell::Time(raw) => timefmt::cell(raw, now_ms, offset_minutes),
            Cell::EpochMs(Some(ms)) if *ms >= 0 => {
                let at = timefmt::absolute(*ms, offset_minutes);
                (at.clone(), at)
            }
            Cell::EpochMs(Some(ms)) => (format!("{ms} (not a date)"), String::new()),
            Cell::List(items) | Cell::MonoList(items) => {
                let shown = list_text(items, LIST_CELL_ITEMS);
                (shown, items.iter().take(200).cloned().collect::<Vec<_>>().join(", "))
            }
            other => {
                let text = other.plain();
                (text.clone(), text)
            }
        }
    }
}

/// A list as "a, b, c (+N more)" after `max` items (blank items skipped).
pub fn list_text(items: &[String], max: usize) -> String {
    let kept: Vec<&str> = items
        .iter()
        .map(String::as_str)
        .filter(|s| !s.trim().is_empty())
        .collect();
    let shown = kept.iter().take(max).copied().collect::<Vec<_>>().join(", ");
    match kept.len().saturating_sub(max) {
        0 => shown,
        more => format!("{shown} (+{more} more)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_shown_text() {
        let l = Cell::List((0..10).map(|i| format!("t{i}")).collect());
        assert_eq!(l.shown(0, 0).0, "t0, t1, t2, t3, t4, t5, t6, t7 (+2 more)");
        assert_eq!(l.plain(), "t0, t1, t2, t3, t4, t5, t6, t7, t8, t9");
        assert_eq!(Cell::Time("".into()).shown(0, 0).0, "—");
        assert!(Cell::Text(" ".into()).is_blank());
        assert!(Cell::List(vec!["".into()]).is_blank());
        assert_eq!(
            Cell::Error {
                code: "E1".into(),
                message: "bad".into()
            }
            .plain(),
            "E1 bad"
        );
        assert_eq!(Cell::EpochMs(Some(-5)).shown(0, 0).0, "-5 (not a date)");
    }
}
