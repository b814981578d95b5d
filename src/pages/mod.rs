//! One module per page.

pub mod bank;
pub mod home;
pub mod paste;
pub mod practice;
pub mod review;
pub mod wizard;
