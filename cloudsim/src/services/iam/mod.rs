//! Huawei Cloud IAM: `POST /v3/auth/tokens` ("Obtaining a User Token
//! Through Password Authentication", `KeystoneCreateUserTokenByPassword`,
//! and its virtual-MFA variant `KeystoneCreateUserTokenByPasswordAndMfa`).
//! Answers 201 with the token in `X-Subject-Token` and its details in the
//! body.
//!
//! - `service`: [`Iam`], the checks in order;
//! - `request`: reading the request body;
//! - `identity`: the configured users, their ids and their domains' ids;
//! - `token`: issuing and checking tokens (stateless: signed with the
//!   seed, so that any clone of the cloud accepts them until they expire);
//! - `render`: the token body;
//! - `errors`: IAM's error bodies.

mod errors;
mod identity;
mod render;
mod request;
mod service;

pub use service::Iam;
