//! ECS as a [`ListService`]: marker paging by the last server's id, `count` the total.

use super::columns::COLUMNS;
use super::details::details;
use super::info::{INFO, LIST};
use super::status::state;
use super::wire::{Server, ServerList};
use crate::http::{encode, ApiError, ApiRequest, ApiResponse};
use crate::lenient::{decode_page, skim_page, Identified, Items, Skim, Unreadable};
use crate::service::{Column, Details, ListInfo, ListQuery, ListService, PageFacts, ServiceInfo};
use crate::state::StateInfo;

/// Huawei Cloud ECS.
pub struct Ecs;

/// Decodes the answer to `GET /v1/{project_id}/cloudservers/detail`: the page, or the
/// error body as an [`ApiError`]. A server the service sent only the id of (what
/// `server_id` answers for one that does not exist) is not a server: it is set aside as
/// unreadable. Non-generic, so that it is compiled (and optimized for speed) here.
pub fn decode_list(response: &ApiResponse) -> Result<ServerList, ApiError> {
    let mut page: ServerList = decode_page(response)?;
    if page.servers.iter().any(Server::is_stub) {
        let items = std::mem::take(&mut page.servers.items);
        let unreadable = std::mem::take(&mut page.servers.unreadable);
        // The element index of each readable server: the indices unreadable ones skip.
        let mut skipped = unreadable.iter().map(|u| u.index).peekable();
        let mut index = 0;
        let mut stubs = Vec::new();
        for s in items {
            while skipped.next_if_eq(&index).is_some() {
                index += 1;
            }
            if s.is_stub() {
                stubs.push(Unreadable {
                    index,
                    reason: format!(
                        "no such server: the service sent only its id ({})",
                        crate::http::clip(&s.id, 80)
                    ),
                });
            } else {
                page.servers.items.push(s);
            }
            index += 1;
        }
        let mut all = unreadable;
        all.extend(stubs);
        all.sort_by_key(|u| u.index);
        page.servers.unreadable = all;
    }
    Ok(page)
}

/// What a page (of servers or of skims) says about paging.
fn facts_of<S: Identified>(q: &ListQuery, page: &ServerList<S>) -> PageFacts {
    let items = page.servers.len() + page.servers.unreadable.len();
    let before = q.page_number().saturating_sub(1).saturating_mul(u64::from(q.limit));
    let seen = before.saturating_add(items as u64);
    let more = match page.count {
        Some(count) => items > 0 && seen < count,
        None => items > 0 && items >= q.limit as usize,
    };
    PageFacts {
        items,
        total: page.count,
        next_marker: more
            .then(|| page.servers.last().map(|s| s.id().to_owned()))
            .flatten()
            .filter(|m| !m.is_empty()),
        previous_marker: None,
        has_more: Some(more),
        next_link: None,
    }
}

impl ListService for Ecs {
    type Page = ServerList;
    type Row = Server;

    fn info() -> &'static ServiceInfo {
        &INFO
    }
    fn list() -> &'static ListInfo {
        &LIST
    }
    fn columns() -> &'static [Column<Server>] {
        &COLUMNS
    }
    fn request(q: &ListQuery, project_id: &str) -> ApiRequest {
        let mut r = ApiRequest::get(format!("/v1/{}/cloudservers/detail", encode(project_id)))
            .param("limit", q.limit.to_string())
            .param_opt("marker", q.marker());
        for f in LIST.filters {
            r = r.param_opt(f.param, q.filter(f.key));
        }
        r
    }
    /// The list by `server_id` (every other filter is then ignored).
    fn one_request(id: &str, project_id: &str) -> Option<ApiRequest> {
        Some(ApiRequest::get(format!("/v1/{}/cloudservers/detail", encode(project_id))).param("server_id", id))
    }
    fn decode(response: &ApiResponse) -> Result<ServerList, ApiError> {
        decode_list(response)
    }
    /// No marker comes back: the next page starts after the last server, while the pages
    /// so far (full ones, at this page size) have not reached `count`; without a count,
    /// while pages come back full.
    fn facts(q: &ListQuery, page: &ServerList) -> PageFacts {
        facts_of(q, page)
    }
    /// Skimmed, a stub (a server sent as its id alone) counts as a server: should it be
    /// the last, the walk's guard follows the decoded page's marker instead.
    fn head(q: &ListQuery, response: &ApiResponse) -> Option<PageFacts> {
        skim_page::<ServerList<Skim>>(response).map(|p| facts_of(q, &p))
    }
    fn rows(page: &ServerList) -> &Items<Server> {
        &page.servers
    }
    fn into_rows(page: ServerList) -> Items<Server> {
        page.servers
    }
    fn row_id(row: &Server) -> &str {
        &row.id
    }
    fn revision(row: &Server) -> &str {
        &row.updated
    }
    fn state(row: &Server) -> StateInfo {
        state(row)
    }
    fn search(row: &Server, out: &mut dyn FnMut(&str)) {
        out(&row.name);
        out(&row.id);
        out(&row.status);
        out(&row.task_state);
        for a in row.addresses.values().flatten() {
            out(&a.addr);
        }
        for t in &row.tags {
            out(t);
        }
    }
    fn details(row: &Server) -> Details {
        details(row)
    }
}
