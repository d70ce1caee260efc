//! IAM password sign-in (Huawei Cloud `POST /v3/auth/tokens`): the request, with or without
//! a virtual MFA code, and what its answer means. The token comes back in the
//! `X-Subject-Token` response header, its expiry in `token.expires_at`, the project it is
//! scoped to in `token.project.id`.
//!
//! The password is only ever in the request body this module builds: never in a URL, a
//! log, or an error (every error is redacted of it before it leaves [`read_answer`]).

use crate::http::{decode_error, ApiError, ApiRequest, ApiResponse};
use crate::timefmt::parse_rfc3339_ms;
use serde::Deserialize;
use serde_json::json;

/// The path of IAM's token API, below the IAM base URL (or proxy path).
pub const TOKENS_PATH: &str = "/v3/auth/tokens";
/// The response header that carries the token.
pub const SUBJECT_TOKEN_HEADER: &str = "X-Subject-Token";

/// What the project scope of a sign-in names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A project (region) name such as `cn-north-4`.
    Name(String),
    /// A project id (32 hex digits on Huawei Cloud).
    Id(String),
}

impl Scope {
    /// A region name or a project id as the user typed it: 32 hex digits are an id,
    /// anything else a name.
    pub fn parse(text: &str) -> Scope {
        let t = text.trim();
        if t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
            Scope::Id(t.to_string())
        } else {
            Scope::Name(t.to_string())
        }
    }
}

/// A virtual MFA code for a user whose login protection asks for one.
#[derive(Clone, PartialEq, Eq)]
pub struct Mfa {
    /// The IAM user's id (IAM's "My Credentials" page shows it).
    pub user_id: String,
    /// The six-digit code of the MFA app.
    pub passcode: String,
}

/// One password sign-in. Its `Debug` never shows the password or the code.
#[derive(Clone, PartialEq, Eq)]
pub struct SignIn {
    /// The account (domain) name.
    pub domain: String,
    /// The IAM user name.
    pub user: String,
    pub password: String,
    pub scope: Scope,
    pub mfa: Option<Mfa>,
}

impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn")
            .field("domain", &self.domain)
            .field("user", &self.user)
            .field("password", &"[secret]")
            .field("scope", &self.scope)
            .field("mfa", &self.mfa.as_ref().map(|m| (&m.user_id, "[secret]")))
            .finish()
    }
}

impl SignIn {
    /// The request body, as IAM documents it (KeystoneCreateUserTokenByPassword, and
    /// KeystoneCreateUserTokenByPasswordAndMfa when there is a code).
    pub fn body(&self) -> String {
        let scope = match &self.scope {
            Scope::Name(n) => json!({ "project": { "name": n } }),
            Scope::Id(id) => json!({ "project": { "id": id } }),
        };
        let password = json!({
            "user": {
                "name": self.user,
                "password": self.password,
                "domain": { "name": self.domain }
            }
        });
        let identity = match &self.mfa {
            None => json!({ "methods": ["password"], "password": password }),
            Some(m) => json!({
                "methods": ["password", "totp"],
                "password": password,
                "totp": { "user": { "id": m.user_id, "passcode": m.passcode } }
            }),
        };
        json!({ "auth": { "identity": identity, "scope": scope } }).to_string()
    }

    /// `POST /v3/auth/tokens` with the JSON body.
    pub fn request(&self) -> ApiRequest {
        ApiRequest::post_json(TOKENS_PATH.into(), self.body())
    }

    /// The secrets of this sign-in, to scrub from anything shown.
    pub fn secrets(&self) -> Vec<&str> {
        let mut out = vec![self.password.as_str()];
        if let Some(m) = &self.mfa {
            out.push(m.passcode.as_str());
        }
        out
    }
}

/// A successful sign-in.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub token: String,
    /// When the token expires (Unix ms), if the body said so readably.
    pub expires_at_ms: Option<i64>,
    /// The project the token is scoped to (`token.project.id`).
    pub project_id: Option<String>,
    /// The user's id (`token.user.id`): kept to ask for an MFA code next time.
    pub user_id: Option<String>,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("token", &"[secret]")
            .field("expires_at_ms", &self.expires_at_ms)
            .field("project_id", &self.project_id)
            .field("user_id", &self.user_id)
            .finish()
    }
}

/// How long an IAM token lasts, as IAM documents it: 24 hours.
pub const TOKEN_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;

/// How far a stated expiry may lie past [`TOKEN_LIFETIME_MS`] from the moment the token
/// arrived (the clocks of the page and of IAM differ a little; the gateway allows 15 minutes).
pub const CLOCK_SLACK_MS: i64 = 15 * 60 * 1000;

/// When a token is taken to end, and whether that is IAM's word or assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expiry {
    /// Unix ms.
    pub at_ms: i64,
    /// IAM's `expires_at` could not be read (or said more than the documented 24 hours):
    /// the token is taken to end [`TOKEN_LIFETIME_MS`] after it arrived.
    pub assumed: bool,
}

impl SignedIn {
    /// When this token ends, for a token that arrived at `received_ms` (Unix ms): IAM's
    /// `expires_at`, or — when that could not be read, or lies past the documented lifetime —
    /// 24 hours after it arrived. A token never lasts forever.
    pub fn expiry(&self, received_ms: i64) -> Expiry {
        let documented = received_ms.saturating_add(TOKEN_LIFETIME_MS);
        match self.expires_at_ms {
            Some(at_ms) if at_ms <= documented.saturating_add(CLOCK_SLACK_MS) => Expiry { at_ms, assumed: false },
            _ => Expiry {
                at_ms: documented,
                assumed: true,
            },
        }
    }
}

/// Why a sign-in did not give a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInFailure {
    /// IAM asks for a virtual MFA code (a 401 whose message asks for a verification code).
    NeedsMfa(ApiError),
    /// Any other answer: a wrong password, a wrong code, an unknown project, a network
    /// failure. Redacted of the password and the code.
    Failed(ApiError),
}

#[derive(Deserialize)]
struct Answer {
    token: Option<TokenBody>,
}

#[derive(Deserialize)]
struct TokenBody {
    #[serde(default, deserialize_with = "crate::lenient::text")]
    expires_at: String,
    project: Option<Named>,
    user: Option<Named>,
}

#[derive(Deserialize)]
struct Named {
    #[serde(default, deserialize_with = "crate::lenient::text")]
    id: String,
}

/// Whether an error's text asks for an MFA verification code.
fn asks_for_code(e: &ApiError) -> bool {
    let ApiError::Status {
        status: 401,
        message,
        details,
        ..
    } = e
    else {
        return false;
    };
    let text = format!("{message} {}", details.as_deref().unwrap_or("")).to_ascii_lowercase();
    let wrong = text.contains("wrong") || text.contains("incorrect") || text.contains("invalid");
    !wrong && (text.contains("verification code") || text.contains("mfa") || text.contains("passcode"))
}

/// Reads IAM's answer to `sign_in`: the response and the `X-Subject-Token` header's value.
// An ApiError plus a tag, as large as every other call's Result: once per sign-in.
#[allow(clippy::result_large_err)]
pub fn read_answer(
    sign_in: &SignIn,
    resp: Result<ApiResponse, ApiError>,
    subject_token: Option<String>,
) -> Result<SignedIn, SignInFailure> {
    let scrub = |e: ApiError| e.redact_all(&sign_in.secrets());
    let resp = resp.map_err(|e| SignInFailure::Failed(scrub(e)))?;
    if !(200..300).contains(&resp.status) {
        let e = scrub(decode_error(&resp));
        return Err(if asks_for_code(&e) {
            SignInFailure::NeedsMfa(e)
        } else {
            SignInFailure::Failed(e)
        });
    }
    let Some(token) = subject_token.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) else {
        return Err(SignInFailure::Failed(ApiError::Decode(
            "IAM answered without an X-Subject-Token header: the proxy must pass it through".into(),
        )));
    };
    let body: Option<TokenBody> = serde_json::from_str::<Answer>(&resp.body).ok().and_then(|a| a.token);
    let expires_at_ms = body.as_ref().and_then(|b| parse_rfc3339_ms(&b.expires_at));
    let project_id = body
        .as_ref()
        .and_then(|b| b.project.as_ref())
        .map(|p| p.id.trim().to_string())
        .filter(|s| !s.is_empty());
    let user_id = body
        .as_ref()
        .and_then(|b| b.user.as_ref())
        .map(|u| u.id.trim().to_string())
        .filter(|s| !s.is_empty());
    Ok(SignedIn {
        token,
        expires_at_ms,
        project_id,
        user_id,
    })
}
