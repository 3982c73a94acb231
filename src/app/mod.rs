//! The desktop window: a thin egui layer over the library.

use std::path::PathBuf;
use std::process::ExitCode;

/// Open the window on `folder` (or the last folder, or the sample corpus).
pub fn run(_folder: Option<PathBuf>) -> ExitCode {
    eprintln!("the window is not built yet; use `stancegrid analyze DIR`");
    ExitCode::FAILURE
}
