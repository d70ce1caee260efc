//! A [`ListService`] with its types erased: [`ListApi`] (requests and decoding) and
//! [`ListPage`] (a decoded page: its rows as [`Rows`], its paging facts). The list page,
//! the load-all walk and the table are written against these, so their code exists once
//! in the app whatever the number of services; only these small adapters are generic.

use super::column::ColumnSpec;
use super::info::{ListInfo, ServiceInfo};
use super::list::{ListService, PageFacts};
use super::query::ListQuery;
use super::{Cell, Details};
use crate::http::{ApiError, ApiRequest, ApiResponse};
use crate::lenient::Unreadable;
use crate::state::{Category, StateInfo};
use crate::table::{Rows, SortKey};
use std::any::Any;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::Arc;

/// A list service, erased.
pub trait ListApi: Send + Sync {
    fn info(&self) -> &'static ServiceInfo;
    fn list(&self) -> &'static ListInfo;
    /// The columns, in display order.
    fn columns(&self) -> Vec<ColumnSpec>;
    /// The request for the page `query` names.
    fn request(&self, query: &ListQuery, project_id: &str) -> ApiRequest;
    /// The request for one instance by id, if the service can list by id.
    fn one_request(&self, id: &str, project_id: &str) -> Option<ApiRequest>;
    /// Decodes an answer.
    fn decode(&self, response: &ApiResponse) -> Result<ListPage, ApiError>;
    /// The paging facts of a success answer, read without decoding its instances
    /// ([`ListService::head`]).
    fn head(&self, query: &ListQuery, response: &ApiResponse) -> Option<PageFacts>;
}

/// A decoded page, erased: its rows and what it says about paging.
pub trait AnyPage: Rows + Send + Sync {
    fn facts(&self, query: &ListQuery) -> PageFacts;
    /// The instances that could not be read, and why.
    fn unreadable(&self) -> &[Unreadable];
    /// Whether a row is mid-change (worth refreshing soon).
    fn transitional(&self) -> bool;
    /// Whether `other` is the same page with the same content.
    fn same_as(&self, other: &dyn AnyPage) -> bool;
    fn as_any(&self) -> &dyn Any;
}

/// A decoded page of any service: cheap to clone, compared by content.
#[derive(Clone)]
pub struct ListPage(pub Arc<dyn AnyPage>);

impl ListPage {
    /// A page of `S`.
    pub fn of<S: ListService>(page: S::Page) -> ListPage {
        ListPage(Arc::new(PageOf::<S>(page)))
    }
}

impl PartialEq for ListPage {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.same_as(&*other.0)
    }
}

impl Deref for ListPage {
    type Target = dyn AnyPage;
    fn deref(&self) -> &(dyn AnyPage + 'static) {
        &*self.0
    }
}

impl std::fmt::Debug for ListPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ListPage({} rows)", self.0.len())
    }
}

/// The erased form of `S`.
pub fn list_api<S: ListService>() -> Arc<dyn ListApi> {
    Arc::new(Erased::<S>(PhantomData))
}

struct Erased<S>(PhantomData<S>);

impl<S: ListService> ListApi for Erased<S> {
    fn info(&self) -> &'static ServiceInfo {
        S::info()
    }
    fn list(&self) -> &'static ListInfo {
        S::list()
    }
    fn columns(&self) -> Vec<ColumnSpec> {
        S::columns().iter().map(|c| c.spec).collect()
    }
    fn request(&self, query: &ListQuery, project_id: &str) -> ApiRequest {
        S::request(query, project_id)
    }
    fn one_request(&self, id: &str, project_id: &str) -> Option<ApiRequest> {
        S::one_request(id, project_id)
    }
    fn decode(&self, response: &ApiResponse) -> Result<ListPage, ApiError> {
        let page = S::decode(response).map_err(|e| e.with_token_codes(S::info().token_error_codes))?;
        Ok(ListPage::of::<S>(page))
    }
    fn head(&self, query: &ListQuery, response: &ApiResponse) -> Option<PageFacts> {
        S::head(query, response)
    }
}

/// A page of `S`.
struct PageOf<S: ListService>(S::Page);

impl<S: ListService> Rows for PageOf<S> {
    fn len(&self) -> usize {
        S::rows(&self.0).len()
    }
    fn id(&self, row: usize) -> &str {
        S::rows(&self.0).get(row).map_or("", S::row_id)
    }
    fn key(&self, row: usize) -> u64 {
        TypedRows::<S>(&S::rows(&self.0).items).key(row)
    }
    fn cell(&self, row: usize, column: usize) -> Cell {
        TypedRows::<S>(&S::rows(&self.0).items).cell(row, column)
    }
    fn sort_key(&self, row: usize, column: usize) -> SortKey {
        TypedRows::<S>(&S::rows(&self.0).items).sort_key(row, column)
    }
    fn search(&self, row: usize, out: &mut dyn FnMut(&str)) {
        TypedRows::<S>(&S::rows(&self.0).items).search(row, out)
    }
    fn state(&self, row: usize) -> Option<StateInfo> {
        TypedRows::<S>(&S::rows(&self.0).items).state(row)
    }
    fn details(&self, row: usize) -> Option<Details> {
        TypedRows::<S>(&S::rows(&self.0).items).details(row)
    }
}

impl<S: ListService> AnyPage for PageOf<S> {
    fn facts(&self, query: &ListQuery) -> PageFacts {
        S::facts(query, &self.0)
    }
    fn unreadable(&self) -> &[Unreadable] {
        &S::rows(&self.0).unreadable
    }
    fn transitional(&self) -> bool {
        S::rows(&self.0).iter().any(|r| S::state(r).transitional)
    }
    fn same_as(&self, other: &dyn AnyPage) -> bool {
        other
            .as_any()
            .downcast_ref::<PageOf<S>>()
            .is_some_and(|o| o.0 == self.0)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A slice of `S`'s rows as [`Rows`] (a page's, or any list of them).
pub struct TypedRows<'a, S: ListService>(pub &'a [S::Row]);

impl<S: ListService> Rows for TypedRows<'_, S> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn id(&self, row: usize) -> &str {
        self.0.get(row).map_or("", S::row_id)
    }
    fn key(&self, row: usize) -> u64 {
        let mut h = DefaultHasher::new();
        if let Some(r) = self.0.get(row) {
            S::row_id(r).hash(&mut h);
            S::revision(r).hash(&mut h);
            S::state(r).value.hash(&mut h);
        }
        h.finish()
    }
    fn cell(&self, row: usize, column: usize) -> Cell {
        match (self.0.get(row), S::columns().get(column)) {
            (Some(r), Some(c)) => (c.cell)(r),
            _ => Cell::Text(String::new()),
        }
    }
    fn sort_key(&self, row: usize, column: usize) -> SortKey {
        match (self.0.get(row), S::columns().get(column)) {
            (Some(r), Some(c)) => (c.sort)(r),
            _ => SortKey::Empty,
        }
    }
    fn search(&self, row: usize, out: &mut dyn FnMut(&str)) {
        if let Some(r) = self.0.get(row) {
            S::search(r, out);
        }
    }
    fn state(&self, row: usize) -> Option<StateInfo> {
        self.0.get(row).map(S::state)
    }
    fn details(&self, row: usize) -> Option<Details> {
        self.0.get(row).map(S::details)
    }
}

/// How many of `rows` fall in each category (for an overview).
pub fn count_by_category(rows: &dyn Rows) -> Vec<(Category, u64)> {
    let mut counts = [0u64; Category::ALL.len()];
    for r in 0..rows.len() {
        if let Some(s) = rows.state(r) {
            let i = Category::ALL
                .iter()
                .position(|c| *c == s.category)
                .unwrap_or(Category::ALL.len() - 1);
            counts[i] += 1;
        }
    }
    Category::ALL.into_iter().zip(counts).collect()
}
