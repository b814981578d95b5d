//! The analyzer: five-key verdicts with evidence. (Being written; see ARCHITECTURE.md.)
