//! ImageSearch rendering: `GET /v1/{project_id}/service/{instance_name}`.
//!
//! Order of checks: method (405) → `X-Cloudsim-Fault` → `X-Auth-Token`
//! (400 `IS.0004`: the page documents only 400) → project (400 `IS.0002`)
//! → instance name (400 `IS.0010`) → result. Error bodies are
//! `{"error_code", "error_msg"}`.
//!
//! The fleet has `min(instances, 60)` instances named by
//! [`crate::imagesearch_names`]. Lifecycles (relative to the start, by
//! index `i` with a per-seed rotation `r = (i + rot) % 20`):
//! - `r` 0–2 (15%): `CREATION`, then after 15–120 s `NORMAL`, or (1 in 6)
//!   `CREATION_FAILD` (the vendor's spelling);
//! - `r` 3: `DELETING`, then after 30–120 s `DELETING_FAILED`;
//! - `r` 4: `ARREARAGE` (expired), `r` 5: `ABNORMAL`, for ever;
//! - otherwise `NORMAL`.
//!
//! `expiredDate` is -1 (never) when `(i + rot) % 3 == 0` (about a third),
//! in the past for `ARREARAGE`, otherwise 30–700 days after the start.

use crate::ctx::{with_status_headers, Ctx};
use crate::encode::{json_strs, Obj};
use crate::rng::Rng;
use crate::roster::Timeline;
use crate::{Config, Response};

/// The largest ImageSearch fleet.
pub const MAX_INSTANCES: usize = 60;

/// ImageSearch's salt on the configured seed.
const SALT: u64 = 0x494D_4753_0000_0003;

const DAY_MS: i64 = 86_400_000;

/// An ImageSearch instance status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Normal,
    Arrearage,
    Creation,
    CreationFaild,
    Deleting,
    DeletingFailed,
    Abnormal,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Normal => "NORMAL",
            Status::Arrearage => "ARREARAGE",
            Status::Creation => "CREATION",
            Status::CreationFaild => "CREATION_FAILD",
            Status::Deleting => "DELETING",
            Status::DeletingFailed => "DELETING_FAILED",
            Status::Abnormal => "ABNORMAL",
        }
    }
}

/// Instance `i`'s name (see [`crate::imagesearch_names`]).
pub fn name(i: usize) -> String {
    match i {
        3 => "imagesearch-03 copy".to_string(),
        5 => "imagesearch-05-图片搜索".to_string(),
        7 => "imagesearch-07-<b>markup</b>".to_string(),
        _ => format!("imagesearch-{i:02}"),
    }
}

/// The fleet size for `config`.
pub fn count(config: &Config) -> usize {
    config.instances.min(MAX_INSTANCES)
}

fn error(status: u16, code: &str, msg: &str) -> Response {
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    obj.str("error_code", code).str("error_msg", msg);
    obj.end();
    with_status_headers(Response::json(status, body))
}

fn bad_token() -> Response {
    error(400, "IS.0004", "The authentication token is abnormal.")
}

/// The documented response for a forced `status`.
fn fault(status: u16) -> Response {
    match status {
        400 => bad_token(),
        429 => error(429, "APIG.0308", "The throttling threshold has been reached"),
        500 => error(500, "IS.0500", "Internal server error"),
        other => error(other, "CLOUDSIM.0001", &format!("Forced fault status {other}")),
    }
}

/// `GET /v1/{project_id}/service/{instance_name}` (`name` percent-decoded).
pub fn handle(ctx: &Ctx, project: &str, name: &str) -> Response {
    if !ctx.is_get() {
        let msg = format!("Method {} is not allowed for this API; use GET", ctx.req.method);
        return error(405, "APIGW.0405", &msg);
    }
    if let Some(status) = ctx.forced_status() {
        return fault(status);
    }
    if !ctx.has_auth_token() {
        return bad_token();
    }
    if project != ctx.config.project_id {
        return error(400, "IS.0002", "Invalid project id");
    }
    let seed = ctx.config.seed ^ SALT;
    match (0..count(ctx.config)).find(|&i| self::name(i) == name) {
        Some(i) => Response::json(200, details(ctx, seed, i)),
        None => error(400, "IS.0010", "The instance does not exist."),
    }
}

const LEVELS: [i64; 4] = [10_000_000, 30_000_000, 50_000_000, 100_000_000];
const DOMAINS: [&str; 5] = [
    "common-search",
    "ecommerce",
    "fashion",
    "furniture",
    "model description",
];
const TAGS: [&str; 6] = ["tag1", "tag2", "catalogue", "shoes", "2024", "beta"];

/// The response body for instance `i`.
fn details(ctx: &Ctx, seed: u64, i: usize) -> String {
    let start = crate::fleet::clamp_start(ctx.config.start_ms);
    let rotation = Rng::new(seed, u64::MAX).below(20) as usize;
    let mut rng = Rng::new(seed, i as u64);
    let name = name(i);
    let kind = (i + rotation) % 20;
    let (timeline, register) = match kind {
        0..=2 => {
            let register = start - rng.range(10_000, 600_000);
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
            (t, start - rng.range(DAY_MS, 540 * DAY_MS))
        }
        4 => {
            let register = start - rng.range(400 * DAY_MS, 540 * DAY_MS);
            (Timeline::new(Status::Arrearage, start, start), register)
        }
        r => {
            let status = if r == 5 { Status::Abnormal } else { Status::Normal };
            let register = start - rng.range(DAY_MS, 540 * DAY_MS);
            (Timeline::new(status, start, start), register)
        }
    };
    let status = timeline.at(ctx.now_ms);
    let expired = if kind == 4 {
        register + 365 * DAY_MS
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
    let tags: Vec<&str> = (0..rng.below(4) as usize)
        .map(|k| TAGS[(first_tag + k) % TAGS.len()])
        .collect();

    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    obj.str("instanceName", &name)
        .int("level", level)
        .int("expiredDate", expired)
        .str("domain", domain)
        .str("desc", &desc)
        .int("registerDate", register)
        .raw("tags", |out| json_strs(out, &tags))
        .str("status", status.as_str());
    obj.end();
    body
}
