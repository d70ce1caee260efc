//! Fault injection in the library: deterministic decisions, rates, 429
//! bursts and `Retry-After`, the services' error bodies, truncation, marker
//! cycles, per-request directives, and no change at all without faults.

mod common;

use cloudsim::{Cloud, Config, Faults, Injected, MarkerStyle, Request, Response};
use common::*;
use serde_json::Value;

const ROMA: &str = "/v2/demo-project/instances";
const BYCLOUD: &str = "/v1/instances";
const IMAGESEARCH: &str = "/v1/demo-project/service/imagesearch-00";
const PATHS: [&str; 4] = [LIST, ROMA, BYCLOUD, IMAGESEARCH];
const NOW: i64 = START_MS + 30_000;

fn faulty(faults: Faults) -> Cloud {
    Cloud::new(Config {
        instances: 60,
        faults,
        ..Config::default()
    })
}

/// A GET to `path` with its service's credentials plus `extra` headers.
fn req(path: &str, query: &str, extra: &[(&str, &str)]) -> Request {
    let auth = if path == BYCLOUD {
        ("Authorization", "Bearer demo-token")
    } else {
        ("X-Auth-Token", TOKEN)
    };
    let mut headers = vec![auth];
    headers.extend_from_slice(extra);
    request_with("GET", path, query, &headers)
}

/// Request `i` of a run: every service in turn, varied by the nonce (even
/// `i`) or by the time (odd `i`).
fn nth(cloud: &Cloud, i: usize) -> (Response, Injected) {
    let nonce = i.to_string();
    let path = PATHS[i % 4];
    if i.is_multiple_of(2) {
        cloud.handle_with_faults(&req(path, "", &[("X-Request-Nonce", &nonce)]), NOW)
    } else {
        cloud.handle_with_faults(&req(path, "", &[]), NOW + i as i64)
    }
}

fn json(resp: &Response) -> Value {
    serde_json::from_str(&resp.body).unwrap_or_else(|e| panic!("{e}: {}", resp.body))
}

fn assert_rate(count: usize, n: usize, expected: f64, what: &str) {
    let rate = count as f64 / n as f64;
    assert!((rate - expected).abs() <= 0.025, "{what}: {rate} vs {expected}");
}

#[test]
fn without_faults_nothing_changes() {
    let plain = cloud(60, MarkerStyle::Bare);
    let zeroed = faulty(Faults {
        error_rates: vec![(500, 0.0)],
        truncate_rate: 0.0,
        disconnect_rate: 0.0,
        ..Faults::default()
    });
    assert_eq!(Faults::default().retry_after, Some(2));
    let id = ids(&get(&plain, LIST, "", NOW).1)[0].clone();
    let status = format!("{LIST}/{id}/status");
    let mut requests = Vec::new();
    for path in [LIST, status.as_str(), ROMA, BYCLOUD, IMAGESEARCH, "/nope"] {
        requests.push(req(path, "limit=12", &[]));
        requests.push(req(path, "", &[("X-Request-Nonce", "n1")]));
        requests.push(request_with("GET", path, "", &[]));
        requests.push(request_with("POST", path, "", &[("X-Auth-Token", TOKEN)]));
    }
    for req in &requests {
        for now in [START_MS, NOW, NOW + 123_456] {
            let resp = plain.handle(req, now);
            assert_eq!(plain.handle_with_faults(req, now), (resp.clone(), Injected::default()));
            assert_eq!(zeroed.handle_with_faults(req, now), (resp.clone(), Injected::default()));
        }
    }
    // The nonce only varies faults.
    assert_eq!(
        plain.handle(&req(LIST, "", &[("X-Request-Nonce", "a")]), NOW),
        plain.handle(&req(LIST, "", &[]), NOW)
    );
    // A forced status is still reported as a fault.
    let (resp, injected) = plain.handle_with_faults(&req(ROMA, "", &[("X-Cloudsim-Fault", "status=500")]), NOW);
    assert_eq!((resp.status, injected.kind), (500, Some("status-500")));
}

#[test]
fn decisions_are_deterministic() {
    let faults = Faults {
        latency_ms: 10,
        jitter_ms: 50,
        error_rates: vec![(500, 0.3)],
        truncate_rate: 0.2,
        disconnect_rate: 0.1,
        ..Faults::default()
    };
    let (a, b) = (faulty(faults.clone()), faulty(faults.clone()));
    let other_seed = Cloud::new(Config {
        instances: 60,
        seed: 2,
        faults,
        ..Config::default()
    });
    let mut differ = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for i in 0..200 {
        let first = nth(&a, i);
        assert_eq!(first, nth(&a, i), "same cloud, same request");
        assert_eq!(first, nth(&b, i), "same settings, same request");
        differ += usize::from(first.1 != nth(&other_seed, i).1);
        kinds.insert(first.1.kind);
    }
    assert!(differ > 100, "another seed decides otherwise ({differ})");
    for kind in ["disconnect", "status-500", "truncated", "latency"] {
        assert!(kinds.contains(&Some(kind)), "{kind} in {kinds:?}");
    }
}

#[test]
fn rates_hold_approximately() {
    const N: usize = 3_000;
    let cloud = faulty(Faults {
        error_rates: vec![(500, 0.3)],
        ..Faults::default()
    });
    let errors = (0..N).filter(|&i| nth(&cloud, i).0.status == 500).count();
    let rate = errors as f64 / N as f64;
    assert!((0.25..=0.35).contains(&rate), "{rate}");

    let cloud = faulty(Faults {
        error_rates: vec![(500, 0.1), (503, 0.05), (429, 0.05)],
        truncate_rate: 0.2,
        disconnect_rate: 0.1,
        latency_ms: 100,
        jitter_ms: 50,
        ..Faults::default()
    });
    let runs: Vec<(Response, Injected)> = (0..N).map(|i| nth(&cloud, i)).collect();
    let count = |f: &dyn Fn(&(Response, Injected)) -> bool| runs.iter().filter(|r| f(r)).count();
    for (status, p) in [(500, 0.1), (503, 0.05), (429, 0.05)] {
        assert_rate(count(&|r| r.0.status == status), N, p, &format!("status {status}"));
    }
    let ok = count(&|r| r.0.status == 200);
    let truncated = count(&|r| r.0.status == 200 && serde_json::from_str::<Value>(&r.0.body).is_err());
    assert_rate(truncated, ok, 0.2, "truncated");
    assert_rate(count(&|r| r.1.disconnect), N, 0.1, "disconnect");
    let latencies: Vec<u64> = runs.iter().map(|r| r.1.latency_ms).collect();
    assert!(latencies.iter().all(|l| (100..=150).contains(l)));
    let mean = latencies.iter().sum::<u64>() as f64 / N as f64;
    assert!((122.0..=128.0).contains(&mean), "{mean}");
}

#[test]
fn injected_statuses_use_the_services_error_bodies() {
    for (status, codes) in [
        (500, ["iMetal.0500", "ROMA.00011000", "500", "IS.0500"]),
        (503, ["CLOUDSIM.0001", "CLOUDSIM.0001", "503", "CLOUDSIM.0001"]),
    ] {
        let cloud = faulty(Faults {
            error_rates: vec![(status, 1.0)],
            ..Faults::default()
        });
        for (path, code) in PATHS.into_iter().zip(codes) {
            let (resp, injected) = cloud.handle_with_faults(&req(path, "", &[]), NOW);
            assert_eq!(resp.status, status, "{path}");
            assert_eq!(
                injected.kind,
                Some(if status == 500 { "status-500" } else { "status-503" })
            );
            let body = json(&resp);
            if path == BYCLOUD {
                assert_eq!(body["error"]["code"].to_string(), code);
                assert!(is_hex32(body["error"]["request_id"].as_str().unwrap()));
            } else {
                assert_eq!(body["error_code"], code, "{path}: {body}");
            }
            if path == ROMA {
                assert_eq!(body["error_details"], "injected by cloudsim --error-rate");
            }
        }
    }
}

#[test]
fn bursts_and_retry_after() {
    for (retry_after, expected) in [(Some(7), Some("7")), (None, None)] {
        let cloud = faulty(Faults {
            burst_429: Some((2, 10)),
            retry_after,
            ..Faults::default()
        });
        for k in -40..40i64 {
            let (resp, injected) =
                cloud.handle_with_faults(&req(PATHS[k.rem_euclid(4) as usize], "", &[]), START_MS + k * 500);
            let in_burst = (k * 500).rem_euclid(10_000) < 2_000;
            assert_eq!(resp.status == 429, in_burst, "{k}");
            if in_burst {
                assert_eq!(injected.kind, Some("burst-429"));
                assert_eq!(header(&resp, "Retry-After"), expected, "{k}");
            } else {
                assert_eq!(header(&resp, "Retry-After"), None);
            }
        }
    }
    let plain = cloud(60, MarkerStyle::Bare);
    for (fault, expected) in [
        ("status=429", Some("2")),
        ("status=429; retry-after=none", None),
        ("retry-after=9,status=429", Some("9")),
    ] {
        for path in PATHS {
            let resp = plain.handle(&req(path, "", &[("X-Cloudsim-Fault", fault)]), NOW);
            assert_eq!(
                (resp.status, header(&resp, "retry-after")),
                (429, expected),
                "{path} {fault}"
            );
        }
    }
}

#[test]
fn truncated_bodies_are_malformed() {
    let plain = cloud(60, MarkerStyle::Bare);
    for path in PATHS {
        for now in NOW..NOW + 20 {
            let whole = plain.handle(&req(path, "", &[]), now);
            let (cut, injected) = plain.handle_with_faults(&req(path, "", &[("X-Cloudsim-Fault", "truncate")]), now);
            assert_eq!((cut.status, injected.kind), (200, Some("truncated")));
            assert!(cut.body.len() < whole.body.len() && whole.body.starts_with(&cut.body));
            assert!(serde_json::from_str::<Value>(&cut.body).is_err(), "{}", cut.body);
            assert_eq!(cut.headers, whole.headers);
        }
    }
    // Errors are never cut.
    let resp = plain.handle(&req(LIST, "", &[("X-Cloudsim-Fault", "truncate;status=500")]), NOW);
    json(&resp);
}

fn cycling(style: MarkerStyle) -> Cloud {
    Cloud::new(Config {
        instances: 60,
        marker_style: style,
        faults: Faults {
            marker_cycle: true,
            ..Faults::default()
        },
        ..Config::default()
    })
}

fn clouddc_next(cloud: &Cloud, query: &str) -> (Value, String, Option<&'static str>) {
    let (resp, injected) = cloud.handle_with_faults(&req(LIST, query, &[]), NOW);
    let body = json(&resp);
    let next = marker_of(body["page_info"]["next_marker"].as_str().unwrap());
    (body, next, injected.kind)
}

#[test]
fn clouddc_markers_cycle() {
    for style in [MarkerStyle::Bare, MarkerStyle::QueryAddress] {
        let cloud = cycling(style);
        let (_, next1, kind) = clouddc_next(&cloud, "limit=10");
        assert_eq!(kind, None);
        let (_, next2, kind) = clouddc_next(&cloud, &format!("limit=10&marker={next1}"));
        assert_eq!(kind, None);
        let (page3, next3, kind) = clouddc_next(&cloud, &format!("limit=10&marker={next2}"));
        assert_eq!(ids(&page3).len(), 10);
        assert_eq!((next3.as_str(), kind), (next1.as_str(), Some("marker-cycle")));

        // The last page points past the end; past the end is empty yet
        // has a next marker.
        let (_, next1, _) = clouddc_next(&cloud, "limit=50");
        let (last, past, kind) = clouddc_next(&cloud, &format!("limit=50&marker={next1}"));
        assert_eq!(ids(&last).len(), 10);
        assert_eq!((Some(&past), kind), (ids(&last).last(), Some("marker-cycle")));
        let (beyond, again, kind) = clouddc_next(&cloud, &format!("limit=50&marker={past}"));
        assert_eq!(beyond["instances"], serde_json::json!([]));
        assert_eq!((again, kind), (past, Some("marker-cycle")));
    }
    // The directive does the same on a cloud without the flag.
    let plain = cloud(60, MarkerStyle::Bare);
    let (_, next1, _) = clouddc_next(&plain, "limit=10");
    let (_, next2, _) = clouddc_next(&plain, &format!("limit=10&marker={next1}"));
    let q = format!("limit=10&marker={next2}");
    let cycled = plain.handle(&req(LIST, &q, &[("X-Cloudsim-Fault", "cycle")]), NOW);
    assert_eq!(json(&cycled)["page_info"]["next_marker"], next1.as_str());
}

#[test]
fn bycloud_markers_cycle() {
    let cloud = cycling(MarkerStyle::Bare);
    let page = |query: &str| {
        let (resp, injected) = cloud.handle_with_faults(&req(BYCLOUD, query, &[]), NOW);
        (json(&resp), injected.kind)
    };
    let (p1, _) = page("limit=10");
    let m1 = p1["meta"]["marker"].as_str().unwrap().to_string();
    let (p2, _) = page(&format!("limit=10&marker={m1}"));
    let (p3, kind) = page(&format!("limit=10&marker={}", p2["meta"]["marker"].as_str().unwrap()));
    assert_eq!(kind, Some("marker-cycle"));
    assert_eq!(p3["meta"]["marker"], m1.as_str(), "page 3 repeats page 1's marker");
    assert_eq!(p3["meta"]["has_more"], true);
    assert!(p3["links"]["next"].as_str().unwrap().ends_with(&format!("marker={m1}")));

    let (p1, _) = page("limit=50");
    let (last, _) = page(&format!("limit=50&marker={}", p1["meta"]["marker"].as_str().unwrap()));
    assert_eq!(last["instances"].as_array().unwrap().len(), 10);
    assert_eq!(last["meta"]["has_more"], true);
    let past = last["meta"]["marker"].as_str().unwrap().to_string();
    let (beyond, kind) = page(&format!("limit=50&marker={past}"));
    assert_eq!(beyond["instances"], serde_json::json!([]));
    assert_eq!(
        (&beyond["meta"]["has_more"], kind),
        (&Value::Bool(true), Some("marker-cycle"))
    );
    assert_eq!(beyond["meta"]["marker"], past.as_str());
    assert!(beyond["links"]["next"].is_string());
}

#[test]
fn roma_total_grows() {
    let cloud = cycling(MarkerStyle::Bare);
    let total = |extra: &[(&str, &str)], now: i64| {
        let (resp, injected) = cloud.handle_with_faults(&req(ROMA, "", extra), now);
        assert_eq!(injected.kind, Some("marker-cycle"));
        json(&resp)["total"].as_u64().unwrap()
    };
    let totals: Vec<u64> = (1..=3)
        .map(|seq| total(&[("X-Cloudsim-Seq", &seq.to_string())], NOW))
        .collect();
    assert_eq!(totals, [67, 74, 81]);
    // Without the server's sequence number: 7 per second since the start.
    assert_eq!(total(&[], START_MS + 5_000), 60 + 35);
    assert_eq!(get(&faulty(Faults::default()), ROMA, "", NOW).1["total"], 60);
}

#[test]
fn directives_override_the_run() {
    let cloud = faulty(Faults {
        error_rates: vec![(500, 1.0)],
        latency_ms: 100,
        jitter_ms: 100,
        ..Faults::default()
    });
    let with = |fault: &str| cloud.handle_with_faults(&req(ROMA, "", &[("X-Cloudsim-Fault", fault)]), NOW);
    let (resp, injected) = with("status=503");
    assert_eq!((resp.status, injected.kind), (503, Some("status-503")));
    assert_eq!(json(&resp)["error_details"], "forced by X-Cloudsim-Fault");
    let (resp, injected) = with("latency=5");
    assert_eq!((resp.status, injected.latency_ms), (500, 5));
    let (_, injected) = with("slow=40");
    assert_eq!(injected.slow_body_ms, 40);
    let (resp, injected) = with("disconnect");
    assert_eq!(
        (resp.status, injected.disconnect, injected.kind),
        (500, true, Some("disconnect"))
    );
    let (resp, injected) = with(" STATUS=429 ; retry-after=none ; latency=7 ; bogus ; slow=x");
    assert_eq!((resp.status, header(&resp, "retry-after")), (429, None));
    assert_eq!((injected.latency_ms, injected.slow_body_ms), (7, 0));

    let plain = cloud_with_latency();
    let (resp, injected) = plain.handle_with_faults(&req(LIST, "", &[("X-Cloudsim-Fault", "slow=30")]), NOW);
    assert_eq!((resp.status, injected.kind), (200, Some("slow-body")));
    let (_, injected) = plain.handle_with_faults(&req(LIST, "", &[]), NOW);
    assert_eq!((injected.latency_ms, injected.kind), (20, Some("latency")));
}

fn cloud_with_latency() -> Cloud {
    faulty(Faults {
        latency_ms: 20,
        ..Faults::default()
    })
}
