#![cfg(not(target_arch = "wasm32"))]
//! The CloudDC API layer against the seed pages as written and against cloudsim (as a
//! library: request in, response out), with the app's own wire types and cursor.

use skyglass::api::clouddc::{
    extract_marker, instance_request, status_request, InstanceList, InstanceStatus, ListQuery,
};
use skyglass::api::http::{decode_json, ApiError, ApiRequest, ApiResponse, Auth};
use skyglass::api::lifecycle::State;
use std::collections::HashSet;

mod common;
use common::{examples, CLOUDDC_LIST as SEED_LIST, CLOUDDC_STATUS as SEED_STATUS};

const START_MS: i64 = 1_767_225_600_000;

fn example_json(page: &str) -> &str {
    examples(page)[0]
}

fn ok(body: &str) -> ApiResponse {
    ApiResponse {
        status: 200,
        retry_after: None,
        body: body.into(),
    }
}

#[test]
fn decodes_the_list_example_verbatim() {
    let list: InstanceList = decode_json(&ok(example_json(SEED_LIST))).unwrap();
    assert_eq!(list.count, Some(92));
    let pi = list.page_info.as_ref().unwrap();
    assert_eq!(pi.next_marker, "01981672-2e82-7d8a-a315-3f686155a815");
    assert_eq!(pi.previous_marker, "");
    assert_eq!(pi.current_count, Some(92));
    let inst = &list.instances[0];
    assert_eq!(inst.id, "0195f996-79c5-7d34-a98e-3a96f7926d96");
    assert_eq!(inst.name, "host-0403-199");
    assert_eq!(inst.state, "terminated");
    assert_eq!(inst.image.as_ref().unwrap().name, "test-lsy\nUbuntu 22.04 server 64bit");
    assert_eq!(inst.image.as_ref().unwrap().os_type, "Linux");
    assert_eq!(inst.ipv4s(), ["192.168.27.57"]);
    assert_eq!(inst.network_interfaces[0].subnet_id, "");
    assert_eq!(inst.created_at, "");
    assert_eq!(inst.launched_at, "2025-04-03T10:59:03+08:00");
    let err = inst.shown_error().unwrap();
    assert_eq!(err.error_code, "iMetal.0099");
    assert_eq!(err.error_type, "reinstall_error");
    assert!(inst.tags.is_empty() && inst.metadata.is_empty());
}

#[test]
fn decodes_the_status_example_verbatim() {
    let status: InstanceStatus = decode_json(&ok(example_json(SEED_STATUS))).unwrap();
    assert_eq!(status.state, "stopped");
    assert_eq!(status.operation_state, "");
    assert!(status.error.is_none());
}

#[test]
fn decodes_hostile_and_odd_responses_without_failing() {
    let odd = r#"{"instances":[{"id":7,"name":null,"state":"reinstalling","tags":null,"metadata":{"a":1},
        "network_interfaces":[{"ipv4_address":null}],"image":null,"error":{},"unknown_field":[1,2,3],
        "created_at":"not a time"}],"page_info":null,"count":"12"}"#;
    let list: InstanceList = decode_json(&ok(odd)).unwrap();
    let inst = &list.instances[0];
    assert_eq!(inst.id, "7");
    assert_eq!(inst.name, "");
    assert_eq!(State::parse(&inst.state), State::Other("reinstalling".into()));
    assert_eq!(inst.metadata["a"], "1");
    assert!(inst.shown_error().is_none(), "an all-empty error object is not shown");
    assert_eq!(list.count, Some(12));
    assert!(ListQuery::default().next(&list).is_none());
    let empty: InstanceList = decode_json(&ok("{}")).unwrap();
    assert!(empty.instances.is_empty());
    assert!(matches!(
        decode_json::<InstanceList>(&ok("[1,2")),
        Err(ApiError::Decode(_))
    ));
    assert!(matches!(
        decode_json::<InstanceList>(&ok("{\"instances\": {\"a\": 1}}")),
        Err(ApiError::Decode(_))
    ));
}

fn cloud(instances: usize, style: cloudsim::MarkerStyle) -> cloudsim::Cloud {
    cloudsim::Cloud::new(cloudsim::Config {
        instances,
        seed: 11,
        token: "tok".into(),
        project_id: "proj".into(),
        start_ms: START_MS,
        marker_style: style,
        faults: cloudsim::Faults::default(),
    })
}

fn call(cloud: &cloudsim::Cloud, req: &ApiRequest, now: i64) -> ApiResponse {
    let resp = cloud.handle(
        &cloudsim::Request {
            method: req.method.into(),
            path: req.path.clone(),
            query: req.query_string(),
            headers: req.headers.clone(),
        },
        now,
    );
    let retry_after = resp
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
        .map(|(_, v)| v.clone());
    ApiResponse {
        status: resp.status,
        retry_after,
        body: resp.body,
    }
}

/// Walks every page forward with the app's cursor, then back, and checks each instance is
/// seen exactly once and the walk matches `count`.
fn walk(cloud: &cloudsim::Cloud, limit: u32, state: Option<&str>) -> usize {
    let auth = Auth::AuthToken("tok".into());
    let now = START_MS + 60_000;
    let mut q = ListQuery {
        limit,
        state: state.map(str::to_owned),
        ..ListQuery::default()
    };
    let mut seen = HashSet::new();
    let mut pages = Vec::new();
    let mut total = None;
    loop {
        let page: InstanceList = decode_json(&call(cloud, &q.request("proj", &auth), now)).unwrap();
        total = total.or(page.count);
        assert!(page.instances.len() <= limit.clamp(10, 1000) as usize);
        for i in &page.instances {
            assert!(
                seen.insert(i.id.clone()),
                "{} seen twice (limit {limit}, state {state:?})",
                i.id
            );
            if let Some(s) = state {
                assert_eq!(i.state, s);
            }
        }
        pages.push((
            q.clone(),
            page.instances.iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
        ));
        match q.next(&page) {
            Some(n) => q = n,
            None => break,
        }
        assert!(pages.len() < 10_000, "paging does not end");
    }
    assert_eq!(Some(seen.len() as u64), total, "count matches what paging saw");
    // And back again with previous_marker, page by page.
    let mut back = pages.len() - 1;
    let mut page: InstanceList = decode_json(&call(cloud, &q.request("proj", &auth), now)).unwrap();
    while let Some(p) = q.previous(Some(&page)) {
        q = p;
        back -= 1;
        page = decode_json(&call(cloud, &q.request("proj", &auth), now)).unwrap();
        let ids: Vec<String> = page.instances.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids, pages[back].1, "page {} going back", back + 1);
        assert_eq!(q.page as usize, back + 1);
    }
    assert_eq!(back, 0, "walking back ends on the first page");
    seen.len()
}

#[test]
fn every_instance_seen_exactly_once_for_several_sizes_and_filters() {
    for style in [cloudsim::MarkerStyle::Bare, cloudsim::MarkerStyle::QueryAddress] {
        let c = cloud(437, style);
        for limit in [10, 20, 50, 1000, 3] {
            assert_eq!(walk(&c, limit, None), 437);
            let by_state: usize = [
                "pending",
                "running",
                "stopped",
                "shutting-down",
                "terminated",
                "error",
                "stopping",
            ]
            .iter()
            .map(|s| walk(&c, limit, Some(s)))
            .sum();
            assert_eq!(by_state, 437, "the state filters partition the fleet");
        }
    }
}

#[test]
fn query_address_markers_are_extracted() {
    let c = cloud(60, cloudsim::MarkerStyle::QueryAddress);
    let auth = Auth::AuthToken("tok".into());
    let page: InstanceList = decode_json(&call(&c, &ListQuery::default().request("proj", &auth), START_MS)).unwrap();
    let raw = &page.page_info.as_ref().unwrap().next_marker;
    assert!(raw.contains("marker="), "cloudsim sent a query address: {raw}");
    assert_eq!(
        extract_marker(raw).as_deref(),
        Some(page.instances.last().unwrap().id.as_str())
    );
}

#[test]
fn details_and_status_requests_work_against_cloudsim() {
    let c = cloud(50, cloudsim::MarkerStyle::Bare);
    let auth = Auth::AuthToken("tok".into());
    let first: InstanceList = decode_json(&call(&c, &ListQuery::default().request("proj", &auth), START_MS)).unwrap();
    let id = &first.instances[3].id;
    let one: InstanceList = decode_json(&call(&c, &instance_request("proj", id, &auth), START_MS)).unwrap();
    assert_eq!(one.instances.len(), 1);
    assert_eq!(&one.instances[0].id, id);
    let status: InstanceStatus = decode_json(&call(&c, &status_request("proj", id, &auth), START_MS)).unwrap();
    assert_eq!(status.state, one.instances[0].state);
}

#[test]
fn errors_from_cloudsim_decode_with_code_and_message() {
    let c = cloud(20, cloudsim::MarkerStyle::Bare);
    let bad = Auth::AuthToken("wrong".into());
    let err =
        decode_json::<InstanceList>(&call(&c, &ListQuery::default().request("proj", &bad), START_MS)).unwrap_err();
    assert!(err.is_auth());
    assert!(matches!(&err, ApiError::Status { code: Some(_), .. }));
    let auth = Auth::AuthToken("tok".into());
    for status in [400u16, 401, 429, 500] {
        let mut req = ListQuery::default().request("proj", &auth);
        req.headers
            .push(("X-Cloudsim-Fault".into(), format!("status={status}")));
        let err = decode_json::<InstanceList>(&call(&c, &req, START_MS)).unwrap_err();
        assert_eq!(err.status(), Some(status));
        assert!(!err.to_string().contains("no message"), "{status}: {err}");
    }
    let err = decode_json::<InstanceStatus>(&call(&c, &status_request("proj", "nope", &auth), START_MS)).unwrap_err();
    assert_eq!(err.status(), Some(404));
}
