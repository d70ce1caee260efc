//! Where a table's rows come from, whatever holds them (a load-all walk under way, several
//! connections' walks): a [`RowSource`] lends its [`Rows`] for as long as a reader holds
//! the borrow.

use skyglass_core::load_all::LoadAll;
use skyglass_core::table::Rows;
use std::cell::{Ref, RefCell};

/// Lends rows.
pub trait RowSource {
    fn rows(&self) -> Ref<'_, dyn Rows>;
}

/// A walk's rows, as it loads them.
impl RowSource for RefCell<Box<dyn LoadAll>> {
    fn rows(&self) -> Ref<'_, dyn Rows> {
        Ref::map(self.borrow(), |w| w.rows() as &dyn Rows)
    }
}

/// Every connection's rows (the all-instances table).
impl RowSource for RefCell<skyglass_core::service::CommonRows> {
    fn rows(&self) -> Ref<'_, dyn Rows> {
        Ref::map(self.borrow(), |r| r as &dyn Rows)
    }
}
