//! The seed pages' example JSON objects: the one reader both crates' tests share.

#[path = "../../../tests/fixtures/seeds.rs"]
mod shared;
#[allow(unused_imports)]
pub use shared::*;
