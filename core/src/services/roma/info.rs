//! ROMA Connect's facts: its key, call, auth, paging, filters and status vocabulary.

use crate::http::AuthScheme;
use crate::service::{Demo, FilterKind, FilterSpec, LimitRule, ListInfo, Opens, Paging, ServiceInfo, View};
use crate::state::{documented, undocumented, Category, Vocabulary};

/// The statuses: the eight documented filter values, then those only the vendor SDK's
/// enum has (`FREEZING`, `FROZEN`, and its misspelt `DELETE_FALIED`).
pub const VOCABULARY: Vocabulary = Vocabulary {
    terms: &[
        documented("CREATING", Category::InProgress),
        documented("RUNNING", Category::Running),
        documented("DELETING", Category::InProgress),
        documented("DELETED", Category::Deleted),
        documented("ERROR", Category::Failed),
        documented("CREATE_FAILED", Category::Failed),
        documented("DELETE_FAILED", Category::Failed),
        documented("SOFT_DELETED", Category::Deleted),
        undocumented("FREEZING", Category::InProgress),
        undocumented("FROZEN", Category::Stopped),
        undocumented("DELETE_FALIED", Category::Failed),
    ],
    undocumented_note: "Not a value the service documents",
};

/// The list: offset paging with a known total, `limit` 0–100, a `status` filter.
pub static LIST: ListInfo = ListInfo {
    paging: Paging::Offset,
    page_sizes: &[10, 20, 50, 100],
    default_page_size: 10,
    min_limit: 1,
    max_limit: 100,
    limit_rule: LimitRule::Default,
    load_all_page_size: 100,
    filters: &[FilterSpec {
        key: "status",
        param: "status",
        label: "Status",
        kind: FilterKind::State {
            any: "All statuses",
            undocumented: None,
        },
    }],
    opens: Opens::Panel,
};

/// ROMA Connect (seed 001).
pub static INFO: ServiceInfo = ServiceInfo {
    key: "roma",
    aliases: &["RomaConnect"],
    label: "ROMA Connect",
    call: "GET /v2/{project_id}/instances",
    auth: AuthScheme::XAuthToken,
    token_error_codes: &[],
    needs_project: true,
    vocabulary: VOCABULARY,
    view: View::List(&LIST),
    demo: Demo {
        id: "demo-roma",
        name: "Demo ROMA Connect",
    },
};
