//! Rule group `gap`: joining the statements of shortcomings into gaps. Which sentences state
//! one, with the report's own word where it uses one (a tilsyn's avvik, lovbrudd or merknad;
//! Riksrevisjonen's criticism; "ikke i samsvar med") and the severity that word or the section
//! gives, is read in `statements` (negations in `negation`, labels in `labels`); the category
//! by the codebook's keywords, the section's heading filling in where the sentence names none,
//! in `categories`; `stated_in` comes from the section's role. Statements of one category in one
//! section are one gap, except that each point of a list is a gap of its own (`gap.point`: the
//! report has divided its findings), that the assessment's statements about different services
//! are different gaps (`gap.subject`), and that a gap holds at most eight statements, past
//! which the section states another (`gap.many`). A bare negation alone in an audit's findings
//! is no gap unless it negates what a service is expected to have (`gap.negation`). The summary and a closing conclusion restate the body and join its
//! gaps; a follow-up's list of earlier findings counts as that report's assessment;
//! conditions, contrasts, footnotes, fragments and background chapters state none. What follows
//! a labelled finding (its legal ground, the observations it rests on, an audit's "Dette er
//! ikke i samsvar med") joins it (`grounds`).

use std::collections::{BTreeMap, BTreeSet};

use super::lists::legal_refs;
use super::rules::Role;
use super::{Ctx, display, stem};

mod categories;
mod grounds;
mod labels;
mod negation;
mod statements;

use crate::model::{Gap, Report};
use crate::taxonomy::{FindingTerm, GapCategory, Genre, StatedIn, Status};
pub(super) use categories::category;
use categories::{categories, decide, themes};
use statements::{Candidate, EXPECTED_NEGATION, candidate, earlier_finding, severity, stated_in};

/// Where statements join one gap: section (by heading), category, whether the report uses its
/// own word for it, and the point of a list it stands in (rule gap.point).
type MergeKey = (Option<usize>, GapCategory, bool, Option<usize>);

/// Drafts the gaps.
pub(super) fn gaps(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    let supervision = matches!(report.genre, Genre::Tilsyn | Genre::Riksrevisjon);
    let riksrevisjon = report.genre == Genre::Riksrevisjon;
    let mut found: Vec<Option<Candidate>> = Vec::with_capacity(doc.sentences.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        found.push(None);
        // Rule gap.earlier: an earlier report's findings restated in the introduction.
        let role = if earlier_finding(ctx, si) {
            Role::Assessment
        } else {
            s.role
        };
        if !role.states_gaps() || background(doc, s.section) {
            continue;
        }
        // Recommendations are drafted as recommendations, not gaps.
        if s.role == Role::Recommendations && s.marker.is_some() {
            continue;
        }
        found[si] = candidate(ctx, si, s, role, riksrevisjon);
    }
    // Rules gap.grounds and gap.legal: what follows a labelled finding belongs to it.
    let labels: Vec<Option<FindingTerm>> = found
        .iter()
        .map(|c| {
            c.as_ref()
                .filter(|c| c.rule == "gap.avvik")
                .and_then(|c| c.word.term)
        })
        .collect();
    let attached = grounds::attachments(doc, &labels);
    let mut candidates: Vec<Candidate> = found
        .into_iter()
        .flatten()
        .filter(|c| attached[c.sentence].is_none())
        .collect();
    // Rule gap.summary: the summary restates the body's findings, so its statements are taken
    // last and join the body's gap of their category where there is one.
    candidates.sort_by_key(|c| restates(doc, c));
    let themes = themes(doc, supervision);
    // One gap per category and section, a section states its problem in several sentences;
    // but one per point of a list (rule gap.point): the report has divided its findings; and
    // in the assessment one per service judged (rule gap.subject).
    let mut merged: BTreeMap<MergeKey, Vec<usize>> = BTreeMap::new();
    // Per gap (by index): its category and the content-word stems of its first statement.
    let mut stems: Vec<(GapCategory, BTreeSet<String>)> = Vec::new();
    // Per gap (by index): the rule of its first statement, and whether that statement may stand
    // alone as a gap whatever its rule (rule gap.negation below).
    let mut first_rules: Vec<(&'static str, bool)> = Vec::new();
    // Per sentence: the gap (by index) it was drafted into.
    let mut gap_of: Vec<Option<usize>> = vec![None; doc.sentences.len()];
    for c in candidates {
        let s = &doc.sentences[c.sentence];
        // Rule gap.conformity: "Dette er ikke i samsvar med <law>" makes the sentence before a
        // breach; it is that gap's evidence and legal ground.
        let back = (c.word.term == Some(FindingTerm::IkkeISamsvar)
            && grounds::refers_back(&s.flat))
        .then(|| c.sentence.checked_sub(1))
        .flatten()
        .filter(|&p| doc.sentences[p].section == s.section);
        if let Some(gi) = back.and_then(|p| gap_of[p]) {
            grounds::conform(ctx, &mut report.gaps[gi], s, c.at, c.word);
            gap_of[c.sentence] = Some(gi);
            continue;
        }
        let theme: &[GapCategory] = s.section.map_or(&[], |h| themes[h].as_slice());
        // A sentence that refers back takes its topic from the sentence before.
        let topic = back.map_or_else(
            || s.flat.clone(),
            |p| format!("{} {}", doc.sentences[p].flat, s.flat),
        );
        // A tilsyn's or Riksrevisjonen's finding follows its template ("<Kommune> sikrer ikke
        // gjennom sitt styringssystem at ..."), whose topic the codebook's priority finds; an
        // audit's shortcoming is about the keyword nearest its word.
        let labelled = supervision || c.rule == "gap.avvik";
        let at = (!labelled).then(|| back.map_or(c.at, |p| doc.sentences[p].flat.len() + 1 + c.at));
        let named = categories(&topic, supervision, at);
        let (category, by) = match decide(&named, theme) {
            (c, "by keyword") if at.is_some() && named.len() > 1 => {
                (c, "by the keyword nearest the finding word")
            }
            decided => decided,
        };
        if category == GapCategory::Other && (c.word.term.is_none() || !labelled) {
            // Rule gap.category: a shortcoming with no codebook keyword is rarely about
            // coordination; only a labelled finding ("Avvik 2:") or, in a tilsyn or
            // Riksrevisjonen report, the report's own term is drafted as `other`. An audit's
            // "kommunen har noen forbedringsområder" with no topic introduces the findings.
            continue;
        }
        let stated_in = stated_in(c.role, &c.word);
        let severity = severity(c.role, &c.word, &s.flat);
        // Rule gap.point: a point of a list is a finding of its own; a point under it joins
        // it when of its category, else it is read as the section's other sentences are.
        let key = (
            s.section,
            category,
            c.word.term.is_some(),
            point_of(doc, c.sentence),
        );
        let key = if merged.contains_key(&key) || s.opens_point(doc.text) {
            key
        } else {
            (key.0, key.1, key.2, None)
        };
        let words = content_words(&s.flat);
        // The same statement elsewhere (a summary bullet repeated in the conclusion): one gap.
        let summary = restates(doc, &c);
        let same = merged
            .get(&key)
            .and_then(|gis| {
                // Rules gap.many and gap.subject.
                gis.iter().copied().find(|&gi| {
                    (summary || report.gaps[gi].evidence.len() < MAX_EVIDENCE)
                        && (!c.role.is_assessment()
                            || same_subject(&report.gaps[gi], &ctx.named[c.sentence]))
                })
            })
            .or_else(|| {
                (0..stems.len()).find(|&gi| {
                    stems[gi].0 == category
                        && similar(&stems[gi].1, &words)
                        && (summary || report.gaps[gi].evidence.len() < MAX_EVIDENCE)
                })
            })
            .or_else(|| {
                // Rule gap.summary: the body's first gap of the category that the auditor
                // states, else its first gap of the category.
                let of_category = |gi: &usize| stems[*gi].0 == category;
                summary
                    .then(|| {
                        (0..stems.len())
                            .filter(of_category)
                            .find(|&gi| report.gaps[gi].stated_in == Some(StatedIn::Assessment))
                            .or_else(|| (0..stems.len()).find(of_category))
                    })
                    .flatten()
            });
        if let Some(gi) = same {
            let gap: &mut Gap = &mut report.gaps[gi];
            let room = if summary {
                MAX_EVIDENCE + 2
            } else {
                MAX_EVIDENCE
            };
            if gap.evidence.len() < room
                && let Some(ev) = ctx.sentence_evidence(s, s.raw(c.at))
            {
                gap.evidence.push(ev);
                gap_of[c.sentence] = Some(gi);
                add_services(ctx, gap, c.sentence);
                // The report's own word for the same finding, in its assessment ("Riksrevisjonen
                // mener det er sterkt kritikkverdig at ..." after the facts): the gap's term.
                if !summary && gap.term.is_none() && c.word.term.is_some() && c.role.is_assessment()
                {
                    gap.stated_in = Some(stated_in);
                    gap.severity = severity;
                    gap.term = c.word.term;
                    if let Some(note) = &mut gap.note {
                        note.push_str(&format!(
                            "; the report's own word '{}' for it in the assessment, severity \
                             {severity} (rule gap.term)",
                            c.word.phrase
                        ));
                    }
                }
                // The summary or conclusion states as the auditor's what the findings showed,
                // or gives it the report's own word ("Det er kritikkverdig at ...").
                if summary
                    && gap.term.is_none()
                    && (c.word.term.is_some()
                        || gap.stated_in == Some(StatedIn::Findings)
                            && stated_in == StatedIn::Assessment)
                {
                    gap.stated_in = Some(stated_in);
                    gap.severity = severity;
                    gap.term = c.word.term;
                    if let Some(note) = &mut gap.note {
                        note.push_str(&format!(
                            "; restated in the summary or conclusion as the auditor's (rule \
                             gap.summary: '{}', severity {severity})",
                            c.word.phrase
                        ));
                    }
                }
            }
            continue;
        }
        let Some(ev) = ctx.sentence_evidence(s, s.raw(c.at)) else {
            continue;
        };
        let section = s
            .section
            .and_then(|h| doc.outline.headings.get(h))
            .map_or("the front matter".to_string(), |h| {
                format!("'{}'", display_heading(&h.text))
            });
        let role = if c.role == s.role {
            format!("{:?}", s.role).to_lowercase()
        } else {
            "introduction, restating an earlier report's findings (rule gap.earlier)".to_string()
        };
        // Rule gap.conformity with no gap for the sentence before: it is what the verdict is
        // about, so it is quoted first and summarises the gap.
        let before = back.map(|p| &doc.sentences[p]);
        let mut evidence = Vec::new();
        if let Some(p) = before
            && let Some(pev) = ctx.sentence_evidence(p, p.start)
        {
            evidence.push(pev);
        }
        evidence.push(ev);
        let stated = before.map_or((s.start, s.end), |p| (p.start, s.end));
        // Why the section's gap of this category did not take the statement, for the note.
        let apart = match merged.get(&key) {
            Some(gis)
                if gis
                    .iter()
                    .all(|&gi| report.gaps[gi].evidence.len() >= MAX_EVIDENCE) =>
            {
                "; a gap of its own: the section's gap of this category holds eight statements \
                 (rule gap.many)"
            }
            Some(_) => {
                "; a gap of its own: the assessment's gap of this category in this section is \
                 about another service (rule gap.subject)"
            }
            None => "",
        };
        let mut gap = Gap {
            // Given when every gap is known, in the order of the text.
            id: String::new(),
            category,
            severity,
            term: c.word.term,
            stated_in: Some(stated_in),
            summary: display(doc, stated.0, stated.1, 200),
            services: Vec::new(),
            relations: Vec::new(),
            criteria: Vec::new(),
            legal: legal_refs(&doc.text[s.start..s.end]),
            evidence,
            note: Some(format!(
                "rule {}: '{}' in section {section} (role {role}); category {by}{}{apart}",
                c.rule,
                c.word.phrase,
                if before.is_some() {
                    "; about the sentence before (rule gap.conformity)"
                } else {
                    ""
                }
            )),
        };
        add_services(ctx, &mut gap, c.sentence);
        report.gaps.push(gap);
        stems.push((category, words));
        first_rules.push((
            c.rule,
            s.marker.is_some() || supervision || c.word.phrase == EXPECTED_NEGATION,
        ));
        merged.entry(key).or_default().push(report.gaps.len() - 1);
        gap_of[c.sentence] = Some(report.gaps.len() - 1);
    }
    grounds::attach(ctx, &mut report.gaps, &attached, &gap_of);
    // Rule gap.negation: a bare negation ("ikke + participle") that is the findings' only
    // statement of its gap is mostly description ("NAV har ikke ansvar for rus", "bruker selv
    // ikke lenger har ønsket tjenesten"): measured against two independent codings of three
    // reports, one such gap in seven was a gap the coders encoded. It stands where another
    // statement, or the auditor's assessment, states the shortcoming too; where it is a point of
    // a list of findings (the report has set it out as one); where it negates what a service is
    // expected to have ("ikke oversikt over", "ikke tilbud om"); and in a tilsyn or
    // Riksrevisjonen report, whose findings are the supervisor's own ("Vi fant at ...").
    let mut first_rules = first_rules.into_iter();
    report.gaps.retain(|g| {
        let first = first_rules.next();
        !(first == Some(("gap.negation", false))
            && g.evidence.len() == 1
            && g.stated_in == Some(StatedIn::Findings))
    });
    // In the order of the text (the summary's statements were taken last; the sort is stable),
    // with ids given in that order.
    report.gaps.sort_by_key(|g| g.evidence[0].line);
    for g in &mut report.gaps {
        g.id = ctx.id(format!("g-{}", g.category));
    }
}

/// Rule `gap.subject`: in the auditor's assessment, a statement joins a gap of its category and
/// section only when the two concern a service in common, or either names none. The
/// assessment judges each service's part in turn ("Velferdsforvaltningen ...", "Nav ..."),
/// while the findings gather what informants say of the section's topic. The municipality
/// itself ("Kommunen bør ...") counts as a subject too: the reviewed records keep its own
/// statements apart from those about its units, and leaving it out lost five of 127 matches.
fn same_subject(gap: &Gap, named: &[String]) -> bool {
    named.is_empty()
        || gap.services.is_empty()
        || gap
            .services
            .iter()
            .any(|s| named.iter().any(|n| n.as_str() == s.as_str()))
}

/// Rule `gap.point`: the point of a list that sentence `si` opens, or, for a point under a
/// point, the point above it in the same section (by sentence index).
fn point_of(doc: &super::text::Doc<'_>, si: usize) -> Option<usize> {
    let s = &doc.sentences[si];
    if s.opens_point(doc.text) {
        return Some(si);
    }
    if !s.opens_sub_point(doc.text) {
        return None;
    }
    (0..si)
        .rev()
        .find(|&k| doc.sentences[k].opens_point(doc.text))
        .filter(|&k| doc.sentences[k].section == s.section)
}

/// Rule `gap.background`: a chapter with no role word of its own ("Det kommunale ansvar",
/// "Aktualitet") whose next chapter with a role is one of the introduction ("Metode",
/// "Avgrensninger"; not a "Problemstilling 2" that opens the next part of the body) is
/// background to the audit, not its findings: the report has not yet begun to examine the
/// municipality.
fn background(doc: &super::text::Doc<'_>, section: Option<usize>) -> bool {
    let headings = &doc.outline.headings;
    let Some(mut chapter) = section else {
        return false;
    };
    while headings[chapter].level > 1 {
        match (0..chapter)
            .rev()
            .find(|&k| headings[k].level < headings[chapter].level)
        {
            Some(k) => chapter = k,
            None => return false,
        }
    }
    // The next chapter with a role of its own, past any others without one.
    headings[chapter].role.is_none()
        && headings[chapter + 1..]
            .iter()
            .find(|h| h.level == 1 && h.role.is_some())
            .is_some_and(|h| {
                h.role == Some(Role::Introduction)
                    && !h.text.to_lowercase().contains("problemstilling")
            })
}

/// Rule `gap.summary`: a statement of the summary, or of a closing conclusion chapter, restates
/// the body's findings and assessments rather than stating a gap of its own.
fn restates(doc: &super::text::Doc<'_>, c: &Candidate) -> bool {
    match c.role {
        Role::Summary => true,
        Role::Conclusion => doc.sentences[c.sentence]
            .section
            .and_then(|h| doc.outline.headings.get(h))
            .is_some_and(|h| h.level == 1),
        _ => false,
    }
}

/// How many statements one gap holds (rule gap.many): a section that states a category's
/// shortcoming in more sentences than this states more than one shortcoming of it (the reviewed
/// records split such sections), so the next statement opens a gap of its own. The summary may
/// add two more to a body's gap it restates. Measured on the five bundled sources, 5 to 10 give
/// the same scores within two gaps matched.
const MAX_EVIDENCE: usize = 8;

/// Stems of the words of five letters or more: what a statement is about.
fn content_words(flat: &str) -> BTreeSet<String> {
    flat.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(stem)
        .collect()
}

/// Rule `gap.same`: two statements share at least 60% of their content words (Jaccard).
fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let all = a.union(b).count();
    all > 0 && shared * 5 >= all * 3
}

fn display_heading(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(60)
        .collect()
}

fn add_services(ctx: &Ctx<'_, '_>, gap: &mut Gap, sentence: usize) {
    let named = &ctx.named[sentence];
    for id in named {
        if !gap.services.iter().any(|s| s.0 == *id) {
            gap.services.push(id.as_str().into());
        }
    }
    for (x, a) in named.iter().enumerate() {
        for b in &named[x + 1..] {
            let key = if a < b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            };
            // A gap concerns the pair's relations that are not in place or not working, else
            // all of them.
            let Some(rels) = ctx.pairs.get(&key) else {
                continue;
            };
            let troubled = |st: &Status| !st.exists() || *st == Status::Strained;
            let any_troubled = rels.iter().any(|(_, st)| troubled(st));
            for (r, st) in rels {
                if (troubled(st) || !any_troubled) && !gap.relations.contains(r) {
                    gap.relations.push(r.clone());
                }
            }
        }
    }
}

fn word_start(flat: &str, at: usize) -> bool {
    flat[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}
