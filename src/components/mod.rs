//! Small pieces of the page, named after what the user sees.

pub mod feedback;
pub mod finding;
pub mod missing;
pub mod notices;
pub mod report;
pub mod steps;
pub mod text_value;
