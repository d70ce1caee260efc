//! How requests leave the page: [`Client`] (a connection with its credentials) over
//! `fetch`, or to the Demo cloud running inside the page ([`demo`]).

mod client;
pub mod demo;

pub use client::{sign_in, Client};
