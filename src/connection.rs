//! Connections: which endpoint a view talks to and how it authenticates. Plain data,
//! persisted by the UI (the list in localStorage; tokens in sessionStorage unless the
//! user asks to remember them on this device). A token is never part of this struct.
//! Which service a connection speaks is its key in the core's registry.

use serde::{Deserialize, Serialize};
use skyglass_core::http::Auth;
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
    /// Keep the token in localStorage instead of sessionStorage.
    #[serde(default)]
    pub remember_token: bool,
    /// Answered by the cloudsim library inside the page.
    #[serde(default)]
    pub demo: bool,
}

/// The Demo connections' project and token (they are simulated: nothing secret).
pub const DEMO_PROJECT: &str = "demo-project";
pub const DEMO_TOKEN: &str = "demo-token";

impl Connection {
    /// The service this connection speaks, if the registry knows it.
    pub fn info(&self) -> Option<&'static ServiceInfo> {
        services::info(&self.service)
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
        }
    }

    /// The built-in Demo connections, one per service in the registry, all answered by the
    /// same simulated cloud inside the page.
    pub fn demos() -> Vec<Connection> {
        services::REGISTRY.iter().map(|e| Connection::demo_of(e.info)).collect()
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
            let url = self.base_url.trim();
            let absolute = url.starts_with("https://") || url.starts_with("http://");
            if !(absolute || url.starts_with('/')) {
                return Err("The base URL must start with https://, http:// or / (a same-origin proxy path).".into());
            }
            if url.contains('?') || url.contains('#') {
                return Err("The base URL must not contain a query or fragment.".into());
            }
            if absolute
                && url
                    .split("://")
                    .nth(1)
                    .is_some_and(|rest| rest.split('/').next().unwrap_or("").contains('@'))
            {
                return Err("Put credentials in the token field, never in the URL.".into());
            }
        }
        if info.needs_project && self.project_id.trim().is_empty() {
            return Err("This service needs a project id.".into());
        }
        Ok(())
    }
}

/// Makes a URL-safe id from a name that is not already taken (never one a Demo
/// connection uses).
pub fn new_id(name: &str, taken: &[String]) -> String {
    let mut base: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    base.truncate(40);
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
        }
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
        assert_eq!(Connection::demos().len(), services::REGISTRY.len());
    }
}
