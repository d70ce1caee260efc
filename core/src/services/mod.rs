//! Every service Skyglass speaks, each described once in its own folder. The registry
//! below is the one place that lists them: adding a service is adding its folder and one
//! line here.

pub mod bycloud;
pub mod clouddc;
pub mod ecs;
pub mod imagesearch;
pub mod roma;

use crate::service::{list_api, ListApi, ServiceInfo};
use std::sync::Arc;

/// A service in the registry: its facts, and for a list service its erased list.
#[derive(Clone, Copy)]
pub struct Entry {
    pub info: &'static ServiceInfo,
    pub list: Option<fn() -> Arc<dyn ListApi>>,
}

/// Writes the registry ([`REGISTRY`]) and, from the same lines, the services' facts alone
/// ([`INFOS`]).
macro_rules! registry {
    ($($info:expr => $list:expr,)*) => {
        /// The registry, in the order the connection form offers the services.
        pub static REGISTRY: &[Entry] = &[$(Entry { info: $info, list: $list }),*];
        /// The same services' facts, without their code: what the app's first part reads
        /// (the connection form, the Demo connections, storage). The split build
        /// (`deploy/split-build.sh`) keeps in the first part only code reachable from it,
        /// so the decoders, reached through [`REGISTRY`]'s `list` alone, load later.
        pub static INFOS: &[&ServiceInfo] = &[$($info),*];
    };
}

registry! {
    &clouddc::INFO => Some(list_api::<clouddc::Clouddc>),
    &roma::INFO => Some(list_api::<roma::Roma>),
    &bycloud::INFO => Some(list_api::<bycloud::ByCloud>),
    &imagesearch::INFO => None,
    &ecs::INFO => Some(list_api::<ecs::Ecs>),
}

/// The service a stored name (its key, or an alias) names.
pub fn entry(name: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.info.is_named(name))
}

/// The service `name` names (from [`INFOS`]: no code is reached).
pub fn info(name: &str) -> Option<&'static ServiceInfo> {
    INFOS.iter().copied().find(|i| i.is_named(name))
}

/// The erased list of the service `name` names, if it is a list service.
pub fn list(name: &str) -> Option<Arc<dyn ListApi>> {
    entry(name).and_then(|e| e.list).map(|f| f())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::View;
    use std::collections::HashSet;

    #[test]
    fn every_service_is_described_consistently() {
        let mut keys = HashSet::new();
        let mut demos = HashSet::new();
        for e in REGISTRY {
            let i = e.info;
            assert!(keys.insert(i.key), "{} twice", i.key);
            assert!(demos.insert(i.demo.id), "{} twice", i.demo.id);
            assert!(i.is_named(i.key));
            for a in i.aliases {
                assert_eq!(entry(a).map(|e| e.info.key), Some(i.key));
            }
            match (&i.view, e.list) {
                (View::List(l), Some(api)) => {
                    let api = api();
                    assert_eq!(api.info().key, i.key);
                    assert!(std::ptr::eq(api.list(), *l), "{}: one list description", i.key);
                    let cols = api.columns();
                    let unique: HashSet<_> = cols.iter().map(|c| c.key).collect();
                    assert_eq!(unique.len(), cols.len(), "{}: unique column keys", i.key);
                    assert!(
                        cols.iter().any(|c| c.key == "name" && c.shown),
                        "{}: a name column",
                        i.key
                    );
                    assert!(l.page_sizes.contains(&l.default_page_size));
                    assert!(l.page_sizes.iter().all(|s| (l.min_limit..=l.max_limit).contains(s)));
                    assert!((l.min_limit..=l.max_limit).contains(&l.load_all_page_size));
                    let fkeys: HashSet<_> = l.filters.iter().map(|f| f.key).collect();
                    assert_eq!(fkeys.len(), l.filters.len());
                    for reserved in ["limit", "marker", "page", "offset", "selected"] {
                        assert!(!fkeys.contains(reserved), "{}: filter key {reserved}", i.key);
                    }
                }
                (View::Lookup, None) => {}
                _ => panic!("{}: its view and its list disagree", i.key),
            }
            assert!(i.vocabulary.terms.iter().any(|t| t.documented), "{}", i.key);
        }
    }
}
