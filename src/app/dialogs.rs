//! File dialogs behind a trait: the native ones (rfd, xdg portal on Linux) for
//! the window, a scripted one for tests. Calls block, so the app only makes
//! them from a background [`Task`](super::jobs::Task).

use std::path::{Path, PathBuf};

/// The two questions the app asks the user about files.
pub trait FileDialogs: Send + Sync {
    /// A folder to open; `None` when the user cancels.
    fn pick_folder(&self, start: Option<&Path>) -> Option<PathBuf>;
    /// Where to save an export; `None` when the user cancels.
    fn save_file(&self, file_name: &str, filter_name: &str, extension: &str) -> Option<PathBuf>;
}

/// The platform's own dialogs.
pub struct Native;

impl FileDialogs for Native {
    fn pick_folder(&self, start: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        dialog.pick_folder()
    }

    fn save_file(&self, file_name: &str, filter_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export")
            .set_file_name(file_name)
            .add_filter(filter_name, &[extension])
            .save_file()
    }
}

/// Answers every dialog with fixed paths, as a user would who always picks
/// the same folder and saves into the same directory.
pub struct Scripted {
    pub folder: Option<PathBuf>,
    /// Exports are saved here under the suggested file name.
    pub save_dir: Option<PathBuf>,
}

impl FileDialogs for Scripted {
    fn pick_folder(&self, _start: Option<&Path>) -> Option<PathBuf> {
        self.folder.clone()
    }

    fn save_file(&self, file_name: &str, _filter_name: &str, _extension: &str) -> Option<PathBuf> {
        self.save_dir.as_ref().map(|dir| dir.join(file_name))
    }
}
