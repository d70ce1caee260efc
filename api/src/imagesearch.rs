//! ImageSearch (seed 003): `GET /v1/{project_id}/service/{instance_name}`: one instance
//! by name, camelCase fields, epoch-millisecond dates (`expiredDate = -1`: never).

use super::http::{decode_json, encode, ApiError, ApiRequest, ApiResponse, Auth};
use super::lenient;
use super::lifecycle::Tone;
use super::timefmt;
use serde::Deserialize;

pub const STATUSES: [&str; 7] = [
    "NORMAL",
    "ARREARAGE",
    "CREATION",
    "CREATION_FAILD",
    "DELETING",
    "DELETING_FAILED",
    "ABNORMAL",
];

/// The documented default `level` (images an instance holds).
pub const DEFAULT_LEVEL: i64 = 30_000_000;

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Details {
    #[serde(rename = "instanceName", deserialize_with = "lenient::text")]
    pub instance_name: String,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub level: Option<i64>,
    #[serde(rename = "expiredDate", deserialize_with = "lenient::opt_i64")]
    pub expired_date: Option<i64>,
    #[serde(deserialize_with = "lenient::text")]
    pub domain: String,
    #[serde(deserialize_with = "lenient::text")]
    pub desc: String,
    #[serde(rename = "registerDate", deserialize_with = "lenient::opt_i64")]
    pub register_date: Option<i64>,
    #[serde(deserialize_with = "lenient::text_list")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
}

pub fn request(project_id: &str, instance_name: &str, auth: &Auth) -> ApiRequest {
    ApiRequest::get(format!("/v1/{}/service/{}", encode(project_id), encode(instance_name))).with_auth(auth)
}

pub fn is_transitional(status: &str) -> bool {
    matches!(status, "CREATION" | "DELETING")
}

pub fn tone(status: &str) -> Tone {
    match status {
        "NORMAL" => Tone::Ok,
        s if is_transitional(s) => Tone::Busy,
        "CREATION_FAILD" | "DELETING_FAILED" | "ABNORMAL" => Tone::Bad,
        _ => Tone::Neutral,
    }
}

/// An epoch-ms date as text in the viewer's offset; "—" when absent.
pub fn date_text(ms: Option<i64>, offset_minutes: i32) -> String {
    match ms {
        Some(ms) if ms >= 0 => timefmt::absolute(ms, offset_minutes),
        Some(ms) => format!("{ms} (not a date)"),
        None => "—".into(),
    }
}

/// `expiredDate` as text: -1 is "never expires".
pub fn expiry_text(ms: Option<i64>, offset_minutes: i32) -> String {
    match ms {
        Some(-1) => "never expires".into(),
        other => date_text(other, offset_minutes),
    }
}

/// "30,000,000 images".
pub fn level_text(level: Option<i64>) -> String {
    match level {
        Some(n) => {
            let digits = n.unsigned_abs().to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            format!("{}{out} images", if n < 0 { "-" } else { "" })
        }
        None => "—".into(),
    }
}

/// The recently looked-up names list: `name` first, no duplicates, at most `max`.
pub fn remember(recent: &[String], name: &str, max: usize) -> Vec<String> {
    let name = name.trim();
    let mut out = vec![name.to_owned()];
    out.extend(recent.iter().filter(|n| n.as_str() != name).cloned());
    out.truncate(max);
    out
}

/// Decodes the answer to `GET /v1/{project_id}/service/{instance_name}`, or the error body
/// as an [`ApiError`]. Non-generic, so that it is compiled (and optimized for speed) here.
pub fn decode_details(response: &ApiResponse) -> Result<Details, ApiError> {
    decode_json(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts() {
        assert_eq!(expiry_text(Some(-1), 0), "never expires");
        assert_eq!(expiry_text(Some(1_530_848_365_207), 480), "2018-07-06 11:39:25 +08:00");
        assert_eq!(expiry_text(None, 0), "—");
        assert_eq!(date_text(Some(-5), 0), "-5 (not a date)");
        assert_eq!(level_text(Some(30_000_000)), "30,000,000 images");
        assert_eq!(level_text(Some(999)), "999 images");
        assert_eq!(tone("NORMAL"), Tone::Ok);
        assert_eq!(tone("CREATION"), Tone::Busy);
        assert_eq!(tone("CREATION_FAILD"), Tone::Bad);
        assert_eq!(tone("ARREARAGE"), Tone::Neutral);
        assert_eq!(
            request("p", "a b/c", &Auth::AuthToken("t".into())).path,
            "/v1/p/service/a%20b%2Fc"
        );
    }

    #[test]
    fn recent_names() {
        let r = remember(&["a".into(), "b".into(), "c".into()], " b ", 3);
        assert_eq!(r, ["b", "a", "c"]);
        assert_eq!(remember(&r, "d", 3), ["d", "b", "a"]);
    }
}
