//! Put a project's reviews on an analysis: find each review's statement
//! again, then accept, reject, re-code or add it.

use super::{Code, Decision, Project, Review, content_hash};
use crate::model::{Coding, Origin, Reviewed, Span, Statement};
use crate::{Analysis, Copies};
use std::collections::HashMap;

/// A review that names no statement of the analysis, and why; it stays in
/// the project file for when its article or lexicon comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// Its index in the project.
    pub review: usize,
    pub file: String,
    pub reason: String,
}

/// Apply `project` to `analysis`, undoing any reviews applied before, and
/// return the reviews that no longer match.
pub fn apply(analysis: &mut Analysis, project: &Project) -> Vec<Unmatched> {
    let had_reviews = unreview(&mut analysis.statements);
    let by_hash: HashMap<String, usize> = analysis
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (content_hash(&d.text), i))
        .collect();
    let mut unmatched = Vec::new();
    let mut added = Vec::new();
    for (i, review) in project.reviews.iter().enumerate() {
        match put(analysis, &by_hash, i, review) {
            Ok(Some(statement)) => added.push(statement),
            Ok(None) => {}
            Err(reason) => unmatched.push(Unmatched {
                review: i,
                file: review.file.clone(),
                reason,
            }),
        }
    }
    if !added.is_empty() {
        analysis.statements.extend(added);
        // Statements stay in document order, then by position.
        analysis
            .statements
            .sort_by_key(|s| (s.doc, s.sentence.start));
    }
    // Adding and re-coding change which statements copy which; with no
    // reviews before or now, the copies found with the analysis stand.
    if had_reviews || !project.reviews.is_empty() {
        analysis.copies = Copies::find(&analysis.documents, &analysis.statements);
    }
    unmatched
}

/// Statements back as extraction found them: added ones gone, re-coded ones
/// as they were. True if any had a review.
pub(crate) fn unreview(statements: &mut Vec<Statement>) -> bool {
    let before = statements.len();
    statements.retain(|s| s.origin() != Origin::Added);
    let mut had_reviews = statements.len() != before;
    for s in statements.iter_mut() {
        had_reviews |= s.review.is_some();
        if let Some(review) = s.review.take()
            && let Some(original) = review.original
        {
            s.actor = original.actor;
            s.issue = original.issue;
            s.stance = original.stance;
        }
    }
    had_reviews
}

/// Apply review `index`; an added statement is returned to be inserted.
fn put(
    analysis: &mut Analysis,
    by_hash: &HashMap<String, usize>,
    index: usize,
    review: &Review,
) -> Result<Option<Statement>, String> {
    let (doc, sentence) = locate(analysis, by_hash, review)?;
    let reviewed = |origin, rejected| Reviewed {
        review: index,
        origin,
        rejected,
        note: review.note.clone(),
        speaker: None,
        original: None,
    };
    let Some((actor, issue)) = &review.found else {
        let Decision::Add(code) = &review.decision else {
            return Err("a review of no statement".to_string());
        };
        let coding = code_of(&analysis.lexicon, code)?;
        let text = sentence.of(&analysis.documents[doc].text);
        // The speaker's words in the sentence when they are there, so the
        // reader marks them; else the name as typed.
        let speaker = text
            .find(code.speaker.as_str())
            .filter(|_| !code.speaker.is_empty())
            .map(|at| Span::new(at, at + code.speaker.len()).shifted(sentence.start));
        return Ok(Some(Statement {
            doc,
            actor: coding.actor,
            issue: coding.issue,
            stance: coding.stance,
            speaker: speaker.unwrap_or(Span::new(sentence.start, sentence.start)),
            sentence,
            quote: None,
            cues: Vec::new(),
            grade: None,
            review: Some(Box::new(Reviewed {
                speaker: speaker.is_none().then(|| code.speaker.clone()),
                ..reviewed(Origin::Added, false)
            })),
        }));
    };
    let found = analysis.statements.iter().position(|s| {
        s.doc == doc
            && s.sentence == sentence
            && s.review.is_none()
            && analysis.lexicon.actors()[s.actor].id == *actor
            && analysis.lexicon.issues()[s.issue].id == *issue
    });
    let Some(at) = found else {
        return Err(format!(
            "the analysis no longer finds {actor} on {issue} in this sentence"
        ));
    };
    let s = &mut analysis.statements[at];
    let review_of = match &review.decision {
        Decision::Note => reviewed(Origin::Automatic, false),
        Decision::Accept => reviewed(Origin::Accepted, false),
        Decision::Reject => reviewed(Origin::Automatic, true),
        Decision::Recode(code) => {
            let coding = code_of(&analysis.lexicon, code)?;
            let speaker_text = s.speaker.of(&analysis.documents[doc].text);
            let original = Coding {
                actor: s.actor,
                issue: s.issue,
                stance: s.stance,
                speaker: speaker_text.to_string(),
            };
            let speaker = (code.speaker != speaker_text).then(|| code.speaker.clone());
            s.actor = coding.actor;
            s.issue = coding.issue;
            s.stance = coding.stance;
            Reviewed {
                speaker,
                original: Some(original),
                ..reviewed(Origin::Recoded, false)
            }
        }
        Decision::Add(_) => return Err("an added statement names a found one".to_string()),
    };
    s.review = Some(Box::new(review_of));
    Ok(None)
}

/// Where the review's sentence is now: at its span in the document of its
/// hash, or, when that article was edited, the same words in the same file.
fn locate(
    analysis: &Analysis,
    by_hash: &HashMap<String, usize>,
    review: &Review,
) -> Result<(usize, Span), String> {
    let span = Span::new(review.start, review.end);
    if let Some(&doc) = by_hash.get(&review.document)
        && span.of(&analysis.documents[doc].text) == review.sentence
    {
        return Ok((doc, span));
    }
    let Some(doc) = analysis
        .documents
        .iter()
        .position(|d| d.file == review.file)
    else {
        return Err("its article is no longer in the folder".to_string());
    };
    let text = &analysis.documents[doc].text;
    // The occurrence nearest the old place, should the sentence repeat.
    text.match_indices(review.sentence.as_str())
        .map(|(at, _)| Span::new(at, at + review.sentence.len()))
        .min_by_key(|s| s.start.abs_diff(review.start))
        .filter(|_| !review.sentence.is_empty())
        .map(|s| (doc, s))
        .ok_or_else(|| "its sentence is no longer in the article".to_string())
}

/// A coding by ids as lexicon indices.
fn code_of(lexicon: &crate::Lexicon, code: &Code) -> Result<Coding, String> {
    let actor = lexicon
        .actor_index(&code.actor)
        .ok_or_else(|| format!("the lexicon has no party {}", code.actor))?;
    let issue = lexicon
        .issue_index(&code.issue)
        .ok_or_else(|| format!("the lexicon has no issue {}", code.issue))?;
    Ok(Coding {
        actor,
        issue,
        stance: code.stance,
        speaker: code.speaker.clone(),
    })
}
