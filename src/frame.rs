//! Running code just before the next frame is painted, without creating a JavaScript closure for
//! each request (Leptos's `request_animation_frame` makes one per call, which is a measurable part
//! of a key press's cost on a slow phone). One closure lives for the whole page; callbacks queue
//! behind it and run in the order they were asked for.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static QUEUE: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
    static FRAME: Closure<dyn FnMut()> = Closure::new(run_queue);
}

fn run_queue() {
    let due = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for cb in due {
        cb();
    }
}

/// Runs `cb` in the next animation frame, before style, layout and paint.
pub fn next_frame(cb: impl FnOnce() + 'static) {
    let first = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push(Box::new(cb));
        q.len() == 1
    });
    if first {
        let requested = web_sys::window().and_then(|w| {
            FRAME.with(|f| w.request_animation_frame(f.as_ref().unchecked_ref()).ok())
        });
        // No window (never in a browser page): run now rather than never.
        if requested.is_none() {
            run_queue();
        }
    }
}
