//! Rule group `meta`: the record's top level from the text: title, issuer, date and year,
//! genre, municipalities or districts, who ordered it, methods, and for a follow-up the earlier
//! report it follows up (rule `meta.follows-up`, a placeholder id: see [`follows_up`]). What the
//! text does not state is `null`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Ctx;
use super::rules::{self, Role};
use super::text::LineKind;
use crate::model::{Closure, Evidence, Report, ReportId};
use crate::taxonomy::{Genre, Scope};

/// How many lines from the start the front-matter rules read (title page, colophon, summary).
const FRONT_LINES: usize = 300;
/// The lines of the title page and colophon: where the date of publication stands, alone on its
/// line or labelled ("Dato:"), and where the genre is read first.
const TITLE_PAGE: usize = 60;

static AUDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)? (?:[Rr]evisjon|[Kk]ommunerevisjon)\b(?: IKS| SA| AS)?|Revisjon \p{Lu}[\p{L}-]+(?: IKS| SA| AS)|\p{Lu}{3,} REVISJON(?: IKS)?|Deloitte(?: AS)?|BDO(?: AS)?|KPMG(?: AS)?",
        r"|PwC|Kommunerevisjonen(?: i Oslo)?|Riksrevisjonen|Helsetilsynet",
        r"|(?:Statsforvalteren|Statsforvaltaren|Fylkesmannen) i \p{Lu}[\p{L}-]+(?:(?:, | og )\p{Lu}[\p{L}-]+)*)"
    ))
    .unwrap()
});
static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\s+((?:19|20)\d\d)\b").unwrap()
});
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)\b").unwrap());
static MUNICIPALITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\p{Lu}[\p{L}-]+) (?:kommune|kommunes)\b").unwrap());
static DISTRICT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Bb]ydel (\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)").unwrap());
static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:tilsynet|saka|saken) (?:er|blir|vert|vil bli) (?:no |nå |derfor )?(?:avslutta|avsluttet|lukket|lukka)|\bavslutt(?:er|ar) (?:vi )?tilsynet").unwrap()
});
/// A report's number with its year on the title page ("Rapport 9/2019", "Rapport nr. 3/2018").
static REPORT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\brapport\s+(?:nr\.?\s*)?\d{1,3}\s*/\s*((?:19|20)\d\d)\b").unwrap()
});
/// A parliamentary document's number on its own line ("Dokument 3:13 (2020−2021)"), never the
/// title.
static DOCUMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Dokument\s+\d+\s*:\s*\d+").unwrap());
/// A year that ends a title ("... i Fjordvik kommune 2018").
static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s((?:19|20)\d\d)$").unwrap());
/// A letterhead line: a municipality or county alone ("Oslo kommune", "Innlandet
/// fylkeskommune"), never the title.
static LETTERHEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Lu}[\p{L}-]+ ){1,2}(?:fylkes)?kommune$").unwrap());
static COMMISSIONED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Kk]ontrollutval(?:get|et) i (\p{Lu}[\p{L}-]+) kommune").unwrap()
});

/// A year in the sentence that names the earlier report (rule `meta.follows-up`).
static FOLLOWED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)\b").expect("valid pattern"));

const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Rule `meta.title`: a line that continues the title above it: text of the front matter, not
/// blank, not the issuer or a date, and short enough to be a title's line.
fn continues_title(line: &super::text::Line<'_>) -> bool {
    let t = line.text.trim();
    line.role == Role::Front
        && line.kind == LineKind::Text
        && !t.is_empty()
        && t.len() <= 100
        && !t.contains(':')
        && AUDITOR.find(t).is_none()
        && MONTH_DATE.find(t).is_none()
        && NUMERIC_DATE.find(t).is_none()
        && !LETTERHEAD.is_match(t)
}

/// The record's top level, with every item list empty.
pub(super) fn report(ctx: &mut Ctx<'_, '_>) -> Report {
    let doc = ctx.doc;
    let mut evidence = Vec::new();
    let mut notes = vec![format!(
        "Machine-made draft: every item is a candidate found by a rule named in its note; \
         accept, correct or delete each, then remove `draft`. Source: {}.",
        ctx.name
    )];
    let front: Vec<usize> = (0..doc.lines.len().min(FRONT_LINES))
        .filter(|&i| matches!(doc.lines[i].kind, LineKind::Text | LineKind::Heading))
        .collect();

    // Genre: the first genre phrase of the priority list found in the front lines.
    let mut genre = Genre::Other;
    let mut genre_line = None;
    let title_page: Vec<usize> = front.iter().copied().filter(|&i| i < TITLE_PAGE).collect();
    'genre: for lines in [&title_page, &front] {
        for (phrase, g) in rules::GENRE_WORDS {
            for &i in lines.iter() {
                if doc.lines[i].text.to_lowercase().contains(phrase) {
                    genre = *g;
                    genre_line = Some(i);
                    break 'genre;
                }
            }
        }
    }
    if let Some(i) = genre_line
        && let Some(ev) = line_evidence(ctx, i)
    {
        evidence.push(ev);
    }

    // Auditor: the first issuer named in the front lines (an issuer's name alone on its line
    // first: a title line may name the issuer too).
    let mut auditor = None;
    for &i in &front {
        if let Some(m) = AUDITOR.find(doc.lines[i].text) {
            let name = m.as_str().to_string();
            if let Some(ev) =
                ctx.evidence(doc.lines[i].start + m.start(), doc.lines[i].start + m.end())
            {
                evidence.push(ev);
                auditor = Some(name);
                break;
            }
        }
    }

    // Date and year: the first month-and-year or full numeric date in the front lines.
    let mut date = None;
    let mut year = None;
    for &i in &title_page {
        let line = doc.lines[i].text;
        let lower = line.to_lowercase();
        let labelled = ["dato", "datert", "publisert", "utgitt"]
            .iter()
            .any(|w| lower.contains(w));
        let found = MONTH_DATE
            .captures(line)
            .and_then(|c| {
                let month = MONTHS.iter().position(|m| c[1].eq_ignore_ascii_case(m))? + 1;
                let y: u16 = c[2].parse().ok()?;
                Some((c.get(0)?.range(), y, format!("{y}-{month:02}")))
            })
            .or_else(|| {
                let c = NUMERIC_DATE.captures(line)?;
                let (d, m, y): (u32, u32, u16) =
                    (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
                ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| {
                    (
                        c.get(0).map(|g| g.range()).unwrap_or(0..0),
                        y,
                        format!("{y}-{m:02}-{d:02}"),
                    )
                })
            });
        // A signature's date line ("Riksrevisjonen, 15. juni 2021", "Oslo, 3. mars 2020"):
        // the date fills what follows the comma.
        let signed = |range: &std::ops::Range<usize>| {
            line.rfind(',').is_some_and(|comma| {
                range.start > comma && range.len() * 2 >= line[comma + 1..].trim().len()
            })
        };
        let found = found.filter(|(range, _, _)| {
            labelled || range.len() * 2 >= line.trim().len() || signed(range)
        });
        if let Some((range, y, d)) = found
            && let Some(ev) = ctx.evidence(
                doc.lines[i].start + range.start,
                doc.lines[i].start + range.end,
            )
        {
            evidence.push(ev);
            year = Some(y);
            date = Some(d);
            break;
        }
    }

    // Rule meta.year: with no date, the year of the report's number ("Rapport 9/2019").
    if year.is_none() {
        for &i in &title_page {
            let line = &doc.lines[i];
            if let Some(c) = REPORT_NUMBER.captures(line.text)
                && let Some(m) = c.get(0)
                && let Some(ev) = ctx.evidence(line.start + m.start(), line.start + m.end())
            {
                year = c[1].parse().ok();
                evidence.push(ev);
                notes.push("Year: from the report's number; no date of publication found.".into());
                break;
            }
        }
    }

    // Title: the first front-matter line that is not the issuer, a letterhead, a date or a
    // genre label, with the lines that continue it (a title set over two or three lines).
    let mut title = None;
    for &i in &front {
        let line = &doc.lines[i];
        if line.role != Role::Front || line.kind != LineKind::Text {
            break;
        }
        let t = line.text.trim();
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        let lower = t.to_lowercase();
        if letters < 8
            || t.len() > 160
            || t.contains('|')
            || AUDITOR.find(t).is_some_and(|m| m.len() * 2 >= t.len())
            || MONTH_DATE.find(t).is_some_and(|m| m.len() * 2 >= t.len())
            || rules::GENRE_WORDS
                .iter()
                .any(|(p, _)| lower == *p || lower == format!("{p}srapport"))
            || (lower.starts_with("rapport") && t.split_whitespace().count() <= 2)
            || LETTERHEAD.is_match(t)
            || DOCUMENT_NUMBER.is_match(t)
        {
            continue;
        }
        let mut last = i;
        while last + 1 < doc.lines.len() && last < i + 2 && continues_title(&doc.lines[last + 1]) {
            last += 1;
        }
        let (a, b) = (
            line.start,
            doc.lines[last].start + doc.lines[last].text.len(),
        );
        let (a, b) = (a + (t.as_ptr() as usize - line.text.as_ptr() as usize), b);
        if let Some(ev) = ctx.evidence(a, b) {
            title = Some(
                doc.text[a..b]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            evidence.insert(0, ev);
        }
        break;
    }
    // Rule meta.year: with no date and no report number, the year that ends the title (a
    // tilsyn's "Rapport fra tilsyn med ... i Havøy kommune 2015"), quoted with the title.
    if year.is_none()
        && let Some(c) = title.as_deref().and_then(|t| TITLE_YEAR.captures(t))
    {
        year = c[1].parse().ok();
        notes.push("Year: from the end of the title; no date of publication found.".into());
    }
    if genre == Genre::Other
        && auditor
            .as_deref()
            .is_some_and(|a| a.to_lowercase().contains("revisjon") && a != "Riksrevisjonen")
    {
        genre = Genre::Forvaltningsrevisjon;
        notes.push(
            "Genre: no genre word in the text; forvaltningsrevisjon inferred from the issuer, \
             an audit office (the drafter's inference: check)."
                .into(),
        );
    }
    if genre == Genre::Other && auditor.as_deref() == Some("Riksrevisjonen") {
        genre = Genre::Riksrevisjon;
        notes.push("Genre: riksrevisjon, from the issuer.".into());
    }
    if title.is_none() {
        notes.push("Title: no title line found before the first heading; left null.".into());
    }

    // Municipalities: names in "<Name> kommune" counted over the whole text; those named at
    // least three times and at least a quarter as often as the most named.
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut districts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, line) in doc.lines.iter().enumerate() {
        if !matches!(line.kind, LineKind::Text | LineKind::Heading) {
            continue;
        }
        for c in MUNICIPALITY.captures_iter(line.text) {
            let name = c[1].to_string();
            if rules::NOT_NAMES.contains(&name.as_str()) {
                continue;
            }
            counts.entry(name).or_insert((0, i)).0 += 1;
        }
        for c in DISTRICT.captures_iter(line.text) {
            districts
                .entry(format!("Bydel {}", &c[1]))
                .or_insert((0, i))
                .0 += 1;
        }
    }
    let top = counts.values().map(|c| c.0).max().unwrap_or(0);
    let mut municipalities: Vec<(usize, String)> = counts
        .iter()
        .filter(|(_, (n, _))| *n >= 3 && *n * 4 >= top)
        .map(|(name, (_, first))| (*first, name.clone()))
        .collect();
    municipalities.sort();
    let mut municipalities: Vec<String> = municipalities.into_iter().map(|(_, n)| n).collect();
    let dtop = districts.values().map(|c| c.0).max().unwrap_or(0);
    let mut districts: Vec<String> = districts
        .iter()
        .filter(|(_, (n, _))| *n >= 3 && *n * 4 >= dtop)
        .map(|(name, _)| name.clone())
        .collect();
    let mut scope = if districts.is_empty() {
        Scope::Municipal
    } else {
        if municipalities.is_empty() && doc.text.contains("Oslo") {
            municipalities.push("Oslo".into());
        }
        Scope::District
    };
    if !districts.is_empty() && municipalities.is_empty() {
        notes.push(format!(
            "Districts: the text names {} but no city; left out (add the city and the districts).",
            districts.join(", ")
        ));
        districts.clear();
        scope = Scope::Municipal;
    }
    if genre == Genre::Riksrevisjon {
        scope = Scope::National;
        municipalities.clear();
        districts.clear();
    }
    if municipalities.is_empty() && scope != Scope::National {
        scope = Scope::National;
        notes.push(
            "Scope: the text names no municipality three times, so the drafter set scope \
             `national` (its inference, not the report's word): correct it."
                .into(),
        );
    }

    // Commissioned by.
    let commissioned_by = front.iter().find_map(|&i| {
        COMMISSIONED
            .captures(doc.lines[i].text)
            .map(|c| format!("Kontrollutvalget i {} kommune", &c[1]))
    });

    // Methods: words of the introduction.
    let mut methods: Vec<String> = Vec::new();
    for line in &doc.lines {
        if line.role != Role::Introduction || line.kind != LineKind::Text {
            continue;
        }
        let lower = line.text.to_lowercase();
        for (word, method) in rules::METHOD_WORDS {
            if lower.contains(word) && !methods.iter().any(|m| m == method) {
                methods.push(method.to_string());
            }
        }
    }
    methods.sort();

    // Closed: the issuer says the case is closed ("Tilsynet er avslutta", "vi avslutter
    // tilsynet").
    let mut closed = None;
    for line in &doc.lines {
        if line.kind != LineKind::Text {
            continue;
        }
        if let Some(m) = CLOSED.find(line.text)
            && let Some(ev) = ctx.evidence(line.start + m.start(), line.start + m.end())
        {
            closed = Some(Closure {
                date: None,
                evidence: vec![ev],
                note: Some("rule meta.closed: the issuer states that the case is closed".into()),
            });
            break;
        }
    }

    if evidence.is_empty() {
        // The first line of text that verifies, whatever its kind: the record needs evidence.
        let first = (0..doc.lines.len())
            .filter(|&i| !doc.lines[i].text.trim().is_empty())
            .find_map(|i| line_evidence(ctx, i));
        if let Some(ev) = first {
            notes.push(
                "Evidence: the first line of the text; the text states no title, issuer or date the rules found."
                    .into(),
            );
            evidence.push(ev);
        }
    }

    let id = match (municipalities.first(), year) {
        (Some(m), Some(y)) => format!("{}-{y}", super::slug(m)),
        _ => format!("draft-{}", super::slug(ctx.name.trim_end_matches(".txt"))),
    };
    let id = if id == "draft-" {
        "draft".to_string()
    } else {
        id
    };
    Report {
        id: ReportId(id),
        title,
        scope,
        municipalities,
        districts,
        auditor,
        year,
        date,
        genre,
        commissioned_by,
        methods,
        follows_up: None,
        derived_from: None,
        draft: Some(format!(
            "samhandling draft {}; rules: src/draft/rules/ (structure, service, relation, gap, recommendation, question, criterion, conclusion, follow-up, meta)",
            env!("CARGO_PKG_VERSION")
        )),
        closed,
        evidence,
        note: Some(notes.join(" ")),
        questions: Vec::new(),
        criteria: Vec::new(),
        services: Vec::new(),
        relations: Vec::new(),
        gaps: Vec::new(),
        recommendations: Vec::new(),
        conclusions: Vec::new(),
        decisions: Vec::new(),
        follow_ups: Vec::new(),
        figures: Vec::new(),
    }
}

fn line_evidence(ctx: &mut Ctx<'_, '_>, i: usize) -> Option<Evidence> {
    let line = &ctx.doc.lines[i];
    let (a, b) = (line.start, line.start + line.text.len());
    ctx.evidence(a, b)
}

/// Rule `meta.follows-up`: the earlier report's id, from the sentence that names it; sets
/// `follows_up` and says in the note what the text states.
pub(super) fn follows_up(ctx: &mut Ctx<'_, '_>, report: &mut Report) -> ReportId {
    let doc = ctx.doc;
    let place = report
        .municipalities
        .first()
        .or(report.districts.first())
        .map(|m| super::slug(m))
        .unwrap_or_else(|| "earlier".into());
    // The earlier report's year: before this report's year, else (a closing letter) the same.
    let named_with = |earlier: &dyn Fn(u16) -> bool| {
        doc.sentences.iter().find_map(|s| {
            if !matches!(
                s.role,
                Role::Front | Role::Summary | Role::Introduction | Role::Findings
            ) || s.line > 400
            {
                return None;
            }
            let about = rules::FOLLOW_UP_WORDS.iter().any(|w| s.flat.contains(w))
                && rules::EARLIER_REPORT.iter().any(|w| s.flat.contains(w));
            if !about {
                return None;
            }
            let year = FOLLOWED_YEAR
                .captures_iter(&s.flat)
                .filter_map(|c| c[1].parse::<u16>().ok())
                .find(|y| earlier(*y))?;
            Some((s, year))
        })
    };
    let named = named_with(&|y| report.year.is_none_or(|r| y < r))
        .or_else(|| named_with(&|y| report.year == Some(y)));
    let (id, said) = match named {
        Some((s, year)) => {
            let at = s.flat.find(&year.to_string()).unwrap_or(0);
            let said = match ctx.sentence_evidence(s, s.raw(at)) {
                Some(ev) => {
                    let quote = ev.quote.split_whitespace().collect::<Vec<_>>().join(" ");
                    let said = format!(
                        "the text names the earlier report at line {}: «{quote}»",
                        ev.line
                    );
                    report.evidence.push(ev);
                    said
                }
                None => format!(
                    "the text names the earlier report at line {}: «{}»",
                    s.line,
                    super::display(doc, s.start, s.end, 200)
                ),
            };
            (format!("{place}-{year}"), said)
        }
        None => (
            format!("{place}-earlier"),
            "the text names no earlier report with a year the rule could read".to_string(),
        ),
    };
    // A closing letter of the same year as its tilsyn would get its own id: keep them apart.
    let id = if id == report.id.as_str() {
        format!("{id}-earlier")
    } else {
        id
    };
    super::conclusions::push_note(
        report,
        &format!(
            "Follows up: `{id}` is a placeholder made by rule meta.follows-up from the municipality and the earlier report's year ({said}); replace it with the id of the earlier report's record."
        ),
    );
    report.follows_up = Some(ReportId(id.clone()));
    ReportId(id)
}
