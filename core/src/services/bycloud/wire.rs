//! ByCloud's wire types (seed 002), exactly as documented, decoded leniently.

use crate::lenient::{self, Items, Shared, SortedMap};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceList<I = Instance> {
    /// The instances (skimmed to their ids for [`crate::service::ListService::head`]).
    pub instances: Items<I>,
    pub meta: Option<Meta>,
    pub links: Option<Links>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Meta {
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub limit: Option<u64>,
    #[serde(deserialize_with = "lenient::text")]
    pub marker: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub has_more: Option<bool>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Links {
    #[serde(rename = "self", deserialize_with = "lenient::text")]
    pub self_: String,
    #[serde(deserialize_with = "lenient::text")]
    pub next: String,
    #[serde(deserialize_with = "lenient::text")]
    pub previous: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Instance {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub crn: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    pub description: Shared,
    pub status: Shared,
    pub power_state: Shared,
    /// `null` (nothing in progress) arrives as "".
    pub task_state: Shared,
    pub vm_state: Shared,
    pub flavor: Option<Flavor>,
    pub image: Option<ImageRef>,
    #[serde(deserialize_with = "addresses")]
    pub addresses: SortedMap<Vec<Address>>,
    #[serde(deserialize_with = "lenient::list")]
    pub security_groups: Vec<NamedRef>,
    #[serde(deserialize_with = "lenient::list")]
    pub volumes_attached: Vec<Volume>,
    #[serde(deserialize_with = "lenient::text_list")]
    pub key_names: Vec<String>,
    #[serde(deserialize_with = "lenient::text_map")]
    pub metadata: SortedMap<Shared>,
    #[serde(deserialize_with = "lenient::text_list")]
    pub tags: Vec<String>,
    pub fault: Option<Fault>,
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub launched_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub terminated_at: String,
}

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
    /// GiB.
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub disk: Option<u64>,
}

impl Flavor {
    /// "m1.medium · 2 vCPU · 4 GiB RAM · 40 GiB disk".
    pub fn summary(&self) -> String {
        let mut parts = vec![self.name.to_string()];
        if let Some(v) = self.vcpus {
            parts.push(format!("{v} vCPU"));
        }
        if let Some(r) = self.ram {
            parts.push(if r % 1024 == 0 {
                format!("{} GiB RAM", r / 1024)
            } else {
                format!("{r} MiB RAM")
            });
        }
        if let Some(d) = self.disk {
            parts.push(format!("{d} GiB disk"));
        }
        parts.retain(|p| !p.is_empty());
        parts.join(" · ")
    }
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct ImageRef {
    pub id: Shared,
    pub name: Shared,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Address {
    #[serde(deserialize_with = "lenient::text")]
    pub addr: String,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub version: Option<u64>,
    #[serde(rename = "type")]
    pub kind: Shared,
    #[serde(deserialize_with = "lenient::text")]
    pub mac_addr: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct NamedRef {
    pub name: Shared,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Volume {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub device: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub delete_on_termination: Option<bool>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Fault {
    pub code: Shared,
    pub message: Shared,
    pub details: Shared,
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

impl Instance {
    /// Every address as "addr (network)".
    pub fn address_list(&self) -> Vec<String> {
        self.addresses
            .iter()
            .flat_map(|(net, list)| list.iter().map(move |a| format!("{} ({net})", a.addr)))
            .collect()
    }

    pub fn shown_fault(&self) -> Option<&Fault> {
        self.fault
            .as_ref()
            .filter(|f| !(f.code.is_empty() && f.message.is_empty()))
    }
}

impl lenient::Identified for Instance {
    fn id(&self) -> &str {
        &self.id
    }
}
