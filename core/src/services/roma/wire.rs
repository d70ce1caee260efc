//! ROMA Connect's wire types (seed 001), exactly as documented, decoded leniently.

use crate::lenient::{self, Items};
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
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    #[serde(deserialize_with = "lenient::text")]
    pub flavor_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub flavor_type: String,
    #[serde(deserialize_with = "lenient::text")]
    pub cpu_arch: String,
    #[serde(deserialize_with = "lenient::text")]
    pub vpc_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub subnet_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub security_group_id: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub publicip_enable: Option<bool>,
    #[serde(deserialize_with = "lenient::text")]
    pub publicip_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub publicip_address: String,
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_code: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_msg: String,
    #[serde(deserialize_with = "lenient::text")]
    pub charge_type: String,
    #[serde(deserialize_with = "lenient::text")]
    pub project_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub create_time: String,
    #[serde(deserialize_with = "lenient::text")]
    pub update_time: String,
    #[serde(deserialize_with = "lenient::text")]
    pub maintain_begin: String,
    #[serde(deserialize_with = "lenient::text")]
    pub maintain_end: String,
    #[serde(deserialize_with = "lenient::text_list")]
    pub available_zone_ids: Vec<String>,
    #[serde(deserialize_with = "lenient::text")]
    pub enterprise_project_id: String,
    pub created_user: Option<User>,
    pub last_updated_user: Option<User>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct User {
    #[serde(deserialize_with = "lenient::text")]
    pub user_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub user_name: String,
}

impl User {
    /// The name, or the id when the name is empty (the docs say it can be).
    pub fn shown(&self) -> String {
        if self.user_name.trim().is_empty() {
            self.user_id.clone()
        } else {
            self.user_name.clone()
        }
    }
}

impl Instance {
    /// The instance's error, when it carries a real one. (The seed example sends the
    /// placeholder "string" in both fields of a RUNNING instance.)
    pub fn shown_error(&self) -> Option<(String, String)> {
        let real = |s: &str| !s.trim().is_empty();
        (real(&self.error_code) || real(&self.error_msg)).then(|| (self.error_code.clone(), self.error_msg.clone()))
    }

    /// The maintenance window, e.g. "22:00:00–02:00:00".
    pub fn maintenance_window(&self) -> String {
        match (self.maintain_begin.trim(), self.maintain_end.trim()) {
            ("", "") => String::new(),
            (b, e) => format!("{b}–{e}"),
        }
    }
}
