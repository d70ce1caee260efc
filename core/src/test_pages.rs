//! Pages made up for unit tests (the load-all walks, the overview, the all-instances
//! rows): a CloudDC page of instances given by id and state.

use crate::service::ListPage;
use crate::services::clouddc::{self, Clouddc};

/// A CloudDC page of `(id, state)` instances pointing at `next` (`""`: the last page),
/// announcing `count` in all.
pub fn clouddc_page(instances: &[(&str, &str)], next: &str, count: Option<u64>) -> ListPage {
    let instances: Vec<clouddc::wire::Instance> = instances
        .iter()
        .map(|(id, state)| clouddc::wire::Instance {
            id: (*id).into(),
            state: (*state).into(),
            ..clouddc::wire::Instance::default()
        })
        .collect();
    ListPage::of::<Clouddc>(clouddc::wire::InstanceList {
        instances: instances.into(),
        page_info: Some(clouddc::wire::PageInfo {
            next_marker: next.into(),
            ..clouddc::wire::PageInfo::default()
        }),
        count,
    })
}
