//! The query of ROMA Connect's list: `status` (one of the eight documented
//! values, exact), `offset` (decimal digits, ≥ 0; past the end gives an
//! empty page), `limit` (decimal digits, 0–100; absent, empty or 0 means
//! 10). Anything else in those three answers 400 `ROMA.00013000` naming the
//! parameter; unknown parameters are ignored.

use super::errors::RomaError;
use super::lifecycle::Status;
use crate::query::{parse_digits, Params};

/// Default and maximum of `limit`.
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: u64 = 100;

/// The parsed query.
pub struct Query {
    pub status: Option<Status>,
    pub offset: usize,
    pub limit: usize,
}

pub fn parse_query(params: &Params) -> Result<Query, RomaError> {
    let status = match params.get("status") {
        None => None,
        Some(v) => Some(Status::parse_filter(v).ok_or_else(|| {
            RomaError::bad_param(
                "status",
                "status must be one of CREATING, RUNNING, DELETING, DELETED, ERROR, \
                 CREATE_FAILED, DELETE_FAILED, SOFT_DELETED",
            )
        })?),
    };
    let offset = match params.get("offset") {
        None => 0,
        Some(v) => parse_digits(v)
            .ok_or_else(|| RomaError::bad_param("offset", "offset must be an integer greater than or equal to 0"))?,
    };
    let limit = match params.get("limit").map(parse_digits) {
        None | Some(Some(0)) => DEFAULT_LIMIT,
        Some(Some(n)) if n <= MAX_LIMIT => n as usize,
        Some(_) => return Err(RomaError::bad_param("limit", "limit must be an integer from 0 to 100")),
    };
    Ok(Query {
        status,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit,
    })
}
