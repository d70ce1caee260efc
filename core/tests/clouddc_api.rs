//! CloudDC's description against the seed pages as written and against cloudsim (as a
//! library: request in, response out), with its own wire types and the generic paging.

use skyglass_core::http::{decode_json, ApiError, ApiRequest, ApiResponse, Auth};
use skyglass_core::paging::{next, previous, Trail};
use skyglass_core::service::{ListQuery, ListService};
use skyglass_core::services::clouddc::info::LIST;
use skyglass_core::services::clouddc::lifecycle::State;
use skyglass_core::services::clouddc::list::decode_list;
use skyglass_core::services::clouddc::markers::extract_marker;
use skyglass_core::services::clouddc::status::{status_request, InstanceStatus};
use skyglass_core::services::clouddc::wire::InstanceList;
use skyglass_core::services::clouddc::Clouddc;
use std::collections::HashSet;

mod common;
use common::{examples, CLOUDDC_LIST as SEED_LIST, CLOUDDC_STATUS as SEED_STATUS};

fn list_request(q: &ListQuery, auth: &Auth) -> ApiRequest {
    Clouddc::request(q, "proj").authorize(auth, 0)
}

fn go_next(q: &ListQuery, page: &InstanceList) -> Option<ListQuery> {
    next(&LIST, q, &Clouddc::facts(q, page))
}

const START_MS: i64 = 1_767_225_600_000;

fn example_json(page: &str) -> &str {
    examples(page)[0]
}

#[test]
fn decodes_the_list_example_verbatim() {
    let list: InstanceList = decode_list(&ApiResponse::ok(example_json(SEED_LIST))).unwrap();
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
    let status: InstanceStatus = decode_json(&ApiResponse::ok(example_json(SEED_STATUS))).unwrap();
    assert_eq!(status.state, "stopped");
    assert_eq!(status.operation_state, "");
    assert!(status.error.is_none());
}

#[test]
fn decodes_hostile_and_odd_responses_without_failing() {
    let odd = r#"{"instances":[{"id":7,"name":null,"state":"reinstalling","tags":null,"metadata":{"a":1},
        "network_interfaces":[{"ipv4_address":null}],"image":null,"error":{},"unknown_field":[1,2,3],
        "created_at":"not a time"}],"page_info":null,"count":"12"}"#;
    let list: InstanceList = decode_list(&ApiResponse::ok(odd)).unwrap();
    let inst = &list.instances[0];
    assert_eq!(inst.id, "7");
    assert_eq!(inst.name, "");
    assert_eq!(State::parse(&inst.state), State::Other("reinstalling".into()));
    assert_eq!(inst.metadata["a"], "1");
    assert!(inst.shown_error().is_none(), "an all-empty error object is not shown");
    assert_eq!(list.count, Some(12));
    assert!(go_next(&ListQuery::first(&LIST), &list).is_none());
    let empty: InstanceList = decode_list(&ApiResponse::ok("{}")).unwrap();
    assert!(empty.instances.is_empty());
    assert!(matches!(
        decode_list(&ApiResponse::ok("[1,2")),
        Err(ApiError::Decode(_))
    ));
    assert!(matches!(
        decode_list(&ApiResponse::ok("{\"instances\": {\"a\": 1}}")),
        Err(ApiError::Decode(_))
    ));
    // One bad element does not fail the page.
    let one_bad = decode_list(&ApiResponse::ok(
        r#"{"instances":[{"id":"a"},null,{"id":"c","image":"ubuntu"}],"count":3}"#,
    ))
    .unwrap();
    assert_eq!(
        one_bad.instances.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["a"]
    );
    assert_eq!(one_bad.instances.unreadable.len(), 2);
    assert_eq!(one_bad.count, Some(3));
}

fn cloud(instances: usize, style: cloudsim::MarkerStyle) -> cloudsim::Cloud {
    cloudsim::Cloud::new(cloudsim::Config {
        instances,
        seed: 11,
        token: "tok".into(),
        project_id: "proj".into(),
        start_ms: START_MS,
        marker_style: style,
        ..cloudsim::Config::default()
    })
}

use common::call;

/// Walks every page forward with the app's cursor, then back, and checks each instance is
/// seen exactly once and the walk matches `count`.
fn walk(cloud: &cloudsim::Cloud, limit: u32, state: Option<&str>) -> usize {
    let auth = Auth::AuthToken("tok".into());
    let now = START_MS + 60_000;
    let mut q = ListQuery::first(&LIST).restart(&LIST, limit, state.map(|s| ("state", s.to_owned())));
    let mut seen = HashSet::new();
    let mut pages = Vec::new();
    let mut total = None;
    loop {
        let page = decode_list(&call(cloud, &list_request(&q, &auth), now)).unwrap();
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
        match go_next(&q, &page) {
            Some(n) => q = n,
            None => break,
        }
        assert!(pages.len() < 10_000, "paging does not end");
    }
    assert_eq!(Some(seen.len() as u64), total, "count matches what paging saw");
    // And back again with previous_marker, page by page.
    let mut back = pages.len() - 1;
    let mut page = decode_list(&call(cloud, &list_request(&q, &auth), now)).unwrap();
    while let Some(p) = previous(&LIST, &q, Some(&Clouddc::facts(&q, &page)), &Trail::default()) {
        q = p;
        back -= 1;
        page = decode_list(&call(cloud, &list_request(&q, &auth), now)).unwrap();
        let ids: Vec<String> = page.instances.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids, pages[back].1, "page {} going back", back + 1);
        assert_eq!(q.page_number() as usize, back + 1);
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
    let page = decode_list(&call(&c, &list_request(&ListQuery::first(&LIST), &auth), START_MS)).unwrap();
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
    let first = decode_list(&call(&c, &list_request(&ListQuery::first(&LIST), &auth), START_MS)).unwrap();
    let id = &first.instances[3].id;
    let one = decode_list(&call(
        &c,
        &Clouddc::one_request(id, "proj").unwrap().authorize(&auth, 0),
        START_MS,
    ))
    .unwrap();
    assert_eq!(one.instances.len(), 1);
    assert_eq!(&one.instances[0].id, id);
    let status: InstanceStatus =
        decode_json(&call(&c, &status_request("proj", id).authorize(&auth, 0), START_MS)).unwrap();
    assert_eq!(status.state, one.instances[0].state.as_str());
}

#[test]
fn errors_from_cloudsim_decode_with_code_and_message() {
    let c = cloud(20, cloudsim::MarkerStyle::Bare);
    let bad = Auth::AuthToken("wrong".into());
    let err = decode_list(&call(&c, &list_request(&ListQuery::first(&LIST), &bad), START_MS)).unwrap_err();
    assert!(err.is_auth());
    assert!(matches!(&err, ApiError::Status { code: Some(_), .. }));
    let auth = Auth::AuthToken("tok".into());
    for status in [400u16, 401, 429, 500] {
        let mut req = list_request(&ListQuery::first(&LIST), &auth);
        req.headers
            .push(("X-Cloudsim-Fault".into(), format!("status={status}")));
        let err = decode_list(&call(&c, &req, START_MS)).unwrap_err();
        assert_eq!(err.status(), Some(status));
        assert!(!err.to_string().contains("no message"), "{status}: {err}");
    }
    let err = decode_json::<InstanceStatus>(&call(&c, &status_request("proj", "nope").authorize(&auth, 0), START_MS))
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
}
