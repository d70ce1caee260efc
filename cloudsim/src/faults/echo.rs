//! The `echo_credentials` fault: a gateway whose error repeats the request's credentials
//! headers, raw and escaped, as some gateways and services do when they log what they
//! could not handle into the answer. A client must show none of it.

use crate::encode::json_str;
use crate::http::{header, Request, Response};

/// The request headers an echo repeats (those present).
pub const ECHOED: [&str; 4] = ["X-Auth-Token", "Authorization", "X-Security-Token", "X-Sdk-Date"];

/// The echoed headers of `req`: name and value, as sent.
pub fn credentials(req: &Request) -> Vec<(String, String)> {
    ECHOED
        .iter()
        .filter_map(|name| header(req, name).map(|v| (name.to_string(), v.to_string())))
        .collect()
}

/// `s` with every byte other than an ASCII letter or digit percent-encoded (`upper`: as
/// `%2F`, else as `%2f`).
pub fn percent_all(s: &str, upper: bool) -> String {
    s.bytes()
        .map(|b| match b {
            b if b.is_ascii_alphanumeric() => char::from(b).to_string(),
            b if upper => format!("%{b:02X}"),
            b => format!("%{b:02x}"),
        })
        .collect()
}

/// `s` as JSON string content with `/` as `\/` and every other character but an ASCII
/// letter or digit as `\u00xx` (`backslash`: the `\` written that way, so `\\` writes it
/// escaped once more, which a JSON reader turns into the escaped form itself).
pub fn json_escaped(s: &str, backslash: &str) -> String {
    s.chars()
        .map(|c| match c {
            c if c.is_ascii_alphanumeric() => c.to_string(),
            '/' => format!("{backslash}/"),
            c => format!("{backslash}u{:04x}", u32::from(c)),
        })
        .collect()
}

/// The 500 answer repeating `headers`: `error_msg` says them raw; `error_details` holds them
/// JSON-escaped (read back raw), JSON-escaped twice (read back as `\/` and `\u002b`
/// forms) and percent-encoded in upper and lower case. Every service's client reads
/// `{error_code, error_msg, error_details, request_id}`.
pub fn response(headers: &[(String, String)]) -> Response {
    let raw: Vec<String> = headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
    let mut msg = String::new();
    json_str(
        &mut msg,
        &format!("The backend could not handle the request headers {}", raw.join("; ")),
    );
    let mut details = String::from("\"");
    for (name, value) in headers {
        details.push_str(&format!(
            "{name} (JSON): {}; (JSON in JSON): {}; (URL): {}; (url): {}. ",
            json_escaped(value, "\\"),
            json_escaped(value, "\\\\"),
            percent_all(value, true),
            percent_all(value, false),
        ));
    }
    details.push('"');
    let body = format!(
        "{{\"error_code\":\"APIGW.0500\",\"error_msg\":{msg},\"error_details\":{details},\
         \"request_id\":\"echo-credentials\"}}"
    );
    Response {
        status: 500,
        headers: vec![("Content-Type".to_string(), "application/json".to_string())],
        body,
    }
}
