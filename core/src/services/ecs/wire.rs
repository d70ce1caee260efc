//! ECS's wire types (`ListServersDetails`), as the vendor's SDKs model them, decoded
//! leniently: the flavor's sizes arrive as strings, `power_state` as an integer, a
//! `task_state` of `null` means nothing is under way.

use crate::lenient::{self, Items, Shared, SortedMap};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// `GET /v1/{project_id}/cloudservers/detail`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct ServerList<S = Server> {
    /// The total of servers matching the filters (not the page's).
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub count: Option<u64>,
    /// The servers (skimmed to their ids for [`crate::service::ListService::head`]).
    pub servers: Items<S>,
}

/// `ServerDetail`.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Server {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    pub description: Shared,
    pub status: Shared,
    #[serde(rename = "OS-EXT-STS:task_state")]
    pub task_state: Shared,
    #[serde(rename = "OS-EXT-STS:vm_state")]
    pub vm_state: Shared,
    #[serde(rename = "OS-EXT-STS:power_state", deserialize_with = "lenient::opt_i64")]
    pub power_state: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub progress: Option<i64>,
    pub flavor: Option<Flavor>,
    pub image: Option<ImageRef>,
    #[serde(deserialize_with = "addresses")]
    pub addresses: SortedMap<Vec<Address>>,
    pub key_name: Shared,
    #[serde(deserialize_with = "lenient::list")]
    pub security_groups: Vec<SecurityGroup>,
    #[serde(rename = "os-extended-volumes:volumes_attached", deserialize_with = "lenient::list")]
    pub volumes: Vec<Volume>,
    #[serde(deserialize_with = "lenient::text_map")]
    pub metadata: SortedMap<Shared>,
    /// `"key=value"` (or `"key"`).
    #[serde(deserialize_with = "lenient::text_list")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "lenient::list")]
    pub sys_tags: Vec<SysTag>,
    #[serde(rename = "OS-EXT-AZ:availability_zone")]
    pub availability_zone: Shared,
    #[serde(rename = "OS-EXT-SRV-ATTR:host")]
    pub host: Shared,
    #[serde(rename = "hostId")]
    pub host_id: Shared,
    pub host_status: Shared,
    #[serde(rename = "OS-EXT-SRV-ATTR:instance_name", deserialize_with = "lenient::text")]
    pub instance_name: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub locked: Option<bool>,
    pub fault: Option<Fault>,
    pub enterprise_project_id: Shared,
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
    #[serde(deserialize_with = "lenient::text")]
    pub updated: String,
    #[serde(rename = "OS-SRV-USG:launched_at", deserialize_with = "lenient::text")]
    pub launched_at: String,
    #[serde(rename = "OS-SRV-USG:terminated_at", deserialize_with = "lenient::text")]
    pub terminated_at: String,
}

/// `ServerFlavor`: the sizes are strings in the vendor's model (`"vcpus": "2"`).
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Flavor {
    pub id: Shared,
    pub name: Shared,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub vcpus: Option<u64>,
    /// MiB.
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub ram: Option<u64>,
    /// GiB (0: not limited).
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub disk: Option<u64>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct ImageRef {
    pub id: Shared,
}

/// `ServerAddress`.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Address {
    #[serde(deserialize_with = "lenient::text")]
    pub addr: String,
    /// `"4"` or `"6"` (a number in the Nova API).
    pub version: Shared,
    /// `fixed` (private) or `floating` (an EIP).
    #[serde(rename = "OS-EXT-IPS:type")]
    pub kind: Shared,
    #[serde(rename = "OS-EXT-IPS-MAC:mac_addr", deserialize_with = "lenient::text")]
    pub mac: String,
    #[serde(rename = "OS-EXT-IPS:port_id", deserialize_with = "lenient::text")]
    pub port_id: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct SecurityGroup {
    pub name: Shared,
    pub id: Shared,
}

/// `ServerExtendVolumeAttachment`: `bootIndex` and `delete_on_termination` are strings.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Volume {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub device: String,
    #[serde(rename = "bootIndex", deserialize_with = "lenient::text")]
    pub boot_index: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub delete_on_termination: Option<bool>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct SysTag {
    #[serde(deserialize_with = "lenient::text")]
    pub key: String,
    #[serde(deserialize_with = "lenient::text")]
    pub value: String,
}

/// The fault of a server in ERROR (`null` otherwise).
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Fault {
    #[serde(deserialize_with = "lenient::text")]
    pub code: String,
    #[serde(deserialize_with = "lenient::text")]
    pub message: String,
    #[serde(deserialize_with = "lenient::text")]
    pub details: String,
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
}

fn addresses<'de, D: Deserializer<'de>>(d: D) -> Result<SortedMap<Vec<Address>>, D::Error> {
    let raw = Option::<BTreeMap<String, Option<Vec<Address>>>>::deserialize(d)?.unwrap_or_default();
    Ok(raw
        .into_iter()
        .map(|(k, v)| (Shared::new(&k), v.unwrap_or_default()))
        .collect())
}

/// `OS-EXT-STS:power_state` in words (Nova's `InstancePowerState`).
pub fn power_state_name(state: Option<i64>) -> String {
    match state {
        None => String::new(),
        Some(n) => {
            let name = match n {
                0 => "NOSTATE",
                1 => "RUNNING",
                3 => "PAUSED",
                4 => "SHUTDOWN",
                6 => "CRASHED",
                7 => "SUSPENDED",
                _ => return n.to_string(),
            };
            format!("{n} ({name})")
        }
    }
}

impl Server {
    /// Every address as "addr (type)".
    pub fn address_list(&self) -> Vec<String> {
        self.addresses
            .values()
            .flatten()
            .map(|a| match a.kind.trim() {
                "" => a.addr.clone(),
                kind => format!("{} ({kind})", a.addr),
            })
            .collect()
    }

    /// The fault worth showing, if any.
    pub fn shown_fault(&self) -> Option<&Fault> {
        self.fault
            .as_ref()
            .filter(|f| !(f.code.is_empty() && f.message.is_empty()))
    }

    /// Whether the service sent only an id: what `server_id` answers for a server that
    /// does not exist (every other field `null`).
    pub fn is_stub(&self) -> bool {
        self.status.is_empty() && self.name.is_empty() && self.created.is_empty() && self.flavor.is_none()
    }
}

impl lenient::Identified for Server {
    fn id(&self) -> &str {
        &self.id
    }
}
