//! The sample corpus that ships inside the binary, so that the first start
//! shows a filled matrix. It is written to a folder in the data directory and
//! then opened like any other folder.

use std::io;
use std::path::{Path, PathBuf};

macro_rules! sample_files {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../../assets/corpus/", $name)))),*]
    };
}

/// File name and text of every sample article.
const FILES: [(&str, &str); 5] = sample_files![
    "000_ceb1b9ad5ee550af.txt",
    "001_c4cdd1ae80fde9bd.txt",
    "002_7a67eb502e32b0b8.txt",
    "003_20e9ab3941a8538b.txt",
    "004_815b0c40624beee0.txt",
];

/// Where the sample corpus lives on disk.
pub fn dir() -> PathBuf {
    eframe::storage_dir(super::APP_ID)
        .unwrap_or_else(std::env::temp_dir)
        .join("sample-corpus")
}

/// If `root` is the sample folder, (re)write the sample articles into it, so
/// that a deleted or edited copy never stands in the way of the first start.
pub fn ensure(root: &Path) -> io::Result<()> {
    if root == dir() {
        write_to(root)
    } else {
        Ok(())
    }
}

/// Write the sample articles into `folder`, creating it.
pub fn write_to(folder: &Path) -> io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for (name, text) in FILES {
        let path = folder.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            std::fs::write(path, text)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_corpus_is_written_in_full() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("sample");
        write_to(&folder).expect("written");
        write_to(&folder).expect("rewriting is harmless");
        let mut names: Vec<_> = std::fs::read_dir(&folder)
            .expect("readable")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        assert_eq!(names.len(), FILES.len());
        assert_eq!(
            std::fs::read_to_string(folder.join(FILES[0].0)).expect("readable"),
            FILES[0].1
        );
    }
}
