//! An ECS server's status, classified.

use super::info::VOCABULARY;
use super::wire::Server;
use crate::state::{with_task, StateInfo};

/// A server's status; a `task_state` under way (powering off, deleting, …: the status
/// stays `ACTIVE` or `SHUTOFF` meanwhile) makes it "in progress".
pub fn state(s: &Server) -> StateInfo {
    with_task(VOCABULARY.classify(&s.status), &s.task_state)
}
