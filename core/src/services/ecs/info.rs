//! Huawei Cloud ECS's facts: its key, call, auth, paging, filters and status vocabulary
//! ("Querying Details About ECSs", ListServersDetails).

use crate::http::AuthScheme;
use crate::service::{Demo, FilterKind, FilterSpec, LimitRule, ListInfo, Opens, Paging, ServiceInfo, View};
use crate::state::{documented, undocumented, Category, Vocabulary};

/// The statuses the documentation lists (derived from `OS-EXT-STS:vm_state` and
/// `task_state`), then those older pages add. A `task_state` under way (powering off,
/// deleting, …) makes any of them "in progress".
pub const VOCABULARY: Vocabulary = Vocabulary {
    terms: &[
        documented("ACTIVE", Category::Running),
        documented("BUILD", Category::InProgress),
        documented("ERROR", Category::Failed),
        documented("HARD_REBOOT", Category::InProgress),
        documented("MIGRATING", Category::InProgress),
        documented("REBOOT", Category::InProgress),
        documented("REBUILD", Category::InProgress),
        documented("RESIZE", Category::InProgress),
        documented("REVERT_RESIZE", Category::InProgress),
        documented("SHUTOFF", Category::Stopped),
        documented("VERIFY_RESIZE", Category::InProgress),
        documented("DELETED", Category::Deleted),
        documented("SHELVED", Category::Stopped),
        documented("SHELVED_OFFLOADED", Category::Stopped),
        documented("UNKNOWN", Category::Unknown),
        undocumented("PAUSED", Category::Stopped),
        undocumented("SOFT_DELETED", Category::Deleted),
        undocumented("SUSPENDED", Category::Stopped),
    ],
    undocumented_note: "Not a value the current documentation lists",
};

/// The list: marker paging (the id of the last server; `count` is the total), `limit` up
/// to 1000, five filters applied together.
pub static LIST: ListInfo = ListInfo {
    paging: Paging::Marker,
    page_sizes: &[10, 25, 50, 100, 500, 1000],
    default_page_size: 25,
    min_limit: 1,
    max_limit: 1000,
    limit_rule: LimitRule::Default,
    load_all_page_size: 1000,
    filters: &[
        FilterSpec {
            key: "status",
            param: "status",
            label: "Status",
            kind: FilterKind::State {
                any: "Any",
                undocumented: Some("Older documentation"),
            },
        },
        FilterSpec {
            key: "name",
            param: "name",
            label: "Name",
            kind: FilterKind::Text {
                hint: Some("Part of the name (. matches any character)"),
            },
        },
        FilterSpec {
            key: "flavor",
            param: "flavor",
            label: "Flavor",
            kind: FilterKind::Text {
                hint: Some("A flavor id, e.g. c1.medium"),
            },
        },
        FilterSpec {
            key: "ip",
            param: "ip",
            label: "IP address",
            kind: FilterKind::Text {
                hint: Some("Part of a private IPv4 address"),
            },
        },
        FilterSpec {
            key: "tags",
            param: "tags",
            label: "Tag",
            kind: FilterKind::Text {
                hint: Some("A tag the server has (key=value)"),
            },
        },
    ],
    opens: Opens::Page,
};

/// Huawei Cloud ECS (elastic cloud servers).
pub static INFO: ServiceInfo = ServiceInfo {
    key: "ecs",
    aliases: &[],
    label: "Huawei Cloud ECS",
    call: "GET /v1/{project_id}/cloudservers/detail",
    auth: AuthScheme::XAuthToken,
    token_error_codes: &["Common.0013"],
    needs_project: true,
    vocabulary: VOCABULARY,
    view: View::List(&LIST),
    demo: Demo {
        id: "demo-ecs",
        name: "Demo ECS",
    },
};
