//! The window of rows a virtualized table renders, and where rows sit.

use std::ops::Range;

/// The rows a virtualized table renders: those in the viewport plus `overscan` above and
/// below, clamped to `0..row_count`. Odd inputs (negative, NaN, a zero row height) give a
/// safe answer, never a panic.
pub fn visible_range(
    scroll_top: f64,
    viewport_height: f64,
    row_height: f64,
    row_count: usize,
    overscan: usize,
) -> Range<usize> {
    if row_count == 0 || row_height.is_nan() || row_height <= 0.0 || row_height.is_infinite() {
        return 0..0;
    }
    let finite_or_zero = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let top = finite_or_zero(scroll_top);
    let height = finite_or_zero(viewport_height);
    // `as` saturates: a huge scroll position lands past the end.
    let first = ((top / row_height).floor() as usize).min(row_count);
    let last = (((top + height) / row_height).ceil() as usize).clamp(first, row_count);
    first.saturating_sub(overscan)..last.saturating_add(overscan).min(row_count)
}

/// The height of the whole (virtual) table.
pub fn total_height(row_count: usize, row_height: f64) -> f64 {
    row_count as f64 * row_height.max(0.0)
}

/// The top of row `index`, for the spacer above the rendered window.
pub fn row_top(index: usize, row_height: f64) -> f64 {
    index as f64 * row_height.max(0.0)
}

/// Rows in a viewport: how far PageUp/PageDown move (at least 1).
pub fn page_rows(viewport_height: f64, row_height: f64) -> usize {
    if row_height.is_nan() || row_height <= 0.0 || !viewport_height.is_finite() {
        return 1;
    }
    ((viewport_height / row_height).floor() as usize).max(1)
}

/// The scroll position that brings row `index` fully into view, or `None` when it is
/// already.
pub fn scroll_to_reveal(index: usize, scroll_top: f64, viewport_height: f64, row_height: f64) -> Option<f64> {
    let top = row_top(index, row_height);
    let bottom = top + row_height.max(0.0);
    if top < scroll_top {
        Some(top)
    } else if bottom > scroll_top + viewport_height.max(0.0) {
        Some((bottom - viewport_height.max(0.0)).max(0.0))
    } else {
        None
    }
}
