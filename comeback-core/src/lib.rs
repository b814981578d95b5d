//! The plain-Rust heart of Comeback.
//!
//! Architecture invariant: nothing in this crate knows about a browser. No leptos, web-sys,
//! wasm-bindgen or gloo; no clock and no randomness of its own (callers pass times and ids in).
//! Everything here is deterministic and tested natively.

pub mod analyzer;
pub mod example;
pub mod guide;
pub mod highlight;
pub mod jobad;
pub mod key;
pub mod practice;
pub mod story;

pub use key::Key;
pub use story::{FailureCategory, RecoveryStep, Story};
