//! ByCloud's facts: its key, call, auth, paging, filters and status vocabulary.

use crate::http::AuthScheme;
use crate::service::{Demo, FilterKind, FilterSpec, LimitRule, ListInfo, Opens, Paging, ServiceInfo, View};
use crate::state::{documented, undocumented, Category, Vocabulary};

/// The statuses the seed's example and its SDK use, then OpenStack's others that a real
/// service may send. A `task_state` under way makes any of them "in progress".
pub const VOCABULARY: Vocabulary = Vocabulary {
    terms: &[
        documented("ACTIVE", Category::Running),
        documented("BUILD", Category::InProgress),
        documented("SHUTOFF", Category::Stopped),
        documented("REBOOT", Category::InProgress),
        documented("ERROR", Category::Failed),
        documented("DELETED", Category::Deleted),
        undocumented("MIGRATING", Category::InProgress),
        undocumented("HARD_REBOOT", Category::InProgress),
        undocumented("RESIZE", Category::InProgress),
    ],
    undocumented_note: "Not a value the service documents",
};

const TEXT: FilterKind = FilterKind::Text { hint: None };

/// The list: marker paging by `links` and `meta.has_more`, five filters applied together.
pub static LIST: ListInfo = ListInfo {
    paging: Paging::Marker,
    page_sizes: &[10, 20, 50, 100, 500],
    default_page_size: 20,
    min_limit: 1,
    max_limit: 1000,
    limit_rule: LimitRule::Default,
    load_all_page_size: 500,
    filters: &[
        FilterSpec {
            key: "name",
            param: "name",
            label: "Name",
            kind: FilterKind::Text {
                hint: Some("Exact name, or a prefix ending in * (web-*)"),
            },
        },
        FilterSpec {
            key: "status",
            param: "status",
            label: "Status",
            kind: FilterKind::State {
                any: "Any",
                undocumented: Some("Not in the documentation"),
            },
        },
        FilterSpec {
            key: "tags",
            param: "tags",
            label: "Tags",
            kind: FilterKind::Text {
                hint: Some("Comma-separated; all must match"),
            },
        },
        FilterSpec {
            key: "flavor_id",
            param: "flavor_id",
            label: "Flavor ID",
            kind: TEXT,
        },
        FilterSpec {
            key: "image_id",
            param: "image_id",
            label: "Image ID",
            kind: TEXT,
        },
    ],
    opens: Opens::Panel,
};

/// ByCloud compute (seed 002).
pub static INFO: ServiceInfo = ServiceInfo {
    key: "bycloud",
    aliases: &["ByCloud"],
    label: "ByCloud compute",
    call: "GET /v1/instances",
    auth: AuthScheme::Bearer,
    token_error_codes: &[],
    needs_project: false,
    vocabulary: VOCABULARY,
    view: View::List(&LIST),
    demo: Demo {
        id: "demo-bycloud",
        name: "Demo ByCloud",
    },
};
