//! A per-connection limit on requests in flight: a small async semaphore, so that a
//! console left open (many views, polling, load-all) never floods one endpoint.

use futures_channel::oneshot;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

pub use skyglass_core::http::MAX_IN_FLIGHT;

#[derive(Default)]
struct Gate {
    busy: usize,
    waiting: VecDeque<oneshot::Sender<()>>,
}

thread_local! {
    static GATES: RefCell<HashMap<String, Gate>> = RefCell::new(HashMap::new());
}

/// Holding one lets a request go; dropping it lets the next waiting one go.
pub struct Slot(String);

impl Drop for Slot {
    fn drop(&mut self) {
        GATES.with(|g| {
            let mut gates = g.borrow_mut();
            let Some(gate) = gates.get_mut(&self.0) else { return };
            // Hand the slot to the first waiter still waiting (an aborted one is gone).
            while let Some(next) = gate.waiting.pop_front() {
                if next.send(()).is_ok() {
                    return;
                }
            }
            gate.busy = gate.busy.saturating_sub(1);
        });
    }
}

/// Waits for a free slot on `conn_id`.
pub async fn acquire(conn_id: &str) -> Slot {
    let wait = GATES.with(|g| {
        let mut gates = g.borrow_mut();
        let gate = gates.entry(conn_id.to_owned()).or_default();
        if gate.busy < MAX_IN_FLIGHT {
            gate.busy += 1;
            None
        } else {
            let (tx, rx) = oneshot::channel();
            gate.waiting.push_back(tx);
            Some(rx)
        }
    });
    if let Some(rx) = wait {
        // The sender is only dropped unsent when the page is going away.
        let _ = rx.await;
    }
    Slot(conn_id.to_owned())
}

/// Requests under way and waiting on `conn_id`.
pub fn load(conn_id: &str) -> (usize, usize) {
    GATES.with(|g| {
        g.borrow()
            .get(conn_id)
            .map_or((0, 0), |gate| (gate.busy, gate.waiting.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    fn poll_once<F: Future>(f: std::pin::Pin<&mut F>) -> Poll<F::Output> {
        f.poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn at_most_six_in_flight_per_connection_and_waiters_go_in_order() {
        let mut slots: Vec<Slot> = (0..MAX_IN_FLIGHT)
            .map(|_| match poll_once(pin!(acquire("a"))) {
                Poll::Ready(s) => s,
                Poll::Pending => panic!("a free slot waits"),
            })
            .collect();
        assert_eq!(load("a"), (6, 0));
        let mut seventh = Box::pin(acquire("a"));
        assert!(poll_once(seventh.as_mut()).is_pending(), "the seventh waits");
        assert_eq!(load("a"), (6, 1));
        // Another connection is not held up.
        assert!(matches!(poll_once(pin!(acquire("b"))), Poll::Ready(_)));
        drop(slots.pop());
        let got = poll_once(seventh.as_mut());
        assert!(got.is_ready(), "a freed slot goes to the waiter");
        assert_eq!(load("a"), (6, 0));
        drop(got);
        drop(slots);
        assert_eq!(load("a"), (0, 0));
    }

    #[test]
    fn an_abandoned_waiter_does_not_keep_a_slot() {
        let slots: Vec<Slot> = (0..MAX_IN_FLIGHT)
            .map(|_| match poll_once(pin!(acquire("c"))) {
                Poll::Ready(s) => s,
                Poll::Pending => panic!(),
            })
            .collect();
        let mut waiter = Box::pin(acquire("c"));
        assert!(poll_once(waiter.as_mut()).is_pending());
        drop(waiter); // the view moved on
        drop(slots);
        assert_eq!(load("c"), (0, 0));
    }
}
