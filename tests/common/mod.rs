//! Reading the seed pages as written (shared by the native test files).
#![allow(dead_code)]

pub const CLOUDDC_LIST: &str = include_str!("../fixtures/seeds/000_d5adc5c98243305e.txt");
pub const ROMA: &str = include_str!("../fixtures/seeds/001_7c12e74c6eb00f43.txt");
pub const BYCLOUD: &str = include_str!("../fixtures/seeds/002_d67b04115b33c1ce.txt");
pub const IMAGESEARCH: &str = include_str!("../fixtures/seeds/003_0853550235c64671.txt");
pub const CLOUDDC_STATUS: &str = include_str!("../fixtures/seeds/004_63e2440c9c04cee7.txt");

/// Every example JSON object in a seed page: each balanced `{...}` that starts a line
/// after the "Example Response(s)" heading (or, on a page without one, anywhere) and is JSON.
pub fn examples(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut offset = page.find("Example Response").unwrap_or(0);
    while offset < page.len() {
        let rest = &page[offset..];
        let Some(pos) = rest.find('{') else { break };
        let at = offset + pos;
        let line_start = at == 0 || page[..at].ends_with('\n');
        if !line_start {
            offset = at + 1;
            continue;
        }
        let end = balanced_end(&page[at..]).expect("a balanced example");
        let candidate = &page[at..at + end];
        if serde_json::from_str::<serde_json::Value>(candidate).is_ok() {
            out.push(candidate);
        }
        offset = at + end;
    }
    out
}

fn balanced_end(s: &str) -> Option<usize> {
    let (mut depth, mut in_str, mut escaped) = (0, false, false);
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            '{' if !in_str => depth += 1,
            '}' if !in_str => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}
