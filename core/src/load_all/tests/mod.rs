//! Unit tests of the load-all walks: the marker walk ([`marker`]) and the offset walk
//! ([`offset`]), with pages made up here.

pub use super::*;
pub use crate::http::ApiError;
pub use crate::paging::Anomaly;
pub use crate::service::{ListPage, ListQuery, PageFacts, Position};
pub use crate::services::bycloud::{self, ByCloud};
pub use crate::services::clouddc;
pub use crate::services::roma::{self, Roma};
pub use crate::table::Rows;

pub fn ids(rows: &dyn Rows) -> Vec<String> {
    (0..rows.len()).map(|r| rows.id(r).to_owned()).collect()
}

pub fn dc_page(ids: &[&str], next: &str, count: u64) -> ListPage {
    let instances: Vec<(&str, &str)> = ids.iter().map(|id| (*id, "")).collect();
    crate::test_pages::clouddc_page(&instances, next, Some(count))
}

pub fn roma_page(from: usize, n: usize, total: Option<u64>) -> ListPage {
    let instances: Vec<roma::wire::Instance> = (from..from + n)
        .map(|i| roma::wire::Instance {
            id: format!("r{i:05}"),
            ..roma::wire::Instance::default()
        })
        .collect();
    ListPage::of::<Roma>(roma::wire::InstanceList {
        total,
        size: Some(n as u64),
        instances: instances.into(),
    })
}

pub fn clouddc_walk() -> MarkerWalk {
    MarkerWalk::new(
        &clouddc::info::LIST,
        ListQuery::first(&clouddc::info::LIST).with_limit(1000),
        None,
    )
}

pub fn roma_walk(page_size: u32) -> OffsetWalk {
    OffsetWalk::new(
        &roma::info::LIST,
        ListQuery::first(&roma::info::LIST).with_limit(page_size),
    )
}

mod marker;
mod offset;
