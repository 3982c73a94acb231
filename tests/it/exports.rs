//! Tests: exports.
