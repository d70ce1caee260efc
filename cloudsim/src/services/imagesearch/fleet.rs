//! ImageSearch's simulated fleet: `min(instances, 60)` instances named by
//! `names`, each derived on demand from `(seed, salt, index)`.
//!
//! Lifecycles (relative to the start, by index `i` with a per-seed
//! rotation `r = (i + rot) % 20`):
//! - `r` 0–2 (15%): `CREATION`, then after 15–120 s `NORMAL`, or (1 in 6)
//!   `CREATION_FAILD` (the vendor's spelling);
//! - `r` 3: `DELETING`, then after 30–120 s `DELETING_FAILED`;
//! - `r` 4: `ARREARAGE` (expired), `r` 5: `ABNORMAL`, for ever;
//! - otherwise `NORMAL`.
//!
//! `registerDate` counts back from the epoch (an identity); `expiredDate`
//! is -1 (never) when `(i + rot) % 3 == 0` (about a third), a year after
//! the register date for `ARREARAGE` (in the past), otherwise 30–700 days
//! after the start.

use super::lifecycle::Status;
use super::names::{count, name};
use crate::config::Config;
use crate::frame::{Frame, DAY_MS};
use crate::rng::Rng;
use crate::roster::Timeline;

/// ImageSearch's salt on the configured seed.
const SALT: u64 = 0x494D_4753_0000_0003;

const LEVELS: [i64; 4] = [10_000_000, 30_000_000, 50_000_000, 100_000_000];
const DOMAINS: [&str; 5] = [
    "common-search",
    "ecommerce",
    "fashion",
    "furniture",
    "model description",
];
const TAGS: [&str; 6] = ["tag1", "tag2", "catalogue", "shoes", "2024", "beta"];

/// One instance, as derived.
pub struct Instance {
    pub name: String,
    pub timeline: Timeline<Status>,
    pub register_ms: i64,
    /// -1: never expires.
    pub expired_ms: i64,
    pub level: i64,
    pub domain: &'static str,
    pub desc: String,
    pub tags: Vec<&'static str>,
}

/// ImageSearch's fleet (nothing is generated until asked).
#[derive(Clone, Debug)]
pub struct Fleet {
    len: usize,
    seed: u64,
    /// Which lifecycle index 0 has.
    rotation: usize,
    frame: Frame,
}

impl Fleet {
    /// The fleet for `config`.
    pub fn new(config: &Config) -> Fleet {
        let seed = config.seed ^ SALT;
        Fleet {
            len: count(config),
            seed,
            rotation: Rng::new(seed, u64::MAX).below(20) as usize,
            frame: Frame::of(config),
        }
    }

    /// The index of the instance named exactly `name`.
    pub fn find(&self, name: &str) -> Option<usize> {
        (0..self.len).find(|&i| self::name(i) == name)
    }

    /// Instance `i`.
    pub fn instance(&self, i: usize) -> Instance {
        let Frame {
            epoch_ms: epoch,
            start_ms: start,
        } = self.frame;
        let rotation = self.rotation;
        let mut rng = Rng::new(self.seed, i as u64);
        let name = name(i);
        let kind = (i + rotation) % 20;
        // The draws do not depend on the start, only the times they offset.
        let (timeline, register_ms) = match kind {
            0..=2 => {
                let register = epoch - rng.range(10_000, 600_000);
                let end = if rng.chance(1, 6) {
                    Status::CreationFaild
                } else {
                    Status::Normal
                };
                let mut t = Timeline::new(Status::Creation, register, start);
                t.then(&mut rng, 15, 120, end);
                (t, register)
            }
            3 => {
                let mut t = Timeline::new(Status::Deleting, start, start);
                t.then(&mut rng, 30, 120, Status::DeletingFailed);
                (t, epoch - rng.range(DAY_MS, 540 * DAY_MS))
            }
            4 => {
                let register = epoch - rng.range(400 * DAY_MS, 540 * DAY_MS);
                (Timeline::new(Status::Arrearage, start, start), register)
            }
            r => {
                let status = if r == 5 { Status::Abnormal } else { Status::Normal };
                let register = epoch - rng.range(DAY_MS, 540 * DAY_MS);
                (Timeline::new(status, start, start), register)
            }
        };
        let expired_ms = if kind == 4 {
            register_ms + 365 * DAY_MS
        } else if (i + rotation).is_multiple_of(3) {
            -1
        } else {
            start + rng.range(30 * DAY_MS, 700 * DAY_MS)
        };
        let level = if rng.chance(3, 5) {
            30_000_000
        } else {
            *rng.pick(&LEVELS)
        };
        let domain = *rng.pick(&DOMAINS);
        let desc = match rng.below(4) {
            0 => format!("register service for instance {name}."),
            1 => String::new(),
            2 => "Product photos for the spring catalogue".to_string(),
            _ => "以图搜图：商品图片库".to_string(),
        };
        let first_tag = rng.below(TAGS.len() as u64) as usize;
        let tags = (0..rng.below(4) as usize)
            .map(|k| TAGS[(first_tag + k) % TAGS.len()])
            .collect();
        Instance {
            name,
            timeline,
            register_ms,
            expired_ms,
            level,
            domain,
            desc,
            tags,
        }
    }
}
