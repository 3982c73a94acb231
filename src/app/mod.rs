//! The desktop window: a thin egui layer over the library.
//!
//! [`AppState`] holds everything the window shows and changes only through
//! [`AppState::apply`]; [`ui`] draws it and turns clicks and keys into
//! [`Command`]s; loading, dialogs and exports run on worker threads. The
//! `eframe::App` impl only forwards to these, so tests drive [`ui`] directly.

pub mod active_filters;
mod agreement_view;
mod article_chunks;
mod cues;
mod date_window;
pub mod dialogs;
mod evidence;
mod export_dialog;
mod export_job;
mod filter_form;
mod filters;
mod folder_watch;
mod help;
pub mod jobs;
mod lexicon_panel;
mod lexicon_watch;
mod marked_text;
mod matrix_view;
pub mod path_entry;
pub mod prefs;
mod reader;
mod review_form;
pub mod reviewing;
pub mod sample;
mod state;
mod table;
mod table_view;
mod theme;
pub mod timeline;
mod ui;

pub use reader::bytes_laid_out as reader_bytes_laid_out;
pub use reviewing::Act;
pub use state::{AppState, Command, EVIDENCE_PAGE, Message, PathPurpose, Reader};
pub use table::SortColumn;

use prefs::Prefs;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// Names the window for the window manager and the data directory.
pub const APP_ID: &str = crate::APP_NAME;

/// Open the window on `folder` (or the last folder, or the sample corpus).
pub fn run(folder: Option<PathBuf>) -> ExitCode {
    if let Some(problem) = no_display() {
        eprintln!(
            "stancegrid: cannot open the window: {problem}.\n\
             To analyse a folder without a window, run: stancegrid analyze DIR"
        );
        return ExitCode::FAILURE;
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("stancegrid")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let started = Instant::now();
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let mut state = AppState::new(prefs, Arc::new(dialogs::Native));
            state.set_waker(&cc.egui_ctx);
            theme::set_field_borders(&cc.egui_ctx);
            let first = startup_folder(folder, &state.prefs);
            state.apply(Command::Open(first));
            Ok(Box::new(Window {
                state,
                started: Some(started),
            }))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "stancegrid: cannot open the window: {e}.\n\
                 To analyse a folder without a window, run: stancegrid analyze DIR"
            );
            ExitCode::FAILURE
        }
    }
}

/// Why no window can be shown here, checked before winit would panic or hang.
fn no_display() -> Option<&'static str> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (unix_desktop && !set("DISPLAY") && !set("WAYLAND_DISPLAY"))
        .then_some("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)")
}

/// The folder to open first: the one asked for, else the last one (if it is
/// still there), else the sample corpus.
pub fn startup_folder(asked: Option<PathBuf>, prefs: &Prefs) -> PathBuf {
    asked
        .or_else(|| prefs.last_folder.clone().filter(|f| f.is_dir()))
        .unwrap_or_else(sample::dir)
}

struct Window {
    state: AppState,
    /// When the process started, until the first matrix is drawn; reported on
    /// stderr when `STANCEGRID_TIMING` is set.
    started: Option<Instant>,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui::draw(ui, &mut self.state);
        if self.state.analysis.is_some()
            && let Some(started) = self.started.take()
            && std::env::var_os("STANCEGRID_TIMING").is_some()
        {
            eprintln!(
                "stancegrid: first matrix drawn {:.0?} after start",
                started.elapsed()
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.prefs);
    }
}

pub use ui::draw as ui;
