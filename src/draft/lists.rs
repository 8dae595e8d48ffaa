//! Rule groups `recommendation`, `question`, `decision` and `criterion`: numbered (or bulleted)
//! lists after a lead-in or in a section of the right role, numbered as printed with their
//! parts ("8a"); and criteria with the legal references that parse as [`LegalRef`].

use std::sync::LazyLock;

use regex::Regex;

use super::findings::category;
use super::rules::{self, Role};
use super::sentences::{Marker, Sentence};
use super::{Ctx, display};
use crate::legal::LegalRef;
use crate::model::{Criterion, Decision, Question, Recommendation, Report};
use crate::taxonomy::{GapCategory, Genre};

/// How many lines may separate two items of one list (a page break, a second sentence).
const ITEM_GAP_LINES: usize = 15;

static LAW_THEN_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:[\p{L}]+-\s+og\s+)?[\p{L}-]*(?:loven|lova|lov)|forskrift om [\p{L} ]+?|hol|pbrl|stjl|shtl|phvl|hpl|fvl|kl|bsl|fhl|pbl|hrl|bvl)\s*§\s*(\d+(?:-\d+)?(?:\s+[a-h]\b)?)").expect("valid pattern")
});
static SECTION_THEN_LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"§\s*(\d+(?:-\d+)?)(?:\s+([a-h])\b)?\s+i\s+((?:[\p{L}]+-\s+og\s+)?[\p{L}-]+(?:loven|lova))").expect("valid pattern")
});
/// One section number of an enumeration: "17", "4-1", "2-1 e".
const SECTION_PATTERN: &str = r"\d+(?:-\d+)?(?:\s+[a-h]\b)?";
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(SECTION_PATTERN).expect("valid pattern"));
static LAW_THEN_SECTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b((?:[\p{{L}}]+-\s+og\s+)?[\p{{L}}-]*(?:loven|lova|lov)|hol|pbrl|stjl|shtl|phvl|hpl|fvl|kl|bsl|fhl|pbl|hrl|bvl)\s*§§\s*({s}(?:\s*(?:{j})\s*{s})+)",
        s = SECTION_PATTERN,
        j = rules::SECTION_JOINERS.join("|")
    ))
    .expect("valid pattern")
});
static SECTIONS_THEN_LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"§§\s*({s}(?:\s*(?:{j})\s*{s})+)\s+i\s+((?:[\p{{L}}]+-\s+og\s+)?[\p{{L}}-]+(?:loven|lova))",
        s = SECTION_PATTERN,
        j = rules::SECTION_JOINERS.join("|")
    ))
    .expect("valid pattern")
});
static CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Ss]ak\s+(\d{1,4}/\d{2,4})").expect("valid pattern"));

/// The legal references in `text` that parse as [`LegalRef`], in order, without repeats.
pub(crate) fn legal_refs(text: &str) -> Vec<LegalRef> {
    let flat = expand_sections(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut found: Vec<(usize, String)> = Vec::new();
    for c in LAW_THEN_SECTION.captures_iter(&flat) {
        if let (Some(all), Some(law), Some(sec)) = (c.get(0), c.get(1), c.get(2)) {
            found.push((all.start(), format!("{} § {}", law.as_str(), sec.as_str())));
        }
    }
    for c in SECTION_THEN_LAW.captures_iter(&flat) {
        if let (Some(all), Some(sec), Some(law)) = (c.get(0), c.get(1), c.get(3)) {
            let letter = c
                .get(2)
                .map_or(String::new(), |l| format!(" {}", l.as_str()));
            found.push((
                all.start(),
                format!("§ {}{letter} i {}", sec.as_str(), law.as_str()),
            ));
        }
    }
    found.sort();
    let mut out: Vec<LegalRef> = Vec::new();
    for (_, candidate) in found {
        if let Ok(r) = candidate.parse::<LegalRef>()
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

/// Rule `legal.sections`: an enumeration of sections of one law ("sosialtjenesteloven §§ 17
/// og 4", "§§ 4-1 og 4-2 i helse- og omsorgstjenesteloven") written out as one reference per
/// section, since a [`LegalRef`] names one section (it rejects "§§").
fn expand_sections(flat: &str) -> String {
    let flat = LAW_THEN_SECTIONS.replace_all(flat, |c: &regex::Captures<'_>| {
        SECTION
            .find_iter(&c[2])
            .map(|m| format!("{} § {}", &c[1], m.as_str()))
            .collect::<Vec<_>>()
            .join(" og ")
    });
    SECTIONS_THEN_LAW
        .replace_all(&flat, |c: &regex::Captures<'_>| {
            SECTION
                .find_iter(&c[1])
                .map(|m| format!("§ {} i {}", m.as_str(), &c[2]))
                .collect::<Vec<_>>()
                .join(" og ")
        })
        .into_owned()
}

/// What a list is, from its lead-in or section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Recommendations,
    Questions,
    Decisions,
}

/// One list item: its number as printed ("8a") and its sentences.
struct Item {
    number: String,
    first: usize,
    last: usize,
    bullet: bool,
}

struct List {
    kind: ListKind,
    items: Vec<Item>,
    lead: Option<usize>,
}

/// Drafts recommendations, audit questions, council decisions and criteria.
pub(super) fn lists(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let lists = find_lists(ctx.doc);
    // Per kind, the longest list (the later on a tie: the chapter after the summary), except
    // questions: the first (the introduction states them).
    for kind in [
        ListKind::Questions,
        ListKind::Recommendations,
        ListKind::Decisions,
    ] {
        let mut of_kind: Vec<&List> = lists.iter().filter(|l| l.kind == kind).collect();
        if kind == ListKind::Questions {
            of_kind.truncate(1);
        }
        let Some(list) = of_kind.iter().rev().max_by_key(|l| l.items.len()).copied() else {
            continue;
        };
        emit(ctx, report, list);
    }
    criteria(ctx, report);
}

fn find_lists(doc: &super::text::Doc<'_>) -> Vec<List> {
    let sentences = doc.sentences.as_slice();
    let mut out: Vec<List> = Vec::new();
    let mut current: Option<(List, usize)> = None; // list, line of the last item
    for (si, s) in sentences.iter().enumerate() {
        let mut ends = false;
        if let Some((list, last_line)) = &mut current {
            let continues = s.line <= *last_line + ITEM_GAP_LINES
                && same_part(&sentences[list.items[0].first], s);
            match &s.marker {
                _ if !continues => ends = true,
                Some(marker) => match next_number(&list.items, marker) {
                    Some(number) => {
                        list.items.push(Item {
                            number,
                            first: si,
                            last: si,
                            bullet: *marker == Marker::Bullet,
                        });
                        *last_line = s.line;
                        continue;
                    }
                    // A new "1." starts a new list; anything else ends this one.
                    None => ends = true,
                },
                None => {
                    // A sentence after an item's first: the item's text, when it follows on.
                    if let Some(item) = list.items.last_mut()
                        && si == item.last + 1
                    {
                        item.last = si;
                    }
                    continue;
                }
            }
        }
        if ends && let Some((list, _)) = current.take() {
            out.push(list);
        }
        let Some(marker) = &s.marker else { continue };
        let first = match marker {
            Marker::Number(n) => n == "1",
            Marker::Letter(c) => *c == 'a',
            Marker::Bullet => true,
        };
        if !first {
            continue;
        }
        let lead = (si.saturating_sub(3)..si)
            .rev()
            .find(|&k| sentences[k].marker.is_none() && s.line <= sentences[k].line + 8);
        let heading = s
            .section
            .and_then(|h| doc.outline.headings.get(h))
            .map(|h| h.text.to_lowercase());
        let Some(kind) = kind_of(s, lead.map(|k| &sentences[k]), heading.as_deref()) else {
            continue;
        };
        let number = match marker {
            Marker::Number(n) => n.clone(),
            Marker::Letter(c) => c.to_string(),
            Marker::Bullet => "1".to_string(),
        };
        current = Some((
            List {
                kind,
                items: vec![Item {
                    number,
                    first: si,
                    last: si,
                    bullet: *marker == Marker::Bullet,
                }],
                lead,
            },
            s.line,
        ));
    }
    if let Some((list, _)) = current {
        out.push(list);
    }
    out
}

/// Two sentences stand in one part of a list when they are in the same section, or the later
/// one's section still has the list's role (a heading between items is a page artefact).
fn same_part(first: &Sentence, s: &Sentence) -> bool {
    first.section == s.section || first.role == s.role
}

/// The number of the next item of a list, when `marker` continues it.
fn next_number(items: &[Item], marker: &Marker) -> Option<String> {
    let last = items.last()?;
    let parent: String = last
        .number
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let last_letter = last.number.chars().find(char::is_ascii_lowercase);
    match marker {
        Marker::Number(n) => {
            let n: u32 = n.parse().ok()?;
            let p: u32 = parent.parse().ok()?;
            (!last.bullet && n == p + 1).then(|| n.to_string())
        }
        Marker::Letter(c) => {
            let expected = last_letter.map_or('a', |l| (l as u8 + 1) as char);
            (*c == expected).then(|| format!("{parent}{c}"))
        }
        Marker::Bullet => last.bullet.then(|| (items.len() + 1).to_string()),
    }
}

/// What a list starting with `first` is, from its lead-in sentence or its section (`heading`,
/// lowercased: questions listed straight under "Problemstillingar" need no lead-in).
fn kind_of(first: &Sentence, lead: Option<&Sentence>, heading: Option<&str>) -> Option<ListKind> {
    let lead_flat = lead.map_or("", |l| l.flat.as_str());
    let has = |words: &[&str]| words.iter().any(|w| lead_flat.contains(w));
    if (lead_flat.contains("vedtak") || lead_flat.contains("vedtok"))
        && (lead_flat.contains("kommunestyre") || lead_flat.contains("bystyre"))
        && CASE.is_match(lead_flat)
    {
        return Some(ListKind::Decisions);
    }
    let under = |words: &[&str]| heading.is_some_and(|h| words.iter().any(|w| h.contains(w)));
    if (has(rules::QUESTION_LEADS) || under(rules::QUESTION_LEADS)) && first.flat.contains('?') {
        return Some(ListKind::Questions);
    }
    if has(rules::RECOMMENDATION_LEADS) || first.role == Role::Recommendations {
        return Some(ListKind::Recommendations);
    }
    None
}

fn emit(ctx: &mut Ctx<'_, '_>, report: &mut Report, list: &List) {
    let doc = ctx.doc;
    let lead = list.lead.map(|k| &doc.sentences[k]);
    let why = match (list.kind, lead) {
        (ListKind::Recommendations, Some(l))
            if rules::RECOMMENDATION_LEADS
                .iter()
                .any(|w| l.flat.contains(w)) =>
        {
            "rule recommendation.lead-in: a list after a sentence that recommends"
        }
        (ListKind::Recommendations, _) => {
            "rule recommendation.section: a list in a recommendations section"
        }
        (ListKind::Questions, _) => {
            "rule question.lead-in: a list of questions after 'problemstilling' (in its lead-in or its heading)"
        }
        (ListKind::Decisions, _) => {
            "rule decision.lead-in: a list after a council decision (vedtak, sak)"
        }
    };
    for item in &list.items {
        let first = &doc.sentences[item.first];
        // A question ends at its question mark: what follows it is the report's comment (or a
        // footnote), not the question.
        let last = if list.kind == ListKind::Questions {
            (item.first..=item.last)
                .map(|k| &doc.sentences[k])
                .find(|k| k.flat.ends_with('?'))
                .unwrap_or(&doc.sentences[item.last])
        } else {
            &doc.sentences[item.last]
        };
        let Some(ev) = ctx.evidence(first.start, first.end) else {
            continue;
        };
        let text = strip_marker(&display(doc, first.start, last.end, 400));
        let mut note = why.to_string();
        if item.bullet {
            note.push_str("; unnumbered in the report, numbered here in order");
        }
        match list.kind {
            ListKind::Recommendations => {
                let id = ctx.id(format!("rec-{}", item.number));
                // Rule recommendation.gaps: the assessed gaps of the recommendation's category.
                let supervision = matches!(report.genre, Genre::Tilsyn | Genre::Riksrevisjon);
                let category = category(&first.flat, supervision);
                let gaps: Vec<String> = report
                    .gaps
                    .iter()
                    .filter(|g| {
                        g.category == category && category != GapCategory::Other && g.is_assessed()
                    })
                    .take(3)
                    .map(|g| g.id.clone())
                    .collect();
                if !gaps.is_empty() {
                    note.push_str(&format!(
                        "; gaps linked by rule recommendation.gaps (same category, {category}: check)"
                    ));
                }
                report.recommendations.push(Recommendation {
                    id,
                    number: item.number.clone(),
                    text,
                    gaps,
                    evidence: vec![ev],
                    note: Some(note),
                });
            }
            ListKind::Questions => {
                let id = ctx.id(format!("q{}", item.number));
                report.questions.push(Question {
                    id,
                    number: item.number.clone(),
                    text,
                    parent: None,
                    evidence: vec![ev],
                    note: Some(note),
                });
            }
            ListKind::Decisions => {
                let lead_flat = lead.map_or("", |l| l.flat.as_str());
                let Some(case) = CASE.captures(lead_flat).map(|c| format!("sak {}", &c[1])) else {
                    continue;
                };
                let body = if lead_flat.contains("bystyre") {
                    "bystyret"
                } else {
                    "kommunestyret"
                };
                let id = ctx.id(format!("vedtak-{}", item.number));
                report.decisions.push(Decision {
                    id,
                    body: body.to_string(),
                    case,
                    date: None,
                    number: item.number.clone(),
                    text,
                    evidence: vec![ev],
                    note: Some(note),
                });
            }
        }
    }
}

fn strip_marker(text: &str) -> String {
    let t = text.trim_start_matches(|c: char| {
        c == '-'
            || c == '–'
            || c == '•'
            || c.is_whitespace()
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
    });
    let rest = t
        .split_once(' ')
        .filter(|(m, _)| {
            m.len() <= 4
                && m.trim_end_matches(['.', ')'])
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric())
                && m.ends_with(['.', ')'])
        })
        .map_or(t, |(_, r)| r);
    rest.trim().to_string()
}

/// Rule `criterion.legal`: a sentence of a criteria section that cites a law section that
/// parses.
fn criteria(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    for s in &doc.sentences {
        if s.role != Role::Criteria || !s.flat.contains('§') {
            continue;
        }
        let legal = legal_refs(&doc.text[s.start..s.end]);
        if legal.is_empty() || report.criteria.iter().any(|c| c.legal == legal) {
            continue;
        }
        let Some(ev) = ctx.evidence(s.start, s.end) else {
            continue;
        };
        let id = ctx.id(format!("c{}", report.criteria.len() + 1));
        report.criteria.push(Criterion {
            id,
            text: display(doc, s.start, s.end, 300),
            legal,
            questions: Vec::new(),
            evidence: vec![ev],
            note: Some(
                "rule criterion.legal: a sentence of a criteria section citing a law".into(),
            ),
        });
    }
}
