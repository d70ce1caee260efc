//! The shared HTTP layer, free of any I/O: what a request is (method, path, query,
//! headers), what a response is, how bodies and query strings are encoded, and how an
//! error response becomes an [`ApiError`] the UI can show, and how every answer is
//! cleaned of the request's secrets before anything reads it ([`Scrubber`]). The browser
//! transport and the native tests both execute these requests.

mod encoding;
mod error;
mod escapes;
mod request;
mod response;
mod scrub;

pub use encoding::*;
pub use error::*;
pub use request::*;
pub use response::*;
pub use scrub::*;
