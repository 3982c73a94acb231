//! Integration tests, one module per capability.

#[cfg(feature = "gui")]
mod agreement;
mod analysis;
mod bad_input;
mod behaviour;
mod cli;
mod corpus;
mod exports;
mod extraction;
mod formats;
#[cfg(feature = "gui")]
mod lexicon_panel;
mod linear;
mod properties;
mod reanalysis;
mod review;
#[cfg(feature = "gui")]
mod review_ui;
#[cfg(unix)]
mod special_files;
#[cfg(feature = "gui")]
mod table;
#[cfg(feature = "gui")]
mod timeline;
#[cfg(feature = "gui")]
mod ui;
#[cfg(feature = "gui")]
mod watch_ui;
#[cfg(feature = "gui")]
mod window;
