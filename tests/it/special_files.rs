//! FIFOs and device nodes for the tests of input and output that must not
//! read them forever or replace them, made with the system's own tools.

use std::path::Path;
use std::process::{Command, Stdio};

/// A FIFO at `path`.
pub fn fifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// A character device `major`:`minor` at `path` (1:3 is `/dev/null`, 1:7
/// `/dev/full`), so that a test never writes to the system's own; `false`
/// when the user may not make one (it takes privileges).
pub fn char_device(path: &Path, major: u32, minor: u32) -> bool {
    let made = Command::new("mknod")
        .arg(path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .stderr(Stdio::null())
        .status()
        .expect("mknod runs");
    if !made.success() {
        eprintln!("skipped: making a device node takes privileges");
    }
    made.success()
}
