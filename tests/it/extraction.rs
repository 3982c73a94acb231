//! Extraction: a sentence in, the statements a reader would code out.

use stancegrid::{CueKind, Document, Lexicon, Span, Stance, extract};

/// (actor, issue, stance, speaker) of every statement in `text`.
fn code(text: &str) -> Vec<(String, String, Stance, String)> {
    let lexicon = Lexicon::builtin();
    let doc = Document {
        file: "t.txt".into(),
        path: "t.txt".into(),
        title: String::new(),
        date: None,
        source: String::new(),
        content: vec![Span::new(0, text.len())],
        text: text.to_string(),
    };
    extract::statements(0, &doc, &lexicon)
        .into_iter()
        .map(|s| {
            (
                lexicon.actors()[s.actor].id.clone(),
                lexicon.issues()[s.issue].id.clone(),
                s.stance,
                s.speaker.of(text).to_string(),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, Stance, String) {
    let got = code(text);
    assert_eq!(
        got.len(),
        1,
        "expected one statement in {text:?}, got {got:?}"
    );
    got.into_iter().next().unwrap()
}

#[test]
fn a_direct_quote_with_the_verb_after_belongs_to_the_speaker() {
    let (actor, issue, stance, speaker) =
        one("“We need strong security guarantees before anything else,” Rutte said on Monday.");
    assert_eq!(
        (actor.as_str(), issue.as_str()),
        ("nato", "security_guarantees")
    );
    assert_eq!(stance, Stance::Support);
    assert_eq!(speaker, "Rutte");
}

#[test]
fn a_direct_quote_with_the_verb_before_belongs_to_the_speaker() {
    let got = one("Said Peskov: “Any deployment of foreign troops is unacceptable.”");
    assert_eq!(got.0, "russia");
    assert_eq!(got.1, "foreign_troops");
    assert_eq!(got.2, Stance::Oppose);
}

#[test]
fn reported_speech_with_negation_opposes() {
    let got = one("Hegseth said the United States will not send troops to Ukraine.");
    assert_eq!(
        (got.0.as_str(), got.1.as_str(), got.2),
        ("united_states", "foreign_troops", Stance::Oppose)
    );
}

#[test]
fn a_party_can_speak_for_itself() {
    let got = one("The Kremlin ruled out any ceasefire along the current lines.");
    assert_eq!(
        (got.0.as_str(), got.1.as_str(), got.2),
        ("russia", "ceasefire", Stance::Oppose)
    );
    assert_eq!(got.3, "The Kremlin");
}

#[test]
fn a_demand_belongs_to_the_party_that_makes_it() {
    // Russia demanding a smaller Ukrainian army is Russia supporting a cap.
    let got = one("Moscow has demanded that Kyiv cut the size of its armed forces.");
    assert_eq!(
        (got.0.as_str(), got.1.as_str(), got.2),
        ("russia", "army_size", Stance::Support)
    );
}

#[test]
fn conditions_make_a_statement_conditional() {
    let got = one("Moscow will only agree to a truce if the offensive pauses first.");
    assert_eq!(
        (got.0.as_str(), got.1.as_str(), got.2),
        ("russia", "ceasefire", Stance::Conditional)
    );
}

#[test]
fn a_pronoun_carries_the_last_named_speaker() {
    let got = code(
        "Sybiha met his counterparts in Brussels on Tuesday.\n\
         He said Kyiv would never accept territorial concessions.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "ukraine");
    assert_eq!(got[0].1, "territory");
    assert_eq!(got[0].2, Stance::Oppose);
    assert_eq!(got[0].3, "Sybiha");
}

#[test]
fn analysts_do_not_speak_for_a_party() {
    assert!(code("A military analyst said Russia would reject any peacekeepers.").is_empty());
    assert!(
        code("Olena Petrenko, a professor of law, argues that Kyiv must join NATO.").is_empty()
    );
}

#[test]
fn a_party_described_by_another_is_not_its_statement() {
    assert!(code("Zelensky said Moscow wants a ceasefire only on its terms.").is_empty());
}

#[test]
fn mentions_without_a_stance_are_not_statements() {
    assert!(code("Talks in Geneva focused on security guarantees.").is_empty());
}

#[test]
fn one_sentence_can_hold_several_statements() {
    let got = code(
        "Kyiv is willing to give up its bid to join NATO in exchange for security guarantees.",
    );
    let mut pairs: Vec<(String, Stance)> = got.into_iter().map(|g| (g.1, g.2)).collect();
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("nato_membership".to_string(), Stance::Oppose),
            ("security_guarantees".to_string(), Stance::Support)
        ]
    );
}

#[test]
fn coordinated_subjects_each_get_a_statement() {
    let got = code("US and European officials pledged security guarantees for Kyiv.");
    let mut actors: Vec<String> = got.into_iter().map(|g| g.0).collect();
    actors.sort();
    assert_eq!(actors, ["europe", "united_states"]);
}

#[test]
fn spans_and_cues_point_into_the_document() {
    let text = "The Kremlin rejected the deployment of NATO troops, Peskov said.";
    let lexicon = Lexicon::builtin();
    let doc = Document {
        file: "t.txt".into(),
        path: "t.txt".into(),
        title: String::new(),
        date: None,
        source: String::new(),
        content: vec![Span::new(0, text.len())],
        text: text.to_string(),
    };
    let statements = extract::statements(0, &doc, &lexicon);
    assert_eq!(statements.len(), 1);
    let s = &statements[0];
    assert_eq!(s.sentence.of(text), text);
    assert_eq!(s.speaker.of(text), "Peskov");
    let cue = |kind: CueKind| -> Vec<&str> {
        s.cues
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.span.of(text))
            .collect()
    };
    assert_eq!(cue(CueKind::Actor), ["Peskov"]);
    assert!(cue(CueKind::Issue)[0].contains("NATO"), "{:?}", s.cues);
    assert_eq!(cue(CueKind::Stance), ["rejected"]);
}
