//! ImageSearch's wire types (seed 003): camelCase fields, epoch-millisecond dates
//! (`expiredDate = -1`: never), decoded leniently.

use crate::lenient;
use serde::Deserialize;

/// The documented default `level` (images an instance holds).
pub const DEFAULT_LEVEL: i64 = 30_000_000;

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Details {
    #[serde(rename = "instanceName", deserialize_with = "lenient::text")]
    pub instance_name: String,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub level: Option<i64>,
    #[serde(rename = "expiredDate", deserialize_with = "lenient::opt_i64")]
    pub expired_date: Option<i64>,
    #[serde(deserialize_with = "lenient::text")]
    pub domain: String,
    #[serde(deserialize_with = "lenient::text")]
    pub desc: String,
    #[serde(rename = "registerDate", deserialize_with = "lenient::opt_i64")]
    pub register_date: Option<i64>,
    #[serde(deserialize_with = "lenient::text_list")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
}
