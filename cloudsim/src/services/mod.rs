//! The simulated services, one folder each. Every service implements
//! `SimService` and is listed once in `registry`.

pub mod bycloud;
pub mod clouddc;
pub mod ecs;
pub mod iam;
pub mod imagesearch;
pub mod roma;

pub use imagesearch::imagesearch_names;
