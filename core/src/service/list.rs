//! The trait a list service implements: its description, its request, its decoder, the
//! paging facts of a page, and what its rows are (id, state, searchable text, details).
//! Everything generic (the list page, the pager, the anomaly watch, the load-all walk and
//! the table) is written once against it.

use super::column::Column;
use super::details::Details;
use super::info::{ListInfo, ServiceInfo};
use super::query::ListQuery;
use crate::http::{ApiError, ApiRequest, ApiResponse};
use crate::lenient::Items;
use crate::state::StateInfo;

/// What one page says about paging, in the service's own terms read once: the pager, the
/// anomaly watch and the load-all walk all decide from these.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageFacts {
    /// Instances on the page (those that could not be read included).
    pub items: usize,
    /// The total the service announces, if any.
    pub total: Option<u64>,
    /// Marker paging: the marker the page points to next, as the service gives it
    /// (`None`: it points nowhere). Whether it is followed is the generic rule's call.
    pub next_marker: Option<String>,
    /// Marker paging: the marker of the previous page, when the service gives one.
    pub previous_marker: Option<String>,
    /// Whether the page says more follow, when it says so.
    pub has_more: Option<bool>,
    /// The page's link to the next page (for the foreign-origin check), if any.
    pub next_link: Option<String>,
}

/// A service with a paged list of instances.
pub trait ListService: Send + Sync + 'static {
    /// One decoded page.
    type Page: PartialEq + Send + Sync + 'static;
    /// One instance.
    type Row: Clone + PartialEq + Send + Sync + 'static;

    /// The service's description.
    fn info() -> &'static ServiceInfo;
    /// Its list facts (the same as `info().view`'s).
    fn list() -> &'static ListInfo;
    /// Its columns, in display order.
    fn columns() -> &'static [Column<Self::Row>];
    /// The request for the page `query` names.
    fn request(query: &ListQuery, project_id: &str) -> ApiRequest;
    /// The request for one instance by id, when the API can filter by id (a details page
    /// that works on reload; see [`super::Opens::Page`]).
    fn one_request(id: &str, project_id: &str) -> Option<ApiRequest>;
    /// Decodes an answer: the page, or the error body as an [`ApiError`]. One instance
    /// that cannot be read does not fail the page (see [`crate::lenient::decode_page`]).
    fn decode(response: &ApiResponse) -> Result<Self::Page, ApiError>;
    /// What the page says about paging.
    fn facts(query: &ListQuery, page: &Self::Page) -> PageFacts;
    /// The same facts read from a success answer with its instances skimmed (their ids
    /// only, see [`crate::lenient::Skim`]), far cheaper than [`ListService::decode`]: a
    /// load-all walk asks for the next page with them before this one is decoded
    /// ([`crate::load_all::on_head`]). `None` when the service has no cheaper reading
    /// (the default: the walk then waits for the decode) or the body is not a page.
    fn head(query: &ListQuery, response: &ApiResponse) -> Option<PageFacts> {
        let _ = (query, response);
        None
    }
    /// The page's instances.
    fn rows(page: &Self::Page) -> &Items<Self::Row>;
    /// The page's instances, taken.
    fn into_rows(page: Self::Page) -> Items<Self::Row>;
    /// An instance's id.
    fn row_id(row: &Self::Row) -> &str;
    /// What changes when an instance changes (its update time), for cheap row keys.
    fn revision(row: &Self::Row) -> &str;
    /// Its state, classified.
    fn state(row: &Self::Row) -> StateInfo;
    /// The text the filter searches (name, id, addresses, tags, state), field by field.
    fn search(row: &Self::Row, out: &mut dyn FnMut(&str));
    /// Every field, for the details view.
    fn details(row: &Self::Row) -> Details;
}
