//! The helpers on their own, with arbitrary arguments: times, URLs and cursors, text, the
//! numbered pager's window and the paging rules on arbitrary page facts.

use super::checks::*;
use super::gen::*;
use super::paging::{next_checks, pager, previous_checks, queries, restart_checks, url_round_trip, window_checks};
use super::runner::run_simple;
use super::services::{bycloud_list, clouddc_list, remember_checks, roma_list};
use super::values::{query_keys, REAL_OFFSETS};
use proptest::prelude::*;
use skyglass_core::http::{clip, encode, encode_pairs, query_param, ApiError};
use skyglass_core::paging::{self, origin_of, page_window, PagingWatch, Trail};
use skyglass_core::service::{list_text, Cell, ListInfo, ListQuery, PageFacts, Paging};
use skyglass_core::services::clouddc::markers::extract_marker;
use skyglass_core::services::clouddc::user_data::decode_user_data;
use skyglass_core::services::{bycloud, clouddc, imagesearch::lookup, roma, REGISTRY};
use skyglass_core::state::with_task;
use skyglass_core::table::{natural_cmp, SearchQuery, SortKey};
use skyglass_core::timefmt;
use std::hint::black_box;

/// Every list service's `LIST`, from the registry.
pub fn lists() -> Vec<&'static ListInfo> {
    REGISTRY.iter().filter_map(|e| e.info.list()).collect()
}

pub fn fuzz_timefmt() {
    let raw = seeded(|g| if g.chance(4) { gen_string(g) } else { gen_time_text(g) });
    let clock = (seeded(gen_extreme_i64), seeded(gen_extreme_i64), seeded(gen_offset));
    run_simple(
        "timefmt",
        (raw, clock, seeded(gen_env)),
        |(raw, (ms, now, off), env)| {
            let (ms, now, off) = (*ms, *now, *off);
            black_box(timefmt::parse_rfc3339_ms(raw));
            black_box(timefmt::cell(raw, now, off));
            let rel = timefmt::relative(ms, now);
            assert!(!rel.is_empty());
            black_box(timefmt::absolute(ms, off));
            black_box(timefmt::clock(ms, off));
            black_box(lookup::expiry_text(Some(ms), off));
            black_box(lookup::date_text(Some(ms), off));
            black_box(lookup::level_text(Some(ms)));
            black_box(lookup::level_text(Some(now)));
            for off in REAL_OFFSETS {
                black_box(timefmt::absolute(ms, off));
                black_box(timefmt::clock(ms, off));
            }
            for cell in [
                Cell::Time(raw.clone()),
                Cell::EpochMs(Some(ms)),
                Cell::EpochMs(Some(now)),
            ] {
                black_box(cell.shown(now, off));
                cell_helpers(&cell, env);
            }
            time_helpers(raw, env);
        },
    );
}

pub fn fuzz_urls_and_cursors() {
    let address = seeded(|g| if g.chance(4) { gen_string(g) } else { gen_marker_text(g) });
    let key = seeded(|g| {
        if g.chance(4) {
            gen_string(g)
        } else {
            g.pick(query_keys()).to_owned()
        }
    });
    run_simple(
        "urls_and_cursors",
        (address, key, seeded(gen_env)),
        |(address, key, env)| {
            black_box(query_param(address, key));
            black_box(query_param(address, "marker"));
            if let Some(m) = extract_marker(address) {
                assert!(!m.trim().is_empty(), "an empty marker from {address:?}");
            }
            black_box(decode_user_data(address));
            black_box(encode(address));
            black_box(encode_pairs(&env.pairs));
            black_box(origin_of(address));
            // The address as a view's marker, page and filter: its URL round-trips.
            for info in lists() {
                let pairs = [
                    ("marker", address.as_str()),
                    ("page", key.as_str()),
                    (key.as_str(), address.as_str()),
                ];
                url_round_trip(info, &ListQuery::from_pairs(info, pairs));
            }
            // One-instance pages whose markers and links are the fuzzed address.
            let cdc = clouddc::wire::InstanceList {
                instances: vec![clouddc::wire::Instance {
                    id: address.clone(),
                    ..Default::default()
                }]
                .into(),
                page_info: Some(clouddc::wire::PageInfo {
                    next_marker: address.clone(),
                    previous_marker: address.clone(),
                    current_count: None,
                }),
                count: None,
            };
            clouddc_list(&cdc, env);
            clouddc_list(&Default::default(), env);
            let bc = bycloud::wire::InstanceList {
                instances: vec![bycloud::wire::Instance {
                    id: address.clone(),
                    ..Default::default()
                }]
                .into(),
                meta: Some(bycloud::wire::Meta {
                    marker: address.clone(),
                    ..Default::default()
                }),
                links: Some(bycloud::wire::Links {
                    self_: address.clone(),
                    next: address.clone(),
                    previous: address.clone(),
                }),
            };
            bycloud_list(&bc, env);
            bycloud_list(&Default::default(), env);
            let total = address.parse::<u64>().ok().or(Some(u64::MAX));
            let roma_page = roma::wire::InstanceList {
                total,
                size: total,
                instances: vec![roma::wire::Instance::default(); (env.clip_max % 7) + 1].into(),
            };
            roma_list(&roma_page, env);
            roma_list(&Default::default(), env);
        },
    );
}

pub fn fuzz_text_helpers() {
    let text = seeded(|g| match g.weighted(&[3, 1, 1]) {
        0 => gen_string(g),
        1 => base64_std(&gen_bytes(g, 96)),
        _ => base64_std(gen_string(g).as_bytes()),
    });
    let max = seeded(|g| match g.below(3) {
        0 => g.below(32),
        1 => g.below(4096),
        _ => g.pick(&[usize::MAX, usize::MAX - 1]),
    });
    let status = (100u16..=599, any::<bool>());
    run_simple(
        "text_helpers",
        (text, max, seeded(gen_string), status),
        |(s, max, secret, status)| {
            let (status, rejected) = *status;
            let c = clip(s, *max);
            if s.len() <= *max {
                assert_eq!(&c, s);
            } else {
                assert!(c.len() <= max.saturating_add(60) || c.len() <= s.len() + 60);
            }
            black_box(decode_user_data(s));
            state_helpers(s);
            black_box(with_task(bycloud::info::VOCABULARY.classify(s), s));
            remember_checks(&[s.clone(), secret.clone()], secret, *max % 8);
            black_box(list_text(&[s.clone(), secret.clone()], *max % 10));
            black_box((SortKey::text(s), SearchQuery::parse(s).terms().len()));
            assert_eq!(natural_cmp(s, s), std::cmp::Ordering::Equal);
            assert_eq!(
                natural_cmp(s, secret),
                natural_cmp(secret, s).reverse(),
                "{s:?} vs {secret:?}"
            );
            let errors = [
                ApiError::Status {
                    status,
                    code: Some(s.clone()),
                    message: s.clone(),
                    details: Some(secret.clone()),
                    request_id: None,
                    retry_after: Some(s.clone()),
                    token_rejected: rejected,
                },
                ApiError::Network(s.clone()),
                ApiError::Decode(s.clone()),
                ApiError::Timeout(*max as u32),
                ApiError::Aborted,
            ];
            let env = Env {
                now_ms: 0,
                offset_minutes: 0,
                secret: secret.clone(),
                clip_max: *max,
                pairs: Vec::new(),
            };
            for e in errors {
                error_helpers(e, &env);
            }
            text_helpers(s, &env);
        },
    );
}

fn gen_page_number(g: &mut Gen) -> u64 {
    match g.weighted(&[3, 2, 1]) {
        0 => g.below(12) as u64,
        1 => g.pick(&[u64::MAX, u64::MAX - 1, u64::MAX - 2, u64::from(u32::MAX), 1 << 53]),
        _ => g.next(),
    }
}

pub fn fuzz_page_windows() {
    run_simple(
        "page_windows",
        (seeded(gen_page_number), seeded(gen_page_number)),
        |(current, count)| {
            window_checks(*current, *count, &page_window(*current, *count));
        },
    );
}

fn gen_facts(g: &mut Gen) -> PageFacts {
    let marker = |g: &mut Gen| match g.below(4) {
        0 => None,
        1 => Some(gen_marker_text(g)),
        2 => Some(g.pick(&["", " ", "m", "a"]).to_owned()),
        _ => Some(gen_string(g)),
    };
    PageFacts {
        items: match g.below(3) {
            0 => g.below(3),
            1 => g.pick(&[10, 20, 100, 1000, usize::MAX]),
            _ => g.below(2000),
        },
        total: g.chance(3).then(|| gen_page_number(g)),
        next_marker: marker(g),
        previous_marker: marker(g),
        has_more: g.pick(&[None, Some(true), Some(false)]),
        next_link: g.chance(2).then(|| gen_marker_text(g)),
    }
}

pub fn fuzz_paging_rules() {
    run_simple("paging_rules", (seeded(gen_facts), seeded(gen_env)), |(facts, env)| {
        for info in lists() {
            let far: &[(&str, &str)] = &[
                ("marker", "m"),
                ("page", "4294967295"),
                ("offset", "18446744073709551615"),
            ];
            let mut watch = PagingWatch::default();
            for q in queries(info, env, &[far], Vec::new()) {
                if let Some(n) = paging::next(info, &q, facts) {
                    next_checks(info, &q, &n, facts);
                }
                let after = paging::previous(info, &q, Some(facts), &Trail::default());
                previous_checks(info, &q, after.as_ref(), facts.total);
                let after = paging::previous(info, &q, None, &Trail::default());
                previous_checks(info, &q, after.as_ref(), None);
                for a in watch.record(paging::seen(info, &q, facts, Some("https://api.example"))) {
                    black_box((a.describe(), a.stops_paging()));
                }
                if info.paging == Paging::Offset {
                    pager(&q, facts.total);
                }
                restart_checks(info, &q);
            }
        }
    });
}
