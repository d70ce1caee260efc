//! ByCloud's simulated fleet: OpenStack-like phases, timelines and
//! attributes, derived per instance on demand (see `roster`).
//!
//! Lifecycles (relative to the start):
//! - the newest 10% are `BUILD` (power `NOSTATE`, vm `BUILDING`, task
//!   `networking` → `block_device_mapping` → `spawning`), then after
//!   15–120 s `ACTIVE`, or (1 in 8) `ERROR` with a `fault`;
//! - about 8% are `ACTIVE` and power-cycle: task `powering-off` (20–240 s
//!   in), `SHUTOFF` (power `SHUTDOWN`, vm `STOPPED`), task `powering-on`,
//!   then `ACTIVE` again;
//! - the rest are settled: mostly `ACTIVE`, some `SHUTOFF`, a few `ERROR`
//!   and `DELETED`;
//! - every index % 97 == 42 is `MIGRATING` (task `migrating`) for ever, a
//!   status outside the vendor's example.

use crate::encode::uuid_v4;
use crate::rng::Rng;
use crate::roster::{settled_update, Roster, Stream, Timeline};
use crate::Config;
use std::sync::OnceLock;

/// Where an instance is in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Being built; the task state.
    Build(&'static str),
    Active,
    PoweringOff,
    Shutoff,
    PoweringOn,
    Error,
    Deleted,
    Migrating,
}

impl Phase {
    /// `status`.
    pub fn status(self) -> &'static str {
        match self {
            Phase::Build(_) => "BUILD",
            Phase::Active | Phase::PoweringOff => "ACTIVE",
            Phase::Shutoff | Phase::PoweringOn => "SHUTOFF",
            Phase::Error => "ERROR",
            Phase::Deleted => "DELETED",
            Phase::Migrating => "MIGRATING",
        }
    }

    /// `power_state`.
    pub fn power_state(self) -> &'static str {
        match self {
            Phase::Active | Phase::PoweringOff | Phase::Migrating => "RUNNING",
            Phase::Shutoff | Phase::PoweringOn => "SHUTDOWN",
            Phase::Build(_) | Phase::Error | Phase::Deleted => "NOSTATE",
        }
    }

    /// `task_state` (`null` when none).
    pub fn task_state(self) -> Option<&'static str> {
        match self {
            Phase::Build(task) => Some(task),
            Phase::PoweringOff => Some("powering-off"),
            Phase::PoweringOn => Some("powering-on"),
            Phase::Migrating => Some("migrating"),
            _ => None,
        }
    }

    /// `vm_state`.
    pub fn vm_state(self) -> &'static str {
        match self {
            Phase::Build(_) => "BUILDING",
            Phase::Active | Phase::PoweringOff | Phase::Migrating => "ACTIVE",
            Phase::Shutoff | Phase::PoweringOn => "STOPPED",
            Phase::Error => "ERROR",
            Phase::Deleted => "DELETED",
        }
    }
}

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

/// ByCloud's salt on the configured seed.
const SALT: u64 = 0x4259_434C_0000_0002;

fn mac(rng: &mut Rng) -> String {
    let b = rng.next_u64().to_le_bytes();
    format!("fa:16:3e:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2])
}

/// ByCloud's fleet.
#[derive(Clone, Debug)]
pub struct Fleet {
    roster: Roster,
    /// Each instance's unchanging JSON, rendered on first use (most of a page's work).
    rendered: Vec<OnceLock<Rendered>>,
}

/// The parts of an instance's JSON that never change (see `bycloud::write_instance`).
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The members before `status`.
    pub head: String,
    /// The members from `flavor` to `tags`.
    pub middle: String,
    /// The launch time its details fix, if any.
    pub launched_ms: Option<i64>,
}

impl Fleet {
    /// The fleet for `config` (nothing is generated until asked).
    pub fn new(config: &Config) -> Fleet {
        Fleet {
            roster: Roster::new(config.instances, config.seed ^ SALT, config.start_ms),
            rendered: (0..config.instances).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Instance `i`'s unchanging JSON, rendered by `render` the first time.
    pub fn rendered(&self, i: usize, render: impl FnOnce() -> Rendered) -> &Rendered {
        self.rendered[i].get_or_init(render)
    }

    /// Identities and creation times.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Instance `i`'s lifecycle.
    pub fn timeline(&self, i: usize) -> Timeline<Phase> {
        let r = &self.roster;
        let mut rng = r.rng(i, Stream::Timeline);
        let (created, start) = (r.created_ms(i), r.start_ms());
        let settled = |rng: &mut Rng, phase| Timeline::new(phase, settled_update(rng, created + 300_000, start), start);
        if i % 97 == 42 {
            return settled(&mut rng, Phase::Migrating);
        }
        if r.is_recent(i) {
            let end = if rng.chance(1, 8) { Phase::Error } else { Phase::Active };
            let mut t = Timeline::new(Phase::Build("networking"), created, start);
            t.then(&mut rng, 2, 10, Phase::Build("block_device_mapping"))
                .then(&mut rng, 3, 10, Phase::Build("spawning"))
                .then(&mut rng, 10, 100, end);
            return t;
        }
        match rng.below(100) {
            0..=7 => {
                let mut t = settled(&mut rng, Phase::Active);
                t.then(&mut rng, 20, 240, Phase::PoweringOff)
                    .then(&mut rng, 5, 30, Phase::Shutoff)
                    .then(&mut rng, 20, 120, Phase::PoweringOn)
                    .then(&mut rng, 5, 30, Phase::Active);
                t
            }
            8..=10 => settled(&mut rng, Phase::Error),
            11..=20 => settled(&mut rng, Phase::Shutoff),
            21..=23 => settled(&mut rng, Phase::Deleted),
            _ => settled(&mut rng, Phase::Active),
        }
    }

    /// Instance `i`'s filterable attributes.
    pub fn traits(&self, i: usize) -> Traits {
        let mut rng = self.roster.rng(i, Stream::Traits);
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

    /// Instance `i`'s other attributes, given its traits and the phase its
    /// timeline starts in.
    pub fn details(&self, i: usize, traits: &Traits, initial: Phase) -> Details {
        let mut rng = self.roster.rng(i, Stream::Details);
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
        let launched_ms = if self.roster.is_recent(i) || (never_launched && initial == Phase::Error) {
            None
        } else {
            Some(self.roster.created_ms(i) + rng.range(30_000, 300_000))
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
