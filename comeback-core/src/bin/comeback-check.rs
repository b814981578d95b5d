//! Command-line front end to the analyzer. (Being written.)
fn main() {}
