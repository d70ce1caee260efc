//! `cloudsim`: a simulated cloud speaking the vendor instance APIs that
//! Skyglass reads.
//!
//! The library is pure: a [`Request`] and the current time go in, a
//! [`Response`] comes out, and the same inputs always give the same output.
//! It uses no clocks, threads or files, so it runs inside a WebAssembly page
//! as well as behind the `cloudsim` HTTP server binary.
//!
//! Served: every service of `registry.rs`, each with its APIs and the
//! credential they take ([`served`]; `cloudsim --help` lists them).
//! ImageSearch's instance names: [`imagesearch_names`].
//!
//! All share `Config::token` and `Config::project_id`. The test-only header
//! `X-Cloudsim-Fault: status=N` makes any of them answer N with that
//! service's error body (429 adds `Retry-After: 2`).
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
//!   ([`Config`], [`MarkerStyle`]), `frame.rs` (epoch and start), `ctx.rs`
//!   (one request being answered), `route.rs` (paths and API templates),
//!   `gateway.rs` (the unknown path's 404), `faults/` (settings, decisions,
//!   applying them), `hostile.rs`, `huge.rs`, `jsontree.rs`, `encode.rs`,
//!   `query.rs`, `rng.rs`, `roster.rs` (lazily derived fleets).
//!
//! Adding a service: a folder under `src/services/` and one line in
//! `src/registry.rs`.

#![warn(missing_docs)]

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

pub use cloud::{api_templates, path_template, served, Cloud, Served};
pub use config::{Config, MarkerStyle};
pub use faults::{Faults, Injected, FAULT_KINDS};
pub use hostile::payloads as xss_payloads;
pub use http::{Request, Response};
pub use services::imagesearch_names;
