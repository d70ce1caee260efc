//! The markers of the pages a user has visited in one walk (one page size, one set of
//! filters), so that Previous can go back one page on a service that names no previous
//! marker (ECS), as Skyline keeps one marker per visited page.

use crate::service::{ListQuery, Position};
use std::collections::BTreeMap;

/// Page number → the marker that page was asked with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trail {
    walk: Option<(u32, Vec<(&'static str, String)>)>,
    markers: BTreeMap<u32, String>,
}

impl Trail {
    /// Remembers the page `query` shows (a new walk forgets the old one's pages).
    pub fn visit(&mut self, query: &ListQuery) {
        let walk = query.walk_key();
        if self.walk.as_ref() != Some(&walk) {
            self.walk = Some(walk);
            self.markers.clear();
        }
        if let Position::Marker { marker, page } = &query.position {
            self.markers.insert(*page, marker.clone());
        }
    }

    /// The marker page `page` was asked with, if it was visited.
    pub fn marker_of(&self, page: u32) -> Option<&str> {
        self.markers.get(&page).map(String::as_str)
    }
}
