//! Connections: which endpoint a view talks to and how it authenticates. Plain data,
//! persisted by the UI (the list in localStorage; tokens in sessionStorage unless the
//! user asks to remember them on this device). A token is never part of this struct.

use crate::api::http::Auth;
use serde::{Deserialize, Serialize};

/// The services Skyglass speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum Service {
    CloudDc,
    RomaConnect,
    ByCloud,
    ImageSearch,
}

impl Service {
    pub const ALL: [Service; 4] = [
        Service::CloudDc,
        Service::RomaConnect,
        Service::ByCloud,
        Service::ImageSearch,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Service::CloudDc => "CloudDC (iMetal bare metal)",
            Service::RomaConnect => "ROMA Connect",
            Service::ByCloud => "ByCloud compute",
            Service::ImageSearch => "ImageSearch",
        }
    }

    /// A stable identifier for forms and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Service::CloudDc => "clouddc",
            Service::RomaConnect => "roma",
            Service::ByCloud => "bycloud",
            Service::ImageSearch => "imagesearch",
        }
    }

    pub fn from_key(key: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.key() == key)
    }

    /// How the service authenticates.
    pub fn auth(self, token: String) -> Auth {
        match self {
            Service::ByCloud => Auth::Bearer(token),
            _ => Auth::AuthToken(token),
        }
    }

    /// Whether the service's paths carry a project id.
    pub fn needs_project(self) -> bool {
        !matches!(self, Service::ByCloud)
    }
}

/// A saved connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// Stable id used in view URLs (`/c/{id}/...`).
    pub id: String,
    pub name: String,
    pub service: Service,
    /// An absolute URL (`https://...`) or a same-origin proxy path (`/proxy/...`).
    /// Ignored for the Demo connection.
    pub base_url: String,
    pub project_id: String,
    /// Keep the token in localStorage instead of sessionStorage.
    #[serde(default)]
    pub remember_token: bool,
    /// Answered by the cloudsim library inside the page.
    #[serde(default)]
    pub demo: bool,
}

/// The id of the built-in Demo connection.
pub const DEMO_ID: &str = "demo";
/// The Demo connection's project and token (it is simulated: nothing secret).
pub const DEMO_PROJECT: &str = "demo-project";
pub const DEMO_TOKEN: &str = "demo-token";

impl Connection {
    /// The built-in "Demo cloud", answered inside the page by cloudsim.
    pub fn demo() -> Connection {
        Connection {
            id: DEMO_ID.into(),
            name: "Demo cloud".into(),
            service: Service::CloudDc,
            base_url: String::new(),
            project_id: DEMO_PROJECT.into(),
            remember_token: false,
            demo: true,
        }
    }

    /// The built-in Demo connections, one per service, all answered by the same simulated
    /// cloud inside the page.
    pub fn demos() -> Vec<Connection> {
        let demo = |id: &str, name: &str, service: Service| Connection {
            id: id.into(),
            name: name.into(),
            service,
            project_id: if service.needs_project() {
                DEMO_PROJECT.into()
            } else {
                String::new()
            },
            ..Connection::demo()
        };
        vec![
            Connection::demo(),
            demo("demo-roma", "Demo ROMA Connect", Service::RomaConnect),
            demo("demo-bycloud", "Demo ByCloud", Service::ByCloud),
            demo("demo-imagesearch", "Demo ImageSearch", Service::ImageSearch),
        ]
    }

    /// Checks a connection a user typed; returns what is wrong, in words.
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Give the connection a name.".into());
        }
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
        if self.service.needs_project() && self.project_id.trim().is_empty() {
            return Err("This service needs a project id.".into());
        }
        Ok(())
    }
}

/// Makes a URL-safe id from a name that is not already taken.
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
    if base.is_empty() || base.starts_with(DEMO_ID) {
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
            service: Service::CloudDc,
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
    fn services_round_trip_and_pick_auth() {
        for s in Service::ALL {
            assert_eq!(Service::from_key(s.key()), Some(s));
        }
        assert_eq!(Service::ByCloud.auth("t".into()), Auth::Bearer("t".into()));
        assert_eq!(Service::CloudDc.auth("t".into()), Auth::AuthToken("t".into()));
        let json = serde_json::to_string(&Connection::demo()).unwrap();
        assert_eq!(serde_json::from_str::<Connection>(&json).unwrap(), Connection::demo());
    }
}
