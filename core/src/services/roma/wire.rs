//! ROMA Connect's wire types (seed 001), exactly as documented, decoded leniently.

use crate::lenient::{self, Items, Shared};
use serde::Deserialize;

/// `GET /v2/{project_id}/instances`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceList {
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub size: Option<u64>,
    pub instances: Items<Instance>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Instance {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    pub description: Shared,
    pub flavor_id: Shared,
    pub flavor_type: Shared,
    pub cpu_arch: Shared,
    pub vpc_id: Shared,
    pub subnet_id: Shared,
    pub security_group_id: Shared,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub publicip_enable: Option<bool>,
    #[serde(deserialize_with = "lenient::text")]
    pub publicip_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub publicip_address: String,
    pub status: Shared,
    pub error_code: Shared,
    pub error_msg: Shared,
    pub charge_type: Shared,
    pub project_id: Shared,
    #[serde(deserialize_with = "lenient::text")]
    pub create_time: String,
    #[serde(deserialize_with = "lenient::text")]
    pub update_time: String,
    pub maintain_begin: Shared,
    pub maintain_end: Shared,
    #[serde(deserialize_with = "lenient::text_list")]
    pub available_zone_ids: Vec<String>,
    pub enterprise_project_id: Shared,
    pub created_user: Option<User>,
    pub last_updated_user: Option<User>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct User {
    pub user_id: Shared,
    pub user_name: Shared,
}

impl User {
    /// The name, or the id when the name is empty (the docs say it can be).
    pub fn shown(&self) -> String {
        if self.user_name.trim().is_empty() {
            self.user_id.to_string()
        } else {
            self.user_name.to_string()
        }
    }
}

impl Instance {
    /// The instance's error, when it carries a real one. (The seed example sends the
    /// placeholder "string" in both fields of a RUNNING instance.)
    pub fn shown_error(&self) -> Option<(String, String)> {
        let real = |s: &str| !s.trim().is_empty();
        (real(&self.error_code) || real(&self.error_msg))
            .then(|| (self.error_code.to_string(), self.error_msg.to_string()))
    }

    /// The maintenance window, e.g. "22:00:00–02:00:00".
    pub fn maintenance_window(&self) -> String {
        match (self.maintain_begin.trim(), self.maintain_end.trim()) {
            ("", "") => String::new(),
            (b, e) => format!("{b}–{e}"),
        }
    }
}
