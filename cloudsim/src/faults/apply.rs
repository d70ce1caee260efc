//! Applying a request's [`Decision`] to the answer of the service that
//! handled it, and reporting what was injected.

use crate::faults::decide::Decision;
use crate::faults::echo;
use crate::faults::injected::Injected;
use crate::http::Response;
use crate::route::Route;
use crate::service::SimService;
use crate::{hostile, huge};

/// `body` cut at a point chosen by `cut`, strictly inside it (a JSON object
/// cut short is never valid JSON).
fn truncate(body: &str, cut: u64) -> String {
    let mut at = 1 + (cut % (body.len() as u64 - 1)) as usize;
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    body[..at.max(1)].to_string()
}

/// Applies `d` to `response`, the answer `service` gave for `route`, and
/// reports what was injected. `cycled`: the list handler changed its
/// answer for `d.cycle`.
pub fn finish(
    mut response: Response,
    d: &Decision,
    service: &dyn SimService,
    route: &Route,
    cycled: bool,
) -> (Response, Injected) {
    let status_applied = d.status == Some(response.status);
    let (mut hostile, mut huge, mut truncated, mut echoed) = (false, false, false, false);
    // A list call the service accepted (credentials and all) fails, repeating them.
    if let Some(headers) = &d.echo {
        if response.status == 200 && !status_applied && service.huge(route).is_some() {
            response = echo::response(headers);
            echoed = true;
        }
    }
    if response.status == 200 && !status_applied {
        if d.hostile {
            response.body = hostile::apply(&response.body, |root| service.hostile_prepare(route, root));
            hostile = true;
        }
        if d.huge {
            if let Some(growth) = service.huge(route) {
                response.body = huge::apply(&response.body, &growth);
                huge = true;
            }
        }
        if d.truncate && response.body.len() > 1 {
            response.body = truncate(&response.body, d.cut);
            truncated = true;
        }
    }
    if response.status == 429 {
        response.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Retry-After"));
        if let Some(seconds) = d.retry_after {
            response.headers.push(("Retry-After".to_string(), seconds.to_string()));
        }
    }
    let kind = [
        (d.disconnect, "disconnect"),
        (status_applied, d.status_kind),
        (echoed, "echo-credentials"),
        (truncated, "truncated"),
        (d.slow_body_ms > 0, "slow-body"),
        (cycled, "marker-cycle"),
        (huge, "huge"),
        (hostile, "hostile"),
        (d.latency_ms > 0, "latency"),
    ]
    .into_iter()
    .find_map(|(on, kind)| on.then_some(kind));
    let injected = Injected {
        latency_ms: d.latency_ms,
        slow_body_ms: d.slow_body_ms,
        disconnect: d.disconnect,
        kind,
    };
    (response, injected)
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_stays_inside_the_body() {
        assert_eq!(truncate("{\"a\":\"é\"}", 6), "{\"a\":\"");
        for cut in 0..20 {
            let t = truncate("{\"a\":1}", cut);
            assert!(!t.is_empty() && t.len() < 7, "{t}");
        }
    }
}
