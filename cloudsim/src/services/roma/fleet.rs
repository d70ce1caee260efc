//! ROMA Connect's simulated fleet: identities, timelines and attributes,
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

use super::lifecycle::Status;
use super::profile::Profile;
use crate::config::Config;
use crate::frame::Frame;
use crate::rng::Rng;
use crate::roster::{settled_update, Roster, Stream, Timeline};

/// ROMA's salt on the configured seed.
const SALT: u64 = 0x524F_4D41_0000_0001;

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
            roster: Roster::new(config.instances, seed, Frame::of(config)),
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

    /// Instance `i`'s attributes.
    pub fn profile(&self, i: usize) -> Profile {
        Profile::of(&self.roster, self.seed, i)
    }
}
