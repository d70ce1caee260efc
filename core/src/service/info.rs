//! A service's facts as plain data: what it is called, how it authenticates, how its list
//! pages and filters, and how its Demo connection is named.

use crate::http::AuthScheme;
use crate::state::Vocabulary;

/// One service Skyglass speaks.
#[derive(Debug)]
pub struct ServiceInfo {
    /// A stable identifier for forms, URLs and storage (`clouddc`).
    pub key: &'static str,
    /// Other names a stored connection may use for it (an earlier storage format).
    pub aliases: &'static [&'static str],
    /// In words (`CloudDC (iMetal bare metal)`).
    pub label: &'static str,
    /// The call the list (or lookup) makes, as the vendor documents it.
    pub call: &'static str,
    pub auth: AuthScheme,
    /// Error codes the service answers a rejected token with, besides any 401.
    pub token_error_codes: &'static [&'static str],
    /// Whether its paths carry a project id.
    pub needs_project: bool,
    /// Its states.
    pub vocabulary: Vocabulary,
    /// What its view is.
    pub view: View,
    /// The built-in Demo connection answered by the simulated cloud inside the page.
    pub demo: Demo,
}

/// The kind of view a service has.
#[derive(Debug)]
pub enum View {
    /// A paged list of instances (the generic list page).
    List(&'static ListInfo),
    /// One instance looked up by name (its own page).
    Lookup,
}

/// The Demo connection's id and name.
#[derive(Clone, Copy, Debug)]
pub struct Demo {
    pub id: &'static str,
    pub name: &'static str,
}

impl ServiceInfo {
    /// The list facts, for a list service.
    pub fn list(&self) -> Option<&ListInfo> {
        match &self.view {
            View::List(l) => Some(*l),
            View::Lookup => None,
        }
    }

    /// Whether `name` (a key or an alias) names this service.
    pub fn is_named(&self, name: &str) -> bool {
        self.key == name || self.aliases.contains(&name)
    }
}

/// How a list pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// Previous / Next by a marker the service hands out (CloudDC, ByCloud, ECS).
    Marker,
    /// Numbered pages by offset, with a known total (ROMA Connect).
    Offset,
}

/// What a `limit` in the URL outside the service's range becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitRule {
    /// Clamped into `min..=max` (the service clamps it too).
    Clamp,
    /// The default page size.
    Default,
}

/// Where a row's details are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opens {
    /// A page of its own, `/c/{connection}/i/{id}`: the service can list one instance by
    /// id, so the page works on reload.
    Page,
    /// A panel below the list, `?selected={id}`: only for a row on the page shown.
    Panel,
}

/// The facts of a list service.
#[derive(Debug)]
pub struct ListInfo {
    pub paging: Paging,
    /// Page sizes offered.
    pub page_sizes: &'static [u32],
    pub default_page_size: u32,
    /// The range the API takes.
    pub min_limit: u32,
    pub max_limit: u32,
    pub limit_rule: LimitRule,
    /// The page size "Load all pages" asks for.
    pub load_all_page_size: u32,
    pub filters: &'static [FilterSpec],
    pub opens: Opens,
}

impl ListInfo {
    /// A `limit` from the URL, as the service takes it.
    pub fn limit_from(&self, raw: &str) -> u32 {
        match (raw.trim().parse::<u32>(), self.limit_rule) {
            (Ok(l), LimitRule::Clamp) => l.clamp(self.min_limit, self.max_limit),
            (Ok(l), LimitRule::Default) if (self.min_limit..=self.max_limit).contains(&l) => l,
            _ => self.default_page_size,
        }
    }

    pub fn filter(&self, key: &str) -> Option<&'static FilterSpec> {
        self.filters.iter().find(|f| f.key == key)
    }

    /// Whether every filter is a choice (applied at once); otherwise the filters are a
    /// form, applied together.
    pub fn filters_apply_at_once(&self) -> bool {
        self.filters.iter().all(|f| matches!(f.kind, FilterKind::State { .. }))
    }
}

/// One filter of a list: its key in the view's URL, the API parameter it is sent as, its
/// label, and what can be entered.
#[derive(Debug)]
pub struct FilterSpec {
    pub key: &'static str,
    pub param: &'static str,
    pub label: &'static str,
    pub kind: FilterKind,
}

#[derive(Debug)]
pub enum FilterKind {
    /// One of the service's states (its [`Vocabulary`]'s documented values; with
    /// `undocumented: Some(label)`, also its other values, in a group of that label).
    /// `any` labels the empty choice ("All states").
    State {
        any: &'static str,
        undocumented: Option<&'static str>,
    },
    /// Free text; `hint` says what the service does with it.
    Text { hint: Option<&'static str> },
}

impl FilterKind {
    /// The choices of a state filter: groups of (label, values), from `vocabulary`.
    pub fn choices(&self, vocabulary: &Vocabulary) -> Vec<(Option<&'static str>, Vec<&'static str>)> {
        match self {
            FilterKind::State { undocumented, .. } => {
                let mut groups = vec![(None, vocabulary.documented_values().collect())];
                if let Some(label) = undocumented {
                    groups.push((Some(*label), vocabulary.undocumented_values().collect()));
                }
                groups
            }
            FilterKind::Text { .. } => Vec::new(),
        }
    }
}
