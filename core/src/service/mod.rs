//! What a service is, described once: [`ServiceInfo`] (key, label, auth, paging, filters),
//! its query ([`ListQuery`]), its columns ([`Column`]) with cells as plain data ([`Cell`]),
//! its details ([`Details`]), and the [`ListService`] trait a list service implements. The
//! generic list page, pager, table, load-all walk and anomaly watch read only these.
//! [`ListApi`] is the same service with its types erased, so that the code that reads it
//! exists once whatever the service.

mod cell;
mod column;
mod common_rows;
mod details;
mod erased;
mod info;
mod list;
mod picked;
mod query;

pub use cell::*;
pub use column::*;
pub use common_rows::*;
pub use details::*;
pub use erased::*;
pub use info::*;
pub use list::*;
pub use picked::*;
pub use query::*;
