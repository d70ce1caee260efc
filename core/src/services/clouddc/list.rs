//! CloudDC as a [`ListService`]: its request, decoder and paging facts.

use super::columns::COLUMNS;
use super::details::details;
use super::info::{INFO, LIST, VOCABULARY};
use super::markers::extract_marker;
use super::wire::{Instance, InstanceList};
use crate::http::{encode, ApiError, ApiRequest, ApiResponse};
use crate::lenient::{decode_page, skim_page, Items, Skim};
use crate::service::{Column, ListInfo, ListQuery, ListService, PageFacts, ServiceInfo};
use crate::state::StateInfo;

/// CloudDC / iMetal bare-metal servers.
pub struct Clouddc;

/// Decodes the answer to `GET /v1/{project_id}/instances`: the page, or the error body as
/// an [`ApiError`]. Non-generic, so that it is compiled (and optimized for speed) here.
pub fn decode_list(response: &ApiResponse) -> Result<InstanceList, ApiError> {
    decode_page(response)
}

/// What a page (of instances or of skims) says about paging.
fn facts_of<I>(page: &InstanceList<I>) -> PageFacts {
    let info = page.page_info.as_ref();
    PageFacts {
        items: page.instances.len() + page.instances.unreadable.len(),
        total: page.count,
        next_marker: info.and_then(|pi| extract_marker(&pi.next_marker)),
        previous_marker: info.and_then(|pi| extract_marker(&pi.previous_marker)),
        has_more: None,
        next_link: None,
    }
}

impl ListService for Clouddc {
    type Page = InstanceList;
    type Row = Instance;

    fn info() -> &'static ServiceInfo {
        &INFO
    }
    fn list() -> &'static ListInfo {
        &LIST
    }
    fn columns() -> &'static [Column<Instance>] {
        &COLUMNS
    }
    fn request(q: &ListQuery, project_id: &str) -> ApiRequest {
        ApiRequest::get(format!("/v1/{}/instances", encode(project_id)))
            .param("limit", q.limit.to_string())
            .param_opt("marker", q.marker())
            .param_opt("instance_state", q.filter("state"))
    }
    /// The list filtered by `instance_id`.
    fn one_request(id: &str, project_id: &str) -> Option<ApiRequest> {
        Some(
            ApiRequest::get(format!("/v1/{}/instances", encode(project_id)))
                .param("instance_id", id)
                .param("limit", LIST.min_limit.to_string()),
        )
    }
    fn decode(response: &ApiResponse) -> Result<InstanceList, ApiError> {
        decode_list(response)
    }
    /// Markers may be bare or query addresses; `count` is the total.
    fn facts(_: &ListQuery, page: &InstanceList) -> PageFacts {
        facts_of(page)
    }
    fn head(_: &ListQuery, response: &ApiResponse) -> Option<PageFacts> {
        skim_page::<InstanceList<Skim>>(response).map(|p| facts_of(&p))
    }
    fn rows(page: &InstanceList) -> &Items<Instance> {
        &page.instances
    }
    fn into_rows(page: InstanceList) -> Items<Instance> {
        page.instances
    }
    fn row_id(row: &Instance) -> &str {
        &row.id
    }
    fn revision(row: &Instance) -> &str {
        &row.updated_at
    }
    fn state(row: &Instance) -> StateInfo {
        VOCABULARY.classify(&row.state)
    }
    fn search(row: &Instance, out: &mut dyn FnMut(&str)) {
        out(&row.name);
        out(&row.id);
        out(&row.state);
        for ip in row.ipv4s() {
            out(ip);
        }
        for t in &row.tags {
            out(&format!("{}={}", t.key, t.value));
        }
    }
    fn details(row: &Instance) -> crate::service::Details {
        details(row)
    }
}
