//! `cloudsim`: a simulated cloud speaking the vendor instance APIs that
//! Skyglass reads.
//!
//! The library is pure: a [`Request`] and the current time go in, a
//! [`Response`] comes out, and the same inputs always give the same output.
//! It uses no clocks, threads or files, so it runs inside a WebAssembly page
//! as well as behind the `cloudsim` HTTP server binary.
//!
//! Served: every service of `registry.rs`, each with its APIs, their method
//! and the credential they take ([`served`]; `cloudsim --help` lists them):
//! CloudDC (list and status), ROMA Connect, ByCloud, ImageSearch and ECS,
//! which Skyglass reads, and Huawei Cloud IAM's `POST /v3/auth/tokens`,
//! which issues tokens for them. ImageSearch's instance names:
//! [`imagesearch_names`].
//!
//! # Authentication
//!
//! - The `X-Auth-Token` services (CloudDC, ROMA Connect, ImageSearch, ECS)
//!   take, in `X-Auth-Token`, the configured `Config::token` or a token IAM
//!   issued that has not expired; or, with no `X-Auth-Token`, an AK/SK
//!   signature (`Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…,
//!   Signature=…`) by one of `Config::access_keys` ([`KeyPair`]; temporary
//!   ones with a signed `X-Security-Token`), with an `X-Sdk-Date` at most 15
//!   minutes from the time. A bad token gets the service's own 401
//!   (ImageSearch: its 400); a bad signature the API gateway's 401
//!   `APIGW.0301` with its reason ([`verify_aksk`]). ByCloud takes
//!   `Authorization: Bearer <Config::token>` only.
//! - IAM issues tokens to `Config::users` ([`IamUser`]) for their password
//!   (and virtual MFA code, with `methods: ["password", "totp"]`), scoped to
//!   `Config::project_id` by id or `Config::project_name` by name: 201 with
//!   `X-Subject-Token`, valid for the user's lifetime or
//!   `Config::token_ttl_ms` (24 h). Tokens are stateless (`MIIsim…`, the
//!   expiry, project and user signed with a key derived from the seed), so
//!   any clone of the cloud accepts them; a wrong password, an unknown user
//!   and an unknown account get the same 401.
//!
//! Every service checks `{project_id}` against `Config::project_id`. The
//! test-only header `X-Cloudsim-Fault: status=N` makes any of them answer N
//! with that service's error body (429 adds `Retry-After: 2`).
//!
//! Fault injection: `Config::faults` ([`Faults`]) and more
//! `X-Cloudsim-Fault` directives (`status=N; latency=MS; retry-after=S|none;
//! truncate; slow=MS; cycle; disconnect; hostile; huge`) add error rates,
//! 429 bursts, truncated bodies, looping markers, hostile (the corpus of
//! [`xss_payloads`]) and huge data, and decide latency, slow bodies and
//! disconnects for the server to carry out ([`Cloud::handle_with_faults`],
//! [`Injected`]). Random choices hash the seed, method, path, query, time
//! and an optional `X-Request-Nonce` header; ROMA's growing total reads the
//! server's `X-Cloudsim-Seq`.
//!
//! Time: every fleet derives its identities (ids, creation times, names,
//! markers, ImageSearch register dates) from `Config::epoch_ms` (default:
//! the start) and its timelines from `Config::start_ms`, each service in its
//! own vocabulary.
//!
//! # Layout
//!
//! - `services/<service>/`: everything about one service, split by meaning: `service.rs` (the
//!   service struct: its APIs, its checks in order, its fault hooks),
//!   `query.rs`, `list.rs`/`render.rs` (the bodies), `errors.rs`,
//!   `fleet.rs`, `lifecycle.rs`, `profile.rs` (the fleet, its state
//!   vocabulary and attributes);
//! - `service.rs`: the `SimService` trait every service implements;
//! - `registry.rs`: the list of services, one line each, in dispatch order;
//! - `cloud.rs`: [`Cloud`], which routes a request to the first service
//!   that claims its path (an unknown path answers 404 `APIGW.0101`, with no
//!   faults) and applies the faults around its answer; [`path_template`]
//!   [`api_templates`] and [`served`];
//! - shared: `http.rs` ([`Request`], [`Response`], headers), `config.rs`
//!   ([`Config`], [`MarkerStyle`], [`IamUser`], [`KeyPair`]), `frame.rs`
//!   (epoch and start), `ctx.rs` (one request being answered, its
//!   credentials check), `route.rs` (paths and API templates), `gateway.rs`
//!   (the unknown path's 404, the AK/SK 401), `aksk/` (verifying
//!   `SDK-HMAC-SHA256` signatures: `parse.rs`, `canonical.rs`), `tokens.rs`
//!   (the stateless IAM tokens: issued by `services/iam/`, checked by
//!   `ctx.rs`), `faults/`
//!   (settings, decisions, applying them), `hostile.rs`, `huge.rs`,
//!   `jsontree.rs`, `encode.rs`, `query.rs`, `rng.rs`, `roster.rs` (lazily
//!   derived fleets).
//!
//! Adding a service: a folder under `src/services/` and one line in
//! `src/registry.rs`.

#![warn(missing_docs)]

mod aksk;
mod cloud;
mod config;
mod ctx;
mod encode;
mod faults;
mod frame;
mod gateway;
mod hostile;
mod http;
mod huge;
mod jsontree;
mod query;
mod registry;
mod rng;
mod roster;
mod route;
mod service;
mod services;
mod tokens;

pub use aksk::{canonical_query, canonical_uri, verify as verify_aksk};
pub use cloud::{api_templates, path_template, served, Cloud, Served};
pub use config::{Config, IamUser, KeyPair, MarkerStyle, DEFAULT_TOKEN_TTL_MS};
pub use faults::{Faults, Injected, FAULT_KINDS};
pub use hostile::payloads as xss_payloads;
pub use http::{Request, Response};
pub use services::imagesearch_names;
