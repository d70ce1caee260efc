//! Unit tests of ECS's description.
use super::info::{LIST, VOCABULARY};
use super::list::{decode_list, Ecs};
use super::wire::{power_state_name, Server, ServerList};
use crate::http::ApiResponse;
use crate::paging::{next, previous, Trail};
use crate::service::{Cell, ListQuery, ListService, Position};
use crate::state::{Category, Tone};

/// The vendor documentation's example answer (one of its four servers).
const EXAMPLE: &str = include_str!("../../../../tests/fixtures/ecs_list_example.json");

#[test]
fn decodes_the_vendor_example() {
    let page = decode_list(&ApiResponse::ok(EXAMPLE)).unwrap();
    assert_eq!(page.count, Some(4));
    let s = &page.servers[0];
    assert_eq!(s.id, "b37fd80e-ac67-4d02-b9f1-9891c9c0fabf");
    assert_eq!(s.status, "SHUTOFF");
    assert_eq!((s.task_state.as_str(), s.vm_state.as_str()), ("", "stopped"));
    assert_eq!(power_state_name(s.power_state), "4 (SHUTDOWN)");
    let f = s.flavor.as_ref().unwrap();
    assert_eq!(
        (f.vcpus, f.ram, f.disk, f.name.as_str()),
        (Some(1), Some(1024), Some(0), "c1.medium")
    );
    assert_eq!(s.address_list(), ["192.168.0.206 (fixed)", "192.168.0.8 (fixed)"]);
    let a = &s.addresses["164489f6-cbf7-45b4-b6d0-d407c48cf7fc"][0];
    assert_eq!((a.version.as_str(), a.mac.as_str()), ("4", "fa:16:3e:95:88:3f"));
    assert_eq!(s.volumes[0].boot_index, "0");
    assert_eq!(s.volumes[0].delete_on_termination, Some(false));
    assert_eq!(s.security_groups.len(), 2);
    assert_eq!(s.metadata["charging_mode"], "1");
    assert_eq!(s.locked, Some(false));
    assert_eq!(s.availability_zone, "az1-dc1");
    assert!(s.shown_fault().is_none());
    assert_eq!(s.sys_tags[0].key, "_sys_enterprise_project_id");
    let d = Ecs::details(s);
    for label in [
        "Status",
        "Task state",
        "VM state",
        "Power state",
        "Flavor",
        "Key pair",
        "Availability zone",
        "Locked",
    ] {
        assert!(d.field(label).is_some(), "{label}");
    }
    for title in ["Addresses", "Security groups", "Volumes", "Metadata"] {
        assert!(d.labels().contains(&title), "{title}");
    }
}

#[test]
fn a_task_under_way_is_in_progress_and_unknown_values_show() {
    let s = |status: &str, task: &str| Server {
        status: status.into(),
        task_state: task.into(),
        ..Server::default()
    };
    assert_eq!(Ecs::state(&s("ACTIVE", "")).tone(), Tone::Ok);
    let stopping = Ecs::state(&s("ACTIVE", "powering-off"));
    assert_eq!((stopping.category, stopping.transitional), (Category::InProgress, true));
    assert_eq!(Ecs::state(&s("ERROR", "deleting")).category, Category::Failed);
    assert_eq!(Ecs::state(&s("SHUTOFF", "")).category, Category::Stopped);
    let odd = Ecs::state(&s("FROZEN", ""));
    assert_eq!((odd.category, odd.documented), (Category::Unknown, false));
    assert!(!VOCABULARY.classify("SUSPENDED").documented);
    assert_eq!(power_state_name(Some(9)), "9");
    assert_eq!(power_state_name(None), "");
}

fn page(ids: std::ops::Range<usize>, count: Option<u64>) -> ServerList {
    let servers: Vec<Server> = ids
        .map(|i| Server {
            id: format!("s{i:03}"),
            status: "ACTIVE".into(),
            ..Server::default()
        })
        .collect();
    ServerList {
        count,
        servers: servers.into(),
    }
}

#[test]
fn pages_by_the_last_id_until_the_count_is_reached() {
    let first = ListQuery::first(&LIST).with_limit(10);
    let p1 = page(0..10, Some(25));
    let second = next(&LIST, &first, &Ecs::facts(&first, &p1)).unwrap();
    assert_eq!((second.marker(), second.page_number()), (Some("s009"), 2));
    let third = next(&LIST, &second, &Ecs::facts(&second, &page(10..20, Some(25)))).unwrap();
    assert_eq!(third.marker(), Some("s019"));
    assert_eq!(
        next(&LIST, &third, &Ecs::facts(&third, &page(20..25, Some(25)))),
        None,
        "25 of 25"
    );
    assert_eq!(
        next(&LIST, &second, &Ecs::facts(&second, &page(10..20, Some(20)))),
        None,
        "a full page that reaches the count is the last"
    );
    assert_eq!(
        next(&LIST, &first, &Ecs::facts(&first, &page(0..10, None))).and_then(|q| q.marker().map(str::to_owned)),
        Some("s009".to_string()),
        "without a count, a full page suggests more"
    );
    assert_eq!(next(&LIST, &first, &Ecs::facts(&first, &page(0..4, None))), None);
    // No previous marker: Previous goes back along the pages visited.
    let mut trail = Trail::default();
    for q in [&first, &second, &third] {
        trail.visit(q);
    }
    assert_eq!(previous(&LIST, &third, None, &trail), Some(second.clone()));
    assert_eq!(previous(&LIST, &second, None, &trail), Some(first.clone()));
    assert_eq!(
        previous(&LIST, &third, None, &Trail::default()),
        Some(ListQuery {
            position: Position::First,
            ..first.clone()
        }),
        "after a reload, back to the first page"
    );
}

#[test]
fn requests_and_the_url() {
    let q = ListQuery::from_pairs(
        &LIST,
        [
            ("limit", "50"),
            ("status", "ACTIVE"),
            ("ip", "192.168"),
            ("name", "web"),
        ],
    );
    assert_eq!(q.to_url_query(), "limit=50&status=ACTIVE&name=web&ip=192.168");
    assert_eq!(
        Ecs::request(&q, "p 1").url(""),
        "/v1/p%201/cloudservers/detail?limit=50&status=ACTIVE&name=web&ip=192.168"
    );
    assert_eq!(ListQuery::from_pairs(&LIST, [("limit", "5000")]).limit, 25);
    assert!(Ecs::one_request("a/b", "p")
        .unwrap()
        .url("")
        .ends_with("?server_id=a%2Fb"));
}

#[test]
fn stubs_for_unknown_ids_are_not_servers_and_one_bad_server_keeps_the_rest() {
    let page = decode_list(&ApiResponse::ok(
        r#"{"count":1,"servers":[{"id":"nope","fault":null,"status":null,"name":null}]}"#,
    ))
    .unwrap();
    assert!(page.servers.is_empty());
    assert!(page.servers.unreadable[0].reason.contains("only its id"));
    let page = decode_list(&ApiResponse::ok(
        r#"{"count":3,"servers":[{"id":"a","status":"ACTIVE"},{"id":"b","flavor":"big"},7]}"#,
    ))
    .unwrap();
    assert_eq!(page.servers.len(), 1);
    assert_eq!(page.servers.unreadable.len(), 2);
    // A stub after an unreadable element: each is named by its place in the list, in order
    // (found by fuzzing; the corpus has the input too).
    let page = decode_list(&ApiResponse::ok(
        r#"{"servers":[7,{"id":"x"},{"id":"a","status":"ACTIVE"},{"id":"y"}]}"#,
    ))
    .unwrap();
    let at: Vec<usize> = page.servers.unreadable.iter().map(|u| u.index).collect();
    assert_eq!((page.servers.len(), at), (1, vec![0, 1, 3]));
    assert!(matches!(Ecs::columns()[0].cell, f if matches!(f(&page.servers[0]), Cell::Name(_))));
    let e = decode_list(&ApiResponse {
        status: 400,
        retry_after: None,
        body: r#"{"error":{"code":"Ecs.0005","message":"Invalid parameter values."}}"#.into(),
    })
    .unwrap_err();
    assert!(e.to_string().contains("Ecs.0005"));
}
