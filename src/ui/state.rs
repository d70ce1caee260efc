//! App-wide state: the saved connections and their secrets.
//! Connections persist in localStorage (via leptos-use); a connection's secret (its token,
//! or its AK/SK pair's secret key and security token) lives in sessionStorage unless the
//! connection asks to remember it on this device (then localStorage, until the end it
//! carries: `connection::secret`). A password is never stored at all: the sign-in page holds it only
//! until IAM answers.

use crate::connection::{Connection, SignInSettings, DEMO_TOKEN};
use crate::ui::transport::Client;
use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos_use_storage::{use_local_storage, use_session_storage};
use skyglass_core::auth::sign::AccessKey;
use skyglass_core::http::{ApiError, Auth};
use std::collections::{HashMap, HashSet};

use crate::connection::secret::AtStart;
pub use crate::connection::secret::{Secret, ASSUMED_EXPIRY, DAY_MS, DEFAULT_REMEMBER_DAYS, REMEMBER_DAYS};

const CONNECTIONS_KEY: &str = "skyglass.connections";
const TOKEN_PREFIX: &str = "skyglass.token.";
const REACH_KEY: &str = "skyglass.reach";

/// The saved connections, shared through context.
#[derive(Clone, Copy)]
pub struct AppState {
    stored: Signal<Option<Vec<Connection>>>,
    set_stored: WriteSignal<Option<Vec<Connection>>>,
    /// Bumped whenever a token changes, so views re-read it.
    pub token_epoch: RwSignal<u32>,
    /// How each connection's last call went (this tab only: sessionStorage).
    reach: Signal<HashMap<String, Reach>>,
    set_reach: WriteSignal<HashMap<String, Reach>>,
    /// Connections whose credentials a service refused in this tab (a 401): they need a
    /// new sign-in or token. Cleared when new ones are stored.
    refused: RwSignal<HashSet<String>>,
}

/// How a connection's last call went.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reach {
    /// When (epoch ms).
    pub at: f64,
    /// `None` when it succeeded; otherwise what went wrong, in words.
    pub failure: Option<String>,
    /// Calls answered (or failed) in this tab, and how many of them failed.
    #[serde(default)]
    pub calls: u64,
    #[serde(default)]
    pub failures: u64,
}

impl AppState {
    /// Reads the connections from localStorage; on first launch, just the Demo cloud.
    pub fn provide() -> AppState {
        let (stored, set_stored, _) = use_local_storage::<Option<Vec<Connection>>, JsonSerdeCodec>(CONNECTIONS_KEY);
        let (reach, set_reach, _) = use_session_storage::<HashMap<String, Reach>, JsonSerdeCodec>(REACH_KEY);
        let state = AppState {
            stored,
            set_stored,
            token_epoch: RwSignal::new(0),
            reach,
            set_reach,
            refused: RwSignal::new(HashSet::new()),
        };
        provide_context(state);
        end_remembered_secrets();
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// All connections (the Demo cloud first on a fresh device).
    pub fn connections(&self) -> Vec<Connection> {
        self.stored.get().unwrap_or_else(default_connections)
    }

    pub fn connection(&self, id: &str) -> Option<Connection> {
        self.connections().into_iter().find(|c| c.id == id)
    }

    /// Adds or replaces (by id) a connection.
    pub fn save(&self, conn: Connection) {
        let mut all = self.connections();
        match all.iter_mut().find(|c| c.id == conn.id) {
            Some(slot) => *slot = conn,
            None => all.push(conn),
        }
        self.set_stored.set(Some(all));
    }

    pub fn remove(&self, id: &str) {
        let all = self.connections().into_iter().filter(|c| c.id != id).collect();
        forget_token(id);
        self.set_stored.set(Some(all));
        self.token_epoch.update(|e| *e += 1);
    }

    /// The secret a connection calls with (the Demo cloud's token is fixed and not secret).
    pub fn secret(&self, conn: &Connection) -> Option<Secret> {
        self.token_epoch.track();
        if conn.demo && conn.sign_in == SignInSettings::Token {
            return Some(Secret::token(DEMO_TOKEN));
        }
        let key = format!("{TOKEN_PREFIX}{}", conn.id);
        if let Some(stored) = session_storage().and_then(|s| s.get_item(&key).ok().flatten()) {
            return Some(Secret::parse(&stored));
        }
        let local = local_storage()?;
        let secret = Secret::parse(&local.get_item(&key).ok().flatten()?);
        if secret.ended(js_sys::Date::now()) {
            // Its time on this device is over: gone, never used.
            let _ = local.remove_item(&key);
            return None;
        }
        Some(secret)
    }

    /// Whether the connection has what it calls with in this tab.
    pub fn has_secret(&self, conn: &Connection) -> bool {
        self.secret(conn).is_some_and(|s| s.usable_for(&conn.sign_in))
    }

    /// Stores a connection's secret: sessionStorage, or localStorage when `remember` is
    /// set (and removes it from the other). A remembered secret keeps the end it carries
    /// (the default one when it carries none); one for this tab has none.
    pub fn set_secret(&self, conn_id: &str, secret: &Secret, remember: bool) {
        forget_token(conn_id);
        let key = format!("{TOKEN_PREFIX}{conn_id}");
        let (store, secret) = if remember {
            (
                local_storage(),
                secret.clone().remembered_by_default(js_sys::Date::now()),
            )
        } else {
            let mut secret = secret.clone();
            secret.remember_until_ms = None;
            (session_storage(), secret)
        };
        if let (Some(s), Ok(json)) = (store, serde_json::to_string(&secret)) {
            let _ = s.set_item(&key, &json);
        }
        self.refused.update(|r| {
            r.remove(conn_id);
        });
        self.token_epoch.update(|e| *e += 1);
    }

    /// Removes a connection's stored secret.
    pub fn forget_secret(&self, conn_id: &str) {
        forget_token(conn_id);
        self.token_epoch.update(|e| *e += 1);
    }

    /// Whether a service refused the connection's credentials in this tab.
    pub fn refused(&self, conn_id: &str) -> bool {
        self.refused.with(|r| r.contains(conn_id))
    }

    /// Records how a call on `conn_id` went (a cancelled call says nothing).
    pub fn report(&self, conn_id: &str, result: Result<(), &ApiError>) {
        let failure = match result {
            Ok(()) => None,
            Err(ApiError::Aborted) => return,
            Err(e) => {
                if e.is_auth() {
                    self.refused.update(|r| {
                        r.insert(conn_id.to_owned());
                    });
                }
                Some(e.to_string())
            }
        };
        self.set_reach.try_update(|m| {
            let before = m.get(conn_id);
            let calls = before.map_or(0, |r| r.calls) + 1;
            let failures = before.map_or(0, |r| r.failures) + u64::from(failure.is_some());
            m.insert(
                conn_id.to_owned(),
                Reach {
                    at: js_sys::Date::now(),
                    failure,
                    calls,
                    failures,
                },
            );
        });
    }

    /// How the connection's last call went, if it made one in this tab.
    pub fn reach(&self, conn_id: &str) -> Option<Reach> {
        self.reach.with(|m| m.get(conn_id).cloned())
    }

    /// Removes every stored token, from sessionStorage and localStorage alike.
    pub fn forget_all_tokens(&self) {
        for s in [session_storage(), local_storage()].into_iter().flatten() {
            let keys: Vec<String> = (0..s.length().unwrap_or(0))
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| k.starts_with(TOKEN_PREFIX))
                .collect();
            for k in keys {
                let _ = s.remove_item(&k);
            }
        }
        self.token_epoch.update(|e| *e += 1);
    }

    /// A client for the connection, if it exists and has its credentials (for a password
    /// sign-in: a token that has not expired).
    pub fn client(&self, conn_id: &str) -> Result<Client, ClientProblem> {
        let conn = self.connection(conn_id).ok_or(ClientProblem::NoSuchConnection)?;
        let secret = self.secret(&conn).unwrap_or_default();
        let token = secret.present_token().map(str::to_string);
        let auth = match &conn.sign_in {
            SignInSettings::Token if conn.demo => conn.auth(DEMO_TOKEN.into()),
            SignInSettings::Token => conn.auth(token.ok_or(ClientProblem::NoToken)?),
            SignInSettings::Password { .. } if secret.expired(js_sys::Date::now()) => {
                return Err(ClientProblem::SignInNeeded)
            }
            SignInSettings::Password { .. } => conn.auth(token.ok_or(ClientProblem::SignInNeeded)?),
            SignInSettings::AccessKey { access_key } => Auth::Signed {
                key: AccessKey {
                    access_key: access_key.trim().to_string(),
                    secret_key: secret
                        .present_secret_key()
                        .ok_or(ClientProblem::NoSecretKey)?
                        .to_string(),
                    security_token: secret.security_token.clone().filter(|t| !t.is_empty()),
                },
                project_id: Some(conn.project_id.clone()).filter(|p| !p.is_empty()),
            },
        };
        Ok(Client { conn, auth })
    }
}

/// Why a view cannot call its connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientProblem {
    NoSuchConnection,
    /// A token connection without its token in this tab.
    NoToken,
    /// A password connection not signed in, or whose token has expired.
    SignInNeeded,
    /// An AK/SK connection without its secret key in this tab.
    NoSecretKey,
}

impl ClientProblem {
    /// In a few words, what is missing, where to fix it and the link's text, for the
    /// connection `conn_id` (a sign-in comes back to `back`).
    pub fn remedy(self, conn_id: &str, back: &str) -> (&'static str, String, &'static str) {
        use crate::ui::links::{settings_href, sign_in_href};
        match self {
            ClientProblem::NoSuchConnection => ("This connection is gone.", "/connections".into(), "Connections"),
            ClientProblem::NoToken => ("No token in this tab.", settings_href(conn_id), "Enter a token"),
            ClientProblem::NoSecretKey => (
                "No secret key in this tab.",
                settings_href(conn_id),
                "Enter the secret key",
            ),
            ClientProblem::SignInNeeded => ("Not signed in.", sign_in_href(conn_id, back), "Sign in"),
        }
    }
}

fn default_connections() -> Vec<Connection> {
    if cfg!(feature = "demo") {
        Connection::demos()
    } else {
        Vec::new()
    }
}

/// Removes every remembered secret whose end has passed, and gives one remembered before
/// secrets had an end the default one.
fn end_remembered_secrets() {
    let Some(local) = local_storage() else {
        return;
    };
    let now = js_sys::Date::now();
    let keys: Vec<String> = (0..local.length().unwrap_or(0))
        .filter_map(|i| local.key(i).ok().flatten())
        .filter(|k| k.starts_with(TOKEN_PREFIX))
        .collect();
    for key in keys {
        let Some(stored) = local.get_item(&key).ok().flatten() else {
            continue;
        };
        match Secret::at_start(&stored, now) {
            AtStart::Keep => {}
            AtStart::Remove => {
                let _ = local.remove_item(&key);
            }
            AtStart::Store(json) => {
                let _ = local.set_item(&key, &json);
            }
        }
    }
}

fn forget_token(conn_id: &str) {
    let key = format!("{TOKEN_PREFIX}{conn_id}");
    for s in [session_storage(), local_storage()].into_iter().flatten() {
        let _ = s.remove_item(&key);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
