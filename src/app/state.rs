//! The window's state as a plain struct, and the one place that changes it:
//! [`AppState::apply`]. Views read the state and push [`Command`]s; background
//! jobs are polled in [`AppState::poll`].

use super::agreement_view::AgreementView;
use super::dialogs::{FileDialogs, Picked};
use super::export_job::{self, ExportDialog, Finished};
use super::filter_form::{self, FilterForm, FilterPart};
use super::folder_watch::Watching;
use super::jobs::{LoadJob, LoadRequest, Loaded, Poll, Task, Waker};
use super::lexicon_watch::{self, LexiconWatch};
use super::prefs::Prefs;
use super::reviewing::{Act, Reviews};
use super::table::{SortColumn, StatementsTable};
use crate::corpus::Cache;
use crate::export::Format;
use crate::matrix::{Filter, Matrix};
use crate::{Analysis, CorpusError, Lexicon};
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// What the window says when a file dialog could not be shown.
const NO_DIALOG: &str = "No {what} dialog could be shown on this system (it needs a desktop \
                         portal or zenity). Type or paste the path instead.";

/// Statements the evidence panel adds per "Show more".
pub const EVIDENCE_PAGE: usize = 50;

/// Everything a user can ask the window to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Ask for a folder with the file dialog, then open it.
    PickFolder,
    Open(PathBuf),
    /// Files or folders dropped on the window.
    OpenDropped(Vec<PathBuf>),
    Reload,
    CancelLoad,
    /// Select a cell and show its statements.
    OpenCell {
        actor: usize,
        issue: usize,
    },
    /// Move the selection by rows and columns (arrow keys).
    MoveSelection {
        rows: isize,
        columns: isize,
    },
    /// Show the statements of the selected cell (Enter).
    OpenSelection,
    /// Close the evidence panel.
    HideEvidence,
    /// List the next page of the open cell's statements.
    ShowMoreEvidence,
    /// Open the reader on the document of this statement.
    ShowInArticle(usize),
    /// The reader has scrolled to the statement it was opened from.
    ScrolledToStatement,
    CloseReader,
    SetFilter(Filter),
    /// Set the filter's From and To dates, and the fields that show them.
    SetDateWindow {
        from: Option<String>,
        to: Option<String>,
    },
    /// Put one part of the filter back at its default (a chip's "✕").
    ClearFilterPart(FilterPart),
    ClearFilters,
    ToggleTheme,
    ShowExport(bool),
    /// Ask where to save, then export what is on screen.
    Export(Format),
    ShowSkipped(bool),
    ShowHelp(bool),
    DismissMessage,
    /// A statement's quote was copied; say so beside it.
    Copied(usize),
    /// Ask for a typed path instead of a dialog.
    TypePath(PathPurpose),
    /// Use the typed path.
    SubmitPath,
    ClosePath,
    /// Accept, reject or reset one statement.
    Review {
        statement: usize,
        act: Act,
    },
    /// Accept, reject or reset every statement of the open cell.
    ReviewCell(Act),
    /// Open the coding form on a statement.
    Recode(usize),
    /// Open the coding form for a new statement on the sentence at byte
    /// `at` of document `doc`.
    AddAt {
        doc: usize,
        at: usize,
    },
    SaveForm,
    CloseForm,
    Undo,
    Redo,
    /// Focus the next unreviewed statement, weakest grade first (N).
    NextToReview,
    /// The statement the review keys act on.
    Focus(usize),
    ShowLexicon(bool),
    /// Ask for a lexicon file with the file dialog, then use it.
    PickLexicon,
    /// Use this lexicon file, watch it, and analyse the open folder again with it.
    OpenLexicon(PathBuf),
    /// Show the statements table, of one party or issue when given.
    ShowTable {
        actor: Option<usize>,
        issue: Option<usize>,
    },
    HideTable,
    /// Sort the table by this column (again: reversed).
    SortTable(SortColumn),
    /// Select the row of this statement.
    SelectRow(usize),
    /// Move the table's selection by rows (Up/Down).
    MoveRowSelection(isize),
    /// Show the parties-against-each-other view instead of the matrix (G).
    ShowAgreement(bool),
    /// List the issues behind this pair of parties in the agreement view.
    PickPair(usize, usize),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// The article being read: its document, the statement it was opened from,
/// and whether the view still has to scroll to that statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub doc: usize,
    pub statement: usize,
    pub scroll_pending: bool,
}

/// What a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    OpenFolder,
    Export(Format),
    Lexicon,
}

/// The path being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathEntry {
    pub purpose: PathPurpose,
    pub text: String,
    /// Why the window asks (the dialog that could not be shown), if it does.
    pub note: Option<String>,
}

pub struct AppState {
    pub prefs: Prefs,
    pub lexicon: Arc<Lexicon>,
    /// The file `lexicon` came from (none: the built-in one), watched for changes.
    pub lexicon_watch: Option<LexiconWatch>,
    /// Why the last lexicon read failed; `lexicon` stays the one before.
    pub lexicon_error: Option<String>,
    pub show_lexicon: bool,
    pub lexicon_pick: Option<Task<Picked>>,
    pub analysis: Option<Arc<Analysis>>,
    /// The matrix of `analysis` under `prefs.filter`.
    pub matrix: Matrix,
    /// The first and last day of the analysed articles' dates.
    pub date_span: Option<RangeInclusive<i64>>,
    /// The keyboard/mouse selection (actor, issue).
    pub selection: Option<(usize, usize)>,
    /// The cell whose statements the evidence panel lists.
    pub evidence: Option<(usize, usize)>,
    /// How many of its statements the panel shows; more on request, so that
    /// a cell of thousands costs no more per frame than a page of them.
    pub evidence_shown: usize,
    pub reader: Option<Reader>,
    pub load: Option<LoadJob>,
    pub folder_pick: Option<Task<Picked>>,
    /// The statement whose quote was copied last, for the "copied" note.
    pub copied: Option<usize>,
    /// A path being typed where a dialog would open.
    pub path_entry: Option<PathEntry>,
    pub export: ExportDialog,
    pub filter_form: FilterForm,
    pub message: Option<Message>,
    pub show_skipped: bool,
    pub show_help: bool,
    pub reviews: Reviews,
    pub table: StatementsTable,
    pub agreement: AgreementView,
    /// How long the last load took, from request to analysis.
    pub load_time: Option<Duration>,
    /// What the last load read; lent to the next load job (`None` meanwhile).
    cache: Option<Cache>,
    /// The open folder watched for changes, and their analysis.
    pub watching: Watching,
    dialogs: Arc<dyn FileDialogs>,
    pub(super) waker: Waker,
    queue: Vec<Command>,
}

impl AppState {
    pub fn new(prefs: Prefs, dialogs: Arc<dyn FileDialogs>) -> AppState {
        AppState {
            filter_form: FilterForm::from_filter(&prefs.filter),
            prefs,
            lexicon: Arc::new(Lexicon::builtin()),
            lexicon_watch: None,
            lexicon_error: None,
            show_lexicon: false,
            lexicon_pick: None,
            analysis: None,
            matrix: Matrix::default(),
            date_span: None,
            selection: None,
            evidence: None,
            evidence_shown: EVIDENCE_PAGE,
            reader: None,
            load: None,
            folder_pick: None,
            path_entry: None,
            copied: None,
            export: ExportDialog::default(),
            message: None,
            show_skipped: false,
            show_help: false,
            reviews: Reviews::default(),
            table: StatementsTable::default(),
            agreement: AgreementView::default(),
            load_time: None,
            cache: None,
            watching: Watching::default(),
            dialogs,
            waker: Waker::default(),
            queue: Vec::new(),
        }
    }

    /// Let background jobs wake the UI of `ctx`.
    pub fn set_waker(&mut self, ctx: &egui::Context) {
        self.waker = Waker::new(ctx);
    }

    /// Queue a command for the end of the frame, after every view has drawn.
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Apply the commands the views queued this frame; true if there were any
    /// (the next frame then shows their effect).
    pub fn apply_queued(&mut self) -> bool {
        let queue = std::mem::take(&mut self.queue);
        let any = !queue.is_empty();
        for command in queue {
            self.apply(command);
        }
        any
    }

    /// The folder on screen, or being loaded.
    pub fn folder(&self) -> Option<PathBuf> {
        self.analysis.as_ref().map(|a| a.root.clone())
    }

    pub fn is_busy(&self) -> bool {
        self.load.is_some()
            || self.folder_pick.is_some()
            || self.lexicon_pick.is_some()
            || self.export.is_busy()
            || self.watching.job.is_some()
    }

    pub fn apply(&mut self, command: Command) {
        match command {
            Command::PickFolder => {
                let dialogs = self.dialogs.clone();
                let start = self.folder();
                self.folder_pick = Some(Task::spawn(&self.waker, move || {
                    dialogs.pick_folder(start.as_deref())
                }));
            }
            Command::Open(folder) => self.start_load(LoadRequest::Folder(folder)),
            Command::OpenDropped(paths) if !paths.is_empty() => {
                self.start_load(LoadRequest::Dropped(paths))
            }
            Command::OpenDropped(_) => {}
            Command::Reload => {
                if let Some(folder) = self.folder().or_else(|| self.prefs.last_folder.clone()) {
                    self.start_load(LoadRequest::Folder(folder));
                }
            }
            Command::CancelLoad => {
                if let Some(job) = self.load.take() {
                    job.cancel();
                    self.message = Some(Message {
                        text: "Loading cancelled.".into(),
                        is_error: false,
                    });
                }
            }
            Command::OpenCell { actor, issue } => {
                if actor < self.matrix.actors && issue < self.matrix.issues {
                    self.selection = Some((actor, issue));
                    self.evidence = Some((actor, issue));
                    self.evidence_shown = EVIDENCE_PAGE;
                    self.copied = None;
                    self.reader = None;
                    self.reviews.walked = None;
                    self.reviews.focus = self.analysis.as_ref().and_then(|a| {
                        let cell = &self.matrix.cell(actor, issue).distinct;
                        super::evidence::newest_first(a, cell).first().copied()
                    });
                }
            }
            Command::MoveSelection { rows, columns } => self.move_selection(rows, columns),
            Command::HideEvidence => self.evidence = None,
            Command::ShowMoreEvidence => self.evidence_shown += EVIDENCE_PAGE,
            Command::OpenSelection => {
                if let Some((actor, issue)) = self.selection {
                    self.apply(Command::OpenCell { actor, issue });
                }
            }
            Command::ShowInArticle(statement) => {
                if let Some(s) = self
                    .analysis
                    .as_ref()
                    .and_then(|a| a.statements.get(statement))
                {
                    self.reader = Some(Reader {
                        doc: s.doc,
                        statement,
                        scroll_pending: true,
                    });
                }
            }
            Command::ScrolledToStatement => {
                if let Some(reader) = &mut self.reader {
                    reader.scroll_pending = false;
                }
            }
            Command::CloseReader => self.reader = None,
            Command::SetFilter(filter) => {
                self.prefs.filter = filter;
                self.rebuild_matrix();
            }
            Command::SetDateWindow { from, to } => {
                self.filter_form.from = from.clone().unwrap_or_default();
                self.filter_form.to = to.clone().unwrap_or_default();
                self.prefs.filter.date_from = from;
                self.prefs.filter.date_to = to;
                self.rebuild_matrix();
            }
            Command::ClearFilterPart(part) => {
                self.prefs.filter = filter_form::without(&self.prefs.filter, part);
                // The typed dates feed the filter every frame: clear them too.
                match part {
                    FilterPart::From => self.filter_form.from.clear(),
                    FilterPart::To => self.filter_form.to.clear(),
                    _ => {}
                }
                self.rebuild_matrix();
            }
            Command::ClearFilters => {
                self.prefs.filter = Filter::default();
                self.filter_form = FilterForm::from_filter(&self.prefs.filter);
                self.rebuild_matrix();
            }
            Command::ToggleTheme => self.prefs.theme = self.prefs.theme.toggled(),
            Command::ShowExport(open) => self.export.open = open && self.analysis.is_some(),
            Command::Export(format) => self.start_export(format, None),
            Command::ShowSkipped(show) => self.show_skipped = show,
            Command::ShowHelp(show) => self.show_help = show,
            Command::DismissMessage => self.message = None,
            Command::Copied(statement) => self.copied = Some(statement),
            Command::TypePath(purpose) => self.ask_for_path(purpose, None),
            Command::SubmitPath => {
                if let Some(entry) = self.path_entry.take() {
                    let path = PathBuf::from(entry.text.trim());
                    match entry.purpose {
                        PathPurpose::OpenFolder => self.apply(Command::Open(path)),
                        PathPurpose::Export(format) => self.start_export(format, Some(path)),
                        PathPurpose::Lexicon => self.apply(Command::OpenLexicon(path)),
                    }
                }
            }
            Command::ClosePath => self.path_entry = None,
            Command::Review { statement, act } => self.act(statement, act),
            Command::ReviewCell(act) => self.act_on_cell(act),
            Command::Recode(statement) => self.start_recode(statement),
            Command::AddAt { doc, at } => self.start_add(doc, at),
            Command::SaveForm => self.save_form(),
            Command::CloseForm => self.reviews.form = None,
            Command::Undo => self.undo_review(),
            Command::Redo => self.redo_review(),
            Command::NextToReview => self.next_to_review(),
            Command::Focus(statement) => self.reviews.focus = Some(statement),
            Command::ShowLexicon(show) => self.show_lexicon = show,
            Command::PickLexicon => {
                let dialogs = self.dialogs.clone();
                let start = self
                    .lexicon_watch
                    .as_ref()
                    .and_then(|w| w.path.parent().map(PathBuf::from));
                self.lexicon_pick = Some(Task::spawn(&self.waker, move || {
                    dialogs.pick_lexicon(start.as_deref())
                }));
            }
            Command::OpenLexicon(path) => {
                self.lexicon_watch = Some(LexiconWatch::new(path));
                self.read_lexicon();
            }
            Command::ShowTable { actor, issue } => {
                if self.analysis.is_some() {
                    let fits = |i: Option<usize>, n| i.filter(|&i| i < n);
                    let (actor, issue) = (
                        fits(actor, self.matrix.actors),
                        fits(issue, self.matrix.issues),
                    );
                    self.table.show(actor, issue);
                    self.agreement.open = false;
                    self.reader = None;
                }
            }
            Command::HideTable => self.table.open = false,
            Command::SortTable(column) => self.table.sort_by(column),
            Command::SelectRow(statement) => {
                self.table.selected = Some(statement);
                // The review keys act on the selected row.
                self.reviews.focus = Some(statement);
            }
            Command::MoveRowSelection(by) => {
                let rows = self.table_rows();
                self.table.move_selection(&rows, by);
                self.reviews.focus = self.table.selected;
            }
            Command::ShowAgreement(open) => {
                self.agreement.open = open && self.analysis.is_some();
                if self.agreement.open {
                    self.table.open = false;
                    self.reader = None;
                }
            }
            Command::PickPair(a, b) => {
                let actors = self.matrix.actors;
                self.agreement.pair = (a != b && a < actors && b < actors).then_some((a, b));
            }
        }
    }

    /// Open the typed-path field for `purpose`, saying why when a dialog
    /// failed; it starts at the folder on screen, or the file an export
    /// would suggest there.
    fn ask_for_path(&mut self, purpose: PathPurpose, note: Option<String>) {
        let folder = self.folder().or_else(|| self.prefs.last_folder.clone());
        let text = match (purpose, folder) {
            (PathPurpose::OpenFolder, Some(folder)) => folder.display().to_string(),
            (PathPurpose::Export(format), Some(folder)) => folder
                .parent()
                .unwrap_or(&folder)
                .join(format.default_file_name())
                .display()
                .to_string(),
            (PathPurpose::Lexicon, _) => self
                .lexicon_watch
                .as_ref()
                .map(|w| w.path.display().to_string())
                .unwrap_or_default(),
            (_, None) => String::new(),
        };
        self.path_entry = Some(PathEntry {
            purpose,
            text,
            note,
        });
    }

    /// Take in whatever the background jobs have finished.
    pub fn poll(&mut self) {
        if let Some(job) = &mut self.load {
            match job.poll() {
                Poll::Pending => {}
                Poll::Ready(result) => {
                    let label = job.label();
                    self.load = None;
                    self.finish_load(&label, result);
                }
                Poll::Lost => {
                    self.load = None;
                    self.error("Loading stopped unexpectedly.".into());
                }
            }
        }
        if let Some(task) = &self.folder_pick {
            match task.poll() {
                Poll::Pending => {}
                Poll::Ready(picked) => {
                    self.folder_pick = None;
                    match picked {
                        Picked::Path(folder) => self.apply(Command::Open(folder)),
                        Picked::Cancelled => {}
                        Picked::Unavailable => self.ask_for_path(
                            PathPurpose::OpenFolder,
                            Some(NO_DIALOG.replace("{what}", "folder")),
                        ),
                    }
                }
                Poll::Lost => {
                    self.folder_pick = None;
                    self.error("The folder dialog could not be shown.".into());
                }
            }
        }
        if let Some(task) = &self.lexicon_pick {
            match task.poll() {
                Poll::Pending => {}
                Poll::Ready(picked) => {
                    self.lexicon_pick = None;
                    match picked {
                        Picked::Path(path) => self.apply(Command::OpenLexicon(path)),
                        Picked::Cancelled => {}
                        Picked::Unavailable => self.ask_for_path(
                            PathPurpose::Lexicon,
                            Some(NO_DIALOG.replace("{what}", "file")),
                        ),
                    }
                }
                Poll::Lost => {
                    self.lexicon_pick = None;
                    self.error("The file dialog could not be shown.".into());
                }
            }
        }
        self.poll_watch();
        if self
            .lexicon_watch
            .as_mut()
            .is_some_and(LexiconWatch::changed)
        {
            self.read_lexicon();
        }
        match self.export.poll() {
            Some(Finished::Exported(text)) => {
                self.message = Some(Message {
                    text,
                    is_error: false,
                })
            }
            Some(Finished::Failed(text)) => self.error(text),
            Some(Finished::NoDialog(format)) => self.ask_for_path(
                PathPurpose::Export(format),
                Some(NO_DIALOG.replace("{what}", "save")),
            ),
            None => {}
        }
    }

    /// Read the watched lexicon file. A good one takes over and the open
    /// folder is analysed again with it; a broken one is reported and the
    /// lexicon before stays in force, with the matrix it made. Read on the UI
    /// thread: a lexicon is a few kilobytes of word lists, compiled in
    /// milliseconds.
    fn read_lexicon(&mut self) {
        let Some(watch) = &self.lexicon_watch else {
            return;
        };
        match lexicon_watch::load(&watch.path) {
            Ok(lexicon) => {
                self.lexicon = Arc::new(lexicon);
                self.lexicon_error = None;
                self.apply(Command::Reload);
            }
            Err(text) => {
                self.error(format!("Lexicon not used (the previous one stays): {text}"));
                self.lexicon_error = Some(text);
            }
        }
    }

    fn start_load(&mut self, request: LoadRequest) {
        if let Some(previous) = self.load.take() {
            previous.cancel();
        }
        self.watching.supersede();
        self.message = None;
        // While a cancelled job still runs it keeps its cache; this one starts afresh.
        let cache = self.cache.take().unwrap_or_default();
        self.load = Some(LoadJob::start(
            request,
            self.lexicon.clone(),
            cache,
            &self.waker,
        ));
    }

    fn finish_load(&mut self, label: &str, result: Result<Loaded, CorpusError>) {
        match result {
            Ok(loaded) => {
                self.prefs.remember(&loaded.analysis.root);
                self.prefs.filter.documents = loaded.only;
                self.filter_form = FilterForm::from_filter(&self.prefs.filter);
                self.load_time = Some(loaded.elapsed);
                self.cache = Some(loaded.cache);
                let root = loaded.analysis.root.clone();
                self.show(loaded.analysis);
                self.watch_folder(&root);
            }
            // The user asked for this; the previous folder stays on screen.
            Err(CorpusError::Cancelled) => {}
            Err(e) => self.error(format!("Could not open {label}: {e}")),
        }
    }

    /// Put `analysis` on screen under the current filters. A new folder
    /// starts with nothing selected; the same folder again (a reload) keeps
    /// the selected cell and its open statements.
    pub fn show(&mut self, mut analysis: Analysis) {
        self.load_reviews(&mut analysis);
        let same_folder = self.folder().as_ref() == Some(&analysis.root);
        self.date_span = crate::days::date_span(&analysis.documents);
        self.analysis = Some(Arc::new(analysis));
        self.reader = None;
        self.rebuild_matrix();
        let fits = |cell: Option<(usize, usize)>| {
            cell.filter(|(a, i)| same_folder && *a < self.matrix.actors && *i < self.matrix.issues)
        };
        self.selection = fits(self.selection);
        self.evidence = fits(self.evidence);
    }

    pub(super) fn error(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    pub(super) fn rebuild_matrix(&mut self) {
        self.matrix = match &self.analysis {
            Some(analysis) => Matrix::build(analysis, &self.prefs.filter),
            None => Matrix::default(),
        };
    }

    fn move_selection(&mut self, rows: isize, columns: isize) {
        let (actors, issues) = (self.matrix.actors, self.matrix.issues);
        if actors == 0 || issues == 0 {
            return;
        }
        let (actor, issue) = match self.selection {
            None => (0, 0),
            Some((a, i)) => (
                a.saturating_add_signed(rows).min(actors - 1),
                i.saturating_add_signed(columns).min(issues - 1),
            ),
        };
        self.selection = Some((actor, issue));
    }

    /// Export what is on screen to `target`, or where the save dialog says.
    fn start_export(&mut self, format: Format, target: Option<PathBuf>) {
        let Some(analysis) = self.analysis.clone() else {
            return;
        };
        self.export.open = false;
        self.export.format = format;
        self.export.start(
            export_job::Job {
                format,
                analysis,
                matrix: self.matrix.clone(),
                dialogs: self.dialogs.clone(),
                target,
            },
            &self.waker,
        );
    }
}
