//! Fault injection: what the run's [`Faults`] and a request's
//! `X-Cloudsim-Fault` directives decide for one request (`decide`), and
//! how that decision is applied to the service's answer (`apply`).
//!
//! Every random choice comes from a hash of the seed, the method, path,
//! query, `now_ms` and the optional `X-Request-Nonce` header, so the same
//! request at the same time always meets the same faults. The library
//! applies statuses (with the service's own error body), `Retry-After`,
//! marker cycles, hostile and huge data and truncation; latency, slow bodies
//! and disconnects are only reported in [`Injected`], for the server to
//! carry out.
//!
//! Directives (`X-Cloudsim-Fault`, separated by `;` or `,`; unknown ones
//! are ignored) override the run's settings for that request: `status=N`,
//! `latency=MS`, `retry-after=S|none`, `truncate`, `slow=MS`, `cycle`,
//! `disconnect`, `hostile`, `huge`, `echo-credentials`.
//!
//! `echo-credentials` (`Faults::echo_credentials`, `echo`) makes a list call that would
//! have succeeded answer 500 repeating the request's credentials headers.
//!
//! The layer knows no service: hostile and huge data ask the service's
//! hooks (`SimService::hostile_prepare`, `SimService::huge`).

pub mod apply;
pub mod decide;
pub mod echo;
pub mod injected;
pub mod settings;

pub use injected::{Injected, FAULT_KINDS};
pub use settings::Faults;
