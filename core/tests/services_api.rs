//! ROMA Connect, ByCloud and ImageSearch decoders on the seed pages' examples verbatim,
//! and on responses with unknown enum values, missing optional fields and extra fields.

mod common;
use common::*;
use skyglass_core::http::{decode_error, ApiError, ApiResponse};
use skyglass_core::paging::{next, previous, Trail};
use skyglass_core::service::{ListQuery, ListService};
use skyglass_core::services::bycloud::{self, list::state as bycloud_state, ByCloud};
use skyglass_core::services::imagesearch::lookup::{decode_details, expiry_text};
use skyglass_core::services::roma::{self, Roma};
use skyglass_core::state::Tone;

fn resp(status: u16, body: &str) -> ApiResponse {
    ApiResponse {
        status,
        retry_after: None,
        body: body.into(),
    }
}

#[test]
fn roma_example_and_error_bodies_verbatim() {
    let ex = examples(ROMA);
    assert_eq!(ex.len(), 5, "200, 400, 401, 403, 500");
    let list = roma::list::decode_list(&resp(200, ex[0])).unwrap();
    assert_eq!((list.total, list.size), (Some(1), Some(1)));
    let i = &list.instances[0];
    assert_eq!(i.id, "e34610ca-0a37-4f04-8856-4101b08cc5e2");
    assert_eq!(i.status, "RUNNING");
    assert_eq!(i.flavor_type, "basic");
    assert_eq!(i.cpu_arch, "x86_64");
    assert_eq!(i.publicip_enable, Some(true));
    assert_eq!(i.publicip_address, "139.9.140.164");
    assert_eq!(i.available_zone_ids, ["9f1c5806706d4c1fb0eb72f0a9b18c77"]);
    assert_eq!(i.maintenance_window(), "22:00:00–02:00:00");
    assert_eq!(i.created_user.as_ref().unwrap().user_name, "string");
    for (body, status, code) in [
        (ex[1], 400, "ROMA.00013000"),
        (ex[2], 401, "ROMA.00012000"),
        (ex[3], 403, "ROMA.00012000"),
        (ex[4], 500, "ROMA.00011000"),
    ] {
        let e = decode_error(&resp(status, body));
        let ApiError::Status {
            code: c,
            request_id,
            details,
            ..
        } = &e
        else {
            panic!()
        };
        assert_eq!(c.as_deref(), Some(code));
        assert_eq!(request_id.as_deref(), Some("13760c1fe8655e61209b75665e9bef43"));
        assert_eq!(details.as_deref(), Some("some error details here"));
        assert_eq!(e.is_auth(), status == 401);
    }
}

#[test]
fn roma_unknown_missing_and_extra_fields() {
    let body = r#"{"total":"3","instances":[{"id":"a","status":"FROZEN","publicip_enable":"false","available_zone_ids":null,
        "created_user":null,"brand_new_field":{"x":1}},{"id":"b","status":"DELETE_FALIED"}]}"#;
    let list = roma::list::decode_list(&resp(200, body)).unwrap();
    assert_eq!(list.total, Some(3));
    assert_eq!(list.size, None);
    assert_eq!(list.instances[0].status, "FROZEN");
    assert!(!Roma::state(&list.instances[0]).documented);
    assert_eq!(list.instances[0].publicip_enable, Some(false));
    assert!(list.instances[0].available_zone_ids.is_empty());
    assert_eq!(Roma::state(&list.instances[1]).tone(), Tone::Bad);
}

#[test]
fn bycloud_example_verbatim() {
    let ex = examples(BYCLOUD);
    assert_eq!(ex.len(), 1);
    let list = bycloud::list::decode_list(&resp(200, ex[0])).unwrap();
    let i = &list.instances[0];
    assert_eq!(i.name, "web-server-01");
    assert_eq!(i.status, "ACTIVE");
    assert_eq!(i.power_state, "RUNNING");
    assert_eq!(i.task_state, "", "null task_state");
    assert_eq!(
        i.flavor.as_ref().unwrap().summary(),
        "m1.medium · 2 vCPU · 4 GiB RAM · 40 GiB disk"
    );
    assert_eq!(i.address_list(), ["192.168.1.10 (private-network)"]);
    assert_eq!(i.addresses["private-network"][0].kind, "fixed");
    assert_eq!(i.security_groups[0].name, "default");
    assert_eq!(i.volumes_attached[0].delete_on_termination, Some(false));
    assert_eq!(i.key_names, ["my-keypair", "backup-key"]);
    assert_eq!(i.metadata["team"], "backend");
    assert_eq!(i.tags, ["web", "frontend"]);
    assert_eq!(i.shown_fault().unwrap().code, "500");
    let meta = list.meta.as_ref().unwrap();
    assert_eq!(
        (meta.total, meta.limit, meta.has_more),
        (Some(150), Some(20), Some(true))
    );
    let first = ListQuery::first(&bycloud::info::LIST);
    let next = next(&bycloud::info::LIST, &first, &ByCloud::facts(&first, &list)).unwrap();
    assert_eq!(next.marker(), Some("550e8400-e29b-41d4-a716-446655440000"));
    let prev = previous(
        &bycloud::info::LIST,
        &next,
        Some(&ByCloud::facts(&next, &list)),
        &Trail::default(),
    )
    .unwrap();
    assert_eq!(prev.marker(), Some("440e8400-e29b-41d4-a716-446655440000"));
}

#[test]
fn bycloud_unknown_missing_and_extra_fields() {
    let body = r#"{"instances":[{"id":"x","status":"MIGRATING","task_state":"migrating","flavor":{"vcpus":"4"},
        "addresses":null,"security_groups":null,"fault":{"code":null,"message":""},"extra":true}]}"#;
    let list = bycloud::list::decode_list(&resp(200, body)).unwrap();
    let i = &list.instances[0];
    assert_eq!(i.status, "MIGRATING");
    assert!(bycloud_state(i).transitional);
    assert_eq!(i.flavor.as_ref().unwrap().vcpus, Some(4));
    assert!(i.shown_fault().is_none());
    assert!(list.meta.is_none() && list.links.is_none());
    let first = ListQuery::first(&bycloud::info::LIST);
    assert_eq!(
        next(&bycloud::info::LIST, &first, &ByCloud::facts(&first, &list)),
        None,
        "no meta and no next link: no next page"
    );
    let e = decode_error(&resp(
        401,
        r#"{"error":{"code":401,"message":"Authentication required or token invalid"}}"#,
    ));
    assert!(e.is_auth());
    assert!(e.to_string().contains("Authentication required"));
}

#[test]
fn imagesearch_example_and_error_verbatim() {
    let ex = examples(IMAGESEARCH);
    assert_eq!(ex.len(), 2);
    let d = decode_details(&resp(200, ex[0])).unwrap();
    assert_eq!(d.instance_name, "test-instance");
    assert_eq!(d.level, Some(30_000_000));
    assert_eq!(d.expired_date, Some(1_530_848_365_207));
    assert_eq!(d.register_date, Some(1_529_377_136_279));
    assert_eq!(d.tags, ["tag1", "tag2"]);
    assert_eq!(d.status, "NORMAL");
    let e = decode_details(&resp(400, ex[1])).unwrap_err();
    assert!(e.is_auth(), "IS.0004 means the token was rejected");
    assert!(!decode_error(&resp(400, ex[1])).is_auth(), "for ImageSearch only");
    assert!(e.to_string().contains("The authentication token is abnormal."));
}

#[test]
fn imagesearch_unknown_missing_and_extra_fields() {
    let d = decode_details(&resp(
        200,
        r#"{"instanceName":"x","expiredDate":-1,"status":"SUSPENDED","tags":null,"level":"12","new":1}"#,
    ))
    .unwrap();
    assert_eq!(expiry_text(d.expired_date, 0), "never expires");
    assert_eq!(d.status, "SUSPENDED");
    assert_eq!(d.level, Some(12));
    assert!(d.tags.is_empty() && d.register_date.is_none());
}
