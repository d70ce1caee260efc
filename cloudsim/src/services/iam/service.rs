//! [`Iam`]: Huawei Cloud IAM's token API and its checks in order.

use super::errors::{fault, IamError, MFA_REQUIRED, MFA_WRONG, WRONG_PASSWORD};
use super::identity::{domain_id, find, same_secret, user_id};
use super::render::{token_body, Issued};
use super::request::{parse, Scope};
use crate::config::Config;
use crate::ctx::Ctx;
use crate::http::Response;
use crate::route::Route;
use crate::service::SimService;
use crate::tokens::issue;

/// `POST /v3/auth/tokens`: a token for a password (and a virtual MFA code).
const TOKENS: &str = "/v3/auth/tokens";

/// IAM: the users of the configuration; nothing of its own.
pub struct Iam;

impl Iam {
    /// The service (its users are `config.users`, read per request).
    pub fn new(_config: &Config) -> Iam {
        Iam
    }
}

/// The token for a valid request: 201 with `X-Subject-Token`.
fn token(ctx: &Ctx) -> Result<Response, IamError> {
    let config = ctx.config;
    let req = parse(&ctx.req.body).ok_or_else(IamError::invalid_body)?;
    let user = find(config, &req.domain, &req.name)
        .filter(|u| same_secret(&req.password, &u.password))
        .ok_or_else(|| IamError::unauthorized(WRONG_PASSWORD))?;
    let id = user_id(config, user);
    let methods: &[&str] = match (&user.mfa_passcode, &req.totp) {
        (None, _) => &["password"],
        (Some(_), None) => return Err(IamError::unauthorized(MFA_REQUIRED)),
        (Some(code), Some((totp_id, passcode))) => {
            let right_user = totp_id.as_deref() == Some(id.as_str());
            let right_code = passcode.as_deref().is_some_and(|p| same_secret(p, code));
            if !(right_user && right_code) {
                return Err(IamError::unauthorized(MFA_WRONG));
            }
            &["password", "totp"]
        }
    };
    match &req.scope {
        Scope::Id(project) if *project != config.project_id => {
            return Err(IamError::no_such_project("id", project));
        }
        Scope::Name(name) if *name != config.project_name => {
            return Err(IamError::no_such_project("name", name));
        }
        _ => {}
    }
    let ttl = user.token_ttl_ms.unwrap_or(config.token_ttl_ms);
    let expires_ms = ctx.now_ms.saturating_add(ttl);
    let domain = domain_id(config, &user.domain);
    let body = token_body(&Issued {
        methods,
        issued_ms: ctx.now_ms,
        expires_ms,
        project_id: &config.project_id,
        project_name: &config.project_name,
        domain_id: &domain,
        domain_name: &user.domain,
        user_id: &id,
        user_name: &user.name,
    });
    let mut response = Response::json(201, body);
    let subject = issue(config, &id, expires_ms);
    response.headers.push(("X-Subject-Token".to_string(), subject));
    Ok(response)
}

impl SimService for Iam {
    fn name(&self) -> &'static str {
        "IAM"
    }

    fn method(&self) -> &'static str {
        "POST"
    }

    fn credential(&self) -> &'static str {
        "password [+ virtual MFA code] in the body"
    }

    fn apis(&self) -> &'static [&'static str] {
        &[TOKENS]
    }

    /// Method (405) → `X-Cloudsim-Fault` → the body (400) → user and
    /// password (401, one answer for all three) → MFA (401) → scope (400)
    /// → 201.
    fn handle(&self, ctx: &Ctx, _route: &Route) -> Response {
        let result = if !ctx.req.method.eq_ignore_ascii_case("POST") {
            let msg = format!("Method {} is not allowed for this API; use POST", ctx.req.method);
            Err(IamError::new(405, msg))
        } else if let Some(status) = ctx.forced_status() {
            Err(fault(status))
        } else {
            token(ctx)
        };
        result.unwrap_or_else(IamError::into_response)
    }
}
