//! The simulated cloud's settings.

use crate::faults::settings::Faults;

/// How `page_info.next_marker` / `previous_marker` are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// The id of the boundary item.
    Bare,
    /// A query address: `/v1/{project_id}/instances?limit=L&marker=M`
    /// (plus the request's filters), URL-encoded.
    QueryAddress,
}

/// The simulated cloud's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Fleet size of every list service (each its own fleet); ImageSearch
    /// serves at most 60.
    pub instances: usize,
    /// Same seed, same fleet.
    pub seed: u64,
    /// The only accepted token, in whichever header a service takes it
    /// (`X-Auth-Token`, ByCloud's `Authorization: Bearer <token>`).
    pub token: String,
    /// The only accepted `{project_id}` (of the paths that have one).
    pub project_id: String,
    /// The simulation's start (Unix ms): timelines (state changes, update
    /// times) are relative to it, and so are identities unless `epoch_ms`
    /// is set. Values outside 541 days after the Unix epoch … year 10000
    /// are moved into that range.
    pub start_ms: i64,
    /// The moment identities are derived from (ids, creation times, names,
    /// markers, ImageSearch register dates); `None` means `start_ms`.
    ///
    /// With the same seed and epoch, clouds started at different times list
    /// the same instances with the same ids in the same order; only their
    /// states differ. Moved into the same range as `start_ms`; an epoch
    /// after the start is replaced by the start (the earlier of the two),
    /// so that nothing is created after the simulation starts.
    pub epoch_ms: Option<i64>,
    /// How CloudDC's paging markers are rendered (other services' are
    /// documented in one form only).
    pub marker_style: MarkerStyle,
    /// Fault injection; `Faults::default()` injects nothing.
    pub faults: Faults,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            instances: 300,
            seed: 1,
            token: "demo-token".to_string(),
            project_id: "demo-project".to_string(),
            start_ms: 1_767_225_600_000,
            epoch_ms: None,
            marker_style: MarkerStyle::Bare,
            faults: Faults::default(),
        }
    }
}
