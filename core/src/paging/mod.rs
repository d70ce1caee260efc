//! Paging, the same for every service: the generic rules that turn a page's
//! [`PageFacts`](crate::service::PageFacts) into the next and previous pages ([`rules`]),
//! the markers of the pages a user visited ([`Trail`]), and the watch for what a service
//! should never do while paging ([`PagingWatch`]).

mod rules;
mod trail;
mod watch;

pub use rules::*;
pub use trail::*;
pub use watch::*;
