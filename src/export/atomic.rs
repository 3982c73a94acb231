//! Writing an export to its path. A regular file is replaced atomically: the
//! bytes go into a temporary file beside it, are synced to disk, and only
//! then renamed over it, so a reader (or a crash) sees the old file or the
//! new one, never half of either. A symbolic link is followed to the file it
//! names, which is replaced; the link stays. A device or FIFO (`/dev/null`,
//! a pipe) is written in place: renaming over it would put a regular file
//! where the device was.
//!
//! This helper writes exactly one path; it must not render, retry or delete
//! anything but its own temporary file.

use super::ExportError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Write `bytes` to `path`, replacing any file there atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic_with(path, bytes, |file| Box::new(file))
}

/// [`write_atomic`], with the bytes passing through the writer that `wrap`
/// makes around the file: a place to add buffering, or to simulate a full
/// disk. If writing fails, a replaced file is left as it was.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
) -> Result<(), ExportError> {
    write_to(path, wrap, |out| {
        out.write_all(bytes).map_err(ExportError::Io)
    })
}

/// [`write_atomic`] for content written piece by piece by `fill` (through a
/// buffer), so that a large export never sits whole in memory.
pub fn write_atomic_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    write_to(
        path,
        |file| Box::new(io::BufWriter::with_capacity(1 << 16, file)),
        fill,
    )
}

/// The longest file name, in bytes, that common file systems accept.
const NAME_MAX: usize = 255;

/// Random characters in a temporary file's name.
const RANDOM_CHARS: usize = 6;

/// What a temporary file's name adds to the target's: `.`, `.`, the random
/// characters and `.tmp`.
const TEMP_NAME_EXTRA: usize = 2 + RANDOM_CHARS + 4;

/// The most symbolic links followed from the target, as the kernel does
/// before it reports a loop.
const MAX_LINKS: usize = 40;

/// What a write fails with at `path` while doing `step`.
fn failed(path: &Path, step: &str) -> impl FnOnce(io::Error) -> ExportError {
    move |cause| ExportError::Write {
        path: path.to_path_buf(),
        step: step.to_owned(),
        cause,
    }
}

fn write_to(
    path: &Path,
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(ExportError::Refused {
            path: path.to_path_buf(),
            reason: "it is a directory".to_owned(),
        }),
        Ok(m) if !m.is_file() => write_in_place(path, wrap, fill),
        // A regular file, none yet, or a path that cannot be asked about:
        // creating the temporary file reports what is wrong with it.
        _ => {
            let target = follow_links(path).map_err(failed(path, "following its links failed"))?;
            replace(path, &target, wrap, fill)
        }
    }
}

/// `path` with symbolic links followed to the path they end at, which may not
/// exist yet; renaming over the link itself would cut it from its file.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                // A relative link is relative to its folder; an absolute one
                // replaces the whole path in `join`.
                path = path.parent().unwrap_or(Path::new("")).join(link);
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Write into `path` itself: a device or a FIFO, which has nothing to
/// replace and nothing to sync.
fn write_in_place(
    path: &Path,
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(failed(path, "opening failed"))?;
    pour(path, &mut file, wrap, fill)
}

/// Fill `file` through the writer `wrap` makes, and flush it.
fn pour(
    path: &Path,
    file: &mut File,
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut out = wrap(file);
    match fill(&mut *out) {
        Ok(()) => {}
        Err(ExportError::Io(e)) => return Err(failed(path, "writing failed")(e)),
        Err(other) => return Err(other),
    }
    out.flush().map_err(failed(path, "writing failed"))
}

/// Replace `target` (the file `path` names) through a temporary file beside
/// it; errors name `path`, the name the user gave.
fn replace(
    path: &Path,
    target: &Path,
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    // Hidden and marked, so that a temporary file left by a crash is
    // recognisable next to the target.
    let prefix = format!(".{}.", temp_stem(&name));
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .rand_bytes(RANDOM_CHARS)
        .suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(permissions_for(target));
    let mut temp = builder.tempfile_in(parent).map_err(failed(
        path,
        &format!("cannot create a file in {}", parent.display()),
    ))?;
    pour(path, temp.as_file_mut(), wrap, fill)?;
    temp.as_file()
        .sync_all()
        .map_err(failed(path, "syncing to disk failed"))?;
    temp.persist(target)
        .map_err(|e| failed(path, "replacing the file failed")(e.error))?;
    #[cfg(unix)]
    sync_directory(parent);
    Ok(())
}

/// The target's name as far as it fits in a temporary file's name, cut at a
/// character boundary: a name near the limit would otherwise make the
/// temporary name too long to create.
fn temp_stem(name: &str) -> &str {
    let mut end = name.len().min(NAME_MAX - TEMP_NAME_EXTRA);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// The mode the new file gets: the old file's, so that replacing it does not
/// change who may read it; for a new file the usual 0666 less the umask
/// (the temporary file alone would be private to its owner).
#[cfg(unix)]
fn permissions_for(path: &Path) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions())
        .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666))
}

/// Make the rename itself durable. Best effort: the file is complete and in
/// place already, and some file systems cannot sync a directory.
#[cfg(unix)]
fn sync_directory(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_name_keeps_within_the_name_limit() {
        let long = "é".repeat(127);
        let stem = temp_stem(&long);
        assert!(stem.len() + TEMP_NAME_EXTRA <= NAME_MAX);
        assert!(long.starts_with(stem) && stem.len() >= NAME_MAX - TEMP_NAME_EXTRA - 1);
        assert_eq!(temp_stem("out.csv"), "out.csv");
    }

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"a,b\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn replacing_keeps_the_old_file_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
