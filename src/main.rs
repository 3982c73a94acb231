//! `stancegrid` with no subcommand opens the window; `stancegrid analyze` is the CLI.

use clap::Parser;
use stancegrid::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze(args)) => stancegrid::cli::analyze(&args),
        None => open_window(cli.folder),
    }
}

#[cfg(feature = "gui")]
fn open_window(folder: Option<std::path::PathBuf>) -> ExitCode {
    stancegrid::app::run(folder)
}

#[cfg(not(feature = "gui"))]
fn open_window(_folder: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "stancegrid was built without the window (feature `gui`); use `stancegrid analyze DIR`."
    );
    ExitCode::FAILURE
}
