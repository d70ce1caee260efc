//! A map from names to values kept as one sorted list: a response's small maps (metadata,
//! addresses by network) cost one allocation each, where a `BTreeMap` allocates a node of
//! eleven slots for even one entry, and a 100,000-row load keeps 100,000 of them.

use super::shared::Shared;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::ops::{Deref, Index};

/// Entries sorted by name, each name once (the last of repeated names wins, as when the
/// JSON object is read into a map). The names are [`Shared`] with the page's other rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedMap<V>(Box<[(Shared, V)]>);

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap(Box::default())
    }
}

impl<V> SortedMap<V> {
    /// The value named `name`.
    pub fn get(&self, name: &str) -> Option<&V> {
        let i = self.0.binary_search_by(|(k, _)| k.as_str().cmp(name)).ok()?;
        Some(&self.0[i].1)
    }

    /// The values, in name order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// The entries, in name order.
impl<V> Deref for SortedMap<V> {
    type Target = [(Shared, V)];
    fn deref(&self) -> &[(Shared, V)] {
        &self.0
    }
}

impl<'a, V> IntoIterator for &'a SortedMap<V> {
    type Item = &'a (Shared, V);
    type IntoIter = std::slice::Iter<'a, (Shared, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// `map["name"]`: panics when there is no such name (for tests; the app uses [`SortedMap::get`]).
impl<V> Index<&str> for SortedMap<V> {
    type Output = V;
    fn index(&self, name: &str) -> &V {
        self.get(name).expect("no entry of that name")
    }
}

impl<V> From<BTreeMap<String, V>> for SortedMap<V> {
    fn from(map: BTreeMap<String, V>) -> Self {
        SortedMap(map.into_iter().map(|(k, v)| (Shared::new(&k), v)).collect())
    }
}

impl<V> FromIterator<(Shared, V)> for SortedMap<V> {
    fn from_iter<I: IntoIterator<Item = (Shared, V)>>(entries: I) -> Self {
        SortedMap(BTreeMap::from_iter(entries).into_iter().collect())
    }
}

impl<const N: usize, V> From<[(Shared, V); N]> for SortedMap<V> {
    fn from(entries: [(Shared, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for SortedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BTreeMap::<String, V>::deserialize(d).map(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::SortedMap;

    #[test]
    fn reads_a_json_object_sorted_with_the_last_of_repeated_names() {
        let m: SortedMap<u32> = serde_json::from_str(r#"{"b":2,"a":1,"c":3,"a":4}"#).unwrap();
        let names: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!((m.get("a"), m.get("c"), m.get("z")), (Some(&4), Some(&3), None));
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [4, 2, 3]);
        assert_eq!(m["b"], 2);
        assert!(SortedMap::<u32>::default().is_empty());
    }
}
