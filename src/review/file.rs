//! The project file: `stancegrid.ron` beside the corpus, human-readable
//! RON, replaced atomically on every save so that a crash never leaves half
//! of it.

use super::{PROJECT_FORMAT, Project};
use crate::export::write_atomic;
use std::path::{Path, PathBuf};

/// The project file's name in the folder it reviews.
pub const PROJECT_FILE: &str = "stancegrid.ron";

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read {}: {cause}", path.display())]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{} is not a stancegrid project: line {line}, column {column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{} is a project of format {found}; this build reads {PROJECT_FORMAT}", path.display())]
    Format { path: PathBuf, found: String },
    #[error("cannot save the reviews: {0}")]
    Write(String),
}

/// The project at `path`; an empty one when there is no file yet.
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Project::default()),
        Err(cause) => {
            return Err(ProjectError::Read {
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    let project: Project = ron::from_str(&text).map_err(|e| ProjectError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if project.format != PROJECT_FORMAT {
        return Err(ProjectError::Format {
            path: path.to_path_buf(),
            found: project.format,
        });
    }
    Ok(project)
}

/// Write `project` to `path`, replacing the file there atomically.
pub fn save(path: &Path, project: &Project) -> Result<(), ProjectError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("  ".to_string());
    let text = ron::ser::to_string_pretty(project, config)
        .map_err(|e| ProjectError::Write(e.to_string()))?;
    write_atomic(path, text.as_bytes()).map_err(|e| ProjectError::Write(e.to_string()))
}
