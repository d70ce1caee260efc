//! ImageSearch's lookup: the request for one instance by name, its decoder, how its
//! fields read, its details, and the names a user looked up recently.

use super::info::{INFO, VOCABULARY};
use super::wire::Details as Wire;
use crate::http::{decode_json, encode, ApiError, ApiRequest, ApiResponse};
use crate::service::{Cell, Details, Section};
use crate::state::StateInfo;
use crate::timefmt;

/// `GET /v1/{project_id}/service/{instance_name}`.
pub fn request(project_id: &str, instance_name: &str) -> ApiRequest {
    ApiRequest::get(format!("/v1/{}/service/{}", encode(project_id), encode(instance_name)))
}

/// Decodes the answer to the lookup, or the error body as an [`ApiError`] (a bad token is
/// 400 `IS.0004`, a rejected token all the same). Non-generic, so that it is compiled (and
/// optimized for speed) here.
pub fn decode_details(response: &ApiResponse) -> Result<Wire, ApiError> {
    decode_json(response).map_err(|e: ApiError| e.with_token_codes(INFO.token_error_codes))
}

/// An instance's status, classified.
pub fn state(d: &Wire) -> StateInfo {
    VOCABULARY.classify(&d.status)
}

/// Every field of an instance.
pub fn details(d: &Wire) -> Details {
    let expires = match d.expired_date {
        Some(-1) => Cell::Text("never expires".into()),
        other => Cell::EpochMs(other),
    };
    Details {
        name: d.instance_name.clone(),
        sections: vec![Section::Fields {
            title: None,
            fields: vec![
                ("Status", Cell::State(state(d))),
                ("Level", Cell::Text(level_text(d.level))),
                ("Domain / model", Cell::Text(d.domain.clone())),
                ("Description", Cell::Text(d.desc.clone())),
                ("Registered", Cell::EpochMs(d.register_date)),
                ("Expires", expires),
                ("Tags", Cell::List(d.tags.clone())),
            ],
        }],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Tone;

    #[test]
    fn texts() {
        assert_eq!(expiry_text(Some(-1), 0), "never expires");
        assert_eq!(expiry_text(Some(1_530_848_365_207), 480), "2018-07-06 11:39:25 +08:00");
        assert_eq!(expiry_text(None, 0), "—");
        assert_eq!(date_text(Some(-5), 0), "-5 (not a date)");
        assert_eq!(level_text(Some(30_000_000)), "30,000,000 images");
        assert_eq!(level_text(Some(999)), "999 images");
        let tone = |s: &str| VOCABULARY.classify(s).tone();
        assert_eq!(tone("NORMAL"), Tone::Ok);
        assert_eq!(tone("CREATION"), Tone::Busy);
        assert_eq!(tone("CREATION_FAILD"), Tone::Bad);
        assert_eq!(tone("ARREARAGE"), Tone::Neutral);
        assert_eq!(request("p", "a b/c").path, "/v1/p/service/a%20b%2Fc");
        let e = decode_details(&ApiResponse {
            status: 400,
            retry_after: None,
            body: r#"{"error_code":"IS.0004","error_msg":"The authentication token is abnormal."}"#.into(),
        })
        .unwrap_err();
        assert!(e.is_auth(), "IS.0004 is a rejected token");
    }

    #[test]
    fn recent_names() {
        let r = remember(&["a".into(), "b".into(), "c".into()], " b ", 3);
        assert_eq!(r, ["b", "a", "c"]);
        assert_eq!(remember(&r, "d", 3), ["d", "b", "a"]);
    }
}
