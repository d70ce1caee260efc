//! Text folded the same way for rows and queries, so a filter matches case-insensitively.

/// Separates fields in a row's folded text, so that no query term matches across two.
pub const FIELD_SEPARATOR: char = '\u{1f}';

/// Appends `s` lowercased (per character, the same way for rows and queries), with any
/// field separator in it turned into a space.
pub fn push_folded(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c == FIELD_SEPARATOR {
                ' '
            } else {
                c.to_ascii_lowercase()
            });
        } else {
            out.extend(c.to_lowercase());
        }
    }
}
