//! Where a sign-in may send the user back to (`/c/{id}/sign-in?next=…`): only a path on the
//! app's own origin, so that a link to the real console's sign-in page cannot hand a freshly
//! signed-in user to a look-alike site.

use crate::http::decode_path;

/// How many layers of percent-encoding [`is_app_path`] undoes before it gives up.
const MAX_DECODES: usize = 4;

/// Whether `next` is a path on this origin. Refused: anything that is not a path
/// (`https://…`, `javascript:…`), a control character anywhere (a browser drops a tab or a
/// newline, so `/\t/evil.example` would read `//evil.example`), a backslash (a browser reads
/// it as `/`), and a value that starts with `//` — all of it checked as it is and again with
/// each layer of percent-encoding undone, however many times it was encoded.
pub fn is_app_path(next: &str) -> bool {
    let mut text = next.to_string();
    for _ in 0..=MAX_DECODES {
        let plain = text.starts_with('/')
            && !text.starts_with("//")
            && !text.contains('\\')
            && !text.chars().any(char::is_control);
        if !plain {
            return false;
        }
        let decoded = decode_path(&text);
        if decoded == text {
            return true;
        }
        text = decoded;
    }
    false
}
