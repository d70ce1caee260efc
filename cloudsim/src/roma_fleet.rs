//! ROMA Connect's simulated fleet: statuses, timelines and attributes,
//! derived per instance on demand (see `roster`).
//!
//! Lifecycles (relative to the start):
//! - the newest 10% are `CREATING`, then after 15–120 s `RUNNING`, or
//!   (1 in 8) `CREATE_FAILED` with `error_code`/`error_msg`;
//! - about 5% are `DELETING`, then after 15–90 s `DELETED`, or (1 in 6)
//!   `DELETE_FAILED`;
//! - the rest are settled: mostly `RUNNING`, a few `ERROR`, `SOFT_DELETED`,
//!   `DELETED`, `CREATE_FAILED`, `DELETE_FAILED`;
//! - every index % 97 == 42 is `FROZEN` and every index % 97 == 43 is
//!   `DELETE_FALIED` (values only the vendor SDK's enum has; the second is
//!   the SDK's misspelling) for ever.

use crate::encode::{hex32, uuid_v4};
use crate::rng::Rng;
use crate::roster::{settled_update, Roster, Stream, Timeline};
use crate::Config;

/// A ROMA Connect instance status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Creating,
    Running,
    Deleting,
    Deleted,
    Error,
    CreateFailed,
    DeleteFailed,
    SoftDeleted,
    /// SDK-only values.
    Frozen,
    DeleteFalied,
}

impl Status {
    /// The documented values of the `status` query parameter.
    pub const FILTERS: [Status; 8] = [
        Status::Creating,
        Status::Running,
        Status::Deleting,
        Status::Deleted,
        Status::Error,
        Status::CreateFailed,
        Status::DeleteFailed,
        Status::SoftDeleted,
    ];

    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Creating => "CREATING",
            Status::Running => "RUNNING",
            Status::Deleting => "DELETING",
            Status::Deleted => "DELETED",
            Status::Error => "ERROR",
            Status::CreateFailed => "CREATE_FAILED",
            Status::DeleteFailed => "DELETE_FAILED",
            Status::SoftDeleted => "SOFT_DELETED",
            Status::Frozen => "FROZEN",
            Status::DeleteFalied => "DELETE_FALIED",
        }
    }

    /// A documented filter value (exact match).
    pub fn parse_filter(value: &str) -> Option<Status> {
        Status::FILTERS.into_iter().find(|s| s.as_str() == value)
    }

    /// `(error_code, error_msg)` of a failed status.
    pub fn failure(self) -> Option<(&'static str, &'static str)> {
        match self {
            Status::Error => Some((
                "ROMA.00110001",
                "The instance is abnormal: the gateway health check failed",
            )),
            Status::CreateFailed => Some((
                "ROMA.00110002",
                "Failed to create the instance: insufficient resources in the selected AZ",
            )),
            Status::DeleteFailed | Status::DeleteFalied => Some((
                "ROMA.00110003",
                "Failed to delete the instance: releasing the EIP timed out",
            )),
            _ => None,
        }
    }
}

/// ROMA's salt on the configured seed.
const SALT: u64 = 0x524F_4D41_0000_0001;

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

/// ROMA Connect's fleet.
#[derive(Clone, Debug)]
pub struct Fleet {
    roster: Roster,
    seed: u64,
}

impl Fleet {
    /// The fleet for `config` (nothing is generated until asked).
    pub fn new(config: &Config) -> Fleet {
        let seed = config.seed ^ SALT;
        Fleet {
            roster: Roster::new(config.instances, seed, config.start_ms),
            seed,
        }
    }

    /// Identities and creation times.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Instance `i`'s lifecycle.
    pub fn timeline(&self, i: usize) -> Timeline<Status> {
        let r = &self.roster;
        let mut rng = r.rng(i, Stream::Timeline);
        let (created, start) = (r.created_ms(i), r.start_ms());
        let settled = |rng: &mut Rng, status| Timeline::new(status, settled_update(rng, created, start), start);
        match i % 97 {
            42 => return settled(&mut rng, Status::Frozen),
            43 => return settled(&mut rng, Status::DeleteFalied),
            _ => {}
        }
        if r.is_recent(i) {
            let end = if rng.chance(1, 8) {
                Status::CreateFailed
            } else {
                Status::Running
            };
            let mut t = Timeline::new(Status::Creating, created, start);
            t.then(&mut rng, 15, 120, end);
            return t;
        }
        match rng.below(100) {
            0..=4 => {
                let since = rng.range(start - 120_000, start - 5_000);
                let end = if rng.chance(1, 6) {
                    Status::DeleteFailed
                } else {
                    Status::Deleted
                };
                let mut t = Timeline::new(Status::Deleting, since, start);
                t.then(&mut rng, 15, 90, end);
                t
            }
            5..=7 => settled(&mut rng, Status::Error),
            8..=10 => settled(&mut rng, Status::SoftDeleted),
            11..=14 => settled(&mut rng, Status::Deleted),
            15 => settled(&mut rng, Status::CreateFailed),
            16 => settled(&mut rng, Status::DeleteFailed),
            _ => settled(&mut rng, Status::Running),
        }
    }

    /// A 32-hex id from the pool `pool` (AZs, users), item `k`.
    fn pooled_hex(&self, pool: u64, k: u64) -> String {
        hex32(Rng::new(self.seed ^ pool, k).next_u128())
    }

    fn pooled_uuid(&self, pool: u64, k: u64) -> String {
        uuid_v4(Rng::new(self.seed ^ pool, k).next_u128())
    }

    /// Instance `i`'s attributes.
    pub fn profile(&self, i: usize) -> Profile {
        let mut rng = self.roster.rng(i, Stream::Details);
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
            .map(|k| self.pooled_hex(0x415A, (az_first + k) % 3))
            .collect();
        let enterprise_project_id = if rng.chance(7, 10) {
            "0".to_string()
        } else {
            self.pooled_uuid(0x4550, rng.below(2))
        };
        let user = |rng: &mut Rng| {
            let k = rng.below(USERS.len() as u64);
            (self.pooled_hex(0x5553, k), USERS[k as usize])
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
            vpc_id: self.pooled_uuid(0x5650, net),
            subnet_id: self.pooled_uuid(0x534E, net),
            security_group_id: self.pooled_uuid(0x5347, net),
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
