//! CloudDC's instance status (seed 004): `GET /v1/{project_id}/instances/{id}/status`.

use super::wire::ErrorStatus;
use crate::http::{decode_json, encode, ApiError, ApiRequest, ApiResponse};
use crate::lenient;
use serde::Deserialize;

/// `GET /v1/{project_id}/instances/{id}/status`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceStatus {
    #[serde(deserialize_with = "lenient::text")]
    pub state: String,
    #[serde(deserialize_with = "lenient::text")]
    pub operation_state: String,
    pub error: Option<ErrorStatus>,
}

/// `GET /v1/{project_id}/instances/{id}/status`.
pub fn status_request(project_id: &str, id: &str) -> ApiRequest {
    ApiRequest::get(format!("/v1/{}/instances/{}/status", encode(project_id), encode(id)))
}

/// Decodes the answer to the status call: the status, or the error body as an
/// [`ApiError`]. Non-generic, so that it is compiled (and optimized for speed) in this crate.
pub fn decode_status(response: &ApiResponse) -> Result<InstanceStatus, ApiError> {
    decode_json(response)
}
