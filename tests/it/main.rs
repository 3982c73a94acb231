//! Integration tests, one module per capability.

mod analysis;
mod bad_input;
mod behaviour;
mod cli;
mod corpus;
mod exports;
mod extraction;
mod linear;
mod properties;
#[cfg(unix)]
mod special_files;
#[cfg(feature = "gui")]
mod table;
#[cfg(feature = "gui")]
mod ui;
