//! Small pieces of the page, named after what the user sees.

pub mod feedback;
pub mod notices;
pub mod steps;
pub mod text_value;
