//! Shared code of the decoder fuzzing tests (`tests/fuzz_*.rs`, one file per decoder and
//! one for the helpers). A panic kills the whole WASM app, so no decoder and no helper the
//! app calls on what a decoder returns may panic, whatever a server (or a URL) sends.
//!
//! Every registered list service, whatever it is, is fuzzed through its erased decoder
//! ([`registry`], `tests/fuzz_lists.rs`). The decoders the seed pages describe (CloudDC
//! list and status, ROMA list, ByCloud list, ImageSearch details) and `decode_error` get
//! more ([`cases`]): arbitrary bytes and strings with statuses
//! 100–599; arbitrary JSON, shaped like each service's documented response ([`shapes`]:
//! its real field names, each field sometimes of another type) or free-form with keys
//! biased toward those names; mutations of the seed pages' example responses
//! ([`mutate`]: a field replaced by a value of another type, deleted, repeated or given
//! twice, raw JSON text such as `1e400`, `-0` or `"\ud800"` put in its place; the text
//! truncated, bytes flipped, inserted or removed); and error bodies of every shape with
//! error statuses. Whatever decodes is then put through the app's follow-up helpers
//! ([`checks`], [`services`], [`rows`], [`paging`]: cursors, URL queries, the paging rules,
//! rows, columns and details, time and text formatting, error redaction) with extreme
//! clocks, offsets and URL pairs. List pages with bad instances among good ones
//! ([`unreadable`]) keep their good rows and name the bad ones (the instances as the
//! page's body holds them). Every secret an error may echo is checked to be gone from
//! its fields once redacted ([`checks::assert_redacted`]), whatever characters it shares
//! with the marker put in its place.
//!
//! `SKYGLASS_FUZZ_CASES` sets the cases per property (default 1,000 for `cargo test`;
//! `make fuzz` runs 1,000,000). Each property prints one summary line to stderr.
//!
//! A failing case is minimized by proptest and its body written to `tests/fuzz_corpus/`
//! as `<decoder>-found-<hash>.txt` ([`runner`]); each decoder's test file replays every
//! file there whose name selects it (`any-` for all; [`corpus`]). proptest's own seed
//! persistence is off: a persisted seed only replays while every strategy here stays
//! exactly as it is, whereas a corpus file keeps the minimized input itself and stays
//! meaningful forever.
#![allow(dead_code)]

pub mod cases;
pub mod checks;
pub mod corpus;
pub mod decoders;
pub mod gen;
pub mod helpers;
pub mod mutate;
pub mod paging;
pub mod registry;
pub mod rows;
pub mod runner;
pub mod services;
pub mod shaped;
pub mod shapes;
pub mod unreadable;
pub mod values;
