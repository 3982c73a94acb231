//! The window under test: the app's own UI code in a headless egui_kittest
//! harness, its file dialogs answering from a script.

use egui_kittest::Harness;
use stancegrid::Analysis;
use stancegrid::app::dialogs::Scripted;
use stancegrid::app::{self, AppState, Command};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The size the tests see the window at unless they say otherwise.
pub const SIZE: egui::Vec2 = egui::vec2(1400.0, 900.0);

/// Dialogs that pick `folder` and save into `save_dir` (cancelled when none).
pub fn dialogs(folder: Option<PathBuf>, save_dir: Option<PathBuf>) -> Arc<Scripted> {
    Arc::new(Scripted {
        folder,
        save_dir,
        unavailable: false,
    })
}

/// Dialogs that cannot be shown, as on a system without a desktop portal or
/// zenity: the app must ask for a typed path.
pub fn unavailable_dialogs(folder: Option<PathBuf>) -> Arc<Scripted> {
    Arc::new(Scripted {
        save_dir: folder.clone(),
        folder,
        unavailable: true,
    })
}

pub fn harness_of_size(state: AppState, size: egui::Vec2) -> Harness<'static, AppState> {
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, state: &mut AppState| app::ui(ui, state), state)
}

pub fn harness(state: AppState) -> Harness<'static, AppState> {
    harness_of_size(state, SIZE)
}

/// A fresh window with `dialogs` and default preferences, not yet drawn.
pub fn fresh(dialogs: Arc<Scripted>) -> Harness<'static, AppState> {
    harness(AppState::new(Default::default(), dialogs))
}

/// A window of `size` showing `analysis`, settled.
pub fn showing(analysis: Analysis, size: egui::Vec2) -> Harness<'static, AppState> {
    let mut state = AppState::new(Default::default(), dialogs(None, None));
    state.show(analysis);
    let mut harness = harness_of_size(state, size);
    harness.run();
    harness
}

/// A window that opened the folder `dir`, once loading has finished.
pub fn opened_on(dir: &Path, dialogs: Arc<Scripted>) -> Harness<'static, AppState> {
    let mut harness = fresh(dialogs);
    harness.state_mut().apply(Command::Open(dir.to_path_buf()));
    step_until(&mut harness, loaded);
    harness
}

/// An analysis is shown and no background job runs.
pub fn loaded(state: &AppState) -> bool {
    state.analysis.is_some() && !state.is_busy()
}

/// Step frames until `done` holds, for at most ten seconds: background jobs
/// and file watching finish on their own threads.
pub fn step_until(harness: &mut Harness<'_, AppState>, done: impl Fn(&AppState) -> bool) {
    for _ in 0..1000 {
        harness.step();
        if done(harness.state()) {
            harness.run_ok();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the window did not get there in time");
}

/// What a node says: a label's text is its value, a widget's its label.
pub fn text_of(node: &egui_kittest::Node<'_>) -> String {
    use egui_kittest::kittest::NodeT;
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}
