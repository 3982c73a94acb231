//! The window's side of reviews: the folder's project, the statement the
//! review keys act on, the coding form, and undo. Every change goes through
//! [`AppState::review`]: it records the project for undo, saves it, and
//! applies it to the analysis on screen.

use super::state::{AppState, Message};
use crate::Stance;
use crate::review::{self, Code, Decision, Project, Unmatched};
use crate::{Analysis, Grade, Span};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a review command does to one statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    Accept,
    Reject,
    /// Back to what extraction found (an added statement is removed).
    Reset,
}

/// What the coding form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTarget {
    /// Re-code this statement.
    Recode(usize),
    /// Add a statement on this sentence of this document.
    Add { doc: usize, sentence: Span },
}

/// The coding form being filled in: lexicon indices, a stance, a speaker
/// and a note.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeForm {
    pub target: FormTarget,
    pub actor: usize,
    pub issue: usize,
    pub stance: Stance,
    pub speaker: String,
    pub note: String,
}

/// The reviews of the folder on screen.
#[derive(Debug, Default)]
pub struct Reviews {
    pub project: Project,
    /// Where the project is saved; `None` when its file could not be read,
    /// so that nothing overwrites what the user may still repair.
    pub path: Option<PathBuf>,
    /// Reviews that name no statement of this analysis.
    pub unmatched: Vec<Unmatched>,
    /// The statement the review keys act on.
    pub focus: Option<usize>,
    pub form: Option<CodeForm>,
    /// Where Next to review last went: the walk goes on from there, not
    /// from a card clicked meanwhile.
    pub(super) walked: Option<usize>,
    /// The evidence panel still has to bring the focus into view.
    pub scroll_to_focus: bool,
    undo: Vec<Project>,
    redo: Vec<Project>,
}

impl Reviews {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl AppState {
    /// Read the project of `analysis`'s folder and apply it; a file that
    /// cannot be read is reported and left alone.
    pub(super) fn load_reviews(&mut self, analysis: &mut Analysis) {
        let same_folder = self.folder().as_ref() == Some(&analysis.root);
        let path = review::location::existing(&analysis.root);
        let (project, path) = match review::load(&path) {
            Ok(project) => (project, Some(path)),
            Err(e) => {
                self.message = Some(Message {
                    text: format!("{e}. Reviews are not saved until it is fixed."),
                    is_error: true,
                });
                (Project::default(), None)
            }
        };
        let unmatched = review::apply(analysis, &project);
        let (undo, redo) = if same_folder {
            (
                std::mem::take(&mut self.reviews.undo),
                std::mem::take(&mut self.reviews.redo),
            )
        } else {
            Default::default()
        };
        self.reviews = Reviews {
            project,
            path,
            unmatched,
            undo,
            redo,
            ..Reviews::default()
        };
        if !self.reviews.unmatched.is_empty() && self.message.is_none() {
            self.message = Some(Message {
                text: format!(
                    "{}: see Reviews in the status bar.",
                    review::unmatched_message(self.reviews.unmatched.len())
                ),
                is_error: false,
            });
        }
    }

    /// Change the project with `change`, keep the old one for undo, save,
    /// and show the result.
    fn review(&mut self, change: impl FnOnce(&mut Project, &Analysis)) {
        let Some(analysis) = self.analysis.clone() else {
            return;
        };
        let before = self.reviews.project.clone();
        change(&mut self.reviews.project, &analysis);
        if self.reviews.project == before {
            return;
        }
        self.reviews.undo.push(before);
        self.reviews.redo.clear();
        self.save_and_apply();
    }

    /// Take back the last review action (Ctrl+Z).
    pub(super) fn undo_review(&mut self) {
        if let Some(previous) = self.reviews.undo.pop() {
            let now = std::mem::replace(&mut self.reviews.project, previous);
            self.reviews.redo.push(now);
            self.save_and_apply();
        }
    }

    /// Do again what was undone (Ctrl+Shift+Z, Ctrl+Y).
    pub(super) fn redo_review(&mut self) {
        if let Some(next) = self.reviews.redo.pop() {
            let now = std::mem::replace(&mut self.reviews.project, next);
            self.reviews.undo.push(now);
            self.save_and_apply();
        }
    }

    fn save_and_apply(&mut self) {
        self.save_reviews();
        let Some(analysis) = &mut self.analysis else {
            return;
        };
        // Statement indices move when one is added or removed: keep the
        // focus on the same sentence.
        let focused = self
            .reviews
            .focus
            .and_then(|i| analysis.statements.get(i))
            .map(|s| (s.doc, s.sentence));
        let analysis = Arc::make_mut(analysis);
        self.reviews.unmatched = review::apply(analysis, &self.reviews.project);
        self.reviews.focus = focused.and_then(|(doc, sentence)| {
            analysis
                .statements
                .iter()
                .position(|s| s.doc == doc && s.sentence == sentence)
        });
        self.rebuild_matrix();
    }

    /// Write the project; when its folder cannot be written, write it to
    /// the data folder instead and say where.
    fn save_reviews(&mut self) {
        let Some(path) = self.reviews.path.clone() else {
            self.message = Some(Message {
                text: "The project file could not be read, so reviews are not saved: fix or \
                       move it, then reload (F5)."
                    .into(),
                is_error: true,
            });
            return;
        };
        let Err(e) = review::save(&path, &self.reviews.project) else {
            return;
        };
        let root = self.folder().unwrap_or_default();
        match review::location::in_data_dir(&root).filter(|other| *other != path) {
            Some(other) if save_in_new_place(&other, &self.reviews.project) => {
                self.message = Some(Message {
                    text: format!(
                        "The folder cannot be written ({e}); reviews are saved in {}",
                        other.display()
                    ),
                    is_error: false,
                });
                self.reviews.path = Some(other);
            }
            _ => {
                self.message = Some(Message {
                    text: format!("{e}"),
                    is_error: true,
                })
            }
        }
    }

    /// Accept, reject or reset statement `index`.
    pub(super) fn act(&mut self, index: usize, act: Act) {
        self.act_on(&[index], act);
    }

    /// Accept, reject or reset every statement of the open cell at once,
    /// as one step to undo.
    pub(super) fn act_on_cell(&mut self, act: Act) {
        let Some((actor, issue)) = self.evidence else {
            return;
        };
        let statements = self.matrix.cell(actor, issue).statements.clone();
        self.act_on(&statements, act);
    }

    fn act_on(&mut self, indices: &[usize], act: Act) {
        self.review(|project, analysis| {
            // By key, not index: each decision can move the ones after it.
            let chosen: Vec<_> = indices
                .iter()
                .filter_map(|&i| analysis.statements.get(i))
                .cloned()
                .collect();
            for s in &chosen {
                match act {
                    Act::Accept => {
                        project.decide(analysis, s, Decision::Accept);
                    }
                    Act::Reject => {
                        if s.origin() == crate::Origin::Added {
                            project.forget(analysis, s);
                        } else {
                            project.decide(analysis, s, Decision::Reject);
                        }
                    }
                    Act::Reset => project.forget(analysis, s),
                }
            }
        });
    }

    /// Open the coding form on statement `index`, filled with its coding.
    pub(super) fn start_recode(&mut self, index: usize) {
        let Some(s) = self.analysis.as_ref().and_then(|a| a.statements.get(index)) else {
            return;
        };
        let analysis = self.analysis.as_ref().expect("checked above");
        self.reviews.form = Some(CodeForm {
            target: FormTarget::Recode(index),
            actor: s.actor,
            issue: s.issue,
            stance: s.stance,
            speaker: analysis.speaker(s).to_string(),
            note: s.note().to_string(),
        });
        self.reviews.focus = Some(index);
    }

    /// Open the coding form for a new statement on the sentence at byte
    /// `at` of document `doc`, filled with what the analysis can tell.
    pub(super) fn start_add(&mut self, doc: usize, at: usize) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let Some(sentence) = analysis
            .documents
            .get(doc)
            .and_then(|d| review::sentence_at(d, at))
        else {
            self.message = Some(Message {
                text: "That is not a sentence of the article: click inside its text.".into(),
                is_error: false,
            });
            return;
        };
        let code = review::suggest(analysis, doc, sentence);
        let lexicon = &analysis.lexicon;
        self.reviews.form = Some(CodeForm {
            target: FormTarget::Add { doc, sentence },
            actor: lexicon.actor_index(&code.actor).unwrap_or(0),
            issue: lexicon.issue_index(&code.issue).unwrap_or(0),
            stance: code.stance,
            speaker: code.speaker,
            note: String::new(),
        });
    }

    /// Apply the coding form.
    pub(super) fn save_form(&mut self) {
        let Some(form) = self.reviews.form.take() else {
            return;
        };
        self.review(|project, analysis| {
            let lexicon = &analysis.lexicon;
            let code = Code {
                actor: lexicon.actors()[form.actor].id.clone(),
                issue: lexicon.issues()[form.issue].id.clone(),
                stance: form.stance,
                speaker: form.speaker.trim().to_string(),
            };
            match form.target {
                FormTarget::Recode(index) => {
                    let s = analysis.statements[index].clone();
                    let unchanged = s.actor == form.actor
                        && s.issue == form.issue
                        && s.stance == form.stance
                        && analysis.speaker(&s) == code.speaker;
                    if !unchanged {
                        project.decide(analysis, &s, Decision::Recode(code));
                    }
                    if form.note.trim() != s.note() {
                        project.annotate(analysis, &s, &form.note);
                    }
                }
                FormTarget::Add { doc, sentence } => {
                    project.add(analysis, doc, sentence, code);
                    if let Some(last) = project.reviews.last_mut() {
                        last.note = form.note.trim().to_string();
                    }
                }
            }
        });
    }

    /// Focus the next statement to review: unreviewed, in the open cell
    /// (or anywhere when none is open), the weakest grade first.
    pub(super) fn next_to_review(&mut self) {
        let Some(analysis) = self.analysis.clone() else {
            return;
        };
        let pool: Vec<usize> = match self.evidence {
            Some((actor, issue)) => self.matrix.cell(actor, issue).statements.clone(),
            None => self.matrix.statements(),
        };
        let mut order: Vec<usize> = pool
            .into_iter()
            .filter(|&i| !analysis.statements[i].is_reviewed())
            .collect();
        // Weakest first; added statements (no grade) are reviewed already.
        let key = |i: usize| {
            let grade = analysis.statements.get(i).and_then(|s| s.grade);
            (std::cmp::Reverse(grade.unwrap_or(Grade::Quote)), i)
        };
        order.sort_by_key(|&i| key(i));
        // On from where the walk was (that statement may be reviewed now and
        // out of the list), round to the start at the end.
        let next = match self.reviews.walked {
            Some(walked) => order.iter().find(|&&i| key(i) > key(walked)),
            None => None,
        }
        .or(order.first())
        .copied();
        let Some(next) = next else {
            self.message = Some(Message {
                text: "Every statement here is reviewed.".into(),
                is_error: false,
            });
            return;
        };
        self.reviews.walked = Some(next);
        let s = &analysis.statements[next];
        self.evidence = Some((s.actor, s.issue));
        self.selection = Some((s.actor, s.issue));
        self.reviews.focus = Some(next);
        self.reviews.scroll_to_focus = true;
        self.evidence_shown = self
            .evidence_shown
            .max(self.matrix.cell(s.actor, s.issue).statements.len());
    }
}

/// Save to a place that may not exist yet (the data folder).
fn save_in_new_place(path: &Path, project: &Project) -> bool {
    path.parent()
        .is_none_or(|dir| std::fs::create_dir_all(dir).is_ok())
        && review::save(path, project).is_ok()
}
