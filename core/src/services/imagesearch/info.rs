//! ImageSearch's facts: its key, call, auth (a bad token is 400 `IS.0004`) and status
//! vocabulary.

use crate::http::AuthScheme;
use crate::service::{Demo, ServiceInfo, View};
use crate::state::{documented, Category, Vocabulary};

/// The statuses the documentation lists (`CREATION_FAILD` is its spelling).
pub const VOCABULARY: Vocabulary = Vocabulary {
    terms: &[
        documented("NORMAL", Category::Running),
        documented("ARREARAGE", Category::Stopped),
        documented("CREATION", Category::InProgress),
        documented("CREATION_FAILD", Category::Failed),
        documented("DELETING", Category::InProgress),
        documented("DELETING_FAILED", Category::Failed),
        documented("ABNORMAL", Category::Failed),
    ],
    undocumented_note: "Not a value the service documents",
};

/// ImageSearch (seed 003): one instance looked up by name.
pub static INFO: ServiceInfo = ServiceInfo {
    key: "imagesearch",
    aliases: &["ImageSearch"],
    label: "ImageSearch",
    call: "GET /v1/{project_id}/service/{instance_name}",
    auth: AuthScheme::XAuthToken,
    token_error_codes: &["IS.0004"],
    needs_project: true,
    vocabulary: VOCABULARY,
    view: View::Lookup,
    demo: Demo {
        id: "demo-imagesearch",
        name: "Demo ImageSearch",
    },
};
