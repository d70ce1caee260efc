//! ByCloud as a [`ListService`]: marker paging driven by `meta.has_more` and
//! `links.next`/`links.previous`.

use super::columns::COLUMNS;
use super::details::details;
use super::info::{INFO, LIST};
pub use super::status::state;
use super::wire::{Instance, InstanceList};
use crate::http::{query_param, ApiError, ApiRequest, ApiResponse};
use crate::lenient::{decode_page, skim_page, Identified, Items, Skim};
use crate::service::{Column, Details, ListInfo, ListQuery, ListService, PageFacts, ServiceInfo};
use crate::state::StateInfo;

/// ByCloud compute.
pub struct ByCloud;

/// Decodes the answer to `GET /v1/instances`: the page, or the error body as an
/// [`ApiError`]. Non-generic, so that it is compiled (and optimized for speed) here.
pub fn decode_list(response: &ApiResponse) -> Result<InstanceList, ApiError> {
    decode_page(response)
}

/// The marker the page points to: none when `meta.has_more` is false, or (without `meta`)
/// when there is no `links.next`; else the marker of `links.next` (only its marker: the
/// link's origin is never fetched), else `meta.marker`, else the last instance's id.
fn next_marker<I: Identified>(page: &InstanceList<I>) -> Option<String> {
    let meta = page.meta.clone().unwrap_or_default();
    if meta.has_more == Some(false) {
        return None;
    }
    let link = page.links.as_ref().map_or("", |l| l.next.trim());
    if meta.has_more.is_none() && link.is_empty() {
        return None;
    }
    query_param(link, "marker")
        .filter(|m| !m.is_empty())
        .or_else(|| Some(meta.marker).filter(|m| !m.is_empty()))
        .or_else(|| {
            page.instances
                .last()
                .map(|i| i.id().to_owned())
                .filter(|m| !m.is_empty())
        })
}

/// What a page (of instances or of skims) says about paging.
fn facts_of<I: Identified>(page: &InstanceList<I>) -> PageFacts {
    let links = page.links.as_ref();
    PageFacts {
        items: page.instances.len() + page.instances.unreadable.len(),
        total: page.meta.as_ref().and_then(|m| m.total),
        next_marker: next_marker(page),
        previous_marker: links.and_then(|l| query_param(&l.previous, "marker")),
        has_more: page.meta.as_ref().and_then(|m| m.has_more),
        next_link: links.map(|l| l.next.clone()).filter(|l| !l.trim().is_empty()),
    }
}

impl ListService for ByCloud {
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
    fn request(q: &ListQuery, _project_id: &str) -> ApiRequest {
        let mut r = ApiRequest::get("/v1/instances".into())
            .param("limit", q.limit.to_string())
            .param_opt("marker", q.marker());
        for f in LIST.filters {
            r = r.param_opt(f.param, q.filter(f.key));
        }
        r
    }
    /// The list cannot be filtered by id: details are a panel on the page.
    fn one_request(_: &str, _: &str) -> Option<ApiRequest> {
        None
    }
    fn decode(response: &ApiResponse) -> Result<InstanceList, ApiError> {
        decode_list(response)
    }
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
        state(row)
    }
    fn search(row: &Instance, out: &mut dyn FnMut(&str)) {
        out(&row.name);
        out(&row.id);
        out(&row.status);
        out(&row.power_state);
        out(&row.task_state);
        for a in row.addresses.values().flatten() {
            out(&a.addr);
        }
        for t in &row.tags {
            out(t);
        }
    }
    fn details(row: &Instance) -> Details {
        details(row)
    }
}
