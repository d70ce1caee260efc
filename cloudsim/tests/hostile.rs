//! Hostile and huge data: the XSS corpus, every payload on the first pages
//! of every service with ids, markers and states intact, and pages of
//! 10 MiB with 100 KiB names and 10,000 tags.

mod common;

use std::collections::BTreeSet;

use cloudsim::{Cloud, Config, Faults, MarkerStyle, Request};
use common::*;
use serde_json::Value;

const ROMA: &str = "/v2/demo-project/instances";
const BYCLOUD: &str = "/v1/instances";
const IMAGESEARCH: &str = "/v1/demo-project/service/imagesearch-00";
const NOW: i64 = START_MS + 30_000;
const CORPUS: &str = include_str!("../../tests/fixtures/xss_payloads.txt");
const CANARY: &str = "__skyglassPwned";

fn payloads() -> Vec<&'static str> {
    CORPUS.split('\n').filter(|l| !l.is_empty()).collect()
}

fn with_faults(faults: Faults) -> Cloud {
    Cloud::new(Config {
        instances: 300,
        faults,
        ..Config::default()
    })
}

fn hostile() -> Cloud {
    with_faults(Faults {
        hostile: true,
        ..Faults::default()
    })
}

/// GET `path` with its service's credentials and `extra` headers; 200 and
/// the parsed body.
fn fetch(cloud: &Cloud, path: &str, query: &str, extra: &[(&str, &str)]) -> (Value, usize) {
    let auth = if path == BYCLOUD {
        ("Authorization", "Bearer demo-token")
    } else {
        ("X-Auth-Token", TOKEN)
    };
    let mut headers = vec![auth];
    headers.extend_from_slice(extra);
    let req: Request = request_with("GET", path, query, &headers);
    let resp = cloud.handle(&req, NOW);
    assert_eq!(resp.status, 200, "{path}: {}", &resp.body[..resp.body.len().min(300)]);
    let body = serde_json::from_str(&resp.body).unwrap_or_else(|e| panic!("{path}: {e}"));
    (body, resp.body.len())
}

/// Every string in `v`: values and object keys.
fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_corpus() {
    let all = payloads();
    assert!(all.len() >= 60, "{}", all.len());
    assert_eq!(all.len(), all.iter().collect::<BTreeSet<_>>().len(), "no duplicates");
    assert_eq!(cloudsim::xss_payloads(), all, "the library reads the same file");
    for p in &all {
        assert!(!p.contains('\r') && !p.trim().is_empty(), "{p:?}");
        let lower = p.to_lowercase();
        for address in ["://", "http:", "https:", "www.", "ftp:"] {
            assert!(!lower.contains(address), "{p} names a network address");
        }
    }
    let with = |s: &str| all.iter().filter(|p| p.to_lowercase().contains(s)).count();
    assert!(with(CANARY.to_lowercase().as_str()) >= 60);
    for trick in [
        "<script>",
        "<script type=",
        "onerror=",
        "<svg onload",
        "<body onload",
        "<details open ontoggle",
        "autofocus onfocus",
        "javascript:",
        "data:text/html",
        "<svg><script>",
        "<math><mtext><table><mglyph><style><img src=x onerror=",
        "<template>",
        "<style>",
        "srcdoc=",
        "\"><img",
        "'-(",
        "\u{202e}",
        "\u{2066}",
        "\u{200b}",
    ] {
        assert!(with(trick) > 0, "no payload with {trick:?}");
    }
    assert!(all.iter().any(|p| p.contains("<SCRIPT>")) && all.iter().any(|p| p.contains("<ScRiPt>")));
}

#[test]
fn every_payload_on_the_first_pages() {
    let cloud = hostile();
    let plain = cloud_plain();
    let corpus = payloads();
    for path in [LIST, ROMA, BYCLOUD, IMAGESEARCH] {
        let (body, _) = fetch(&cloud, path, "", &[]);
        let mut seen = BTreeSet::new();
        strings(&body, &mut seen);
        let missing: Vec<_> = corpus.iter().filter(|p| !seen.contains(**p)).collect();
        assert!(
            missing.is_empty(),
            "{path}: {} missing, e.g. {:?}",
            missing.len(),
            missing[0]
        );
        // The same through the directive, on a clean cloud.
        let (directed, _) = fetch(&plain, path, "", &[("X-Cloudsim-Fault", "hostile")]);
        assert_eq!(directed, body, "{path}");
    }
}

#[test]
fn ids_markers_and_states_stay() {
    let (cloud, plain) = (hostile(), cloud_plain());
    let keep = |v: &Value, keys: &[&str]| -> Vec<Value> {
        v["instances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| Value::Array(keys.iter().map(|k| i[*k].clone()).collect()))
            .collect()
    };
    let q = "limit=20&marker=";
    let (h, _) = fetch(&cloud, LIST, q, &[]);
    let (p, _) = fetch(&plain, LIST, q, &[]);
    let fields = [
        "id",
        "vpc_id",
        "state",
        "operation_state",
        "server_id",
        "created_at",
        "updated_at",
    ];
    assert_eq!(keep(&h, &fields), keep(&p, &fields));
    assert_eq!((&h["page_info"], &h["count"]), (&p["page_info"], &p["count"]));
    for inst in h["instances"].as_array().unwrap() {
        assert_eq!(inst["tags"].as_array().unwrap().len(), 4);
        assert_eq!(inst["metadata"].as_object().unwrap().len(), 4);
        assert!(inst["name"].as_str().unwrap().len() > 3);
    }

    let (h, _) = fetch(&cloud, ROMA, "limit=30", &[]);
    let (p, _) = fetch(&plain, ROMA, "limit=30", &[]);
    let fields = [
        "id",
        "status",
        "error_code",
        "vpc_id",
        "create_time",
        "available_zone_ids",
    ];
    assert_eq!(keep(&h, &fields), keep(&p, &fields));
    assert_eq!((&h["total"], &h["size"]), (&p["total"], &p["size"]));

    let (h, _) = fetch(&cloud, BYCLOUD, "limit=15", &[]);
    let (p, _) = fetch(&plain, BYCLOUD, "limit=15", &[]);
    let fields = [
        "id",
        "crn",
        "status",
        "power_state",
        "task_state",
        "vm_state",
        "created_at",
    ];
    assert_eq!(keep(&h, &fields), keep(&p, &fields));
    assert_eq!((&h["meta"], &h["links"]), (&p["meta"], &p["links"]));

    let (h, _) = fetch(&cloud, IMAGESEARCH, "", &[]);
    let (p, _) = fetch(&plain, IMAGESEARCH, "", &[]);
    for key in ["status", "level", "expiredDate", "registerDate"] {
        assert_eq!(h[key], p[key], "{key}");
    }
    assert_ne!(h["instanceName"], p["instanceName"]);
}

fn cloud_plain() -> Cloud {
    cloud(300, MarkerStyle::Bare)
}

fn instances(body: &Value) -> &Vec<Value> {
    body["instances"].as_array().unwrap()
}

/// Whether some instance has a 100 KiB name and some other 10,000 tags.
fn check_huge(body: &Value, what: &str, tags: bool) {
    let insts = instances(body);
    let long = insts
        .iter()
        .position(|i| i["name"].as_str().unwrap().len() >= 100 * 1024);
    assert!(long.is_some(), "{what}: no 100 KiB name");
    if tags {
        let tagged = insts.iter().position(|i| i["tags"].as_array().unwrap().len() == 10_000);
        assert!(
            tagged.is_some() && tagged != long,
            "{what}: no instance with 10,000 tags"
        );
    }
}

#[test]
fn huge_pages() {
    let cloud = with_faults(Faults {
        huge: true,
        ..Faults::default()
    });
    let plain = cloud_plain();
    let (body, len) = fetch(&cloud, LIST, "", &[]);
    assert!(len >= 10 * 1024 * 1024, "{len}");
    check_huge(&body, "CloudDC", true);
    assert_eq!(ids(&body), ids(&fetch(&plain, LIST, "", &[]).0));
    assert_eq!(body["page_info"], fetch(&plain, LIST, "", &[]).0["page_info"]);
    for inst in instances(&body) {
        assert!(inst["description"].as_str().unwrap().len() > 500_000);
        let tags = inst["tags"].as_array().map_or(0, Vec::len);
        assert!(tags == 10_000 || tags < 5);
    }
    // A bigger page spreads the padding; it is still one page.
    let (body, len) = fetch(&plain, LIST, "limit=100", &[("X-Cloudsim-Fault", "huge")]);
    assert!(len >= 10 * 1024 * 1024, "{len}");
    assert_eq!(instances(&body).len(), 100);
    check_huge(&body, "CloudDC directive", true);

    let (body, _) = fetch(&cloud, BYCLOUD, "", &[]);
    check_huge(&body, "ByCloud", true);
    let (body, _) = fetch(&cloud, ROMA, "", &[]);
    check_huge(&body, "ROMA", false);
    // Not a list: unchanged.
    assert_eq!(
        fetch(&cloud, IMAGESEARCH, "", &[]).0,
        fetch(&plain, IMAGESEARCH, "", &[]).0
    );
}

#[test]
fn hostile_and_huge_together() {
    let cloud = with_faults(Faults {
        hostile: true,
        huge: true,
        ..Faults::default()
    });
    let (body, len) = fetch(&cloud, LIST, "limit=10", &[]);
    assert!(len >= 10 * 1024 * 1024);
    check_huge(&body, "CloudDC", true);
    let mut seen = BTreeSet::new();
    strings(&body, &mut seen);
    assert!(payloads().iter().filter(|p| seen.contains(**p)).count() > 60);
}
