//! Credentials other than a ready token: IAM password sign-in ([`iam`]), where it may send
//! the user back to ([`next`]), and AK/SK request signing ([`sign`]). The signer is plain Rust over the request's parts, so that the page
//! signs exactly what the service will see (the path without the proxy's prefix, only
//! headers that pass a proxy as they are).

pub mod iam;
pub mod next;
mod redact;
pub mod sign;

#[cfg(test)]
mod iam_tests;
#[cfg(test)]
mod next_tests;
#[cfg(test)]
mod tests;
