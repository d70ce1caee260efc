//! One classification for every service's states: whatever a service calls a state
//! (`running`, `ACTIVE`, `NORMAL`, …), it falls in one [`Category`], which decides its
//! colour family ([`Tone`]) and whether it is mid-change. The value as it arrived is always
//! kept and shown; a value the service's documentation does not list is marked as such.

/// What a state means, across services.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Up and serving.
    Running,
    /// Being created, changed or deleted.
    InProgress,
    /// Stopped, shut off, suspended: kept but not running.
    Stopped,
    /// Failed or abnormal.
    Failed,
    /// Deleted or terminated.
    Deleted,
    /// A value no vocabulary knows: shown as it arrived.
    Unknown,
}

impl Category {
    /// Every category, in the order an overview shows them.
    pub const ALL: [Category; 6] = [
        Category::Running,
        Category::InProgress,
        Category::Stopped,
        Category::Failed,
        Category::Deleted,
        Category::Unknown,
    ];

    /// The colour family: green running, blue in progress, red failed, grey the rest.
    pub fn tone(self) -> Tone {
        match self {
            Category::Running => Tone::Ok,
            Category::InProgress => Tone::Busy,
            Category::Failed => Tone::Bad,
            Category::Stopped | Category::Deleted | Category::Unknown => Tone::Neutral,
        }
    }

    /// In words, for a legend or a filter.
    pub fn label(self) -> &'static str {
        match self {
            Category::Running => "running",
            Category::InProgress => "in progress",
            Category::Stopped => "stopped",
            Category::Failed => "failed",
            Category::Deleted => "deleted",
            Category::Unknown => "unknown",
        }
    }

    /// A stable key for URLs and storage.
    pub fn key(self) -> &'static str {
        match self {
            Category::Running => "running",
            Category::InProgress => "in-progress",
            Category::Stopped => "stopped",
            Category::Failed => "failed",
            Category::Deleted => "deleted",
            Category::Unknown => "unknown",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A badge's colour family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    Ok,
    Busy,
    Bad,
    Neutral,
}

/// A state as a service sent it, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateInfo {
    /// The value exactly as it arrived.
    pub value: String,
    pub category: Category,
    /// Whether the instance is mid-change (worth refreshing soon).
    pub transitional: bool,
    /// Whether the service's documentation lists this value.
    pub documented: bool,
    /// Why it is marked undocumented, for a hover text.
    pub note: &'static str,
}

impl StateInfo {
    pub fn tone(&self) -> Tone {
        self.category.tone()
    }
}

/// One value of a service's state vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub value: &'static str,
    pub category: Category,
    /// Listed by the service's documentation (not only by its SDK, or seen in the wild).
    pub documented: bool,
}

/// A documented value.
pub const fn documented(value: &'static str, category: Category) -> Term {
    Term {
        value,
        category,
        documented: true,
    }
}

/// A value known from the vendor's SDK or seen in the wild, not in the documentation.
pub const fn undocumented(value: &'static str, category: Category) -> Term {
    Term {
        value,
        category,
        documented: false,
    }
}

/// A service's state vocabulary: every value it may send, with its category.
#[derive(Clone, Copy, Debug)]
pub struct Vocabulary {
    pub terms: &'static [Term],
    /// The hover text of a value outside the documentation.
    pub undocumented_note: &'static str,
}

impl Vocabulary {
    /// The term for `value` (exact match).
    pub fn term(&self, value: &str) -> Option<&'static Term> {
        self.terms.iter().find(|t| t.value == value)
    }

    /// Classifies `value`; a value no term lists is `Unknown` and undocumented.
    pub fn classify(&self, value: &str) -> StateInfo {
        let (category, documented) = match self.term(value) {
            Some(t) => (t.category, t.documented),
            None => (Category::Unknown, false),
        };
        StateInfo {
            value: value.to_owned(),
            category,
            transitional: category == Category::InProgress,
            documented,
            note: self.undocumented_note,
        }
    }

    /// The documented values, in the vocabulary's order (a filter's choices).
    pub fn documented_values(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.terms.iter().filter(|t| t.documented).map(|t| t.value)
    }

    /// The values outside the documentation, in order.
    pub fn undocumented_values(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.terms.iter().filter(|t| !t.documented).map(|t| t.value)
    }
}

/// A state with an operation under way on top (ByCloud's and ECS's `task_state`): in
/// progress unless the state itself failed.
pub fn with_task(mut state: StateInfo, task: &str) -> StateInfo {
    if !task.trim().is_empty() {
        state.transitional = true;
        if state.category != Category::Failed {
            state.category = Category::InProgress;
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    const V: Vocabulary = Vocabulary {
        terms: &[
            documented("up", Category::Running),
            documented("going", Category::InProgress),
            undocumented("odd", Category::Failed),
        ],
        undocumented_note: "not documented",
    };

    #[test]
    fn classifies_and_keeps_the_value() {
        let s = V.classify("going");
        assert_eq!(
            (s.category, s.transitional, s.documented),
            (Category::InProgress, true, true)
        );
        assert_eq!(s.tone(), Tone::Busy);
        let s = V.classify("odd");
        assert_eq!((s.category, s.documented), (Category::Failed, false));
        let s = V.classify("<b>new</b>");
        assert_eq!(
            (s.category, s.documented, s.value.as_str()),
            (Category::Unknown, false, "<b>new</b>")
        );
        assert_eq!(V.documented_values().collect::<Vec<_>>(), ["up", "going"]);
        assert_eq!(V.undocumented_values().collect::<Vec<_>>(), ["odd"]);
    }

    #[test]
    fn a_task_makes_a_state_in_progress_unless_it_failed() {
        let s = with_task(V.classify("up"), "powering-off");
        assert_eq!((s.category, s.transitional), (Category::InProgress, true));
        let s = with_task(V.classify("odd"), "deleting");
        assert_eq!((s.category, s.transitional), (Category::Failed, true));
        assert_eq!(with_task(V.classify("up"), " ").category, Category::Running);
        for c in Category::ALL {
            assert_eq!(Category::from_key(c.key()), Some(c));
        }
    }
}
