//! Lists the files of a folder: recursive, sorted, following symlinks without
//! looping, and sorting out what is not an article before anything is read.
//!
//! It reads directory entries only, never file contents.

use crate::model::Skipped;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The kinds of article file the loader reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

/// An entry of the folder: an article to read, or a file set aside with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Article {
        file: String,
        path: PathBuf,
        format: Format,
    },
    Skipped(Skipped),
}

/// Why the folder itself could not be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootUnreadable(pub String);

/// `path` relative to `root` with `/` separators; names that are not UTF-8
/// are shown lossily, since the name is for people to read.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `path`, found `depth` levels below the opened folder, is left
/// out without a word: hidden (its name starts with a dot), or the folder's
/// own project file of reviews. The opened folder itself never is.
fn is_hidden(path: &Path, depth: usize) -> bool {
    let name = path.file_name();
    depth > 0
        && (name.is_some_and(|name| name.as_encoded_bytes().first() == Some(&b'.'))
            || (depth == 1 && name.is_some_and(|n| n == crate::review::PROJECT_FILE)))
}

/// Whether the walk of `root` leaves `path` out without a word: a part of
/// it is hidden, or it is the folder's project file. A path outside `root`
/// is not the walk's to leave out.
pub fn left_out(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    rel.components()
        .enumerate()
        .any(|(depth, part)| is_hidden(Path::new(part.as_os_str()), depth + 1))
}

fn format_of(path: &Path) -> Result<Format, String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Ok(Format::Text),
        "html" | "htm" | "xhtml" => Ok(Format::Html),
        "" => Err("not an article (no extension)".to_owned()),
        other => Err(format!("not an article (.{other})")),
    }
}

/// Every file under `root` in a deterministic order (names sorted per folder).
/// Hidden files and folders are left out without a report.
pub fn walk(root: &Path) -> Result<Vec<Found>, RootUnreadable> {
    let mut found = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.path(), e.depth()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) if err.depth() == 0 => return Err(RootUnreadable(err.to_string())),
            // The filter above never sees entries that fail (a hidden link
            // to nowhere, such as an editor's lock file, or a hidden loop).
            Err(err) if err.path().is_some_and(|p| is_hidden(p, err.depth())) => continue,
            Err(err) => {
                let file = err.path().map_or_else(String::new, |p| relative(root, p));
                let reason = if let Some(ancestor) = err.loop_ancestor() {
                    format!(
                        "symlink loop (leads back to {})",
                        match relative(root, ancestor) {
                            r if r.is_empty() => "the opened folder".to_owned(),
                            r => r,
                        }
                    )
                } else {
                    match err.io_error() {
                        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
                            "cannot read: missing (a broken link or removed during loading)"
                                .to_owned()
                        }
                        Some(io) => format!("cannot read: {io}"),
                        None => format!("cannot read: {err}"),
                    }
                };
                found.push(Found::Skipped(Skipped { file, reason }));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let file = relative(root, entry.path());
        if !entry.file_type().is_file() {
            // Reading a pipe or a device could block or never end.
            found.push(Found::Skipped(Skipped {
                file,
                reason: "not a regular file".to_owned(),
            }));
            continue;
        }
        match format_of(entry.path()) {
            Ok(format) => found.push(Found::Article {
                file,
                path: entry.into_path(),
                format,
            }),
            Err(reason) => found.push(Found::Skipped(Skipped { file, reason })),
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_in_any_case() {
        assert_eq!(format_of(Path::new("a/B.TXT")), Ok(Format::Text));
        assert_eq!(format_of(Path::new("b.Md")), Ok(Format::Text));
        assert_eq!(format_of(Path::new("c.HTM")), Ok(Format::Html));
        assert_eq!(
            format_of(Path::new("d.png")),
            Err("not an article (.png)".to_owned())
        );
        assert_eq!(
            format_of(Path::new("README")),
            Err("not an article (no extension)".to_owned())
        );
    }

    #[test]
    fn hidden_parts_and_the_project_file_are_left_out() {
        let root = Path::new("/data/corpus");
        let project = crate::review::PROJECT_FILE;
        assert!(left_out(root, &root.join(project)));
        assert!(left_out(root, &root.join(".git").join("index")));
        assert!(left_out(root, &root.join("a").join(".b.txt.swp")));
        assert!(!left_out(root, &root.join("a").join(project)));
        assert!(!left_out(root, &root.join("a").join("b.txt")));
        assert!(!left_out(root, Path::new("/elsewhere/.hidden")));
    }

    #[test]
    fn relative_paths_use_slashes() {
        let root = Path::new("/data/corpus");
        assert_eq!(relative(root, &root.join("a").join("b.txt")), "a/b.txt");
    }
}
