//! The query of CloudDC's list: `limit`, `marker`, `instance_state`,
//! `instance_id`, `server_id`.

use super::errors::ClouddcError;
use super::lifecycle::State;
use crate::query::Params;

/// Default and bounds of `limit`.
const DEFAULT_LIMIT: usize = 10;
const MIN_LIMIT: usize = 10;
const MAX_LIMIT: usize = 1000;
/// At most this many ids in `instance_id`.
const MAX_IDS: usize = 100;

/// The parsed query of a list request.
pub struct ListQuery {
    pub limit: usize,
    pub marker: Option<String>,
    pub state: Option<State>,
    pub instance_ids: Option<Vec<String>>,
    pub server_id: Option<String>,
}

/// Parses `limit`: an optionally signed integer, clamped to 10–1000.
fn parse_limit(value: &str) -> Option<usize> {
    let (negative, digits) = match value.as_bytes().first() {
        Some(b'-') => (true, &value[1..]),
        Some(b'+') => (false, &value[1..]),
        _ => (false, value),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if negative {
        return Some(MIN_LIMIT);
    }
    let n = digits.parse::<u64>().unwrap_or(u64::MAX);
    Some(n.clamp(MIN_LIMIT as u64, MAX_LIMIT as u64) as usize)
}

/// The list query of `params`; 400 `iMetal.0001` naming a bad value.
pub fn parse_list_query(params: &Params) -> Result<ListQuery, ClouddcError> {
    let limit = match params.get("limit") {
        None => DEFAULT_LIMIT,
        Some(v) => parse_limit(v).ok_or_else(|| ClouddcError::bad_param("limit must be an integer (10-1000)"))?,
    };
    let state = match params.get("instance_state") {
        None => None,
        Some(v) => Some(
            State::parse(v).ok_or_else(|| ClouddcError::bad_param("instance_state is not a known instance state"))?,
        ),
    };
    let instance_ids = match params.get("instance_id") {
        None => None,
        Some(v) => {
            let ids: Vec<String> = v
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if ids.len() > MAX_IDS {
                return Err(ClouddcError::bad_param("instance_id accepts at most 100 ids"));
            }
            Some(ids)
        }
    };
    Ok(ListQuery {
        limit,
        marker: params.get("marker").map(String::from),
        state,
        instance_ids,
        server_id: params.get("server_id").map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_limit;

    #[test]
    fn limits_clamp() {
        assert_eq!(parse_limit("5"), Some(10));
        assert_eq!(parse_limit("-5"), Some(10));
        assert_eq!(parse_limit("+20"), Some(20));
        assert_eq!(parse_limit("99999999999999999999999"), Some(1000));
        assert_eq!(parse_limit("x"), None);
        assert_eq!(parse_limit("-"), None);
    }
}
