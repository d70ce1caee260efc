//! CloudDC's wire types for the instance list (seed 000), exactly as documented, decoded
//! leniently.

use crate::lenient::{self, Items, Shared, SortedMap};
use serde::Deserialize;

/// `GET /v1/{project_id}/instances`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceList<I = Instance> {
    /// The instances (skimmed to their ids for [`crate::service::ListService::head`]).
    pub instances: Items<I>,
    pub page_info: Option<PageInfo>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub count: Option<u64>,
}

/// `PageInfo`: markers may be bare markers or query addresses holding `marker=`.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct PageInfo {
    #[serde(deserialize_with = "lenient::text")]
    pub next_marker: String,
    #[serde(deserialize_with = "lenient::text")]
    pub previous_marker: String,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub current_count: Option<u64>,
}

/// `QueryInstanceResponseBody`.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Instance {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    pub vpc_id: Shared,
    #[serde(deserialize_with = "lenient::list")]
    pub network_interfaces: Vec<NetworkInterface>,
    #[serde(deserialize_with = "lenient::list")]
    pub tags: Vec<Tag>,
    pub image: Option<Image>,
    pub description: Shared,
    pub state: Shared,
    #[serde(deserialize_with = "lenient::text_map")]
    pub metadata: SortedMap<Shared>,
    pub user_data: Shared,
    #[serde(deserialize_with = "lenient::text")]
    pub server_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub launched_at: String,
    pub error: Option<ErrorStatus>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct NetworkInterface {
    pub subnet_id: Shared,
    #[serde(deserialize_with = "lenient::text")]
    pub ipv4_address: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Tag {
    pub key: Shared,
    pub value: Shared,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Image {
    pub id: Shared,
    pub name: Shared,
    pub os_type: Shared,
}

/// `ErrorStatus`, on an instance or a status.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct ErrorStatus {
    #[serde(deserialize_with = "lenient::text")]
    pub error_code: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_msg: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_type: String,
}

impl ErrorStatus {
    /// Whether there is anything to show (some services send an all-empty object).
    pub fn is_empty(&self) -> bool {
        self.error_code.is_empty() && self.error_msg.is_empty() && self.error_type.is_empty()
    }
}

impl Instance {
    /// The private IPv4 addresses of all network interfaces.
    pub fn ipv4s(&self) -> Vec<&str> {
        self.network_interfaces
            .iter()
            .map(|n| n.ipv4_address.as_str())
            .filter(|a| !a.is_empty())
            .collect()
    }

    /// The error worth showing, if any.
    pub fn shown_error(&self) -> Option<&ErrorStatus> {
        self.error.as_ref().filter(|e| !e.is_empty())
    }
}
