//! What the app does with each service's decoded answer, field by field: the CloudDC list
//! and status, the ROMA and ByCloud lists, the ImageSearch details; then, for a list, its
//! rows and columns ([`rows_checks`]) and its paging from every query a view may be on.

use super::checks::*;
use super::paging::{page_checks, queries};
use super::rows::rows_checks;
use super::values::REAL_OFFSETS;
use skyglass_core::http::query_param;
use skyglass_core::service::Cell;
use skyglass_core::service::{ListQuery, Position};
use skyglass_core::services::bycloud::{self, ByCloud};
use skyglass_core::services::clouddc::markers::extract_marker;
use skyglass_core::services::clouddc::status::InstanceStatus;
use skyglass_core::services::clouddc::user_data::decode_user_data;
use skyglass_core::services::clouddc::{self, lifecycle, Clouddc};
use skyglass_core::services::imagesearch::{self, lookup};
use skyglass_core::services::roma::{self, Roma};
use std::hint::black_box;

/// A marker the page hands out: when one is read from it, it is not blank.
fn marker_checks(raw: &str) {
    if let Some(x) = extract_marker(raw) {
        assert!(!x.trim().is_empty(), "an empty marker from {raw:?}");
    }
    black_box(query_param(raw, "marker"));
}

pub fn clouddc_list(list: &clouddc::wire::InstanceList, env: &Env) {
    for i in list.instances.iter() {
        black_box(i.ipv4s());
        if let Some(e) = i.shown_error() {
            text_helpers(&e.error_code, env);
            text_helpers(&e.error_msg, env);
        }
        state_helpers(&i.state);
        black_box(decode_user_data(&i.user_data));
        for t in [&i.created_at, &i.updated_at, &i.launched_at] {
            time_helpers(t, env);
        }
        for s in [i.id.as_str(), &i.name, &i.description, &i.vpc_id, &i.server_id] {
            text_helpers(s, env);
        }
        for (k, v) in &i.metadata {
            text_helpers(k, env);
            text_helpers(v, env);
        }
        if let Some(img) = &i.image {
            text_helpers(&img.name, env);
        }
        black_box(extract_marker(&i.id));
    }
    if let Some(pi) = &list.page_info {
        marker_checks(&pi.next_marker);
        marker_checks(&pi.previous_marker);
    }
    let info = &clouddc::info::LIST;
    let far = ListQuery {
        limit: u32::MAX,
        position: Position::Marker {
            marker: "m".into(),
            page: u32::MAX,
        },
        filters: vec![("state", "running".into())],
    };
    let far_url: &[(&str, &str)] = &[("marker", "m"), ("page", "4294967295"), ("limit", "4294967295")];
    let qs = queries(info, env, &[far_url], vec![far]);
    rows_checks::<Clouddc>(list, env);
    page_checks::<Clouddc>(list, &qs);
}

pub fn clouddc_status(s: &InstanceStatus, env: &Env) {
    state_helpers(&s.state);
    state_helpers(&s.operation_state);
    if let Some(e) = &s.error {
        black_box(e.is_empty());
        text_helpers(&e.error_msg, env);
    }
    let (state, operation) = (s.state.as_str(), s.operation_state.as_str());
    assert_eq!(lifecycle::observe(Some((state, operation)), state, operation), None);
    black_box(lifecycle::observe(
        Some(("pending", "install-processing")),
        state,
        operation,
    ));
    black_box(clouddc::status::status_request("proj", state).url("/proxy/dc"));
}

pub fn roma_list(list: &roma::wire::InstanceList, env: &Env) {
    for i in list.instances.iter() {
        black_box(i.shown_error());
        black_box(i.maintenance_window());
        for u in [&i.created_user, &i.last_updated_user].into_iter().flatten() {
            text_helpers(&u.shown(), env);
        }
        vocabulary_helpers(&roma::info::VOCABULARY, &i.status);
        for t in [&i.create_time, &i.update_time] {
            time_helpers(t, env);
        }
        for s in [
            i.id.as_str(),
            &i.name,
            &i.description,
            &i.publicip_address,
            &i.error_msg,
        ] {
            text_helpers(s, env);
        }
        for z in &i.available_zone_ids {
            text_helpers(z, env);
        }
    }
    let info = &roma::info::LIST;
    let literal = vec![
        ListQuery {
            limit: 1,
            position: Position::Offset(u64::MAX),
            filters: Vec::new(),
        },
        ListQuery {
            limit: info.max_limit,
            position: Position::Offset(u64::MAX - 5),
            filters: vec![("status", "RUNNING".into())],
        },
    ];
    let far_url: &[(&str, &str)] = &[("offset", "18446744073709551615"), ("limit", "1")];
    let qs = queries(info, env, &[far_url], literal);
    rows_checks::<Roma>(list, env);
    page_checks::<Roma>(list, &qs);
}

pub fn bycloud_list(list: &bycloud::wire::InstanceList, env: &Env) {
    for i in list.instances.iter() {
        if let Some(f) = &i.flavor {
            black_box(f.summary());
        }
        black_box(i.address_list());
        if let Some(f) = i.shown_fault() {
            text_helpers(&f.message, env);
            text_helpers(&f.details, env);
            time_helpers(&f.created, env);
        }
        vocabulary_helpers(&bycloud::info::VOCABULARY, &i.status);
        let state = bycloud::list::state(i);
        assert_eq!(state.value, i.status.as_str(), "the status as it arrived");
        if !i.task_state.trim().is_empty() {
            assert!(state.transitional, "a task under way is in progress");
        }
        for t in [&i.created_at, &i.updated_at, &i.launched_at, &i.terminated_at] {
            time_helpers(t, env);
        }
        for s in [i.id.as_str(), &i.name, &i.description, &i.power_state, &i.vm_state] {
            text_helpers(s, env);
        }
        for (k, v) in &i.metadata {
            text_helpers(k, env);
            text_helpers(v, env);
        }
    }
    if let Some(l) = &list.links {
        for s in [&l.self_, &l.next, &l.previous] {
            black_box(query_param(s, "marker"));
        }
    }
    let far_url: &[(&str, &str)] = &[("marker", "m"), ("page", "4294967295"), ("limit", "1000")];
    let qs = queries(&bycloud::info::LIST, env, &[far_url], Vec::new());
    rows_checks::<ByCloud>(list, env);
    page_checks::<ByCloud>(list, &qs);
}

pub fn imagesearch_details(d: &imagesearch::wire::Details, env: &Env) {
    black_box(lookup::level_text(d.level));
    for off in REAL_OFFSETS.into_iter().chain([env.offset_minutes]) {
        black_box(lookup::expiry_text(d.expired_date, off));
        black_box(lookup::date_text(d.register_date, off));
        black_box(lookup::date_text(d.expired_date, off));
    }
    let state = lookup::state(d);
    assert_eq!(state, imagesearch::info::VOCABULARY.classify(&d.status));
    vocabulary_helpers(&imagesearch::info::VOCABULARY, &d.status);
    remember_checks(&d.tags, &d.instance_name, env.clip_max % 12);
    black_box(lookup::request("proj", &d.instance_name).url("/proxy/is"));
    for s in [&d.instance_name, &d.domain, &d.desc] {
        text_helpers(s, env);
    }
    let details = lookup::details(d);
    details_helpers(&details, env);
    let never = details.field("Expires") == Some(&Cell::Text("never expires".into()));
    assert_eq!(never, d.expired_date == Some(-1), "expiredDate -1 is \"never expires\"");
}

/// The recently looked-up names: the name first, once, at most `max` of them.
pub fn remember_checks(recent: &[String], name: &str, max: usize) {
    let r = lookup::remember(recent, name, max);
    assert!(r.len() <= max, "{} names kept of at most {max}", r.len());
    if max > 0 {
        assert_eq!(r[0], name.trim());
        assert_eq!(r.iter().filter(|n| n.as_str() == name.trim()).count(), 1, "{r:?}");
    }
}
