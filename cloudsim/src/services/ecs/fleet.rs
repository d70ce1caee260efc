//! ECS's simulated fleet: identities, timelines and attributes, derived per
//! server on demand (see `roster`), and the cache of each server's
//! unchanging JSON.
//!
//! Identities (ids, names, creation times, attributes) come from the epoch,
//! timelines from the start. Lifecycles (relative to the start), along the
//! vendor's status model:
//! - the newest 10% are `BUILD` (vm `building`, power 0, task `scheduling`
//!   → `networking` → `block_device_mapping` → `spawning`), then after
//!   15–130 s `ACTIVE`, or (1 in 8) `ERROR` with a `fault`;
//! - about 8% are `ACTIVE` and power-cycle: task `powering-off` (status
//!   still `ACTIVE`, 20–240 s in), `SHUTOFF` (vm `stopped`, power 4), task
//!   `powering-on` (status still `SHUTOFF`), then `ACTIVE` (power 1);
//! - about 3% reboot: `REBOOT` (task `rebooting`, 10–150 s in), then
//!   `ACTIVE` after 20–90 s;
//! - about 3% are deleted: task `deleting` on an `ACTIVE` or `SHUTOFF`
//!   server (20–300 s in), then `DELETED` (power 0) after 5–40 s;
//! - the rest are settled: mostly `ACTIVE`, some `SHUTOFF`, a few `ERROR`
//!   (with a `fault`) and `SHELVED`;
//! - every index % 97 == 42 is `VERIFY_RESIZE` (vm `resized`) and every
//!   index % 97 == 43 `SUSPENDED` (a value only older pages list) for ever.

use std::sync::OnceLock;

use super::lifecycle::Phase;
use super::profile::{Details, Traits};
use crate::config::Config;
use crate::encode::{hex32, uuid_v4};
use crate::frame::Frame;
use crate::rng::Rng;
use crate::roster::{settled_update, Roster, Stream, Timeline};

/// ECS's salt on the configured seed.
const SALT: u64 = 0x4543_5300_0000_0005;

/// ECS's fleet.
#[derive(Clone, Debug)]
pub struct Fleet {
    roster: Roster,
    /// The fleet's salted seed (VPC and user ids).
    seed: u64,
    /// `tenant_id`: the configured project.
    pub tenant_id: String,
    /// `user_id`: the one user who created every server.
    pub user_id: String,
    /// Each server's unchanging JSON, rendered on first use.
    rendered: Vec<OnceLock<Rendered>>,
}

/// The parts of a server's JSON that never change (see
/// `render::write_server`), between the members that do.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// `id` … `accessIPv6` (before `status`).
    pub head: String,
    /// `image`, `hostId` (before `updated`).
    pub image: String,
    /// `created` … `os-extended-volumes:volumes_attached` (before the
    /// `OS-EXT-STS:*` states).
    pub body: String,
    /// `OS-EXT-SRV-ATTR:host` … `OS-EXT-SRV-ATTR:user_data` (before
    /// `OS-SRV-USG:launched_at`).
    pub host: String,
    /// `OS-EXT-SRV-ATTR:kernel_id` … `key_name`.
    pub tail: String,
    /// The launch its details fix (None: launched during the simulation,
    /// or never).
    pub launched_ms: Option<i64>,
}

impl Fleet {
    /// The fleet for `config` (nothing is generated until asked).
    pub fn new(config: &Config) -> Fleet {
        let seed = config.seed ^ SALT;
        Fleet {
            roster: Roster::new(config.instances, seed, Frame::of(config)),
            seed,
            tenant_id: config.project_id.clone(),
            user_id: hex32(Rng::new(seed, 0x5553_4552).next_u128()),
            rendered: (0..config.instances).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Identities and creation times.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Server `i`'s unchanging JSON, rendered by `render` the first time.
    pub fn rendered(&self, i: usize, render: impl FnOnce() -> Rendered) -> &Rendered {
        self.rendered[i].get_or_init(render)
    }

    /// The index of the server with exactly this id (ids increase with the
    /// index: a binary search).
    pub fn find(&self, id: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.roster.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.roster.id(mid).as_str() < id {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo < self.roster.len() && self.roster.id(lo) == id).then_some(lo)
    }

    /// VPC `k`'s id (`Traits::vpc`).
    pub fn vpc_id(&self, k: usize) -> String {
        uuid_v4(Rng::new(self.seed ^ 0x5650_4300, k as u64).next_u128())
    }

    /// Server `i`'s lifecycle.
    pub fn timeline(&self, i: usize) -> Timeline<Phase> {
        let r = &self.roster;
        let mut rng = r.rng(i, Stream::Timeline);
        let (created, start) = (r.created_ms(i), r.start_ms());
        let settled = |rng: &mut Rng, phase| Timeline::new(phase, settled_update(rng, created + 300_000, start), start);
        match i % 97 {
            42 => return settled(&mut rng, Phase::VerifyResize),
            43 => return settled(&mut rng, Phase::Suspended),
            _ => {}
        }
        if r.is_recent(i) {
            let end = if rng.chance(1, 8) { Phase::Error } else { Phase::Active };
            let mut t = Timeline::new(Phase::Build("scheduling"), created, start);
            t.then(&mut rng, 1, 5, Phase::Build("networking"))
                .then(&mut rng, 2, 10, Phase::Build("block_device_mapping"))
                .then(&mut rng, 3, 15, Phase::Build("spawning"))
                .then(&mut rng, 9, 100, end);
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
            8..=10 => {
                let mut t = settled(&mut rng, Phase::Active);
                t.then(&mut rng, 10, 150, Phase::Reboot)
                    .then(&mut rng, 20, 90, Phase::Active);
                t
            }
            11..=13 => {
                let stopped = rng.chance(1, 3);
                let from = if stopped { Phase::Shutoff } else { Phase::Active };
                let mut t = settled(&mut rng, from);
                t.then(&mut rng, 20, 300, Phase::Deleting { stopped })
                    .then(&mut rng, 5, 40, Phase::Deleted);
                t
            }
            14..=16 => settled(&mut rng, Phase::Error),
            17..=28 => settled(&mut rng, Phase::Shutoff),
            29..=30 => settled(&mut rng, Phase::Shelved),
            _ => settled(&mut rng, Phase::Active),
        }
    }

    /// Server `i`'s filterable attributes.
    pub fn traits(&self, i: usize) -> Traits {
        Traits::of(&self.roster, i)
    }

    /// Server `i`'s other attributes, given its traits.
    pub fn details(&self, i: usize, traits: &Traits) -> Details {
        Details::of(&self.roster, i, traits)
    }
}
