//! Keyboard moves of a table's selection.

/// A keyboard move of the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Move {
    /// The move a `KeyboardEvent.key` asks for.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowUp" | "Up" => Move::Up,
            "ArrowDown" | "Down" => Move::Down,
            "PageUp" => Move::PageUp,
            "PageDown" => Move::PageDown,
            "Home" => Move::Home,
            "End" => Move::End,
            _ => return None,
        })
    }
}

/// The selected position (in the shown rows) after `mv`, with `page_size` rows a page.
/// Without a selection, Down/PageDown/Home select the first row and Up/PageUp/End the last;
/// a selection past the end (the rows shrank) counts as the last row. `None` when there are
/// no rows.
pub fn move_selection(current: Option<usize>, mv: Move, row_count: usize, page_size: usize) -> Option<usize> {
    let last = row_count.checked_sub(1)?;
    let page = page_size.max(1);
    Some(match (current.map(|c| c.min(last)), mv) {
        (_, Move::Home) => 0,
        (_, Move::End) => last,
        (None, Move::Down | Move::PageDown) => 0,
        (None, Move::Up | Move::PageUp) => last,
        (Some(c), Move::Up) => c.saturating_sub(1),
        (Some(c), Move::Down) => c.saturating_add(1).min(last),
        (Some(c), Move::PageUp) => c.saturating_sub(page),
        (Some(c), Move::PageDown) => c.saturating_add(page).min(last),
    })
}
