//! The generic paging rules walking cloudsim (as a library) with ROMA's offsets and
//! ByCloud's link-driven markers: every instance seen exactly once across all pages, for
//! several page sizes and filters.

use skyglass_core::http::{ApiRequest, ApiResponse, Auth};
use skyglass_core::paging::{next, previous, Trail};
use skyglass_core::service::{ListQuery, ListService};
use skyglass_core::services::bycloud::{self, wire as by, ByCloud};
use skyglass_core::services::imagesearch::lookup;
use skyglass_core::services::roma::{self, Roma};
use std::collections::HashSet;

const ROMA: &skyglass_core::service::ListInfo = &roma::info::LIST;
const BY: &skyglass_core::service::ListInfo = &bycloud::info::LIST;

const START_MS: i64 = 1_767_225_600_000;
const NOW: i64 = START_MS + 30_000;

fn cloud(instances: usize) -> cloudsim::Cloud {
    cloudsim::Cloud::new(cloudsim::Config {
        instances,
        seed: 5,
        token: "tok".into(),
        project_id: "proj".into(),
        start_ms: START_MS,
        ..cloudsim::Config::default()
    })
}

fn call(cloud: &cloudsim::Cloud, req: &ApiRequest, host: Option<&str>) -> ApiResponse {
    let mut headers = req.headers.clone();
    if let Some(h) = host {
        headers.push(("Host".into(), h.into()));
    }
    let sim = cloudsim::Request {
        method: req.method.into(),
        path: req.path.clone(),
        query: req.query_string(),
        headers,
        body: req.body.clone(),
    };
    let resp = cloud.handle(&sim, NOW);
    ApiResponse {
        status: resp.status,
        retry_after: None,
        body: resp.body,
    }
}

fn answer(cloud: &cloudsim::Cloud, req: &ApiRequest) -> ApiResponse {
    call(cloud, req, Some("127.0.0.1:9"))
}

fn roma_page(c: &cloudsim::Cloud, q: &ListQuery) -> roma::wire::InstanceList {
    roma::list::decode_list(&answer(
        c,
        &Roma::request(q, "proj").authorize(&Auth::AuthToken("tok".into()), 0),
    ))
    .unwrap()
}

fn by_page(c: &cloudsim::Cloud, q: &ListQuery) -> by::InstanceList {
    bycloud::list::decode_list(&answer(
        c,
        &ByCloud::request(q, "").authorize(&Auth::Bearer("tok".into()), 0),
    ))
    .unwrap()
}

fn roma_walk(c: &cloudsim::Cloud, limit: u32, status: Option<&str>) -> usize {
    let mut q = ListQuery::first(ROMA).restart(ROMA, limit, status.map(|s| ("status", s.to_owned())));
    let mut seen = HashSet::new();
    let mut total = None;
    loop {
        let page = roma_page(c, &q);
        total = total.or(page.total);
        assert_eq!(page.size, Some(page.instances.len() as u64));
        for i in &page.instances {
            assert!(seen.insert(i.id.clone()), "{} twice (limit {limit}, {status:?})", i.id);
            if let Some(s) = status {
                assert_eq!(i.status, s);
            }
        }
        assert_eq!(q.page_number(), (q.offset() / u64::from(limit)) + 1);
        match next(ROMA, &q, &Roma::facts(&q, &page)) {
            Some(n) => q = n,
            None => break,
        }
    }
    assert_eq!(Some(seen.len() as u64), total);
    assert_eq!(
        q.page_count(total.unwrap()),
        q.page_number().max(1),
        "the walk ends on the last page"
    );
    seen.len()
}

#[test]
fn roma_offset_paging_sees_every_instance_once() {
    let c = cloud(333);
    for limit in [1, 7, 10, 100] {
        assert_eq!(roma_walk(&c, limit, None), 333);
    }
    let documented: usize = roma::info::VOCABULARY
        .documented_values()
        .map(|s| roma_walk(&c, 10, Some(s)))
        .sum();
    let odd = 333 - documented;
    assert!(
        odd > 0,
        "the fleet has statuses outside the documented filter values (FROZEN, DELETE_FALIED)"
    );
}

fn bycloud_walk(c: &cloudsim::Cloud, start: ListQuery) -> Vec<String> {
    let mut q = start;
    let mut pages: Vec<(ListQuery, Vec<String>)> = Vec::new();
    let mut seen = HashSet::new();
    let mut total = None;
    let mut last: by::InstanceList;
    loop {
        last = by_page(c, &q);
        total = total.or(last.meta.as_ref().and_then(|m| m.total));
        let ids: Vec<String> = last.instances.iter().map(|i| i.id.clone()).collect();
        for id in &ids {
            assert!(seen.insert(id.clone()), "{id} twice for {q:?}");
        }
        pages.push((q.clone(), ids));
        match next(BY, &q, &ByCloud::facts(&q, &last)) {
            Some(n) => q = n,
            None => break,
        }
    }
    assert_eq!(Some(seen.len() as u64), total, "count matches total for {q:?}");
    // Back again along links.previous.
    let mut back = pages.len() - 1;
    while let Some(p) = previous(BY, &q, Some(&ByCloud::facts(&q, &last)), &Trail::default()) {
        q = p;
        back -= 1;
        last = by_page(c, &q);
        let ids: Vec<String> = last.instances.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids, pages[back].1);
    }
    assert_eq!(back, 0);
    pages.into_iter().flat_map(|(_, ids)| ids).collect()
}

#[test]
fn bycloud_link_paging_sees_every_instance_once_with_each_filter() {
    let c = cloud(257);
    for limit in [5, 20, 1000] {
        assert_eq!(bycloud_walk(&c, ListQuery::first(BY).with_limit(limit)).len(), 257);
    }
    let all = by_page(&c, &ListQuery::first(BY).with_limit(1000));
    let sample = &all.instances[0];
    let flavor = sample.flavor.clone().unwrap().id;
    let image = sample.image.clone().unwrap().id;
    type Matches = Box<dyn Fn(&by::Instance) -> bool>;
    let filters: [(&str, String, Matches); 5] = [
        ("name", "web-*".into(), Box::new(|i| i.name.starts_with("web-"))),
        ("status", "ACTIVE".into(), Box::new(|i| i.status == "ACTIVE")),
        (
            "tags",
            "web,production".into(),
            Box::new(|i| i.tags.iter().any(|t| t == "web") && i.tags.iter().any(|t| t == "production")),
        ),
        (
            "flavor_id",
            flavor.to_string(),
            Box::new(move |i| i.flavor.as_ref().is_some_and(|f| f.id == flavor)),
        ),
        (
            "image_id",
            image.to_string(),
            Box::new(move |i| i.image.as_ref().is_some_and(|m| m.id == image)),
        ),
    ];
    for (key, value, matches) in filters {
        let expected: Vec<String> = all
            .instances
            .iter()
            .filter(|i| matches(i))
            .map(|i| i.id.clone())
            .collect();
        assert!(!expected.is_empty(), "{key}={value} matches something");
        for limit in [5, 20] {
            let q = ListQuery::first(BY).restart(BY, limit, [(key, value.clone())]);
            assert_eq!(bycloud_walk(&c, q), expected, "{key}={value}, limit {limit}");
        }
    }
}

#[test]
fn bycloud_links_to_another_origin_are_only_read_for_their_marker() {
    let c = cloud(30);
    let q = ListQuery::first(BY).with_limit(10);
    let first = by_page(&c, &q);
    let next_link = &first.links.as_ref().unwrap().next;
    assert!(next_link.starts_with("http://127.0.0.1:9/v1/instances?"), "{next_link}");
    let n = next(BY, &q, &ByCloud::facts(&q, &first)).unwrap();
    // The request the app builds is relative to its own base URL, whatever the link's origin.
    assert_eq!(
        ByCloud::request(&n, "").url("/proxy/b"),
        format!("/proxy/b/v1/instances?limit=10&marker={}", n.marker().unwrap())
    );
}

#[test]
fn imagesearch_every_demo_name_resolves() {
    let c = cloud(100);
    let auth = Auth::AuthToken("tok".into());
    for name in cloudsim::imagesearch_names(c.config()) {
        let d = lookup::decode_details(&answer(&c, &lookup::request("proj", &name).authorize(&auth, 0))).unwrap();
        assert_eq!(d.instance_name, name);
    }
    let resp = call(&c, &lookup::request("proj", "nope").authorize(&auth, 0), None);
    assert_eq!(resp.status, 400);
    assert!(resp.body.contains("IS.0010"));
}
