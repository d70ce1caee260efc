//! ByCloud's instance attributes: the cheap traits filters read (role,
//! tags, flavor, image) and the details only rendered (description,
//! addresses, security groups, volumes, keys, metadata, the launch before
//! the simulation), each from its own stream of the instance.

use super::lifecycle::Phase;
use crate::encode::uuid_v4;
use crate::rng::Rng;
use crate::roster::{Roster, Stream};

/// A flavor: `(id, name, vcpus, ram MiB, disk GiB)`.
pub type Flavor = (&'static str, &'static str, u64, u64, u64);

/// The flavors (fixed ids, so `flavor_id` filters can name them).
pub const FLAVORS: [Flavor; 4] = [
    ("6f2d3b1a-8c4e-4d5f-9a7b-1c2d3e4f5a60", "m1.small", 1, 2048, 20),
    ("7a3e4c2b-9d5f-4e60-8b8c-2d3e4f5a6b71", "m1.medium", 2, 4096, 40),
    ("8b4f5d3c-ae60-4f71-9c9d-3e4f5a6b7c82", "m1.large", 4, 8192, 80),
    ("9c506e4d-bf71-4082-8dae-4f5a6b7c8d93", "c1.xlarge", 8, 16384, 160),
];

/// The images: `(id, name)` (fixed ids, for `image_id` filters).
pub const IMAGES: [(&str, &str); 4] = [
    ("0d1e2f30-4152-4637-a8b9-cadbecfd0e1f", "Ubuntu 22.04 LTS"),
    ("1e2f3041-5263-4748-b9ca-dbecfd0e1f20", "Ubuntu 24.04 LTS"),
    ("2f304152-6374-4859-8adb-ecfd0e1f2031", "Debian 12"),
    ("30415263-7485-496a-9bec-fd0e1f203142", "Rocky Linux 9"),
];

/// What filters read: cheap to derive.
pub struct Traits {
    /// `web`, `db` or `batch`: the name is `{role}-{index + 1:02}`.
    pub role: &'static str,
    pub tags: Vec<&'static str>,
    pub flavor: &'static Flavor,
    pub image: &'static (&'static str, &'static str),
    /// `production` or `staging`.
    pub env: &'static str,
}

impl Traits {
    /// Instance `i`'s filterable attributes in the fleet of `roster`.
    pub fn of(roster: &Roster, i: usize) -> Traits {
        let mut rng = roster.rng(i, Stream::Traits);
        let role = match rng.below(4) {
            0 | 1 => "web",
            2 => "db",
            _ => "batch",
        };
        let env = if rng.chance(3, 5) { "production" } else { "staging" };
        let mut tags = vec![role];
        if role == "web" && rng.chance(1, 2) {
            tags.push("frontend");
        }
        if !rng.chance(1, 10) {
            tags.push(env);
        }
        let flavor = match role {
            "web" => &FLAVORS[rng.below(2) as usize],
            "db" => &FLAVORS[2 + rng.below(2) as usize],
            _ => rng.pick(&FLAVORS[1..]),
        };
        Traits {
            role,
            tags,
            flavor,
            image: rng.pick(&IMAGES),
            env,
        }
    }

    /// The instance name.
    pub fn name(&self, i: usize) -> String {
        format!("{}-{:02}", self.role, i + 1)
    }
}

/// One address: `(addr, version, type, mac_addr)`.
pub type Address = (String, u64, &'static str, String);

/// Everything else that is rendered.
pub struct Details {
    pub description: &'static str,
    /// `(network name, addresses)`; `private-network` always comes first.
    pub addresses: Vec<(&'static str, Vec<Address>)>,
    pub security_groups: Vec<&'static str>,
    /// `(id, device, delete_on_termination)`.
    pub volumes: Vec<(String, String, bool)>,
    pub key_names: &'static [&'static str],
    /// `environment` and `team` always, sometimes `owner`.
    pub metadata: Vec<(&'static str, &'static str)>,
    /// The launch before the simulation (None: never launched).
    pub launched_ms: Option<i64>,
}

const KEY_NAMES: [&[&str]; 4] = [&["my-keypair"], &["my-keypair", "backup-key"], &["ops-key"], &[]];

const TEAMS: [&str; 4] = ["backend", "frontend", "data", "platform"];

fn mac(rng: &mut Rng) -> String {
    let b = rng.next_u64().to_le_bytes();
    format!("fa:16:3e:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2])
}

impl Details {
    /// Instance `i`'s other attributes in the fleet of `roster`, given its
    /// traits and the phase its timeline starts in.
    pub fn of(roster: &Roster, i: usize, traits: &Traits, initial: Phase) -> Details {
        let mut rng = roster.rng(i, Stream::Details);
        let description = match (traits.role, rng.below(5)) {
            (_, 0) => "",
            ("web", 1 | 2) => "Primary web server",
            ("web", _) => "Web frontend node",
            ("db", _) => "PostgreSQL replica",
            _ => "Nightly batch worker",
        };
        let private_mac = mac(&mut rng);
        let mut private = vec![(
            format!("192.168.{}.{}", rng.range(1, 4), rng.range(10, 250)),
            4,
            "fixed",
            private_mac.clone(),
        )];
        if traits.role == "web" && rng.chance(1, 2) {
            let floating = format!("203.0.113.{}", rng.range(2, 254));
            private.push((floating, 4, "floating", private_mac));
        }
        let mut addresses = vec![("private-network", private)];
        if traits.role == "db" {
            let addr = format!("fd00:5::{:x}", rng.range(0x10, 0xfff));
            addresses.push(("storage-network", vec![(addr, 6, "fixed", mac(&mut rng))]));
        }
        let mut security_groups = vec!["default"];
        match traits.role {
            "web" => security_groups.push("web-sg"),
            "db" => security_groups.push("db-sg"),
            _ => {}
        }
        let volume_count = match traits.role {
            "db" => rng.range(1, 2),
            "web" => rng.range(0, 1),
            _ => 1,
        };
        let volumes = (0..volume_count)
            .map(|k| {
                let device = format!("/dev/vd{}", char::from(b'b' + k as u8));
                (uuid_v4(rng.next_u128()), device, rng.chance(1, 2))
            })
            .collect();
        let mut metadata = vec![("environment", traits.env), ("team", *rng.pick(&TEAMS))];
        if rng.chance(1, 3) {
            metadata.push(("owner", "ops@example.com"));
        }
        let never_launched = rng.chance(1, 2);
        let launched_ms = if roster.is_recent(i) || (never_launched && initial == Phase::Error) {
            None
        } else {
            Some(roster.created_ms(i) + rng.range(30_000, 300_000))
        };
        Details {
            description,
            addresses,
            security_groups,
            volumes,
            key_names: KEY_NAMES[rng.below(KEY_NAMES.len() as u64) as usize],
            metadata,
            launched_ms,
        }
    }
}
