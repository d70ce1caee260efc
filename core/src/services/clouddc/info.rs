//! CloudDC's facts: its key, call, auth, paging, filters and state vocabulary.

use crate::http::AuthScheme;
use crate::service::{Demo, FilterKind, FilterSpec, LimitRule, ListInfo, Opens, Paging, ServiceInfo, View};
use crate::state::{documented, undocumented, Category, Vocabulary};

/// The instance states: the six of the documented state diagram, then those the vendor's
/// SDK also enumerates (a real service may send them; they are outside the diagram).
pub const VOCABULARY: Vocabulary = Vocabulary {
    terms: &[
        documented("pending", Category::InProgress),
        documented("running", Category::Running),
        documented("stopped", Category::Stopped),
        documented("shutting-down", Category::InProgress),
        documented("terminated", Category::Deleted),
        documented("error", Category::Failed),
        undocumented("stopping", Category::InProgress),
        undocumented("reinstalling", Category::InProgress),
        undocumented("failed", Category::Failed),
        undocumented("modifyIping", Category::InProgress),
        undocumented("switch-installing", Category::InProgress),
    ],
    undocumented_note: "Not in the documented state diagram",
};

/// The list: marker paging, `limit` 10–1000 (clamped), an `instance_state` filter.
pub static LIST: ListInfo = ListInfo {
    paging: Paging::Marker,
    page_sizes: &[10, 20, 50, 100, 500, 1000],
    default_page_size: 20,
    min_limit: 10,
    max_limit: 1000,
    limit_rule: LimitRule::Clamp,
    load_all_page_size: 1000,
    filters: &[FilterSpec {
        key: "state",
        param: "instance_state",
        label: "State",
        kind: FilterKind::State {
            any: "All states",
            undocumented: Some("Not in the diagram (vendor SDK)"),
        },
    }],
    opens: Opens::Page,
};

/// CloudDC / iMetal bare-metal servers (seeds 000 and 004).
pub static INFO: ServiceInfo = ServiceInfo {
    key: "clouddc",
    aliases: &["CloudDc"],
    label: "CloudDC (iMetal bare metal)",
    call: "GET /v1/{project_id}/instances",
    auth: AuthScheme::XAuthToken,
    token_error_codes: &[],
    needs_project: true,
    vocabulary: VOCABULARY,
    view: View::List(&LIST),
    demo: Demo {
        id: "demo",
        name: "Demo cloud",
    },
};
