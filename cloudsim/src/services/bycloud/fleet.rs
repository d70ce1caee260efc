//! ByCloud's simulated fleet: identities, timelines and attributes,
//! derived per instance on demand (see `roster`), and the cache of each
//! instance's unchanging JSON.
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

use std::sync::OnceLock;

use super::lifecycle::Phase;
use super::profile::{Details, Traits};
use crate::config::Config;
use crate::frame::Frame;
use crate::rng::Rng;
use crate::roster::{settled_update, Roster, Stream, Timeline};

/// ByCloud's salt on the configured seed.
const SALT: u64 = 0x4259_434C_0000_0002;

/// ByCloud's fleet.
#[derive(Clone, Debug)]
pub struct Fleet {
    roster: Roster,
    /// Each instance's unchanging JSON, rendered on first use (most of a page's work).
    rendered: Vec<OnceLock<Rendered>>,
}

/// The parts of an instance's JSON that never change (see `render::write_instance`).
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
            roster: Roster::new(config.instances, config.seed ^ SALT, Frame::of(config)),
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
        Traits::of(&self.roster, i)
    }

    /// Instance `i`'s other attributes, given its traits and the phase its
    /// timeline starts in.
    pub fn details(&self, i: usize, traits: &Traits, initial: Phase) -> Details {
        Details::of(&self.roster, i, traits, initial)
    }
}
