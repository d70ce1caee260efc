//! Connections: which endpoint a view talks to and how it signs in. Plain data,
//! persisted by the UI (the list in localStorage; tokens and secret keys in sessionStorage
//! unless the user asks to remember them on this device). No secret is ever part of this
//! struct: not a token, a password, a secret key or a security token.
//! Which service a connection speaks is its key in the core's registry.

pub mod secret;

use serde::{Deserialize, Serialize};
use skyglass_core::http::{Auth, SignInMethod};
use skyglass_core::service::ServiceInfo;
use skyglass_core::services;

/// A saved connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// Stable id used in view URLs (`/c/{id}/...`).
    pub id: String,
    pub name: String,
    /// The service's key in the registry (`clouddc`; an earlier storage format's name,
    /// such as `CloudDc`, is still understood).
    pub service: String,
    /// An absolute URL (`https://...`) or a same-origin proxy path (`/proxy/...`).
    /// Ignored for a Demo connection.
    pub base_url: String,
    pub project_id: String,
    /// Keep the token (or secret key) in localStorage instead of sessionStorage.
    #[serde(default)]
    pub remember_token: bool,
    /// Answered by the cloudsim library inside the page.
    #[serde(default)]
    pub demo: bool,
    /// How it gets its credentials (a token when absent: the earlier storage format).
    #[serde(default)]
    pub sign_in: SignInSettings,
}

/// How a connection gets its credentials, and the non-secret half of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum SignInSettings {
    /// A token pasted in.
    #[default]
    Token,
    /// IAM password sign-in: the password is asked for each time and never stored.
    Password {
        /// IAM's base URL or same-origin proxy path (`/proxy/iam`): the token request goes
        /// to `{iam_url}/v3/auth/tokens`.
        iam_url: String,
        /// The account (domain) name.
        domain: String,
        /// The IAM user name.
        user: String,
        /// The project scope: a region name (`cn-north-4`) or a project id.
        scope: String,
        /// The user's id, from the last sign-in's token (needed to send an MFA code).
        #[serde(default)]
        user_id: String,
    },
    /// An access key pair: the access key id here, its secret key with the secrets.
    AccessKey { access_key: String },
}

impl SignInSettings {
    pub fn method(&self) -> SignInMethod {
        match self {
            SignInSettings::Token => SignInMethod::Token,
            SignInSettings::Password { .. } => SignInMethod::Password,
            SignInSettings::AccessKey { .. } => SignInMethod::AccessKey,
        }
    }
}

/// Checks a base URL or proxy path a user typed.
fn check_url(url: &str, what: &str) -> Result<(), String> {
    let url = url.trim();
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    if !(absolute || url.starts_with('/')) {
        return Err(format!(
            "The {what} must start with https://, http:// or / (a same-origin proxy path)."
        ));
    }
    if url.contains('?') || url.contains('#') {
        return Err(format!("The {what} must not contain a query or fragment."));
    }
    if absolute
        && url
            .split("://")
            .nth(1)
            .is_some_and(|rest| rest.split('/').next().unwrap_or("").contains('@'))
    {
        return Err("Put credentials in their own fields, never in a URL.".into());
    }
    Ok(())
}

/// The Demo connections' project and token (they are simulated: nothing secret).
pub const DEMO_PROJECT: &str = "demo-project";
pub const DEMO_TOKEN: &str = "demo-token";

impl Connection {
    /// The service this connection speaks, if the registry knows it.
    pub fn info(&self) -> Option<&'static ServiceInfo> {
        services::info(&self.service)
    }

    /// Whether its service takes its sign-in method.
    pub fn method_supported(&self) -> bool {
        self.info()
            .is_some_and(|i| i.auth.methods().contains(&self.sign_in.method()))
    }

    /// The credentials for `token`, in the service's scheme.
    pub fn auth(&self, token: String) -> Auth {
        match self.info() {
            Some(i) => i.auth.auth(token),
            None => Auth::AuthToken(token),
        }
    }

    /// The built-in Demo connection of `info`, answered inside the page by cloudsim.
    pub fn demo_of(info: &'static ServiceInfo) -> Connection {
        Connection {
            id: info.demo.id.into(),
            name: info.demo.name.into(),
            service: info.key.into(),
            base_url: String::new(),
            project_id: if info.needs_project {
                DEMO_PROJECT.into()
            } else {
                String::new()
            },
            remember_token: false,
            demo: true,
            sign_in: SignInSettings::Token,
        }
    }

    /// The built-in Demo connections, one per service in the registry, all answered by the
    /// same simulated cloud inside the page.
    pub fn demos() -> Vec<Connection> {
        services::INFOS.iter().map(|i| Connection::demo_of(i)).collect()
    }

    /// The Demo connection with this id.
    pub fn demo(id: &str) -> Option<Connection> {
        Connection::demos().into_iter().find(|c| c.id == id)
    }

    /// Checks a connection a user typed; returns what is wrong, in words.
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Give the connection a name.".into());
        }
        let Some(info) = self.info() else {
            return Err("Choose a service.".into());
        };
        if !self.demo {
            check_url(&self.base_url, "base URL")?;
        }
        if !self.method_supported() {
            return Err(format!(
                "{} does not take {}.",
                info.label,
                self.sign_in.method().label()
            ));
        }
        match &self.sign_in {
            SignInSettings::Token => {}
            SignInSettings::Password {
                iam_url,
                domain,
                user,
                scope,
                ..
            } => {
                check_url(iam_url, "IAM URL")?;
                if domain.trim().is_empty() || user.trim().is_empty() {
                    return Err("Enter the account name and the IAM user name.".into());
                }
                if scope.trim().is_empty() {
                    return Err("Enter the project scope: a region name such as cn-north-4, or a project id.".into());
                }
            }
            SignInSettings::AccessKey { access_key } => {
                let ak = access_key.trim();
                if ak.is_empty() || ak.chars().any(|c| c.is_whitespace() || c.is_control()) {
                    return Err("Enter the access key id (AK): letters and digits, no spaces.".into());
                }
            }
        }
        // A password sign-in fills the project id in from its token.
        let filled_later = matches!(self.sign_in, SignInSettings::Password { .. });
        if info.needs_project && self.project_id.trim().is_empty() && !filled_later {
            return Err("This service needs a project id.".into());
        }
        Ok(())
    }
}

/// Makes a URL-safe id from a name that is not already taken (never one a Demo
/// connection uses).
pub fn new_id(name: &str, taken: &[String]) -> String {
    let mut base = skyglass_core::http::slug(name, 40);
    if base.is_empty() || base.starts_with("demo") {
        base = "conn".into();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn(url: &str) -> Connection {
        Connection {
            id: "x".into(),
            name: "n".into(),
            service: "clouddc".into(),
            base_url: url.into(),
            project_id: "p".into(),
            remember_token: false,
            demo: false,
            sign_in: SignInSettings::Token,
        }
    }

    #[test]
    fn validates_sign_in_settings() {
        let mut c = conn("/proxy/ecs");
        c.sign_in = SignInSettings::Password {
            iam_url: "/proxy/iam".into(),
            domain: "acme".into(),
            user: "ops".into(),
            scope: "cn-north-4".into(),
            user_id: String::new(),
        };
        c.project_id.clear();
        assert_eq!(c.validate(), Ok(()), "the project id comes from the token");
        if let SignInSettings::Password { iam_url, .. } = &mut c.sign_in {
            *iam_url = "iam.example".into();
        }
        assert!(c.validate().unwrap_err().contains("IAM URL"));
        c.sign_in = SignInSettings::AccessKey {
            access_key: "AK 1".into(),
        };
        c.project_id = "p".into();
        assert!(c.validate().is_err());
        c.sign_in = SignInSettings::AccessKey {
            access_key: "AKIDEXAMPLE".into(),
        };
        assert_eq!(c.validate(), Ok(()));
        c.service = "bycloud".into();
        assert!(
            c.validate().unwrap_err().contains("does not take"),
            "ByCloud keeps its Bearer token"
        );
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains(r#""method":"access_key""#), "{json}");
        assert_eq!(serde_json::from_str::<Connection>(&json).unwrap(), c);
    }

    #[test]
    fn validates_base_urls() {
        assert!(conn("https://clouddc.cn-east-3.myhuaweicloud.com").validate().is_ok());
        assert!(conn("/proxy/clouddc-cn-east-3").validate().is_ok());
        assert!(conn("ftp://x").validate().is_err());
        assert!(conn("/p?token=abc").validate().is_err());
        assert!(conn("https://user:pw@host/").validate().is_err());
        let mut c = conn("/p");
        c.project_id = " ".into();
        assert!(c.validate().is_err());
        c.name = "".into();
        assert!(c.validate().is_err());
        let mut c = conn("/p");
        c.service = "nope".into();
        assert!(c.validate().is_err());
        assert!(Connection::demos().iter().all(|c| c.validate().is_ok() && c.demo));
    }

    #[test]
    fn ids_are_url_safe_and_unique() {
        assert_eq!(new_id("CN East 3 / prod!", &[]), "cn-east-3-prod");
        assert_eq!(new_id("demo", &[]), "conn");
        assert_eq!(new_id("Demo ByCloud", &[]), "conn");
        assert_eq!(new_id("a", &["a".into(), "a-2".into()]), "a-3");
        assert_eq!(new_id("<script>", &[]), "script");
    }

    #[test]
    fn services_resolve_old_names_and_pick_auth() {
        let mut c = conn("/p");
        for (name, key) in [
            ("CloudDc", "clouddc"),
            ("RomaConnect", "roma"),
            ("ByCloud", "bycloud"),
            ("ImageSearch", "imagesearch"),
        ] {
            c.service = name.into();
            assert_eq!(c.info().map(|i| i.key), Some(key), "{name}");
        }
        c.service = "bycloud".into();
        assert_eq!(c.auth("t".into()), Auth::Bearer("t".into()));
        c.service = "clouddc".into();
        assert_eq!(c.auth("t".into()), Auth::AuthToken("t".into()));
        let demo = Connection::demo("demo").unwrap();
        let json = serde_json::to_string(&demo).unwrap();
        assert_eq!(serde_json::from_str::<Connection>(&json).unwrap(), demo);
        let old = r#"{"id":"a","name":"A","service":"CloudDc","base_url":"/p","project_id":"p"}"#;
        assert_eq!(
            serde_json::from_str::<Connection>(old).unwrap().info().map(|i| i.key),
            Some("clouddc")
        );
        assert_eq!(Connection::demos().len(), services::INFOS.len());
    }
}
