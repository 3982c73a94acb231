//! File dialogs behind a trait: the native ones (rfd, xdg portal on Linux) for
//! the window, a scripted one for tests. Calls block, so the app only makes
//! them from a background [`Task`](super::jobs::Task).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown (no desktop portal, no zenity): the window
    /// then asks for a typed path instead.
    Unavailable,
}

/// The two questions the app asks the user about files.
pub trait FileDialogs: Send + Sync {
    /// A folder to open.
    fn pick_folder(&self, start: Option<&Path>) -> Picked;
    /// Where to save an export.
    fn save_file(&self, file_name: &str, filter_name: &str, extension: &str) -> Picked;
    /// A lexicon file to use. Dialogs that pick no files (the scripted ones)
    /// send the user to the typed path.
    fn pick_lexicon(&self, _start: Option<&Path>) -> Picked {
        Picked::Unavailable
    }
}

/// The platform's own dialogs.
pub struct Native;

/// Faster than anyone closes a dialog: rfd answers "nothing chosen" this
/// quickly only when it could show no dialog at all, which it does not
/// report otherwise.
const NO_DIALOG: Duration = Duration::from_millis(300);

fn answer(asked: Instant, path: Option<PathBuf>) -> Picked {
    match path {
        Some(path) => Picked::Path(path),
        None if asked.elapsed() < NO_DIALOG => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

impl FileDialogs for Native {
    fn pick_folder(&self, start: Option<&Path>) -> Picked {
        let asked = Instant::now();
        let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        answer(asked, dialog.pick_folder())
    }

    fn save_file(&self, file_name: &str, filter_name: &str, extension: &str) -> Picked {
        let asked = Instant::now();
        let path = rfd::FileDialog::new()
            .set_title("Export")
            .set_file_name(file_name)
            .add_filter(filter_name, &[extension])
            .save_file();
        answer(asked, path)
    }

    fn pick_lexicon(&self, start: Option<&Path>) -> Picked {
        let asked = Instant::now();
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open a lexicon")
            .add_filter("Lexicon (RON)", &["ron"]);
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        answer(asked, dialog.pick_file())
    }
}

/// Answers every dialog with fixed paths, as a user would who always picks
/// the same folder and saves into the same directory; or, with
/// `unavailable`, as a system without any dialog.
pub struct Scripted {
    pub folder: Option<PathBuf>,
    /// Exports are saved here under the suggested file name.
    pub save_dir: Option<PathBuf>,
    pub unavailable: bool,
}

impl Scripted {
    fn picked(&self, path: Option<PathBuf>) -> Picked {
        match path {
            _ if self.unavailable => Picked::Unavailable,
            Some(path) => Picked::Path(path),
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for Scripted {
    fn pick_folder(&self, _start: Option<&Path>) -> Picked {
        self.picked(self.folder.clone())
    }

    fn save_file(&self, file_name: &str, _filter_name: &str, _extension: &str) -> Picked {
        self.picked(self.save_dir.as_ref().map(|dir| dir.join(file_name)))
    }
}
