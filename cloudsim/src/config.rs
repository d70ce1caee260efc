//! The simulated cloud's settings, and the IAM users and AK/SK key pairs
//! it knows.

use std::fmt;

use crate::faults::settings::Faults;

/// 24 hours: how long an IAM token lasts unless its user says otherwise.
pub const DEFAULT_TOKEN_TTL_MS: i64 = 24 * 60 * 60 * 1000;

/// An IAM user who may get a token (`POST /v3/auth/tokens`) with a
/// password, and with a virtual MFA code when `mfa_passcode` is set.
///
/// `Debug` does not print the password or the MFA code.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct IamUser {
    /// The account (IAM "domain") name the user belongs to.
    pub domain: String,
    /// The user name.
    pub name: String,
    /// The password.
    pub password: String,
    /// The user id (the MFA request names it). "" means one derived from
    /// the seed, the domain and the name (32 hex digits).
    pub id: String,
    /// Login protection: the virtual MFA code a token request must also
    /// carry (`methods: ["password", "totp"]`). A fixed code, since the
    /// simulation has no clock of its own to run a TOTP generator on.
    pub mfa_passcode: Option<String>,
    /// How long this user's tokens last (ms); `None`: `Config::token_ttl_ms`.
    pub token_ttl_ms: Option<i64>,
}

impl fmt::Debug for IamUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IamUser")
            .field("domain", &self.domain)
            .field("name", &self.name)
            .field("password", &"<redacted>")
            .field("id", &self.id)
            .field("mfa", &self.mfa_passcode.is_some())
            .field("token_ttl_ms", &self.token_ttl_ms)
            .finish()
    }
}

/// An AK/SK key pair the API gateway accepts `SDK-HMAC-SHA256` signatures
/// of; temporary credentials when `security_token` is set (then every
/// signed request must carry it as a signed `X-Security-Token` header).
///
/// `Debug` prints the access key only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct KeyPair {
    /// The access key (AK), sent in `Authorization: … Access=AK`.
    pub access_key: String,
    /// The secret key (SK), the HMAC key.
    pub secret_key: String,
    /// The security token of temporary credentials.
    pub security_token: Option<String>,
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyPair")
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .field("temporary", &self.security_token.is_some())
            .finish()
    }
}

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
    /// The configured token, accepted in whichever header a service takes
    /// it (`X-Auth-Token`, ByCloud's `Authorization: Bearer <token>`). The
    /// `X-Auth-Token` services also take the tokens IAM issues and AK/SK
    /// signatures.
    pub token: String,
    /// The only accepted `{project_id}` (of the paths that have one), and
    /// the project IAM tokens are scoped to.
    pub project_id: String,
    /// The project's name: the region a token request's scope may name
    /// (`{"project": {"name": …}}`) instead of `project_id`.
    pub project_name: String,
    /// The IAM users who may get tokens (none by default).
    pub users: Vec<IamUser>,
    /// How long an IAM token lasts (ms) unless its user says otherwise.
    pub token_ttl_ms: i64,
    /// The AK/SK key pairs the gateway accepts signatures of (none by
    /// default).
    pub access_keys: Vec<KeyPair>,
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
            project_name: "cn-north-4".to_string(),
            users: Vec::new(),
            token_ttl_ms: DEFAULT_TOKEN_TTL_MS,
            access_keys: Vec::new(),
            start_ms: 1_767_225_600_000,
            epoch_ms: None,
            marker_style: MarkerStyle::Bare,
            faults: Faults::default(),
        }
    }
}
