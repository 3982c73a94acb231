//! What the window remembers between runs: last folder, recent folders, filters
//! and theme. Stored by eframe (RON); never the analysis itself, which is
//! recomputed from the folder.

use crate::matrix::Filter;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many folders the "Recent folders" menu keeps.
const RECENT_LIMIT: usize = 8;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    #[default]
    Dark,
}

impl Theme {
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The persisted preferences. Every field has a default so that an older or
/// damaged file still loads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub last_folder: Option<PathBuf>,
    /// Most recent first, without duplicates.
    pub recent: Vec<PathBuf>,
    pub filter: Filter,
    pub theme: Theme,
}

impl Prefs {
    /// Remember `folder` as the last one opened and put it on top of the recent list.
    pub fn remember(&mut self, folder: &Path) {
        self.last_folder = Some(folder.to_path_buf());
        self.recent.retain(|f| f != folder);
        self.recent.insert(0, folder.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_folders_are_unique_newest_first_and_bounded() {
        let mut prefs = Prefs::default();
        for i in 0..10 {
            prefs.remember(Path::new(&format!("/f{i}")));
        }
        prefs.remember(Path::new("/f5"));
        assert_eq!(prefs.recent.len(), RECENT_LIMIT);
        assert_eq!(prefs.recent[0], Path::new("/f5"));
        assert_eq!(
            prefs
                .recent
                .iter()
                .filter(|f| *f == Path::new("/f5"))
                .count(),
            1
        );
        assert_eq!(prefs.last_folder.as_deref(), Some(Path::new("/f5")));
    }

    #[test]
    fn missing_fields_take_defaults() {
        let prefs: Prefs = ron::from_str("(theme: light)").expect("valid RON");
        assert_eq!(prefs.theme, Theme::Light);
        assert!(prefs.filter.is_empty());
        assert!(prefs.recent.is_empty());
    }
}
