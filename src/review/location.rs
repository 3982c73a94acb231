//! Where a folder's project file lives: beside the articles, or, when that
//! folder cannot be written (a read-only share, a mounted archive), in the
//! app's data folder under a name made from the folder's path.

use super::{PROJECT_FILE, content_hash};
use std::path::{Path, PathBuf};

/// The project file in the folder itself.
pub fn in_folder(root: &Path) -> PathBuf {
    root.join(PROJECT_FILE)
}

/// The project file of `root` in the app's data folder, if the system has
/// one: the same place the window keeps its settings.
pub fn in_data_dir(root: &Path) -> Option<PathBuf> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let name = format!("{}.ron", content_hash(&root.to_string_lossy()));
    Some(data_dir()?.join("projects").join(name))
}

/// The project file to read for `root`: the folder's own when there is one
/// or no other, else the one in the data folder.
pub fn existing(root: &Path) -> PathBuf {
    let own = in_folder(root);
    if own.exists() {
        return own;
    }
    in_data_dir(root).filter(|p| p.exists()).unwrap_or(own)
}

/// The app's data folder: `$XDG_DATA_HOME/stancegrid` (or
/// `~/.local/share/stancegrid`), `~/Library/Application Support/stancegrid`
/// on macOS, `%APPDATA%\stancegrid\data` on Windows.
fn data_dir() -> Option<PathBuf> {
    let app = crate::APP_NAME;
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(|p| PathBuf::from(p).join(app).join("data"));
    }
    if cfg!(target_os = "macos") {
        return std::env::home_dir().map(|h| h.join("Library/Application Support").join(app));
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::home_dir().map(|h| h.join(".local/share")))
        .map(|p| p.join(app))
}
