//! Work done later (after a delay, or just before the next frame) that never outlives the
//! component that asked for it. A timer that fires after its page was left would read signals
//! that were disposed with the page: a panic, which under `panic = "abort"` kills the whole app.
//! Every delayed task in the shell goes through [`Later`] or checks its owner the same way.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::{on_cleanup, set_timeout_with_handle};

thread_local! {
    /// The owners still alive, each with its pending timer.
    static LIVE: RefCell<HashMap<u64, Option<TimeoutHandle>>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// A handle for delayed work tied to the component that created it: when that component is
/// cleaned up, its pending timer is cancelled and no queued callback of its runs.
#[derive(Clone, Copy, Debug)]
pub struct Later(u64);

impl Later {
    /// Ties a new handle to the current reactive owner (call it while building a component).
    pub fn new() -> Later {
        let key = NEXT.with(|n| {
            let k = n.get() + 1;
            n.set(k);
            k
        });
        LIVE.with(|l| l.borrow_mut().insert(key, None));
        on_cleanup(move || {
            if let Some(Some(timer)) = LIVE.with(|l| l.borrow_mut().remove(&key)) {
                timer.clear();
            }
        });
        Later(key)
    }

    /// Whether the owner is still alive.
    pub fn alive(self) -> bool {
        LIVE.with(|l| l.borrow().contains_key(&self.0))
    }

    /// Whether a call of [`Later::after`] (or [`Later::every`]) is waiting.
    pub fn pending(self) -> bool {
        LIVE.with(|l| l.borrow().get(&self.0).is_some_and(Option::is_some))
    }

    /// Runs `f` after `delay`, replacing the call still pending from an earlier `after` (so a
    /// burst of key presses runs `f` once, after the last one). Never runs once the owner is gone.
    pub fn after(self, delay: Duration, f: impl FnOnce() + 'static) {
        if !self.alive() {
            return;
        }
        let key = self.0;
        // Leptos throws on a delay past a browser timer's limit (2^31 - 1 ms, about 25 days), and
        // a browser would run such a timer at once anyway: cap it, never throw.
        let delay = delay.min(Duration::from_millis(i32::MAX as u64));
        let timer = set_timeout_with_handle(
            move || {
                let due = LIVE.with(|l| match l.borrow_mut().get_mut(&key) {
                    Some(slot) => {
                        *slot = None;
                        true
                    }
                    None => false,
                });
                if due {
                    f();
                }
            },
            delay,
        )
        .ok();
        let earlier = LIVE.with(|l| {
            l.borrow_mut()
                .get_mut(&key)
                .and_then(|slot| std::mem::replace(slot, timer))
        });
        if let Some(earlier) = earlier {
            earlier.clear();
        }
    }

    /// Runs `f` every `period` until [`Later::cancel`] (or the owner goes). Like [`Later::after`],
    /// it replaces what this handle had pending.
    pub fn every(self, period: Duration, f: impl Fn() + 'static) {
        fn arm(later: Later, period: Duration, f: Rc<dyn Fn()>) {
            later.after(period, move || {
                f();
                arm(later, period, f);
            });
        }
        arm(self, period, Rc::new(f));
    }

    /// Cancels the pending call of [`Later::after`] or [`Later::every`], if any.
    pub fn cancel(self) {
        let pending = LIVE.with(|l| l.borrow_mut().get_mut(&self.0).and_then(Option::take));
        if let Some(timer) = pending {
            timer.clear();
        }
    }

    /// Runs `f` just before the next frame is painted, unless the owner is gone by then.
    pub fn next_frame(self, f: impl FnOnce() + 'static) {
        crate::frame::next_frame(move || {
            if self.alive() {
                f();
            }
        });
    }
}

impl Default for Later {
    fn default() -> Self {
        Later::new()
    }
}
