//! FIFOs for the tests of input that must not be read forever, made with
//! the system's own tool.

use std::path::Path;
use std::process::Command;

/// A FIFO at `path`.
pub fn fifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}
