//! Rule group `follow-up`: in a follow-up (oppfølgingsundersøkelse, oppfølgingsrapport, a
//! tilsyn's closing letter), the status now of each earlier recommendation, decision point or
//! breach; `follows_up` is drafted with them (rule `meta.follows-up` in `meta.rs`).
//!
//! The earlier report's record id cannot be read from the text: the drafter writes
//! `<municipality>-<year>` from the sentence that names the earlier report (the corpus's id
//! convention), or `<municipality>-earlier` when no year is stated, and says in the report's
//! note which sentence it read; the researcher replaces it with the real id (a corpus refuses an
//! unknown one once the record is no longer marked a draft). An earlier item is named by the id
//! a draft of the earlier report gives it (`rec-2` for recommendation 2, `vedtak-1` for decision
//! point 1, `lovbrudd-1`), so the number is kept and the researcher maps it to the earlier
//! record's id.
//!
//! The rules, by how the report states a status:
//! - `follow-up.item`: a sentence or heading naming an item with its number ("Anbefaling 2",
//!   "tilråding 3", "punkt 1") and, in it or the next sentences, a status word
//!   (`rules::STATUS_WORDS`: "delvis fulgt opp", "ikkje følgt opp", "under arbeid");
//! - `follow-up.table`: a numbered list or table rows after a lead or head naming the earlier
//!   recommendations or decision points, most rows with a status word;
//! - `follow-up.parallel`: a numbered list of the summary or conclusion with as many items as
//!   the earlier points the follow-up restates: item k reports on point k (the convention of
//!   answering each point in order); its status from its status words, "til dels", or a positive
//!   statement qualified after "men" (partly);
//! - `follow-up.not-stated`: an earlier point the follow-up restates but grades nowhere.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::conclusions::first_phrase;
use super::rules::{self, Role};
use super::sentences::Marker;
use super::{Ctx, display};
use crate::model::{FollowUp, ItemRef, Report};
use crate::taxonomy::{FollowUpStatus, Genre};

/// How many sentences after an item's mention the drafter reads for its status (within its
/// section and subsections, up to the next item named).
const WINDOW: usize = 40;

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<&str> = rules::ITEM_WORDS.iter().map(|(w, _, _)| *w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(
        r"\b({})\s+(?:nr\.?\s*)?(\d{{1,2}}[a-h]?)\b",
        words.join("|")
    ))
    .expect("valid pattern")
});
static BARE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s+\p{L}").expect("valid pattern"));

/// The status the words of `flat` give, with the words; `None` when it states none. A status
/// word after a duty ("bør", "skal", "må") or in an indirect question ("hvordan ... er fulgt
/// opp") is no status.
/// With `named` (the sentence names the item, or is a row of a status table) the activity verbs
/// (`rules::ACTIVITY_WORDS`) count too.
pub(super) fn status(flat: &str, named: bool) -> Option<(FollowUpStatus, &'static str)> {
    let (at, _, (w, s)) =
        first_phrase(flat, rules::STATUS_WORDS, rules::STATUS_BLOCKERS).or_else(|| {
            named
                .then(|| first_phrase(flat, rules::ACTIVITY_WORDS, rules::STATUS_BLOCKERS))
                .flatten()
        })?;
    let before = &flat[..at];
    let duty = before.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "bør" | "skal" | "må" | "skulle" | "burde" | "hvordan" | "korleis"
        )
    });
    (!duty).then_some((*s, *w))
}

/// The status of a summary item that answers a point: its status words, else a partial grade
/// ("til dels", a positive statement qualified after "men").
fn graded_status(flat: &str) -> Option<(FollowUpStatus, String)> {
    if let Some((s, w)) = status(flat, false) {
        return Some((s, format!("'{w}'")));
    }
    match super::conclusions::verdict(flat) {
        Some((crate::taxonomy::Verdict::Partly, how)) => {
            Some((FollowUpStatus::Partly, format!("a partial grade ({how})")))
        }
        _ => None,
    }
}

/// A drafted follow-up before it is written: the earlier item, status, sentences, rule.
struct Found {
    item: String,
    status: FollowUpStatus,
    sentences: Vec<usize>,
    /// The heading line, when a heading states the status.
    heading: Option<crate::model::Evidence>,
    why: String,
    summary: usize,
}

/// A follow-up stated in one numbered row: its status with the words that gave it, or
/// `not_stated` when the row has no status word.
fn row(item: String, si: usize, graded: Option<(FollowUpStatus, String)>, rule: &str) -> Found {
    let (status, why) = match graded {
        Some((s, how)) => (s, format!("{rule}, its status by {how}")),
        None => (
            FollowUpStatus::NotStated,
            format!("{rule}; no status word, so `not_stated`"),
        ),
    };
    Found {
        item,
        status,
        sentences: vec![si],
        heading: None,
        why,
        summary: si,
    }
}

/// Drafts `follows_up` and the follow-up items.
pub(super) fn follow_ups(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    let follow_up = report.genre == Genre::Oppfolgingsundersokelse;
    if !follow_up && report.closed.is_none() {
        return;
    }
    let mut found: BTreeMap<String, Found> = BTreeMap::new();

    // Rule follow-up.item: "Anbefaling 2 ... er delvis fulgt opp".
    // Every item a sentence names ("lovbrot 1 og lovbrot 2 er retta"), and the first sentence of
    // a section whose heading names one ("3 Tilråding 2: Individuell plan"). Each with the part
    // of its sentence that speaks of it: up to the next item named, or on to the next one's
    // status when only "og" stands between them.
    let mut anchors: Vec<(usize, String, std::ops::Range<usize>, Option<usize>)> = Vec::new();
    for (h, heading) in doc.outline.headings.iter().enumerate() {
        if matches!(heading.role, Some(Role::Contents | Role::Appendix)) {
            continue;
        }
        let lower = heading.text.to_lowercase();
        let ids = item_ids(&lower, follow_up);
        if ids.is_empty() {
            continue;
        }
        // The first sentence after the heading, in its section or a subsection.
        let Some(si) = doc
            .sentences
            .iter()
            .position(|s| s.line > heading.line && s.section.is_some_and(|x| x >= h))
        else {
            continue;
        };
        for (id, _) in ids {
            // A status in the heading itself ("Anbefaling 1 – fulgt opp") is the item's.
            let line = &doc.lines[heading.line - 1];
            match status(&lower, true) {
                Some((st, w)) if line.text.trim().len() >= heading.text.len() => {
                    let (a, b) = (line.start, line.start + line.text.len());
                    if let Some(ev) = ctx.evidence(a, b) {
                        keep(
                            Found {
                                item: id.clone(),
                                status: st,
                                sentences: Vec::new(),
                                heading: Some(ev),
                                why: format!(
                                    "rule follow-up.item: a heading names the earlier item with its status '{w}'"
                                ),
                                summary: si,
                            },
                            &mut found,
                        );
                    }
                }
                _ => anchors.push((si, id, 0..doc.sentences[si].flat.len(), Some(h))),
            }
        }
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        if matches!(s.role, Role::Contents | Role::Appendix) {
            continue;
        }
        let named = item_ids(&s.flat, follow_up);
        for (k, (id, at)) in named.iter().enumerate() {
            let mut end = named.get(k + 1).map_or(s.flat.len(), |(_, b)| *b);
            // "lovbrot 1 og lovbrot 2 er retta": 1 shares 2's status.
            let mut m = k;
            while m + 1 < named.len() {
                let between = &s.flat[named[m].1..named[m + 1].1];
                let words: Vec<&str> = between.split_whitespace().skip(2).collect();
                if words
                    .iter()
                    .all(|w| matches!(*w, "og" | "eller" | "samt" | "," | "–"))
                {
                    m += 1;
                    end = named.get(m + 1).map_or(s.flat.len(), |(_, b)| *b);
                } else {
                    break;
                }
            }
            if !anchors.iter().any(|(j, i, _, _)| *j == si && i == id) {
                anchors.push((si, id.clone(), *at..end, s.section));
            }
        }
    }
    anchors.sort_by_key(|(si, _, _, _)| *si);
    for (k, (si, id, part, section)) in anchors.iter().enumerate() {
        let next = anchors[k + 1..]
            .iter()
            .find(|(n, _, _, _)| n > si)
            .map_or(usize::MAX, |(n, _, _, _)| *n);
        // The anchor's section with its subsections ("3.1 Anbefaling 1" with "3.1.2 Revisjonens
        // vurdering"), up to the next item named.
        let section = *section;
        let scope_end = section.map_or(0, |h| {
            let level = doc.outline.headings[h].level;
            (h + 1..doc.outline.headings.len())
                .find(|&k| doc.outline.headings[k].level <= level)
                .unwrap_or(usize::MAX)
        });
        let in_scope = |j: usize| {
            let sec = doc.sentences[j].section;
            sec == section || sec.is_some_and(|x| section.is_some_and(|h| x > h && x < scope_end))
        };
        let window: Vec<usize> = (*si..doc.sentences.len().min(si + WINDOW))
            .take_while(|&j| j == *si || (j < next && in_scope(j)))
            .collect();
        let with_status: Vec<(usize, FollowUpStatus, &str)> = window
            .iter()
            .filter_map(|&j| {
                let f = &doc.sentences[j].flat;
                if j == *si {
                    return status(&f[part.clone()], true).map(|(s, w)| (j, s, w));
                }
                // A later sentence naming another item speaks of that one.
                let others = item_ids(f, follow_up);
                if others.iter().any(|(o, _)| o != id) {
                    return None;
                }
                status(f, !others.is_empty()).map(|(s, w)| (j, s, w))
            })
            .collect();
        // The auditor's verdict first: a sentence naming the item or its assessment.
        let pick = with_status
            .iter()
            .find(|(j, _, _)| {
                let f = &doc.sentences[*j].flat;
                *j == *si
                    || [
                        "anbefaling",
                        "tilråding",
                        "punkt",
                        "vedtak",
                        "status",
                        "vurder",
                    ]
                    .iter()
                    .any(|w| f.contains(w))
            })
            .or(with_status.first());
        if let Some(&(j, s, w)) = pick {
            let mut sentences = vec![*si];
            if j != *si {
                sentences.push(j);
            }
            keep(
                Found {
                    item: id.clone(),
                    status: s,
                    sentences,
                    heading: None,
                    why: format!(
                        "rule follow-up.item: the text names the earlier item, and its status by '{w}'"
                    ),
                    summary: j,
                },
                &mut found,
            );
        }
    }

    // Rule follow-up.table: numbered rows after a lead naming recommendations or points.
    let runs = numbered_runs(ctx);
    for run in &runs {
        let Some(prefix) = lead_kind(ctx, run[0]) else {
            continue;
        };
        let statuses: Vec<Option<(FollowUpStatus, &str)>> = run
            .iter()
            .map(|&si| status(&doc.sentences[si].flat, true))
            .collect();
        let graded = statuses.iter().filter(|s| s.is_some()).count();
        if graded * 2 < run.len() {
            continue;
        }
        for (&si, st) in run.iter().zip(&statuses) {
            let Some(n) = row_number(&doc.sentences[si]) else {
                continue;
            };
            keep(
                row(
                    format!("{prefix}-{n}"),
                    si,
                    st.map(|(s, w)| (s, format!("'{w}'"))),
                    "rule follow-up.table: a numbered row of a status list",
                ),
                &mut found,
            );
        }
    }

    // The earlier points the follow-up restates: the decision points, else the recommendations.
    let (prefix, points): (&str, Vec<(String, usize)>) = if !report.decisions.is_empty() {
        (
            "vedtak",
            report
                .decisions
                .iter()
                .map(|d| (d.number.clone(), d.evidence[0].line))
                .collect(),
        )
    } else {
        (
            "rec",
            report
                .recommendations
                .iter()
                .map(|r| (r.number.clone(), r.evidence[0].line))
                .collect(),
        )
    };

    // Rule follow-up.parallel: a summary list answering the points in order.
    if follow_up && !points.is_empty() {
        let parallel = runs.iter().find(|run| {
            let first = &doc.sentences[run[0]];
            run.len() == points.len()
                && matches!(
                    first.role,
                    Role::Summary | Role::Conclusion | Role::Assessment
                )
                && !points.iter().any(|(_, line)| *line == first.line)
                && run.iter().all(|&si| !doc.sentences[si].flat.ends_with('?'))
                && lead_kind(ctx, run[0]).is_none()
        });
        if let Some(run) = parallel {
            for (&si, (number, _)) in run.iter().zip(&points) {
                keep(
                    row(
                        format!("{prefix}-{number}"),
                        si,
                        graded_status(&doc.sentences[si].flat),
                        &format!(
                            "rule follow-up.parallel: item {number} of a summary list answering the earlier points in order"
                        ),
                    ),
                    &mut found,
                );
            }
        }
    }

    // Rule follow-up.not-stated: a restated point graded nowhere.
    if follow_up {
        for (number, line) in &points {
            let item = format!("{prefix}-{number}");
            if found.contains_key(&item) {
                continue;
            }
            if let Some(si) = doc.sentences.iter().position(|s| s.line == *line) {
                keep(
                    Found {
                        item,
                        status: FollowUpStatus::NotStated,
                        sentences: vec![si],
                        heading: None,
                        why: "rule follow-up.not-stated: the follow-up restates this earlier point, and the drafter found no status word for it".into(),
                        summary: si,
                    },
                    &mut found,
                );
            }
        }
    }

    if found.is_empty() && !follow_up {
        return;
    }
    let earlier = super::meta::follows_up(ctx, report);
    if found.is_empty() {
        return;
    }
    let mut items: Vec<Found> = found.into_values().collect();
    items.sort_by_key(|f| (doc.sentences[f.summary].line, f.item.clone()));
    for f in items {
        let mut evidence: Vec<crate::model::Evidence> = f.heading.clone().into_iter().collect();
        for &si in &f.sentences {
            let s = &doc.sentences[si];
            if let Some(ev) = ctx.sentence_evidence(s, s.start) {
                evidence.push(ev);
            }
        }
        if evidence.is_empty() {
            continue;
        }
        let t = &doc.sentences[f.summary];
        let id = ctx.id(format!("fu-{}", f.item));
        report.follow_ups.push(FollowUp {
            id,
            of: ItemRef {
                report: earlier.clone(),
                item: f.item.clone(),
            },
            status: f.status,
            summary: display(doc, t.start, t.end, 300),
            gaps: Vec::new(),
            evidence,
            note: Some(format!(
                "{}; `of` is the drafter's name for the earlier item ({}: the id a draft of the earlier report gives it) in the earlier report `{}`: replace both with the earlier record's ids",
                f.why, f.item, earlier
            )),
        });
    }
}

/// Keeps `f` unless an item of the same id with a status was found before it.
fn keep(f: Found, found: &mut BTreeMap<String, Found>) {
    let better = found.get(&f.item).is_none_or(|old| {
        old.status == FollowUpStatus::NotStated && f.status != FollowUpStatus::NotStated
    });
    if better {
        found.insert(f.item.clone(), f);
    }
}

/// The ids a draft gives the earlier items a text names ("anbefaling 2" → `rec-2`), each with
/// the byte where its mention begins.
fn item_ids(flat: &str, follow_up: bool) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for c in ITEM.captures_iter(flat) {
        let word = &c[1];
        let Some((_, prefix, only_follow_up)) =
            rules::ITEM_WORDS.iter().find(|(w, _, _)| *w == word)
        else {
            continue;
        };
        let id = format!("{prefix}-{}", &c[2]);
        if (follow_up || !only_follow_up) && !out.iter().any(|(o, _)| *o == id) {
            out.push((id, c.get(0).map_or(0, |m| m.start())));
        }
    }
    out
}

/// The number a list item or table row opens with: its marker (`2.`, `2)`), or a bare number
/// before a capital, as pdftotext prints the first column of a table ("2   Tilbud om ...").
fn row_number(s: &super::sentences::Sentence) -> Option<String> {
    match &s.marker {
        Some(Marker::Number(n)) => Some(n.clone()),
        Some(_) => None,
        None => BARE_NUMBER.captures(&s.flat).map(|c| c[1].to_string()),
    }
}

/// Runs of numbered items (1, 2, 3 ...) in the text, each the sentence indices of its items.
fn numbered_runs(ctx: &Ctx<'_, '_>) -> Vec<Vec<usize>> {
    let doc = ctx.doc;
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut expected = 1u32;
    for (si, s) in doc.sentences.iter().enumerate() {
        let Some(n) = row_number(s) else {
            continue;
        };
        let n: u32 = n.parse().unwrap_or(0);
        let close = current
            .last()
            .is_some_and(|&l| s.line <= doc.sentences[l].line + 15);
        if n == expected && (n == 1 || close) {
            current.push(si);
            expected += 1;
            continue;
        }
        if current.len() >= 2 {
            runs.push(std::mem::take(&mut current));
        }
        current.clear();
        expected = 1;
        if n == 1 {
            current.push(si);
            expected = 2;
        }
    }
    if current.len() >= 2 {
        runs.push(current);
    }
    runs
}

/// The id prefix of the earlier items a numbered run lists, from its lead: the sentence or
/// heading just before it naming recommendations or decision points.
fn lead_kind(ctx: &Ctx<'_, '_>, first: usize) -> Option<&'static str> {
    let doc = ctx.doc;
    let s = &doc.sentences[first];
    let mut texts: Vec<String> = (first.saturating_sub(3)..first)
        .rev()
        .map(|k| &doc.sentences[k])
        .take_while(|k| k.marker.is_none() && s.line <= k.line + 8)
        .map(|k| k.flat.clone())
        .collect();
    if let Some(h) = s.section.and_then(|h| doc.outline.headings.get(h))
        && s.line <= h.line + 8
    {
        texts.push(h.text.to_lowercase());
    }
    texts.iter().find_map(|t| {
        rules::ITEM_LEADS
            .iter()
            .find(|(w, _)| t.contains(w))
            .map(|(_, p)| *p)
    })
}
