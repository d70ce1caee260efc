//! Where a sign-in may send the user: only a path on this origin (issue 23: an open
//! redirect through `?next=/%09/evil.example`). `next` arrives here decoded once, as the
//! router reads the query; the app falls back to the connection's list otherwise
//! (`src/ui/links.rs`, and end to end `tests/e2e/redirect.spec.ts`).

use super::next::is_app_path;

#[test]
fn a_path_on_this_origin_is_followed() {
    for good in [
        "/c/prod",
        "/c/prod?limit=10",
        "/c/prod/i/i-1/status",
        "/connections",
        "/overview",
        "/c/prod?name=a%20b&status=ACTIVE",
        "/c/prod?name=a%2Fb",
        "/c/prod?q=100%",
        "/c/prod#top",
        "/",
    ] {
        assert!(is_app_path(good), "{good:?}");
    }
    assert!(!is_app_path(""));
}

#[test]
fn every_hostile_form_is_refused() {
    let hostile = [
        // What the browser strips (tab, newline, carriage return): `//evil.example`.
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\r\n/evil.example",
        "\t//evil.example",
        "/c/prod\t",
        "/c/prod\u{0}",
        "/c/prod\u{7f}",
        "/c/prod\u{85}",
        // The same, still percent-encoded (once or twice).
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0a/evil.example",
        "/%0D/evil.example",
        "/%2509/evil.example",
        "/%250A/evil.example",
        // Backslashes (a browser reads `\` as `/`).
        "/\\evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "\\/evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%255Cevil.example",
        "/c/prod\\x",
        // Encoded slashes: protocol-relative once decoded.
        "/%2F/evil.example",
        "/%2f/evil.example",
        "/%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "/%252F/evil.example",
        "/%25252F/evil.example",
        // Protocol-relative and absolute URLs, in any case.
        "//evil.example",
        "///evil.example",
        "//evil.example/c/prod",
        "https://evil.example",
        "HTTPS://evil.example/",
        "http://evil.example",
        "hTtP://evil.example",
        "evil.example",
        // Schemes that run or load something.
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "jav\tascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        // Too deeply encoded to tell.
        "/%252525252F/evil.example",
    ];
    for h in hostile {
        assert!(!is_app_path(h), "{h:?} must not be followed");
    }
}
