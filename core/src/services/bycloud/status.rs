//! A ByCloud instance's status, classified.

use super::info::VOCABULARY;
use super::wire::Instance;
use crate::state::{with_task, StateInfo};

/// An instance's status, with a `task_state` under way making it "in progress".
pub fn state(i: &Instance) -> StateInfo {
    with_task(VOCABULARY.classify(&i.status), &i.task_state)
}
