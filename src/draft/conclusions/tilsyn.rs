//! Rule `conclusion.tilsyn`: a tilsyn concludes with what it found ("Statsforvalteren avdekket
//! to lovbrudd", "Det vart ikkje funne lovbrot"); that answers its theme, drafted as its one
//! question when it numbers none (rule `question.tilsyn-theme`).

use std::sync::LazyLock;

use regex::Regex;

use super::super::rules::{self, Role};
use super::super::{Ctx, display};
use super::push_note;
use crate::model::{Conclusion, Question, Report};
use crate::taxonomy::Verdict;

static TILSYN: LazyLock<Regex> = LazyLock::new(|| {
    let found = rules::TILSYN_FOUND.join("|");
    let what = rules::TILSYN_FINDINGS.join("|");
    let numbers: Vec<&str> = rules::NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
    let numbers = numbers.join("|");
    let who = rules::TILSYN_SUBJECTS.join("|");
    // Group 1 marks "none found" ("ble ikke funnet lovbrudd", "fann ikkje lovbrot", "ingen
    // avvik ble påvist"); group 2 is the count ("avdekket to lovbrudd").
    Regex::new(&format!(
        concat!(
            r"\b(?:((?:ikke|ikkje)\s+(?:blitt\s+|vorte\s+)?(?:{found})\s+(?:noen\s+|nokon\s+)?(?:{what})",
            r"|(?:{found})\s+(?:(?:{who})\s+)?(?:ikke|ikkje)\s+(?:noen\s+|nokon\s+)?(?:{what})",
            r"|(?:ingen|ikkje nokon|ikke noen)\s+(?:{what})\s+(?:ble|blei|vart|er|vert|blir)\s+(?:{found})",
            r")|(?:{found})\s+(?:(?:{who})\s+)?(\d{{1,2}}|{numbers})\s+(?:{what}))"
        ),
        found = found,
        what = what,
        who = who,
        numbers = numbers
    ))
    .expect("valid pattern")
});

/// Rule `conclusion.tilsyn`: "Statsforvalteren avdekket to lovbrudd", "Det vart ikkje funne
/// lovbrot": the first such sentence (of the summary or conclusion first) answers the tilsyn's
/// question; one or more breaches is `not_fulfilled`, none `fulfilled`.
pub(super) fn tilsyn(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    let usable = |r: Role| {
        !matches!(
            r,
            Role::Front | Role::Contents | Role::Appendix | Role::Criteria
        )
    };
    let order = [
        |r: Role| matches!(r, Role::Summary | Role::Conclusion | Role::Assessment),
        |r: Role| !matches!(r, Role::Summary | Role::Conclusion | Role::Assessment),
    ];
    let mut found = None;
    'find: for pick in order {
        for (si, s) in doc.sentences.iter().enumerate() {
            if !usable(s.role) || !pick(s.role) {
                continue;
            }
            if let Some(c) = TILSYN.captures(&s.flat) {
                let n = if c.get(1).is_some() {
                    Some(0)
                } else {
                    c.get(2).and_then(|m| {
                        m.as_str().parse::<u32>().ok().or_else(|| {
                            rules::NUMBER_WORDS
                                .iter()
                                .find(|(w, _)| *w == m.as_str())
                                .map(|(_, n)| *n)
                        })
                    })
                };
                if let Some(n) = n {
                    found = Some((si, n, c.get(0).map_or(0, |m| m.start())));
                    break 'find;
                }
            }
        }
    }
    let Some((si, n, at)) = found else {
        return;
    };
    let s = &doc.sentences[si];
    // The question: the first main question drafted, else the tilsyn's theme.
    let question = match report.questions.iter().find(|q| q.parent.is_none()) {
        Some(q) => q.id.clone(),
        None => {
            let theme = doc.sentences.iter().find(|t| {
                matches!(t.role, Role::Front | Role::Introduction | Role::Summary)
                    && t.flat.contains("tilsyn")
                    && [" om ", "gjaldt", "galdt", "tema", "formål", "føremål"]
                        .iter()
                        .any(|w| t.flat.contains(w))
                    && t.end <= s.start
            });
            let Some(t) = theme else {
                push_note(
                    report,
                    "Conclusion: the tilsyn states its finding, but no theme sentence was found to \
                     be its question, so no conclusion was drafted (add the question and the conclusion).",
                );
                return;
            };
            let Some(ev) = ctx.sentence_evidence(t, t.start) else {
                return;
            };
            let id = ctx.id("q1".into());
            report.questions.push(Question {
                id: id.clone(),
                number: "1".into(),
                text: display(doc, t.start, t.end, 300),
                parent: None,
                evidence: vec![ev],
                note: Some(
                    "rule question.tilsyn-theme: a tilsyn numbers no questions; its theme (what it \
                     examined) is drafted as the question its conclusion answers (check)"
                        .into(),
                ),
            });
            id
        }
    };
    let Some(ev) = ctx.sentence_evidence(s, s.raw(at)) else {
        return;
    };
    let (verdict, grade) = if n == 0 {
        (Verdict::Fulfilled, "no breach found, so `fulfilled`")
    } else {
        (
            Verdict::NotFulfilled,
            "a breach of a legal requirement found, so `not_fulfilled`",
        )
    };
    let id = ctx.id("k-tilsyn".into());
    report.conclusions.push(Conclusion {
        id,
        question,
        verdict,
        summary: display(doc, s.start, s.end, 300),
        evidence: vec![ev],
        note: Some(format!(
            "rule conclusion.tilsyn: the tilsyn states what it found ({n}); {grade}"
        )),
    });
}
