//! What the app does with whatever a decoder returned, and what must hold of it: errors
//! (shown, redacted, clipped, a rejected token recognised), text (clipped, encoded), times
//! (relative, absolute, clock, cell, sort key), states (every vocabulary's classification,
//! CloudDC's diagram and timeline), cells and details.

use super::values::{REAL_NOW, REAL_OFFSETS};
use skyglass_core::http::{self, clip, ApiError, ApiResponse};
use skyglass_core::service::{list_text, Cell, Details, Section};
use skyglass_core::services::clouddc::lifecycle::{self, State, DIAGRAM_STATES};
use skyglass_core::services::{clouddc, REGISTRY};
use skyglass_core::state::{with_task, Category, Vocabulary};
use skyglass_core::table::SortKey;
use skyglass_core::timefmt;
use std::hint::black_box;

/// The app's context around a response: the clock, the viewer's offset, the token, the
/// URL query the view was opened with, and a size limit for `clip`.
#[derive(Clone, Debug)]
pub struct Env {
    pub now_ms: i64,
    pub offset_minutes: i32,
    pub secret: String,
    pub clip_max: usize,
    pub pairs: Vec<(String, String)>,
}

impl Env {
    /// The URL query pairs, as `ListQuery::from_pairs` takes them.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The most an error field may hold: 500 bytes clipped, and the clip's note.
pub const MAX_ERROR_FIELD: usize = 600;
/// The most a decode error may say: serde's message and the body's start, both clipped.
pub const MAX_DECODE_ERROR: usize = 1000;
/// The most an unreadable element's reason may hold: 300 bytes clipped, and the note.
pub const MAX_UNREADABLE_REASON: usize = 400;

/// An error status a decoder made of `resp`: its fields clipped (a hostile server may send
/// megabytes), the status and `Retry-After` as they came, and the token rejected exactly
/// for a 401 or one of the service's `token_codes`.
pub fn status_error_checks(e: &ApiError, resp: &ApiResponse, token_codes: &[&str]) {
    let ApiError::Status {
        status,
        code,
        retry_after,
        token_rejected,
        ..
    } = e
    else {
        return;
    };
    assert_eq!(*status, resp.status, "the status as it came");
    assert_eq!(retry_after, &resp.retry_after, "Retry-After as it came");
    for s in error_fields(e) {
        assert!(
            s.len() <= MAX_ERROR_FIELD,
            "an error field of {} bytes is not clipped",
            s.len()
        );
    }
    let rejected = *status == 401 || code.as_deref().is_some_and(|c| token_codes.contains(&c));
    assert_eq!(
        *token_rejected, rejected,
        "token_rejected for status {status}, code {code:?}"
    );
    assert_eq!(e.is_auth(), rejected);
}

/// What a decoder's error must be: an error status for a non-2xx answer, a clipped decode
/// error for a 2xx one, nothing else; then what the app does with it.
pub fn decoder_error_checks(e: ApiError, resp: &ApiResponse, token_codes: &[&str], env: &Env) {
    let ok = (200..300).contains(&resp.status);
    match &e {
        ApiError::Status { .. } => assert!(!ok, "a {} answer read as an error status", resp.status),
        ApiError::Decode(m) => {
            assert!(ok, "a {} answer read as a decode error", resp.status);
            assert!(
                m.len() <= MAX_DECODE_ERROR,
                "a decode error of {} bytes is not clipped",
                m.len()
            );
        }
        other => panic!("a decoder returned {other:?}"),
    }
    status_error_checks(&e, resp, token_codes);
    error_helpers(e, env);
}

/// What the error banner does with an error: title, text, redaction of a token it echoes.
pub fn error_helpers(e: ApiError, env: &Env) {
    black_box(e.title());
    black_box(e.to_string());
    black_box(format!("{e:?}"));
    black_box((e.is_auth(), e.status()));
    for entry in REGISTRY {
        black_box(e.clone().with_token_codes(entry.info.token_error_codes).is_auth());
    }
    let shown = e.to_string();
    black_box(clip(&shown, env.clip_max));
    // A secret that the server echoed: part of the shown text, cut anywhere.
    let echoed: String = shown.chars().skip(shown.chars().count() / 2).take(7).collect();
    black_box(e.clone().redact("").to_string());
    // Every secret is gone from what is shown, whatever characters it has.
    for secret in [echoed.as_str(), env.secret.as_str()] {
        let redacted = e.clone().redact(secret);
        if !secret.is_empty() {
            for f in error_fields(&redacted) {
                assert_redacted(f, secret);
            }
        }
        black_box(redacted.to_string());
    }
}

/// The texts of an error that came from the server (or the transport).
fn error_fields(e: &ApiError) -> Vec<&str> {
    match e {
        ApiError::Status {
            code,
            message,
            details,
            request_id,
            ..
        } => [
            code.as_deref(),
            Some(message.as_str()),
            details.as_deref(),
            request_id.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect(),
        ApiError::Network(m) | ApiError::Decode(m) => vec![m.as_str()],
        ApiError::Timeout(_) | ApiError::Aborted => Vec::new(),
    }
}

/// What the redactor puts in a secret's place, asked of the redactor itself.
fn redaction_marker() -> String {
    const PROBE: &str = "\u{1}skyglass-probe\u{1}";
    let ApiError::Decode(marker) = ApiError::Decode(PROBE.into()).redact(PROBE) else {
        unreachable!("redact keeps the kind of error");
    };
    assert!(
        !marker.is_empty() && !marker.contains(PROBE),
        "the redactor put {marker:?} in place of a secret"
    );
    marker
}

/// Whether `secret` is still in a redacted `field`: in any text between the redactor's
/// markers (so a marker that shares characters with the secret, as "[token]" does with
/// "tok", can neither hide it nor be taken for it).
pub fn leaks(field: &str, secret: &str) -> bool {
    let marker = redaction_marker();
    field.split(marker.as_str()).any(|part| part.contains(secret))
}

/// `secret` is nowhere in a redacted `field` ([`leaks`]).
pub fn assert_redacted(field: &str, secret: &str) {
    assert!(
        !leaks(field, secret),
        "the secret {secret:?} is still in {:?}",
        clip(field, 2000)
    );
}

pub fn text_helpers(s: &str, env: &Env) {
    black_box(clip(s, env.clip_max));
    black_box(clip(s, 120));
    black_box(http::encode(s));
}

/// A wire time as a cell, a sort key, and every way it is formatted.
pub fn time_helpers(raw: &str, env: &Env) {
    black_box(timefmt::cell(raw, env.now_ms, env.offset_minutes));
    for off in REAL_OFFSETS {
        black_box(timefmt::cell(raw, REAL_NOW, off));
    }
    let parsed = timefmt::parse_rfc3339_ms(raw);
    if let Some(ms) = parsed {
        assert_eq!(
            SortKey::time(raw),
            SortKey::Num(i128::from(ms)),
            "{raw:?} sorts by its time"
        );
        black_box(timefmt::relative(ms, env.now_ms));
        black_box(timefmt::absolute(ms, env.offset_minutes));
        black_box(timefmt::clock(ms, env.offset_minutes));
        for off in REAL_OFFSETS {
            black_box(timefmt::absolute(ms, off));
            black_box(timefmt::clock(ms, off));
        }
    } else {
        assert!(!matches!(SortKey::time(raw), SortKey::Num(_)), "{raw:?} is no time");
    }
}

/// A state through every vocabulary, CloudDC's diagram and its status timeline.
pub fn state_helpers(s: &str) {
    let st = State::parse(s);
    assert_eq!(st.as_str(), s, "State::parse keeps the value");
    assert_eq!(st.info(), clouddc::info::VOCABULARY.classify(s));
    black_box((st.in_diagram(), st.is_transitional(), st.info().tone()));
    black_box(lifecycle::transitions_from(&st).count());
    for d in &DIAGRAM_STATES {
        black_box((lifecycle::is_legal(&st, d), lifecycle::is_legal(d, &st)));
    }
    black_box((lifecycle::operation_in_progress(s), lifecycle::operation_tone(s)));
    assert_eq!(
        lifecycle::observe(None, s, s),
        Some(true),
        "a first observation is an entry"
    );
    assert_eq!(
        lifecycle::observe(Some((s, s)), s, s),
        None,
        "nothing changed: no entry"
    );
    black_box(lifecycle::observe(Some(("running", "")), s, ""));
    // Every vocabulary a registered service classifies its states with.
    for e in REGISTRY {
        vocabulary_helpers(&e.info.vocabulary, s);
    }
}

/// What a vocabulary's classification of `s` must be.
pub fn vocabulary_helpers(v: &Vocabulary, s: &str) {
    let info = v.classify(s);
    assert_eq!(info.value, s, "the value as it arrived");
    assert_eq!(info.transitional, info.category == Category::InProgress);
    assert_eq!(info.documented, v.term(s).is_some_and(|t| t.documented));
    assert_eq!(Category::from_key(info.category.key()), Some(info.category));
    black_box((info.tone(), info.category.label(), info.note));
    let tasked = with_task(info, s);
    if !s.trim().is_empty() {
        assert!(tasked.transitional, "a task under way is in progress");
    }
}

/// A cell as a table, a hover text and an export show it.
pub fn cell_helpers(cell: &Cell, env: &Env) {
    let plain = cell.plain();
    black_box(cell.is_blank());
    black_box(cell.shown(env.now_ms, env.offset_minutes));
    // The wire times behind these cells go through `time_helpers` at every offset.
    black_box(cell.shown(REAL_NOW, REAL_OFFSETS[1]));
    match cell {
        Cell::State(s) => assert_eq!(plain, s.value, "a state cell is its value"),
        Cell::List(items) | Cell::MonoList(items) => {
            black_box(list_text(items, env.clip_max % 12));
        }
        _ => {}
    }
    black_box(clip(&plain, env.clip_max));
}

/// Every section of a details view, every cell in it; table rows as wide as their header.
pub fn details_helpers(d: &Details, env: &Env) {
    text_helpers(&d.name, env);
    let labels = d.labels();
    for s in &d.sections {
        match s {
            Section::Fields { title, fields } => {
                black_box(title);
                for (label, cell) in fields {
                    assert!(labels.contains(label) && d.field(label).is_some(), "{label}");
                    cell_helpers(cell, env);
                }
            }
            Section::Table {
                title,
                headers,
                rows,
                empty,
            } => {
                black_box((title, empty));
                for row in rows {
                    assert_eq!(row.len(), headers.len(), "a row of {title} as wide as its header");
                    for c in row {
                        cell_helpers(c, env);
                    }
                }
            }
            Section::Block { title, cell } => {
                black_box(title);
                cell_helpers(cell, env);
            }
        }
    }
}
