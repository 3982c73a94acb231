//! Articles saved more than once: the same text under two names (a wire
//! story from two sites saved as text, a file copied into a subfolder). Both
//! stay documents; the later one, in file order, says whose copy it is.

use crate::model::Document;
use std::collections::HashMap;

/// How the warning of a copy starts and ends, around its original's name.
const COPY_OF: &str = "a copy of ";
const COUNTS_ONCE: &str = " (its statements count once)";

/// Take back the warnings [`mark`] gave: when files change, whose copy a
/// document is must be found again among the documents now there.
pub fn unmark(documents: &mut [Document]) {
    for doc in documents {
        doc.warnings
            .retain(|w| !(w.starts_with(COPY_OF) && w.ends_with(COUNTS_ONCE)));
    }
}

/// Warn on every document whose text is that of one before it in `documents`.
pub fn mark(documents: &mut [Document]) {
    // Texts of one length are few: comparing within them avoids hashing
    // every byte of the corpus.
    let mut by_length: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..documents.len() {
        let originals = by_length.entry(documents[i].text.len()).or_default();
        match originals
            .iter()
            .find(|&&o| documents[o].text == documents[i].text)
        {
            Some(&original) => {
                let warning = format!("{COPY_OF}{}{COUNTS_ONCE}", documents[original].file);
                documents[i].warnings.push(warning);
            }
            None => originals.push(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_document_with_the_same_text_is_marked_as_a_copy() {
        let mut documents = vec![
            Document::from_text("a.txt", "Kyiv rejects the plan."),
            Document::from_text("b.txt", "Kyiv rejects the plan!"),
            Document::from_text("c.txt", "Kyiv rejects the plan."),
        ];
        mark(&mut documents);
        let warnings: Vec<&[String]> = documents.iter().map(|d| d.warnings.as_slice()).collect();
        assert_eq!(
            warnings,
            [
                &[][..],
                &[][..],
                &["a copy of a.txt (its statements count once)".to_owned()][..]
            ]
        );
        documents[1].warnings.push("bad bytes replaced".to_owned());
        unmark(&mut documents);
        assert!(documents[2].warnings.is_empty());
        assert_eq!(documents[1].warnings, ["bad bytes replaced"]);
    }
}
