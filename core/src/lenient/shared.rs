//! Text that many instances of a page repeat (a VPC's id, an image's name, a state, a
//! metadata key), held once per page: while [`decode_page`](super::decode_page) reads a
//! page, equal values share one allocation. At 100,000 loaded rows this is tens of MiB.

use super::text_visitor::{FromText, TextVisitor};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Text read leniently (a string, number, bool or null → ""), shared with equal values
/// of the same page. Derefs to `str`; "" holds nothing.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shared(Option<Arc<str>>);

thread_local! {
    /// The values seen in the page being read, while [`Sharing`] is held.
    static SEEN: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
}

/// Equal [`Shared`] values read while this is held share one allocation (nested holds
/// share the outermost's values; they are forgotten when it ends).
pub(super) struct Sharing {
    outermost: bool,
}

impl Sharing {
    pub(super) fn start() -> Sharing {
        let outermost = SEEN.with(|s| {
            let mut s = s.borrow_mut();
            let fresh = s.is_none();
            if fresh {
                *s = Some(HashSet::new());
            }
            fresh
        });
        Sharing { outermost }
    }
}

impl Drop for Sharing {
    fn drop(&mut self) {
        if self.outermost {
            SEEN.with(|s| s.borrow_mut().take());
        }
    }
}

impl Shared {
    pub fn new(text: &str) -> Shared {
        if text.is_empty() {
            return Shared(None);
        }
        let fresh = || Arc::<str>::from(text);
        let arc = SEEN.with(|s| match s.borrow_mut().as_mut() {
            Some(seen) => match seen.get(text) {
                Some(a) => a.clone(),
                None => {
                    let a = fresh();
                    seen.insert(a.clone());
                    a
                }
            },
            None => fresh(),
        });
        Shared(Some(arc))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }
}

impl Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Shared {
    fn from(text: &str) -> Shared {
        Shared::new(text)
    }
}

impl From<String> for Shared {
    fn from(text: String) -> Shared {
        Shared::new(&text)
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        d.deserialize_any(TextVisitor::<Shared>::new())
    }
}

impl FromText for Shared {
    fn from_str(text: &str) -> Shared {
        Shared::new(text)
    }
    fn from_string(text: String) -> Shared {
        Shared::new(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::{Shared, Sharing};
    use std::sync::Arc;

    fn same(a: &Shared, b: &Shared) -> bool {
        match (&a.0, &b.0) {
            (Some(x), Some(y)) => Arc::ptr_eq(x, y),
            _ => false,
        }
    }

    #[test]
    fn equal_values_share_while_a_page_is_read_and_only_then() {
        let (a, b) = {
            let _page = Sharing::start();
            let a: Shared = serde_json::from_str(r#""vpc-1""#).unwrap();
            let b = {
                let _nested = Sharing::start();
                Shared::new("vpc-1")
            };
            (a, b)
        };
        assert!(same(&a, &b));
        assert_eq!((a.as_str(), &*b), ("vpc-1", "vpc-1"));
        assert!(!same(&a, &Shared::new("vpc-1")), "nothing is kept after the page");
    }

    #[test]
    fn reads_leniently_and_compares_as_text() {
        let v: Vec<Shared> = serde_json::from_str(r#"["x", 7, true, null, ""]"#).unwrap();
        assert_eq!(
            v,
            [
                Shared::new("x"),
                "7".into(),
                "true".into(),
                Shared::default(),
                Shared::new("")
            ]
        );
        assert!(v[3].is_empty() && v[0] == "x");
        assert_eq!(format!("{:?} {}", v[0], v[1]), r#""x" 7"#);
    }
}
