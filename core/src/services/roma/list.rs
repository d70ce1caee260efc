//! ROMA Connect as a [`ListService`]: offset paging with `total`.

use super::columns::COLUMNS;
use super::details::details;
use super::info::{INFO, LIST, VOCABULARY};
use super::wire::{Instance, InstanceList};
use crate::http::{encode, ApiError, ApiRequest, ApiResponse};
use crate::lenient::{decode_page, Items};
use crate::service::{Column, Details, ListInfo, ListQuery, ListService, PageFacts, ServiceInfo};
use crate::state::StateInfo;

/// ROMA Connect.
pub struct Roma;

/// Decodes the answer to `GET /v2/{project_id}/instances`: the page, or the error body as
/// an [`ApiError`]. Non-generic, so that it is compiled (and optimized for speed) here.
pub fn decode_list(response: &ApiResponse) -> Result<InstanceList, ApiError> {
    decode_page(response)
}

impl ListService for Roma {
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
        ApiRequest::get(format!("/v2/{}/instances", encode(project_id)))
            .param("offset", q.offset().to_string())
            .param("limit", q.limit.to_string())
            .param_opt("status", q.filter("status"))
    }
    /// The list cannot be filtered by id: details are a panel on the page.
    fn one_request(_: &str, _: &str) -> Option<ApiRequest> {
        None
    }
    fn decode(response: &ApiResponse) -> Result<InstanceList, ApiError> {
        decode_list(response)
    }
    fn facts(_: &ListQuery, page: &InstanceList) -> PageFacts {
        PageFacts {
            items: page.instances.len() + page.instances.unreadable.len(),
            total: page.total,
            ..PageFacts::default()
        }
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
        &row.update_time
    }
    fn state(row: &Instance) -> StateInfo {
        VOCABULARY.classify(&row.status)
    }
    fn search(row: &Instance, out: &mut dyn FnMut(&str)) {
        out(&row.name);
        out(&row.id);
        out(&row.status);
        out(&row.publicip_address);
    }
    fn details(row: &Instance) -> Details {
        details(row)
    }
}
