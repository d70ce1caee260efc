//! The attributes of a ROMA Connect instance that are not its lifecycle
//! (name, flavor, network, public IP, charging, maintenance window, zones,
//! users), derived on demand from the instance's details stream and the
//! fleet's shared pools (zones, networks, users).

use crate::encode::{hex32, uuid_v4};
use crate::rng::Rng;
use crate::roster::{Roster, Stream};

/// The attributes of one instance that are not its lifecycle.
pub struct Profile {
    pub name: String,
    pub description: &'static str,
    pub flavor_id: &'static str,
    pub flavor_type: &'static str,
    pub cpu_arch: &'static str,
    pub vpc_id: String,
    pub subnet_id: String,
    pub security_group_id: String,
    /// `(publicip_id, publicip_address)` when public access is enabled.
    pub public_ip: Option<(String, String)>,
    pub charge_type: &'static str,
    pub maintain: (&'static str, &'static str),
    pub available_zone_ids: Vec<String>,
    pub enterprise_project_id: String,
    pub created_user: (String, &'static str),
    pub last_updated_user: (String, &'static str),
}

const FLAVORS: [(&str, &str, &str); 8] = [
    ("basic", "x86_64", "00400-30101-0--0"),
    ("professional", "x86_64", "00400-30102-0--0"),
    ("enterprise", "x86_64", "00400-30103-0--0"),
    ("platinum", "x86_64", "00400-30104-0--0"),
    ("basic", "aarch64", "00400-30111-0--0"),
    ("professional", "aarch64", "00400-30112-0--0"),
    ("enterprise", "aarch64", "00400-30113-0--0"),
    ("platinum", "aarch64", "00400-30114-0--0"),
];

const DESCRIPTIONS: [&str; 5] = [
    " ",
    "",
    "Order integration between the ERP and the web shop",
    "MQS message bus for IoT devices",
    "数据集成实例 (data integration)",
];

const ENVS: [&str; 4] = ["prod", "test", "dev", "integration"];

const WINDOWS: [(&str, &str); 3] = [
    ("22:00:00", "02:00:00"),
    ("02:00:00", "06:00:00"),
    ("18:00:00", "22:00:00"),
];

/// User names by user pool index (`user_name` may be empty).
const USERS: [&str; 4] = ["roma-admin", "lsy", "", "ops_bot"];

/// A 32-hex id from the pool `pool` (AZs, users) of the fleet seeded
/// `seed`, item `k`.
fn pooled_hex(seed: u64, pool: u64, k: u64) -> String {
    hex32(Rng::new(seed ^ pool, k).next_u128())
}

/// A UUID from a pool (networks, enterprise projects), like [`pooled_hex`].
fn pooled_uuid(seed: u64, pool: u64, k: u64) -> String {
    uuid_v4(Rng::new(seed ^ pool, k).next_u128())
}

impl Profile {
    /// Instance `i`'s attributes in the fleet of `roster`, whose salted seed
    /// is `seed`.
    pub fn of(roster: &Roster, seed: u64, i: usize) -> Profile {
        let mut rng = roster.rng(i, Stream::Details);
        let name = format!("roma-{}-{:03}", rng.pick(&ENVS), i + 1);
        let description = *rng.pick(&DESCRIPTIONS);
        let flavor = FLAVORS[(rng.below(4) + 4 * u64::from(rng.chance(1, 5))) as usize];
        let net = rng.below(3);
        let public_ip = rng.chance(1, 2).then(|| {
            (
                uuid_v4(rng.next_u128()),
                format!("139.9.{}.{}", rng.range(1, 254), rng.range(1, 254)),
            )
        });
        let charge_type = if rng.chance(3, 10) { "prePaid" } else { "postPaid" };
        let maintain = *rng.pick(&WINDOWS);
        let az_count = rng.range(1, 3) as u64;
        let az_first = rng.below(3);
        let available_zone_ids = (0..az_count)
            .map(|k| pooled_hex(seed, 0x415A, (az_first + k) % 3))
            .collect();
        let enterprise_project_id = if rng.chance(7, 10) {
            "0".to_string()
        } else {
            pooled_uuid(seed, 0x4550, rng.below(2))
        };
        let user = |rng: &mut Rng| {
            let k = rng.below(USERS.len() as u64);
            (pooled_hex(seed, 0x5553, k), USERS[k as usize])
        };
        let created_user = user(&mut rng);
        let last_updated_user = if rng.chance(1, 2) {
            created_user.clone()
        } else {
            user(&mut rng)
        };
        Profile {
            name,
            description,
            flavor_type: flavor.0,
            cpu_arch: flavor.1,
            flavor_id: flavor.2,
            vpc_id: pooled_uuid(seed, 0x5650, net),
            subnet_id: pooled_uuid(seed, 0x534E, net),
            security_group_id: pooled_uuid(seed, 0x5347, net),
            public_ip,
            charge_type,
            maintain,
            available_zone_ids,
            enterprise_project_id,
            created_user,
            last_updated_user,
        }
    }
}
