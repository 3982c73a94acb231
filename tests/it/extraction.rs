//! Extraction: a sentence in, the statements a reader would code out.

use std::sync::LazyLock;

use stancegrid::{CueKind, Document, Lexicon, Stance, extract};

/// The built-in lexicon, compiled once for all tests.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// (actor, issue, stance, speaker) of every statement in `text`.
fn code(text: &str) -> Vec<(String, String, Stance, String)> {
    let lexicon = &*LEXICON;
    let doc = Document::from_text("t.txt", text);
    extract::statements(0, &doc, lexicon)
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

/// (actor, issue, stance) of coded statements, for comparing with literals.
fn triples(got: &[(String, String, Stance, String)]) -> Vec<(&str, &str, Stance)> {
    got.iter()
        .map(|g| (g.0.as_str(), g.1.as_str(), g.2))
        .collect()
}

/// Assert that `text` holds exactly one statement, `(actor, issue, stance)`;
/// returns its speaker as written.
fn one(text: &str, expected: (&str, &str, Stance)) -> String {
    let got = code(text);
    assert_eq!(
        got.len(),
        1,
        "expected one statement in {text:?}, got {got:?}"
    );
    let (actor, issue, stance, speaker) = got.into_iter().next().unwrap();
    assert_eq!((actor.as_str(), issue.as_str(), stance), expected, "{text}");
    speaker
}

#[test]
fn a_direct_quote_with_the_verb_after_belongs_to_the_speaker() {
    let speaker = one(
        "“We need strong security guarantees before anything else,” Rutte said on Monday.",
        ("nato", "security_guarantees", Stance::Support),
    );
    assert_eq!(speaker, "Rutte");
}

#[test]
fn a_direct_quote_with_the_verb_before_belongs_to_the_speaker() {
    one(
        "Said Peskov: “Any deployment of foreign troops is unacceptable.”",
        ("russia", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn reported_speech_with_negation_opposes() {
    one(
        "Hegseth said the United States will not send troops to Ukraine.",
        ("united_states", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn a_party_can_speak_for_itself() {
    let speaker = one(
        "The Kremlin ruled out any ceasefire along the current lines.",
        ("russia", "ceasefire", Stance::Oppose),
    );
    assert_eq!(speaker, "The Kremlin");
}

#[test]
fn a_demand_belongs_to_the_party_that_makes_it() {
    // Russia demanding a smaller Ukrainian army is Russia supporting a cap.
    one(
        "Moscow has demanded that Kyiv cut the size of its armed forces.",
        ("russia", "army_size", Stance::Support),
    );
}

#[test]
fn conditions_make_a_statement_conditional() {
    one(
        "Moscow will only agree to a truce if the offensive pauses first.",
        ("russia", "ceasefire", Stance::Conditional),
    );
}

#[test]
fn a_condition_demanded_is_supported() {
    let got = code("Moscow will only agree to a ceasefire if Kyiv withdraws from Donetsk.");
    let mut coded: Vec<(&str, Stance)> = got.iter().map(|g| (g.1.as_str(), g.2)).collect();
    coded.sort();
    assert_eq!(
        coded,
        [
            ("ceasefire", Stance::Conditional),
            ("territory", Stance::Support)
        ]
    );
}

#[test]
fn a_request_named_by_another_party_is_its_holders_position() {
    let got = code("Merz rejected Zelensky's request to join the EU.");
    let mut coded = triples(&got);
    coded.sort();
    assert_eq!(
        coded,
        [
            ("europe", "eu_accession", Stance::Oppose),
            ("ukraine", "eu_accession", Stance::Support)
        ]
    );
}

#[test]
fn bullets_carry_the_speaker_of_their_list() {
    let got = code(
        "European leaders issued a joint statement with these commitments:\n\
         \u{2022} A multinational force to support Ukraine's army.\n\
         \u{2022} Support for Ukraine's accession to the EU.\n\
         Analysts were unconvinced by the ceasefire plan.",
    );
    let coded: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        coded,
        [("europe", "foreign_troops"), ("europe", "eu_accession")]
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
    for text in [
        "US and European officials pledged security guarantees for Kyiv.",
        "Washington and its European allies pledged security guarantees for Kyiv.",
    ] {
        let got = code(text);
        let mut actors: Vec<String> = got.into_iter().map(|g| g.0).collect();
        actors.sort();
        assert_eq!(actors, ["europe", "united_states"], "{text}");
    }
}

#[test]
fn a_verb_between_a_party_and_a_troop_word_parts_the_phrase() {
    one(
        "NATO opposes foreign troops in Ukraine.",
        ("nato", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn spans_and_cues_point_into_the_document() {
    let text = "The Kremlin rejected the deployment of NATO troops, Peskov said.";
    let lexicon = &*LEXICON;
    let doc = Document::from_text("t.txt", text);
    let statements = extract::statements(0, &doc, lexicon);
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

#[test]
fn a_caption_under_a_quote_is_not_a_statement() {
    assert!(code("Rutte on the security guarantees").is_empty());
}

#[test]
fn a_draft_that_reads_a_quotation_speaks_through_it() {
    let got = code(
        "The European draft differs from the earlier text. \
         It reads: “Negotiations on territorial swaps will start only if the fighting stops.”",
    );
    assert!(
        got.iter().any(|g| g.0 == "europe" && g.1 == "territory"),
        "{got:?}"
    );
}

#[test]
fn a_red_line_for_a_party_is_its_refusal_of_what_follows() {
    let speaker = one(
        "Another red line for Moscow is the deployment of NATO troops.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
    assert_eq!(speaker, "Moscow");
}

#[test]
fn the_addressee_of_a_speech_verb_is_not_the_subject_of_what_is_said() {
    one(
        "Zelensky told reporters that the security guarantees must be signed this month.",
        ("ukraine", "security_guarantees", Stance::Support),
    );
    one(
        "Vance declared before NATO that ceding Crimea is unacceptable.",
        ("united_states", "territory", Stance::Oppose),
    );
}

#[test]
fn a_term_only_talked_about_is_not_a_stance() {
    assert!(
        code("Zelensky said he held long talks with the Americans regarding security guarantees.")
            .is_empty()
    );
    assert!(code("Rubio said he was asked about a ceasefire.").is_empty());
}

#[test]
fn a_plan_speaks_for_its_party_about_what_others_will_do() {
    one(
        "The US plan says that Ukraine will not join NATO.",
        ("united_states", "nato_membership", Stance::Oppose),
    );
    // A party reporting another's wishes is nobody's first-hand position…
    assert!(code("Washington said Ukraine still wants to join NATO.").is_empty());
    // …but what it says of the proposition itself is its own view.
    one(
        "Washington said Ukraine will not join NATO.",
        ("united_states", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn a_coordinated_verb_shares_the_subject_of_the_main_clause() {
    let got = code(
        "The Russian draft bars any NATO presence, and stipulates that Ukraine will never join NATO.",
    );
    let membership: Vec<_> = got.iter().filter(|g| g.1 == "nato_membership").collect();
    assert_eq!(membership.len(), 1, "{got:?}");
    assert_eq!(membership[0].0, "russia");
    assert_eq!(membership[0].2, Stance::Oppose);
}

#[test]
fn a_sentence_opening_with_a_preposition_has_no_subject_there() {
    // "In Washington" is where, not who: the speaker is Zelensky.
    one(
        "In Washington, Zelensky welcomed a plan to offer security guarantees.",
        ("ukraine", "security_guarantees", Stance::Support),
    );
}

#[test]
fn backing_a_partial_acceptance_is_conditional() {
    // A higher cap than the one demanded accepts a cap only in part.
    one(
        "The European counterproposal caps Ukraine's army at 800,000 troops.",
        ("europe", "army_size", Stance::Conditional),
    );
    // Keeping the current line is neither ceding more nor taking it back.
    one(
        "Putin said Moscow would accept the line of contact as the border.",
        ("russia", "territory", Stance::Conditional),
    );
    // Rejecting it stays a refusal.
    one(
        "Zelensky rejected a freeze along the line of contact.",
        ("ukraine", "territory", Stance::Oppose),
    );
}

#[test]
fn a_negation_of_talking_about_a_term_is_not_a_refusal_of_it() {
    assert!(
        code(
            "Zelensky said that he did not fully understand how the security guarantees would work."
        )
        .is_empty()
    );
    // What follows a term that is only talked about does not decide it.
    assert!(
        code("Zelensky announced that news regarding security guarantees would be unveiled soon.")
            .is_empty()
    );
}

#[test]
fn an_open_question_denies_nothing() {
    one(
        "Rubio said the only question is whether they want a ceasefire or not.",
        ("united_states", "ceasefire", Stance::Support),
    );
    assert!(code("Are they going to stop fighting or not").is_empty());
}

#[test]
fn a_place_in_the_name_of_a_treaty_does_not_speak() {
    // "Washington" in "the Washington Treaty" is not the United States.
    let got = code(
        "Rutte said the alliance has no consensus on NATO membership, \
         but emphasized the Washington Treaty, which keeps the door open.",
    );
    assert!(got.iter().all(|g| g.0 == "nato"), "{got:?}");
    assert!(!got.is_empty());
    assert!(code("The Budapest Memorandum failed to provide real security guarantees.").is_empty());
}

#[test]
fn in_his_view_gives_the_sentence_to_the_last_speaker() {
    let got = code(
        "Oleh Petrenko, an analyst at a Kyiv think tank, was sceptical. \
         In his opinion, Trump's team may not take the security guarantees seriously.",
    );
    assert!(got.is_empty(), "{got:?}");
    let got = code(
        "Peskov spoke to reporters on Monday. \
         In his view, the deployment of foreign troops is unacceptable.",
    );
    assert_eq!(
        got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
        [("russia", Stance::Oppose)]
    );
}

#[test]
fn background_history_is_not_a_current_position() {
    let text = "In 2019, Ukraine amended its constitution to commit to NATO membership. \
                In December 2025, Zelensky said Ukraine still wants NATO membership.";
    let got = code(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "ukraine");
}

#[test]
fn a_pull_quote_belongs_to_the_speaker_in_the_caption_under_it() {
    let got = code(
        "Key quotes\n\
         “Any deployment of Western troops in Ukraine is unacceptable to us.”\n\
         Peskov on the coalition's plans\n\
         “Security guarantees must be legally binding.”\n\
         Zelensky speaking in Kyiv\n",
    );
    let coded = triples(&got);
    assert_eq!(
        coded,
        [
            ("russia", "foreign_troops", Stance::Oppose),
            ("ukraine", "security_guarantees", Stance::Support)
        ]
    );
    // Without a caption, a bare quotation is nobody's.
    assert!(code("“Security guarantees must be legally binding.”\nMore news\n").is_empty());
}

#[test]
fn a_document_right_after_the_term_holds_it() {
    let got = code(
        "The European counterproposal sets the ceiling at 800,000 troops, against 600,000 in the Russian proposal.",
    );
    assert!(
        got.iter()
            .any(|g| g.0 == "russia" && g.1 == "army_size" && g.2 == Stance::Support),
        "{got:?}"
    );
}

#[test]
fn a_list_after_a_named_document_is_the_documents_and_each_item_keeps_its_cue() {
    let got = code(
        "Peskov welcomed the Russian memorandum. Those included a 600,000 cap on the army, \
         a bar on Ukraine's NATO membership, and handing the Donbas to Russia.",
    );
    let coded = triples(&got);
    assert_eq!(
        coded,
        [
            ("russia", "army_size", Stance::Support),
            ("russia", "nato_membership", Stance::Oppose),
            ("russia", "territory", Stance::Support),
        ]
    );
}

#[test]
fn a_demonstrative_speaks_only_as_a_subject() {
    // "those provisions" is the object of "removes": the speaker of "saying"
    // is the European draft, not the plan named before.
    let got = code(
        "The US plan bars Ukraine from NATO membership. The European counterproposal drops those \
         clauses, stating that Ukraine's NATO membership requires consensus.",
    );
    let second: Vec<_> = got.iter().skip(1).map(|g| g.0.as_str()).collect();
    assert_eq!(second, ["europe"], "{got:?}");
}

#[test]
fn it_refers_to_the_plan_that_spoke_before_a_plan_only_named() {
    let got = code(
        "The European counterproposal sets the ceiling at 800,000 troops, against 600,000 in the US proposal. \
         It leaves open the possibility of Ukraine joining NATO.",
    );
    assert!(
        got.iter()
            .any(|g| g.0 == "europe" && g.1 == "nato_membership" && g.2 == Stance::Conditional),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|g| g.0 == "united_states" && g.1 == "nato_membership")
    );
}

#[test]
fn a_section_label_is_not_a_stance() {
    one(
        "On NATO enlargement: the Russian draft stipulates that Ukraine will never join NATO.",
        ("russia", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn words_inside_a_party_name_are_not_cues() {
    // "States" in "the United States" is not a speech verb.
    assert!(
        code(
            "Domestic politics in Europe and the United States could affect security commitments."
        )
        .is_empty()
    );
}

#[test]
fn a_post_ceasefire_plan_is_not_about_the_ceasefire() {
    let got = code("The coalition of the willing set out a post-ceasefire security framework.");
    assert!(got.iter().all(|g| g.1 != "ceasefire"), "{got:?}");
    // Timing is part of an offer, not a stance on the ceasefire; a
    // condition still is one.
    let got = code("Starmer said Britain will send troops after a ceasefire.");
    let issues: Vec<_> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(issues, ["foreign_troops"], "{got:?}");
    let got = code("Peskov said Russia would talk about troops only after a ceasefire.");
    assert!(got.iter().any(|g| g.1 == "ceasefire"), "{got:?}");
}

#[test]
fn a_refusal_bound_to_a_time_is_conditional() {
    one(
        "“EU membership for Ukraine by 2028 is impossible,” Merz said.",
        ("europe", "eu_accession", Stance::Conditional),
    );
    one(
        "Rutte ruled out NATO membership for Ukraine anytime soon.",
        ("nato", "nato_membership", Stance::Conditional),
    );
    one(
        "Rutte ruled out NATO membership for Ukraine.",
        ("nato", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn a_wish_inside_a_condition_is_its_premise() {
    one(
        "“If they wish to join the EU, they have to fulfil the criteria,” Merz said.",
        ("europe", "eu_accession", Stance::Conditional),
    );
    // A demand inside a condition is still demanded.
    let got = code("Moscow will only agree to a ceasefire if Kyiv withdraws from Donetsk.");
    assert!(
        got.iter()
            .any(|g| g.1 == "territory" && g.2 == Stance::Support),
        "{got:?}"
    );
}

#[test]
fn requiring_consensus_is_a_condition() {
    one(
        "Rutte said that NATO membership for Ukraine requires the consensus of all allies.",
        ("nato", "nato_membership", Stance::Conditional),
    );
}

#[test]
fn a_negation_in_a_clause_with_its_own_subject_does_not_deny_the_term() {
    one(
        "Washington pressed Kyiv to withdraw from Donetsk areas Russia didn't occupy.",
        ("united_states", "territory", Stance::Support),
    );
}

#[test]
fn dismissing_the_full_reversal_accepts_the_proposition_in_part() {
    one(
        "Hegseth said a return to the pre-war borders is unrealistic.",
        ("united_states", "territory", Stance::Conditional),
    );
    one(
        "Zelensky said Ukraine will fight to regain its territory.",
        ("ukraine", "territory", Stance::Oppose),
    );
}

#[test]
fn a_stance_on_this_takes_the_issue_of_the_sentence_before() {
    let got =
        code("Sybiha said ceding Crimea was unacceptable. “We will not accept that,” he added.");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        (got[1].0.as_str(), got[1].1.as_str(), got[1].2),
        ("ukraine", "territory", Stance::Oppose)
    );
    let got = code("Peskov said foreign troops are a red line. Moscow rejects such a plan.");
    assert!(
        got.iter().filter(|g| g.1 == "foreign_troops").count() == 2,
        "{got:?}"
    );
    let got = code(
        "Putin said he agrees with Trump about Ukraine's security. \
         He expressed readiness to work on this matter.",
    );
    let coded = triples(&got);
    assert_eq!(
        coded,
        [
            ("russia", "security_guarantees", Stance::Support),
            ("russia", "security_guarantees", Stance::Support)
        ]
    );
    // A pronoun no stance verb governs is a passing mention.
    let got = code("Peskov said foreign troops are a red line. This was repeated on Monday.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn what_frames_the_point_is_not_a_stance() {
    let got = code(
        "Hegseth said there will be no U.S. troops in Ukraine as part of any security guarantee.",
    );
    let issues: Vec<_> = got.iter().map(|g| (g.1.as_str(), g.2)).collect();
    assert_eq!(issues, [("foreign_troops", Stance::Oppose)], "{got:?}");
}

#[test]
fn a_fronted_subordinate_clause_lends_no_cue_to_the_main_one() {
    // "sought" belongs to the talks, not to the nations' security pact.
    let got = code(
        "As new talks are sought, European nations have suggested a security pact for Ukraine.",
    );
    assert!(got.iter().all(|g| g.3 == "European nations"), "{got:?}");
    let got = code("As new talks are sought, European nations discussed a security pact.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn one_conditional_term_makes_the_sentence_conditional() {
    one(
        "The Russian draft says Kherson and Zaporizhzhia stay split along the current front line.",
        ("russia", "territory", Stance::Conditional),
    );
}

#[test]
fn a_verb_after_but_shares_the_subject_of_the_main_clause() {
    // "emphasized" is Rutte's, not Ukraine's, though "Ukraine's" is nearer.
    let got = code(
        "Rutte said allies disagree on Ukraine's accession, but emphasized that the door \
         to membership in the alliance stays open.",
    );
    assert!(!got.is_empty());
    assert!(got.iter().all(|g| g.0 == "nato"), "{got:?}");
}

#[test]
fn a_participle_after_a_comma_is_the_main_subjects() {
    let got = code(
        "Merz rejected Zelensky's request to join the European Union (EU) by 2028, \
         saying that Kyiv still had reforms to finish.",
    );
    let coded: Vec<_> = got
        .iter()
        .map(|g| (g.0.as_str(), g.2, g.3.as_str()))
        .collect();
    assert_eq!(
        coded,
        [
            ("europe", Stance::Conditional, "Merz"),
            ("ukraine", Stance::Support, "Zelensky")
        ],
        "{got:?}"
    );
}

#[test]
fn a_single_quoted_quotation_belongs_to_its_speaker() {
    // British style: the party named inside the quote is not its speaker.
    let speaker = one(
        "‘Moscow must accept a ceasefire now,’ Starmer said.",
        ("europe", "ceasefire", Stance::Support),
    );
    assert_eq!(speaker, "Starmer");
}

#[test]
fn what_another_party_must_do_is_the_speakers_demand() {
    one(
        "Zelenskyy said the EU must open accession talks this year.",
        ("ukraine", "eu_accession", Stance::Support),
    );
    // What another party wants is still only reported.
    assert!(code("Zelenskyy said the EU wants to open accession talks.").is_empty());
}

#[test]
fn a_negated_support_verb_refuses_what_it_governs() {
    one(
        "A senior Ukrainian official said Kyiv would not agree to any cap on the size of its army.",
        ("ukraine", "army_size", Stance::Oppose),
    );
}

#[test]
fn a_demand_verb_makes_the_clause_its_demand() {
    one(
        "Moscow insists that Ukraine abandon its bid to join NATO.",
        ("russia", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn a_cue_that_starts_near_the_term_counts_to_its_end() {
    one(
        "Rutte said NATO membership for Ukraine was not on the table.",
        ("nato", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn a_referendum_is_a_condition() {
    one(
        "Zelensky said Ukraine would hold a referendum on any territorial concessions.",
        ("ukraine", "territory", Stance::Conditional),
    );
}

#[test]
fn according_to_an_unknown_draft_is_nobodys_position() {
    assert!(code("According to the draft, Ukraine's army would be capped at 600,000.").is_empty());
}

#[test]
fn a_conjunct_shares_the_head_verb_not_its_neighbours_cue() {
    let got = code("Russia wants Ukraine to renounce its NATO ambitions and cede the Donbas.");
    let coded: Vec<_> = got.iter().map(|g| (g.1.as_str(), g.2)).collect();
    assert_eq!(
        coded,
        [
            ("nato_membership", Stance::Oppose),
            ("territory", Stance::Support)
        ]
    );
}

#[test]
fn once_a_ceasefire_dates_an_offer() {
    let got = code("European leaders pledged a reassurance force once a ceasefire is in place.");
    assert!(got.iter().all(|g| g.1 != "ceasefire"), "{got:?}");
    assert!(!got.is_empty());
}

#[test]
fn a_quotation_left_open_continues_in_the_next_paragraph() {
    let got = code(
        "Zelensky said: “We will not withdraw from the Donbas.\n\
         “Security guarantees must come first.”\n\
         “A ceasefire is needed.”\n",
    );
    let coded = triples(&got);
    // The third quotation opens and closes on its own: nobody's.
    assert_eq!(
        coded,
        [
            ("ukraine", "territory", Stance::Oppose),
            ("ukraine", "security_guarantees", Stance::Support)
        ]
    );
}

#[test]
fn a_party_named_before_pressure_holds_what_it_presses_for() {
    let got = code("Zelensky faces U.S. pressure to accept territorial concessions.");
    assert_eq!(
        triples(&got),
        [("united_states", "territory", Stance::Support)],
        "the party under pressure takes no position: {got:?}"
    );
}

#[test]
fn pressure_holds_a_relative_clause_but_not_past_a_comma() {
    let got = code(
        "Kyiv faces mounting Washington pressure to sign a framework that means ceding land in the east.",
    );
    assert_eq!(
        triples(&got),
        [("united_states", "territory", Stance::Support)]
    );
    assert!(code("Kyiv faces Washington pressure, and the army cap is on the agenda.").is_empty());
}

#[test]
fn the_party_resisting_pressure_takes_its_own_verb() {
    let got = code("Zelensky rejected U.S. pressure to give up territory.");
    let mut coded = triples(&got);
    coded.sort();
    assert_eq!(
        coded,
        [
            ("ukraine", "territory", Stance::Oppose),
            ("united_states", "territory", Stance::Support)
        ]
    );
}

#[test]
fn a_partys_own_pronoun_names_its_goal() {
    let got = code(
        "The envoy noted the deal would not let Ukraine reach its stated goal of NATO membership.",
    );
    assert!(
        triples(&got).contains(&("ukraine", "nato_membership", Stance::Support)),
        "{got:?}"
    );
}

#[test]
fn doubting_a_full_reversal_is_conditional() {
    one(
        "Rubio said a return to the pre-war borders was unlikely.",
        ("united_states", "territory", Stance::Conditional),
    );
}

#[test]
fn terms_to_be_agreed_with_a_party_are_conditional() {
    one(
        "Peskov said any security guarantees must be agreed with Moscow.",
        ("russia", "security_guarantees", Stance::Conditional),
    );
}

#[test]
fn caution_is_a_condition() {
    one(
        "Merz cautiously welcomed Ukraine's bid to join the EU.",
        ("europe", "eu_accession", Stance::Conditional),
    );
}

#[test]
fn a_plan_named_before_the_term_proposes_it() {
    let got = code("Ukrainian negotiators rejected the US proposal to freeze the front line.");
    let coded = triples(&got);
    assert_eq!(
        coded,
        [
            ("ukraine", "territory", Stance::Oppose),
            ("united_states", "territory", Stance::Conditional)
        ]
    );
}

#[test]
fn a_condition_on_another_party_is_the_speakers_demand() {
    let got = code("Peskov said a ceasefire was possible only if Ukraine withdrew from Donetsk.");
    let coded = triples(&got);
    assert_eq!(
        coded,
        [
            ("russia", "ceasefire", Stance::Conditional),
            ("russia", "territory", Stance::Support)
        ]
    );
}

#[test]
fn a_wire_dateline_names_a_place_not_a_speaker() {
    let got = code(
        "WASHINGTON, Nov 20 (Reuters) - A Russian plan would require Kyiv to cede the Donbas.",
    );
    let coded: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(coded, [("russia", "territory")]);
}

#[test]
fn a_coordinated_verb_governs_the_term_after_it() {
    let got = code(
        "The Russian draft would cap Ukraine's army at 600,000 troops and rule out NATO membership.",
    );
    let coded: Vec<_> = got.iter().map(|g| (g.1.as_str(), g.2)).collect();
    assert_eq!(
        coded,
        [
            ("army_size", Stance::Support),
            ("nato_membership", Stance::Oppose)
        ]
    );
}

#[test]
fn being_ready_to_discuss_is_openness() {
    one(
        "Peskov said Russia was ready to discuss security guarantees for Ukraine.",
        ("russia", "security_guarantees", Stance::Conditional),
    );
}

#[test]
fn a_negated_refusal_keeps_what_it_refuses_to_give_up() {
    one(
        "Zelensky said Ukraine will never abandon its NATO aspirations.",
        ("ukraine", "nato_membership", Stance::Support),
    );
    one(
        "Kyiv will never agree to a cap on its army.",
        ("ukraine", "army_size", Stance::Oppose),
    );
    one(
        "Peskov did not rule out a ceasefire.",
        ("russia", "ceasefire", Stance::Conditional),
    );
}

#[test]
fn what_a_party_could_say_is_not_said() {
    assert!(code("Kyiv could also argue that it wants to join NATO.").is_empty());
    assert!(code("Moscow might say that it wants a ceasefire.").is_empty());
    one(
        "Kyiv argued that it wants to join NATO.",
        ("ukraine", "nato_membership", Stance::Support),
    );
}

#[test]
fn joining_any_alliance_is_nato_membership() {
    one(
        "Sybiha said nobody can forbid Ukraine from joining any alliance.",
        ("ukraine", "nato_membership", Stance::Support),
    );
}

#[test]
fn what_a_welcomed_plan_holds_its_backer_holds_too() {
    let got =
        code("Peskov welcomed the American plan on Monday. It includes a cap on Ukraine's army.");
    let mut coded = triples(&got);
    coded.sort();
    assert_eq!(
        coded,
        [
            ("russia", "army_size", Stance::Support),
            ("united_states", "army_size", Stance::Support)
        ]
    );
    // A critic of the plan does not hold what it contains.
    let got = code("Kyiv criticised the American plan. It includes a cap on Ukraine's army.");
    assert_eq!(
        triples(&got),
        [("united_states", "army_size", Stance::Support)]
    );
}

#[test]
fn a_party_answering_a_report_of_another_takes_its_own_stance() {
    let got = code("Peskov dismissed reports that British troops could be deployed to Ukraine.");
    assert_eq!(
        triples(&got),
        [("russia", "foreign_troops", Stance::Oppose)]
    );
    let got = code(
        "Zelensky welcomed the signal that Washington would be ready to give security guarantees.",
    );
    let mut coded = triples(&got);
    coded.sort();
    assert_eq!(
        coded,
        [
            ("ukraine", "security_guarantees", Stance::Support),
            ("united_states", "security_guarantees", Stance::Support)
        ]
    );
    // Told by an analyst, it is nobody's position.
    assert!(
        code(
            "An analyst said Kyiv welcomed reports that Washington would give security guarantees."
        )
        .is_empty()
    );
}

#[test]
fn whoever_is_told_does_not_hold_what_is_said() {
    one(
        "Peskov told journalists a truce was possible.",
        ("russia", "ceasefire", Stance::Support),
    );
}

#[test]
fn a_term_granted_only_on_a_condition_is_conditional() {
    one(
        "Peskov said a truce would only be possible if arms deliveries stopped.",
        ("russia", "ceasefire", Stance::Conditional),
    );
    // Past a comma the condition is another clause's.
    one(
        "Peskov said a truce was what Moscow only wanted, if talks went well.",
        ("russia", "ceasefire", Stance::Support),
    );
}

#[test]
fn a_demand_set_as_a_condition_for_another_term() {
    let got = code("The Kremlin demanded a pullout from Luhansk as a condition for any truce.");
    assert_eq!(
        triples(&got),
        [
            ("russia", "territory", Stance::Support),
            ("russia", "ceasefire", Stance::Conditional)
        ]
    );
}

#[test]
fn a_party_that_would_have_to_act_is_the_speakers_demand() {
    one(
        "Vance said Kyiv would have to accept territorial concessions.",
        ("united_states", "territory", Stance::Support),
    );
}

#[test]
fn a_headline_may_name_its_source_before_a_colon() {
    one(
        "Kremlin aide: Kyiv will never be a NATO member",
        ("russia", "nato_membership", Stance::Oppose),
    );
    // A longer lead is a label, not a source: the line speaks for itself.
    one(
        "Trump after a long week of talks: Ukraine will not join NATO",
        ("ukraine", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn dropping_a_bid_and_out_of_the_question_refuse() {
    one(
        "The Kremlin insisted that Kyiv drop its bid to join NATO.",
        ("russia", "nato_membership", Stance::Oppose),
    );
    one(
        "Umerov said a cap on the size of the army was out of the question.",
        ("ukraine", "army_size", Stance::Oppose),
    );
}

#[test]
fn under_a_plan_the_plan_speaks() {
    one(
        "Under the Russian draft, Ukraine would pull out of Luhansk.",
        ("russia", "territory", Stance::Support),
    );
    let got = code(
        "Washington presented a framework on Friday. Under the plan, Kyiv would never join NATO.",
    );
    assert_eq!(
        triples(&got),
        [("united_states", "nato_membership", Stance::Oppose)]
    );
    // A plan of unknown origin is nobody's position, nor Ukraine's.
    assert!(code("Under the plan, Kyiv would never join NATO.").is_empty());
}

#[test]
fn what_a_plan_names_it_proposes() {
    one(
        "The European counterproposal would allow an army of 800,000.",
        ("europe", "army_size", Stance::Conditional),
    );
}

#[test]
fn an_answer_takes_a_stance_on_the_question() {
    one(
        "Asked whether Britain would send troops, Starmer said it was off the table.",
        ("europe", "foreign_troops", Stance::Oppose),
    );
    one(
        "Asked about a truce, Ushakov said Moscow was open to it under conditions.",
        ("russia", "ceasefire", Stance::Conditional),
    );
    // An answer without a stance takes none.
    assert!(code("Asked about a truce, Ushakov said the talks went on late.").is_empty());
}

#[test]
fn only_giving_something_is_no_condition() {
    one(
        "Peskov rejected a truce, saying it would only let Kyiv regroup.",
        ("russia", "ceasefire", Stance::Oppose),
    );
}

#[test]
fn an_accuser_stands_against_the_charge() {
    one(
        "Umerov accused the Kremlin of rejecting a truce.",
        ("ukraine", "ceasefire", Stance::Support),
    );
    one(
        "Zakharova accused London of planning to deploy troops in Ukraine.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
    // A charge without a stance cue says nothing of one.
    assert!(code("Umerov blamed the Kremlin for the state of the truce talks.").is_empty());
}

#[test]
fn not_objecting_supports() {
    one(
        "Peskov said Moscow did not object to Kyiv joining the EU.",
        ("russia", "eu_accession", Stance::Support),
    );
}

#[test]
fn refusing_to_give_up_our_land() {
    one(
        "“Ukraine will never give up our land,” Sybiha said.",
        ("ukraine", "territory", Stance::Oppose),
    );
}

#[test]
fn a_prediction_on_the_proposition_is_the_speakers_view() {
    one(
        "António Costa said Ukraine could become a member of the EU before 2030.",
        ("europe", "eu_accession", Stance::Support),
    );
    one(
        "Ushakov said Kyiv will never be admitted to NATO.",
        ("russia", "nato_membership", Stance::Oppose),
    );
    // A party acting in its own right is described, not the speaker's view.
    assert!(code("Zelensky said Moscow would use any truce to regroup.").is_empty());
    assert!(code("Peskov said Britain is busy sending troops to Ukraine.").is_empty());
}

#[test]
fn a_partys_named_view_speaks() {
    one(
        "In the Kremlin's view, any NATO troops in Ukraine would be unacceptable.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn a_partys_allies_are_not_the_party() {
    assert!(
        code("Ukraine's allies have offered to deploy troops once the fighting stops.")
            .iter()
            .all(|g| g.0 != "ukraine")
    );
}

#[test]
fn a_term_set_against_something_after_a_comma_is_not_denied() {
    one(
        "“We want binding security guarantees, not promises,” Yermak said.",
        ("ukraine", "security_guarantees", Stance::Support),
    );
}

#[test]
fn too_early_refuses_for_now() {
    one(
        "Ushakov said it was premature to speak of a truce.",
        ("russia", "ceasefire", Stance::Oppose),
    );
}

#[test]
fn an_act_of_war_refuses() {
    one(
        "Zakharova said sending Western troops would be an act of war.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn a_referring_subject_takes_the_issue_before() {
    let got = code(
        "Moscow has demanded a pullout from Donetsk. Such a demand is unacceptable, Yermak said.",
    );
    assert!(
        triples(&got).contains(&("ukraine", "territory", Stance::Oppose)),
        "{got:?}"
    );
    let got = code(
        "Starmer said Britain could send troops to Ukraine. In the Kremlin's view, this deployment would cross a red line.",
    );
    assert!(
        triples(&got).contains(&("russia", "foreign_troops", Stance::Oppose)),
        "{got:?}"
    );
}

#[test]
fn a_speech_noun_or_a_prediction_is_no_stance() {
    assert!(code("Peskov did not comment on the reports of a truce.").is_empty());
    assert!(code("Putin is expected to meet Trump soon to discuss a truce.").is_empty());
    // The verb still speaks.
    one(
        "Peskov reports that Moscow wants a truce.",
        ("russia", "ceasefire", Stance::Support),
    );
}

#[test]
fn a_list_after_including_is_no_stance() {
    assert!(code("Russia controls a fifth of Ukraine's territory, including Crimea.").is_empty());
}

#[test]
fn an_action_only_weighed_is_no_stance() {
    assert!(
        code("Rubio said Washington had not decided whether to support Kyiv's NATO bid.")
            .is_empty()
    );
}

#[test]
fn common_verbs_of_backing_and_refusing() {
    one(
        "Medvedev said Moscow would never tolerate NATO troops in Ukraine.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
    one(
        "Macron vowed to keep backing Ukraine's path to the EU.",
        ("europe", "eu_accession", Stance::Support),
    );
    one(
        "Lavrov denounced the plans for a peacekeeping contingent.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn a_speech_verb_after_a_semicolon_opens_its_own_statement() {
    let got = code("Moscow demands neutral status for Ukraine; Kyiv insists on joining NATO.");
    assert_eq!(
        triples(&got),
        [
            ("russia", "nato_membership", Stance::Oppose),
            ("ukraine", "nato_membership", Stance::Support)
        ]
    );
}

#[test]
fn ready_for_a_term_backs_it() {
    one(
        "Umerov said Kyiv was ready for a full truce.",
        ("ukraine", "ceasefire", Stance::Support),
    );
}

#[test]
fn freezing_the_conflict_and_eastward_expansion() {
    one(
        "Sybiha called the idea to freeze the conflict unacceptable.",
        ("ukraine", "territory", Stance::Oppose),
    );
    one(
        "Ryabkov said NATO must not expand eastward.",
        ("russia", "nato_membership", Stance::Oppose),
    );
}

#[test]
fn ready_to_consider_is_a_condition() {
    one(
        "Ushakov said Moscow was ready to consider security guarantees for Kyiv.",
        ("russia", "security_guarantees", Stance::Conditional),
    );
    one(
        "Kyiv has offered a referendum on any territorial deal.",
        ("ukraine", "territory", Stance::Conditional),
    );
}

#[test]
fn denying_refuses() {
    one(
        "Umerov denied that Kyiv would give up any territory.",
        ("ukraine", "territory", Stance::Oppose),
    );
}

#[test]
fn denying_a_report_turns_round_what_it_says() {
    assert_eq!(
        triples(&code(
            "Peskov denied reports that Washington had agreed to a truce."
        )),
        [("russia", "ceasefire", Stance::Oppose)]
    );
    one(
        "Yermak rejected claims that Kyiv would not accept a truce.",
        ("ukraine", "ceasefire", Stance::Support),
    );
}

/// A sentence and the statements (actor, issue, stance) it holds.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, Stance)],
);

#[test]
fn one_sentence_reports_of_every_common_shape() {
    let cases: &[Case] = &[
        (
            "Zelenskyy said Ukraine wants to become a member of the EU.",
            &[("ukraine", "eu_accession", Stance::Support)],
        ),
        (
            "Umerov said Ukraine refuses to pull its troops out of the eastern regions.",
            &[("ukraine", "territory", Stance::Oppose)],
        ),
        (
            "A senior Ukrainian official, speaking in Brussels, said Kyiv could accept foreign troops if allies agree.",
            &[("ukraine", "foreign_troops", Stance::Conditional)],
        ),
        (
            "Russia's deputy defence minister Ivan Sorin said Moscow does not support British soldiers in Ukraine.",
            &[("russia", "foreign_troops", Stance::Oppose)],
        ),
        (
            "Kallas spoke on Monday. She said Europe backs Ukraine's path into the European Union.",
            &[("europe", "eu_accession", Stance::Support)],
        ),
        (
            "Trump will push for legally binding guarantees and does not support limits on Ukraine's army.",
            &[
                ("united_states", "security_guarantees", Stance::Support),
                ("united_states", "army_size", Stance::Oppose),
            ],
        ),
        (
            "Zelensky was asked about a withdrawal from the Donetsk region at a press conference.",
            &[],
        ),
        (
            "Rubio discussed a cap on Ukraine's army with reporters.",
            &[],
        ),
    ];
    for (text, expected) in cases {
        let got = code(text);
        assert_eq!(triples(&got), *expected, "{text}");
    }
}

#[test]
fn an_office_noun_that_is_also_a_verb_is_the_verb_before_an_article() {
    let speaker = one(
        "NATO demands a ceasefire.",
        ("nato", "ceasefire", Stance::Support),
    );
    assert_eq!(speaker, "NATO");
    // Before an issue term too.
    let speaker = one(
        "NATO demands peacekeepers, but Merz will not comply.",
        ("nato", "foreign_troops", Stance::Support),
    );
    assert_eq!(speaker, "NATO");
    // Before an adjective that opens its object.
    let speaker = one(
        "NATO demands binding security guarantees.",
        ("nato", "security_guarantees", Stance::Support),
    );
    assert_eq!(speaker, "NATO");
    // A plural office noun before an article stays a title.
    let got = code("Russian officials the same day rejected a ceasefire.");
    assert_eq!(triples(&got), [("russia", "ceasefire", Stance::Oppose)]);
}

#[test]
fn a_persons_next_report_on_the_same_matter_carries_the_statement() {
    let got = code(
        "John Healey said Britain is ready to send troops to Ukraine. \
         He stressed that they would be based in the west of the country.",
    );
    assert_eq!(
        triples(&got),
        [
            ("europe", "foreign_troops", Stance::Support),
            ("europe", "foreign_troops", Stance::Support)
        ]
    );
    assert!(got.iter().all(|g| g.3 == "John Healey"));
}

#[test]
fn an_aside_or_another_partys_position_after_a_statement_carries_nothing() {
    let first = "Sybiha said Ukraine wants security guarantees.";
    for next in [
        "He also said a meeting in Geneva would take place in June.",
        "He said Washington had agreed to the talks.",
        "Rubio said they would meet again.",
    ] {
        let got = code(&format!("{first} {next}"));
        assert_eq!(
            triples(&got),
            [("ukraine", "security_guarantees", Stance::Support)],
            "{next}"
        );
    }
}

#[test]
fn it_in_the_reported_clause_is_the_speaker_after_another_partys_sentence() {
    let got = code(
        "The Ukrainian foreign ministry said that it opposes a cap on the army.\n\n\
         The Kremlin said in a statement that it rejects foreign troops in Ukraine.",
    );
    assert_eq!(
        triples(&got),
        [
            ("ukraine", "army_size", Stance::Oppose),
            ("russia", "foreign_troops", Stance::Oppose)
        ]
    );
}

#[test]
fn a_stance_verb_with_an_object_reports_no_later_clause() {
    for first in [
        "Zelensky called for a ceasefire",
        "Zelensky urged a ceasefire",
        "Zelensky insisted on a ceasefire",
    ] {
        let got = code(&format!("{first}, while Putin rejected it."));
        assert_eq!(
            triples(&got),
            [
                ("ukraine", "ceasefire", Stance::Support),
                ("russia", "ceasefire", Stance::Oppose)
            ],
            "{first}"
        );
    }
    // A report still holds what it reports: Russia is only described, and
    // its rejection is no part of Ukraine's stance.
    let got = code("Zelensky said Ukraine wants a ceasefire, while Russia rejected it.");
    assert_eq!(triples(&got), [("ukraine", "ceasefire", Stance::Support)]);
    // So is a clause of cause.
    let got =
        code("Zelensky said Ukraine wants security guarantees as Russia rejects a ceasefire.");
    assert_eq!(
        triples(&got),
        [("ukraine", "security_guarantees", Stance::Support)]
    );
}

#[test]
fn a_future_in_a_bloc_names_membership_and_its_future_does_not() {
    one(
        "Rutte said Ukraine's future lies in NATO.",
        ("nato", "nato_membership", Stance::Support),
    );
    one(
        "Ukraine's rightful place is in the European Union, von der Leyen said.",
        ("europe", "eu_accession", Stance::Support),
    );
    assert!(code("Rutte said the future of NATO depends on American support.").is_empty());
}

#[test]
fn a_verb_of_judging_in_any_form_passes_its_verdict_to_the_object() {
    for verb in ["regards", "described", "has referred to", "views"] {
        one(
            &format!("Moscow {verb} foreign troops as legitimate targets."),
            ("russia", "foreign_troops", Stance::Oppose),
        );
    }
}

#[test]
fn troops_cast_as_occupiers_or_threatened_with_destruction_are_refused() {
    one(
        "Nebenzia said Moscow would see peacekeepers as occupiers.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
    one(
        "Medvedev warned that peacekeepers from NATO countries would be destroyed.",
        ("russia", "foreign_troops", Stance::Oppose),
    );
}

#[test]
fn a_stance_verb_with_a_bare_or_negated_object_reports_no_later_clause() {
    let got = code("Zelensky insists on no territorial concessions, while Putin demands them.");
    assert_eq!(
        triples(&got),
        [
            ("ukraine", "territory", Stance::Oppose),
            ("russia", "territory", Stance::Support)
        ]
    );
}

#[test]
fn a_title_with_a_name_in_apposition_is_the_person_he_refers_to() {
    let got = code(
        "Britain's defence minister, John Healey, said London would send troops to Ukraine. \
         A senior Russian diplomat, Igor Volkov, said Moscow rejects any ceasefire. \
         “We will never accept foreign troops,” he said.",
    );
    assert_eq!(
        triples(&got),
        [
            ("europe", "foreign_troops", Stance::Support),
            ("russia", "ceasefire", Stance::Oppose),
            ("russia", "foreign_troops", Stance::Oppose)
        ]
    );
}

#[test]
fn a_negation_inside_a_cue_is_the_cues_own_word() {
    one(
        "There is no alternative to EU membership for Ukraine, Zelensky said.",
        ("ukraine", "eu_accession", Stance::Support),
    );
    // "not … yet" bounds a refusal in time.
    one(
        "Macron said Europe was not ready to send troops yet.",
        ("europe", "foreign_troops", Stance::Conditional),
    );
}
