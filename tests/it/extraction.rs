//! Tests: extraction.
