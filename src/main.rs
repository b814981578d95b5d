//! The entry point trunk builds; everything else is in the library.

fn main() {
    comeback::start();
}
