//! Replacing a file atomically: the bytes go into a temporary file beside the
//! target, are synced to disk, and only then renamed over it. A reader (or a
//! crash) sees the old file or the new one, never half of either.
//!
//! This helper writes exactly one path; it must not render, retry or delete
//! anything but its own temporary file.

use super::ExportError;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Write `bytes` to `path`, replacing any file there atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic_with(path, bytes, |file| Box::new(file))
}

/// [`write_atomic`], with the bytes passing through the writer that `wrap`
/// makes around the temporary file: a place to add buffering, or to simulate
/// a full disk. If writing fails, the target is left as it was.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
) -> Result<(), ExportError> {
    replace(path, wrap, |out| {
        out.write_all(bytes).map_err(ExportError::Io)
    })
}

/// [`write_atomic`] for content written piece by piece by `fill` (through a
/// buffer), so that a large export never sits whole in memory.
pub fn write_atomic_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    replace(
        path,
        |file| Box::new(io::BufWriter::with_capacity(1 << 16, file)),
        fill,
    )
}

fn replace(
    path: &Path,
    wrap: impl FnOnce(&mut File) -> Box<dyn Write + '_>,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let fail = |step: String| {
        move |cause: io::Error| ExportError::Write {
            path: path.to_path_buf(),
            step,
            cause,
        }
    };
    if path.is_dir() {
        return Err(fail("expected a file".into())(io::Error::from(
            io::ErrorKind::IsADirectory,
        )));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Hidden and marked, so that a temporary file left by a crash is
    // recognisable next to the target.
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(permissions_for(path));
    let mut temp = builder.tempfile_in(parent).map_err(fail(format!(
        "cannot create a file in {}",
        parent.display()
    )))?;
    {
        let mut out = wrap(temp.as_file_mut());
        match fill(&mut *out) {
            Ok(()) => {}
            Err(ExportError::Io(e)) => return Err(fail("writing failed".into())(e)),
            Err(other) => return Err(other),
        }
        out.flush().map_err(fail("writing failed".into()))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(fail("syncing to disk failed".into()))?;
    temp.persist(path)
        .map_err(|e| fail("replacing the file failed".into())(e.error))?;
    #[cfg(unix)]
    sync_directory(parent);
    Ok(())
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
