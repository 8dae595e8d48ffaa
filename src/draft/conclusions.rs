//! Rule group `conclusion`: the auditor's answer to each drafted audit question, with the verdict
//! its grading words give.
//!
//! Where the answers stand: sections of role conclusion ("Konklusjon", "Konklusjon og
//! anbefalinger") and assessment ("Revisjonens vurdering og konklusjon", "Vurdering"). Which
//! question an answer belongs to: the number it names ("Problemstilling 2 ...", rule
//! `conclusion.numbered`), else the question it restates (an answer echoes its question's
//! words and leads its paragraph, rule `conclusion.echo`; in the conclusion chapter first), else
//! the chapter it stands in (an assessment under a section that restates the question or whose
//! heading echoes it, rule `conclusion.chapter`), else, when nothing else links and the
//! conclusion has one paragraph per main question, by order (rule `conclusion.order`).
//!
//! The verdict comes from the report's grading word only (`grading.rs`: rule
//! `conclusion.verdict`, `rules::VERDICT_WORDS`; `conclusion.but` for "..., men ikke ..."); with
//! none, the conclusion is `descriptive` and its note says so. A tilsyn concludes with what it
//! found (`tilsyn.rs`: "Statsforvalteren avdekket to lovbrudd", rule `conclusion.tilsyn`): that
//! answers the tilsyn's theme, drafted as its one question when it numbers none.

mod grading;
mod tilsyn;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use grading::has_word_start;
pub(super) use grading::{first_phrase, verdict};

use super::rules::{self, Role};
use super::{Ctx, display, stem};
use crate::model::{Conclusion, Report};
use crate::taxonomy::{Genre, Verdict};

/// The least share of a question's words an answer must restate (rule `conclusion.echo`).
const ECHO_SHARE: f64 = 0.5;
/// The least share for a sentence that does not lead its paragraph: every word of the question.
const ECHO_SHARE_INSIDE: f64 = 1.0;
/// How much a paragraph's lead sentence is preferred.
const LEAD_BONUS: f64 = 0.25;
/// The least number of a question's words an answer must restate.
const ECHO_WORDS: usize = 2;
/// The least share of a question's words a question sentence of a chapter must repeat to be
/// that question restated (rule `conclusion.chapter`).
const RESTATED_SHARE: f64 = 0.8;
/// The least share of a section heading's words a question must share for the assessment under
/// it to answer that question (rule `conclusion.chapter`).
const HEADING_SHARE: f64 = 0.6;
/// How many sentences of an assessment section the drafter reads for its graded answer.
const CHAPTER_SENTENCES: usize = 5;
/// How many sentences after a restatement the drafter reads for the grading word.
const FOLLOWING: usize = 2;

/// How far into a sentence (bytes of its flat text) the first question number may stand for the
/// sentence to name its questions before their answers ("Når det gjelder problemstilling 1, ...").
const NUMBER_FIRST_WITHIN: usize = 40;

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    let names = rules::QUESTION_NAMES.join("|");
    Regex::new(&format!(
        r"\b(?:{names})(?:en|et|a)?\s+(?:nr\.?\s*)?(\d{{1,2}}(?:\s?[a-h])?)\b"
    ))
    .expect("valid pattern")
});

static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}\s+\S").expect("valid pattern"));

/// True when sentence `si` leads a paragraph: the first of its section, a list item, or the
/// first words of a line after a blank line. An answer leads its paragraph (rule
/// `conclusion.echo` reads only these).
fn leads(doc: &super::text::Doc<'_>, si: usize) -> bool {
    let s = &doc.sentences[si];
    if s.marker.is_some() || si == 0 || doc.sentences[si - 1].section != s.section {
        return true;
    }
    let Some(line) = doc.lines.get(s.line - 1) else {
        return false;
    };
    let at_start = s.start == line.start + (line.text.len() - line.text.trim_start().len());
    at_start
        && s.line >= 2
        && doc.lines[s.line - 2].kind == super::text::LineKind::Blank
        && doc.sentences[si - 1]
            .flat
            .ends_with(['.', ':', '!', '?', ')', '»', '"'])
}

/// The comparable words of a text: stems of its words of three letters or more, leaving out
/// `rules::ECHO_STOPWORDS` and the words of `skip` (the municipalities' names).
fn stems(flat: &str, skip: &BTreeSet<String>) -> BTreeSet<String> {
    flat.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .filter(|w| !rules::ECHO_STOPWORDS.contains(w) && !skip.contains(*w))
        .map(stem)
        .collect()
}

fn number_key(n: &str) -> String {
    n.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drafts the conclusions on the drafted questions; for a tilsyn, its conclusion.
pub(super) fn conclusions(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    if report.genre == Genre::Tilsyn {
        tilsyn::tilsyn(ctx, report);
    }
    answers(ctx, report);
    // What the reviewer must add: questions left unanswered where the report has a conclusion.
    let doc = ctx.doc;
    let Some(at) = doc.sentences.iter().find(|s| s.role == Role::Conclusion) else {
        return;
    };
    let open: Vec<&str> = report
        .questions
        .iter()
        .filter(|q| !report.conclusions.iter().any(|c| c.question == q.id))
        .map(|q| q.number.as_str())
        .collect();
    if report.questions.is_empty() {
        push_note(
            report,
            &format!(
                "Conclusions: the text has a conclusion from line {}, but the drafter found no questions to link its answers to; add the questions and conclusions by hand.",
                at.line
            ),
        );
    } else if !open.is_empty() {
        let open = open.join(", ");
        push_note(
            report,
            &format!(
                "Conclusions: no answer was linked to question(s) {open}, though the text has a conclusion from line {}; check it.",
                at.line
            ),
        );
    }
}

/// The answers to the drafted questions (rules `conclusion.numbered`, `.echo`, `.chapter`,
/// `.order`) with their verdicts.
fn answers(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    if report.questions.is_empty() {
        return;
    }
    let skip: BTreeSet<String> = report
        .municipalities
        .iter()
        .chain(&report.districts)
        .flat_map(|m| m.split_whitespace())
        .map(|w| w.to_lowercase())
        .collect();
    // Not a question restated, a footnote ("68 Kommunen har ...") or a drafted recommendation.
    let recommended: BTreeSet<usize> = report
        .recommendations
        .iter()
        .flat_map(|r| r.evidence.iter().map(|e| e.line))
        .collect();
    let candidates: Vec<usize> = (0..doc.sentences.len())
        .filter(|&i| {
            let s = &doc.sentences[i];
            let footnote = s.marker.is_none() && FOOTNOTE.is_match(&s.flat);
            matches!(s.role, Role::Conclusion | Role::Assessment)
                && !s.flat.ends_with('?')
                && !footnote
                && !recommended.contains(&s.line)
        })
        .collect();
    let answered: BTreeSet<String> = report
        .conclusions
        .iter()
        .map(|c| c.question.clone())
        .collect();
    let mut links = Links::default();

    // Rule conclusion.numbered: the answer names its question's number (the conclusion chapter's
    // sentences before the assessments').
    let mut ordered = candidates.clone();
    ordered.sort_by_key(|&i| (doc.sentences[i].role != Role::Conclusion, i));
    for &si in &ordered {
        let s = &doc.sentences[si];
        let named: Vec<(String, usize, usize)> = NUMBERED
            .captures_iter(&s.flat)
            .filter_map(|c| {
                let m = c.get(0)?;
                Some((number_key(&c[1]), m.start(), m.end()))
            })
            .collect();
        // A sentence that answers several questions grades each by its own clause. Numbers
        // after their answers ("... ikkje sikrar ... (problemstilling 1), og at ... delvis ...
        // (problemstilling 2)"): from the number before to its own. Numbers before them ("For
        // problemstilling 1 ..., og for problemstilling 2 ..."): from its own to the next.
        let numbers_first = named
            .first()
            .is_some_and(|(_, start, _)| *start <= NUMBER_FIRST_WITHIN);
        for (k, (n, start, end)) in named.iter().enumerate() {
            let clause = if numbers_first {
                (*start, named.get(k + 1).map_or(s.flat.len(), |x| x.1))
            } else {
                (k.checked_sub(1).map_or(0, |p| named[p].2), *end)
            };
            let Some(qi) = report
                .questions
                .iter()
                .position(|q| number_key(&q.number) == *n)
            else {
                continue;
            };
            if links.questions.contains(&qi) || answered.contains(&report.questions[qi].id) {
                continue;
            }
            if named.len() > 1 {
                links.clauses.insert((qi, si), clause);
            }
            links.link(
                qi,
                si,
                format!(
                    "rule conclusion.numbered: a sentence of a {} section names question {}{}",
                    role_word(s.role),
                    report.questions[qi].number,
                    if named.len() > 1 {
                        " (one of several it answers: graded by its own clause)"
                    } else {
                        ""
                    }
                ),
            );
        }
    }

    let q_stems: Vec<BTreeSet<String>> = report
        .questions
        .iter()
        .map(|q| stems(&q.text.to_lowercase(), &skip))
        .collect();
    // Rule conclusion.echo in the conclusion chapter, before the chapter rule, and in the
    // assessment sections after it.
    let echo_in = |role: Role, links: &mut Links| {
        echo(
            doc,
            report,
            &answered,
            &q_stems,
            &candidates,
            &skip,
            role,
            links,
        );
    };
    echo_in(Role::Conclusion, &mut links);

    // Rule conclusion.chapter: an assessment section inside a section that restates one
    // question answers it; the answer is the section's first graded sentence, else its first.
    let restated: Vec<(usize, usize)> = (0..doc.sentences.len())
        .filter(|&i| {
            doc.sentences[i].flat.ends_with('?') && doc.sentences[i].role != Role::Contents
        })
        .filter_map(|i| {
            let words = stems(&doc.sentences[i].flat, &skip);
            let (qi, share) = q_stems
                .iter()
                .enumerate()
                .filter(|(_, qs)| !qs.is_empty())
                .map(|(qi, qs)| (qi, qs.intersection(&words).count() as f64 / qs.len() as f64))
                .max_by(|a, b| a.1.total_cmp(&b.1))?;
            (share >= RESTATED_SHARE).then_some((i, qi))
        })
        .collect();
    for (h, heading) in doc.outline.headings.iter().enumerate() {
        if heading.role != Some(Role::Assessment) && heading.role != Some(Role::Conclusion) {
            continue;
        }
        // The parent section: the nearest heading before of a lower level.
        let Some(parent) = (0..h)
            .rev()
            .find(|&p| doc.outline.headings[p].level < heading.level)
        else {
            continue;
        };
        let in_parent: Vec<usize> = restated
            .iter()
            .filter(|(i, _)| {
                let sec = doc.sentences[*i].section;
                sec.is_some_and(|sec| sec >= parent && sec < h)
            })
            .map(|(_, qi)| *qi)
            .collect();
        let by_heading = || {
            let words = stems(&doc.outline.headings[parent].text.to_lowercase(), &skip);
            let mut best: Vec<(usize, usize)> = q_stems
                .iter()
                .enumerate()
                .map(|(qi, qs)| (qs.intersection(&words).count(), qi))
                .filter(|(n, _)| {
                    *n >= ECHO_WORDS && *n as f64 >= HEADING_SHARE * words.len() as f64
                })
                .collect();
            best.sort();
            match best[..] {
                [.., (a, _), (b, qi)] if a < b => Some(qi),
                [(_, qi)] => Some(qi),
                _ => None,
            }
        };
        let (qi, how) = match in_parent[..] {
            [qi] => (qi, "stands in the section that restates"),
            [] => match by_heading() {
                Some(qi) => (qi, "stands in a section whose heading echoes"),
                None => continue,
            },
            _ => continue,
        };
        if links.questions.contains(&qi) || answered.contains(&report.questions[qi].id) {
            continue;
        }
        let body: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| doc.sentences[i].section == Some(h))
            .collect();
        // The auditor's own answer first ("Revisjonen vurderer at ..."), else the first graded
        // sentence, else the first.
        let lead: Vec<usize> = body.iter().copied().take(CHAPTER_SENTENCES).collect();
        let voiced = |i: &&usize| {
            rules::AUDITOR_VOICE
                .iter()
                .any(|w| doc.sentences[**i].flat.contains(w))
        };
        let graded = |i: &&usize| verdict(&doc.sentences[**i].flat).is_some();
        let Some(&si) = lead
            .iter()
            .find(|i| voiced(i) && graded(i))
            .or_else(|| lead.iter().find(graded))
            .or_else(|| lead.iter().find(voiced))
            .or(body.first())
        else {
            continue;
        };
        links.link(
            qi,
            si,
            format!(
                "rule conclusion.chapter: the {} section '{}' {how} question {}",
                role_word(doc.sentences[si].role),
                heading.text,
                report.questions[qi].number
            ),
        );
    }

    // Rule conclusion.echo in the assessment sections, after the chapter rule.
    echo_in(Role::Assessment, &mut links);

    // Rule conclusion.order: a conclusion chapter that answers the main questions in order, one
    // paragraph each, when no answer could be linked otherwise.
    let main: Vec<usize> = (0..report.questions.len())
        .filter(|&qi| report.questions[qi].parent.is_none())
        .collect();
    let paragraphs: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&si| {
            let s = &doc.sentences[si];
            s.role == Role::Conclusion && s.marker.is_none() && leads(doc, si)
        })
        .collect();
    if links.found.is_empty() && !main.is_empty() && paragraphs.len() == main.len() {
        for (k, (&qi, &si)) in main.iter().zip(&paragraphs).enumerate() {
            if answered.contains(&report.questions[qi].id) {
                continue;
            }
            links.link(
                qi,
                si,
                format!(
                    "rule conclusion.order: paragraph {} of the conclusion, which has one paragraph for each of the {} main questions, answers question {} (by order: check)",
                    k + 1,
                    main.len(),
                    report.questions[qi].number
                ),
            );
        }
    }

    let mut found = std::mem::take(&mut links.found);
    found.sort_by_key(|(qi, _, _)| *qi);
    for (qi, si, why) in found {
        let s = &doc.sentences[si];
        // The grading word: in the sentence, or in the next ones of its section (an answer
        // after a restatement), never in a sentence linked to another question.
        let clause = links.clauses.get(&(qi, si)).copied();
        let mut graded =
            verdict(clause.map_or(&s.flat[..], |(a, b)| &s.flat[a..b])).map(|v| (si, v));
        if graded.is_none() && clause.is_none() {
            for sj in si + 1..(si + 1 + FOLLOWING).min(doc.sentences.len()) {
                let t = &doc.sentences[sj];
                let other = NUMBERED
                    .captures(&t.flat)
                    .is_some_and(|c| number_key(&c[1]) != number_key(&report.questions[qi].number));
                if t.section != s.section || links.sentences.contains(&sj) || other {
                    break;
                }
                if candidates.binary_search(&sj).is_err() {
                    continue;
                }
                if let Some(v) = verdict(&t.flat) {
                    graded = Some((sj, v));
                    break;
                }
            }
        }
        // Rule conclusion.but across sentences: a positive answer and, next, "Samtidig viser
        // undersøkelsen at ... ikke ...". The summary stays the answer.
        let mut qualified = false;
        if graded.is_none()
            && !has_word_start(&s.flat, &["ikke", "ikkje", "ingen"])
            && let Some(t) = doc.sentences.get(si + 1)
            && t.section == s.section
            && t.flat
                .split_whitespace()
                .take(4)
                .any(|w| rules::BUT_NEXT.contains(&w.trim_end_matches(',')))
            && has_word_start(&t.flat, rules::BUT_SHORTCOMINGS)
        {
            qualified = true;
            graded = Some((
                si + 1,
                (
                    Verdict::Partly,
                    "rule conclusion.but: a positive answer qualified by a shortcoming in the next sentence".into(),
                ),
            ));
        }
        let Some(ev) = ctx.sentence_evidence(s, s.start) else {
            continue;
        };
        let mut evidence = vec![ev];
        let (verdict, how, summary_at) = match graded {
            Some((sj, (v, how))) => {
                if sj != si {
                    let t = &doc.sentences[sj];
                    if let Some(ev) = ctx.sentence_evidence(t, t.start) {
                        evidence.push(ev);
                    }
                }
                (
                    v,
                    format!("verdict by {how}"),
                    if qualified { si } else { sj },
                )
            }
            None => (
                Verdict::Descriptive,
                "no grading word in the answer, so `descriptive` (nothing graded: check)".into(),
                si,
            ),
        };
        let t = &doc.sentences[summary_at];
        let q = &report.questions[qi];
        let id = ctx.id(format!("k{}", number_key(&q.number)));
        report.conclusions.push(Conclusion {
            id,
            question: q.id.clone(),
            verdict,
            summary: display(doc, t.start, t.end, 300),
            evidence,
            note: Some(format!("{why}; {how}")),
        });
    }
}

/// Rule `conclusion.echo`: links each question not yet answered to the sentence of a `role`
/// section that restates most of its words (an answer echoes its question), best first.
#[allow(clippy::too_many_arguments)]
fn echo(
    doc: &super::text::Doc<'_>,
    report: &Report,
    answered: &BTreeSet<String>,
    q_stems: &[BTreeSet<String>],
    candidates: &[usize],
    skip: &BTreeSet<String>,
    role: Role,
    links: &mut Links,
) {
    let mut pairs: Vec<(i64, usize, usize, usize, usize)> = Vec::new();
    for &si in candidates
        .iter()
        .filter(|&&si| doc.sentences[si].role == role)
    {
        let s = &doc.sentences[si];
        let lead = leads(doc, si);
        let words = stems(&s.flat, skip);
        for (qi, qs) in q_stems.iter().enumerate() {
            if qs.len() < ECHO_WORDS {
                continue;
            }
            let shared = qs.intersection(&words).count();
            let share = shared as f64 / qs.len() as f64;
            // A sentence inside a paragraph must restate more of the question than one that
            // leads it, and ranks below it.
            let least = if lead { ECHO_SHARE } else { ECHO_SHARE_INSIDE };
            if shared < ECHO_WORDS || share < least {
                continue;
            }
            let score = ((share + if lead { LEAD_BONUS } else { 0.0 }) * 1000.0) as i64;
            pairs.push((-score, si, qi, shared, qs.len()));
        }
    }
    pairs.sort();
    for (_, si, qi, shared, of) in pairs {
        if links.questions.contains(&qi)
            || links.sentences.contains(&si)
            || answered.contains(&report.questions[qi].id)
        {
            continue;
        }
        links.link(
            qi,
            si,
            format!(
                "rule conclusion.echo: a sentence of a {} section restates {shared} of the {of} words of question {}",
                role_word(doc.sentences[si].role),
                report.questions[qi].number
            ),
        );
    }
}

/// The answers linked so far: the questions and sentences taken, and each link with its note.
#[derive(Default)]
struct Links {
    questions: BTreeSet<usize>,
    sentences: BTreeSet<usize>,
    /// (question, sentence, the rule's note)
    found: Vec<(usize, usize, String)>,
    /// The bytes of a sentence's `flat` that answer one of the several questions it names.
    clauses: std::collections::BTreeMap<(usize, usize), (usize, usize)>,
}

impl Links {
    fn link(&mut self, qi: usize, si: usize, why: String) {
        self.questions.insert(qi);
        self.sentences.insert(si);
        self.found.push((qi, si, why));
    }
}

fn role_word(role: Role) -> &'static str {
    match role {
        Role::Conclusion => "conclusion",
        _ => "assessment",
    }
}

/// Appends a sentence to the report's note.
pub(super) fn push_note(report: &mut Report, text: &str) {
    match &mut report.note {
        Some(n) => {
            n.push(' ');
            n.push_str(text);
        }
        None => report.note = Some(text.to_string()),
    }
}
