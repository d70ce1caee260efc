//! Reading a token request's body:
//!
//! ```json
//! {"auth": {
//!   "identity": {
//!     "methods": ["password"],            // or ["password", "totp"]
//!     "password": {"user": {"name": U, "password": P, "domain": {"name": ACCOUNT}}},
//!     "totp": {"user": {"id": USER_ID, "passcode": CODE}}   // with "totp"
//!   },
//!   "scope": {"project": {"name": REGION}}  // or {"project": {"id": PROJECT_ID}}
//! }}
//! ```
//!
//! Anything else (not JSON, a member missing or not a string, a method
//! other than these two, no `password` method) is an invalid body. With
//! `totp`, its `id` and `passcode` may be missing: that is a wrong code,
//! which is checked after the password.

use serde_json::Value;

/// The project a token is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// `{"project": {"id": …}}` (which wins when both are given).
    Id(String),
    /// `{"project": {"name": …}}`: a region name.
    Name(String),
}

/// A password token request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRequest {
    pub domain: String,
    pub name: String,
    pub password: String,
    /// `Some` when `methods` has `totp`: the user id and the code, each
    /// `None` when missing.
    pub totp: Option<(Option<String>, Option<String>)>,
    pub scope: Scope,
}

/// The string at `pointer` in `root`, if it is one.
fn text(root: &Value, pointer: &str) -> Option<String> {
    root.pointer(pointer)?.as_str().map(str::to_string)
}

/// Parses a token request body; `None` when it is invalid.
pub fn parse(body: &str) -> Option<TokenRequest> {
    let root: Value = serde_json::from_str(body).ok()?;
    let identity = root.pointer("/auth/identity")?;
    let methods = identity.get("methods")?.as_array()?;
    let mut password = false;
    let mut totp = false;
    for method in methods {
        match method.as_str()? {
            "password" => password = true,
            "totp" => totp = true,
            _ => return None,
        }
    }
    if !password {
        return None;
    }
    let user = identity.pointer("/password/user")?;
    let totp = if totp {
        let totp_user = identity.pointer("/totp/user")?;
        if !totp_user.is_object() {
            return None;
        }
        Some((text(totp_user, "/id"), text(totp_user, "/passcode")))
    } else {
        None
    };
    let project = root.pointer("/auth/scope/project")?;
    let scope = match (text(project, "/id"), text(project, "/name")) {
        (Some(id), _) => Scope::Id(id),
        (None, Some(name)) => Scope::Name(name),
        (None, None) => return None,
    };
    Some(TokenRequest {
        domain: text(user, "/domain/name")?,
        name: text(user, "/name")?,
        password: text(user, "/password")?,
        totp,
        scope,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"u","password":"p","domain":{"name":"acct"}}}},"scope":{"project":{"name":"cn-north-4"}}}}"#;

    #[test]
    fn parses_and_rejects() {
        let req = parse(BODY).unwrap();
        assert_eq!(
            (req.domain.as_str(), req.name.as_str(), req.password.as_str()),
            ("acct", "u", "p")
        );
        assert_eq!(req.scope, Scope::Name("cn-north-4".into()));
        assert_eq!(req.totp, None);
        let mfa = BODY.replace(r#"["password"],"#, r#"["password","totp"],"totp":{"user":{"id":"i"}},"#);
        assert_eq!(parse(&mfa).unwrap().totp, Some((Some("i".into()), None)));
        for bad in [
            "",
            "{}",
            "[]",
            "null",
            &BODY[..BODY.len() - 1],
            &BODY.replace(r#"["password"]"#, r#"["token"]"#),
            &BODY.replace(r#"["password"]"#, r#"["totp"]"#),
            &BODY.replace(r#"["password"]"#, r#"["password","totp"]"#),
            &BODY.replace(r#""name":"u""#, r#""name":1"#),
            &BODY.replace(r#"{"name":"cn-north-4"}"#, "{}"),
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
