//! App-wide state: the saved connections and their tokens.
//! Connections persist in localStorage (via leptos-use); a token lives in sessionStorage
//! unless its connection asks to remember it on this device (then localStorage).

use crate::connection::{Connection, DEMO_TOKEN};
use crate::ui::transport::Client;
use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos_use_storage::{use_local_storage, use_session_storage};
use skyglass_core::http::ApiError;
use std::collections::HashMap;

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
        };
        provide_context(state);
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

    /// The token a connection calls with (the Demo cloud's is fixed and not secret).
    pub fn token(&self, conn: &Connection) -> Option<String> {
        self.token_epoch.track();
        if conn.demo {
            return Some(DEMO_TOKEN.into());
        }
        let key = format!("{TOKEN_PREFIX}{}", conn.id);
        [session_storage(), local_storage()]
            .into_iter()
            .flatten()
            .find_map(|s| s.get_item(&key).ok().flatten())
    }

    /// Stores a token: sessionStorage, or localStorage when `remember` is set.
    pub fn set_token(&self, conn_id: &str, token: &str, remember: bool) {
        forget_token(conn_id);
        let key = format!("{TOKEN_PREFIX}{conn_id}");
        let store = if remember { local_storage() } else { session_storage() };
        if let Some(s) = store {
            let _ = s.set_item(&key, token);
        }
        self.token_epoch.update(|e| *e += 1);
    }

    /// Records how a call on `conn_id` went (a cancelled call says nothing).
    pub fn report(&self, conn_id: &str, result: Result<(), &ApiError>) {
        let failure = match result {
            Ok(()) => None,
            Err(ApiError::Aborted) => return,
            Err(e) => Some(e.to_string()),
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

    /// A client for the connection, if it exists and has a token.
    pub fn client(&self, conn_id: &str) -> Result<Client, ClientProblem> {
        let conn = self.connection(conn_id).ok_or(ClientProblem::NoSuchConnection)?;
        let token = self
            .token(&conn)
            .filter(|t| !t.is_empty())
            .ok_or(ClientProblem::NoToken)?;
        Ok(Client::new(conn, token))
    }
}

/// Why a view cannot call its connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientProblem {
    NoSuchConnection,
    NoToken,
}

fn default_connections() -> Vec<Connection> {
    if cfg!(feature = "demo") {
        Connection::demos()
    } else {
        Vec::new()
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
