//! A seeded generator of synthetic report records, for benchmarks and robustness tests at scale.
//!
//! Every vocabulary word is drawn with the frequencies it has in the bundled corpus (counted from
//! [`Corpus::bundled`] at generation time, plus one so that every word can occur), so that a
//! synthetic corpus looks like the real one. Each report has about 40 services, 80 relations, 30
//! gaps and 12 recommendations; every fifth report follows up the one before it, with follow-up
//! items pointing to its gaps and recommendations. Evidence cites the pseudo-source
//! `synthetic.txt`: synthetic records validate, but their quotes are not in any source document.
//!
//! The same seed gives the same reports, byte for byte: the generator is a SplitMix64 stream, the
//! standard 64-bit mixer, written out here because it is eight lines and needs no dependency.
//!
//! # Example
//! ```
//! use samhandling::synth;
//!
//! let a = synth::reports(3, 7);
//! let b = synth::reports(3, 7);
//! assert_eq!(a, b);
//! assert_eq!(a[1].follows_up, None);
//! assert!(a.iter().all(|r| r.validate().is_empty()));
//! ```

use std::path::Path;

use crate::Corpus;
use crate::error::{Error, Result};
use crate::model::{
    Cadence, Conclusion, Evidence, FollowUp, Gap, ItemRef, Question, Recommendation, Relation,
    Report, ReportId, Service,
};
use crate::taxonomy::{
    Direction, FollowUpStatus, GapCategory, Genre, Level, Owner, RelationKind, ServiceKind,
    ServiceStatus, Severity, StatedIn, Status, Verdict, Vocabulary,
};

/// Services per synthetic report.
pub const SERVICES: usize = 40;
/// Relations per synthetic report.
pub const RELATIONS: usize = 80;
/// Gaps per synthetic report.
pub const GAPS: usize = 30;
/// Recommendations per synthetic report.
pub const RECOMMENDATIONS: usize = 12;

/// The SplitMix64 generator: a seeded stream of 64-bit values.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// An index drawn with the given weights (all at least 1).
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.next() % total;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// How often each word of each vocabulary occurs in the bundled corpus, plus one.
#[derive(Debug, Clone)]
struct Frequencies {
    service_kinds: Vec<u64>,
    relation_kinds: Vec<u64>,
    statuses: Vec<u64>,
    categories: Vec<u64>,
    severities: Vec<u64>,
}

impl Frequencies {
    fn of_bundled() -> Frequencies {
        fn count<T: Vocabulary + PartialEq>(items: impl Iterator<Item = T>) -> Vec<u64> {
            let mut counts = vec![1; T::ALL.len()];
            for item in items {
                if let Some(i) = T::ALL.iter().position(|w| *w == item) {
                    counts[i] += 1;
                }
            }
            counts
        }
        let corpus = Corpus::bundled().unwrap_or_default();
        let reports: Vec<&Report> = corpus.iter().collect();
        Frequencies {
            service_kinds: count(
                reports
                    .iter()
                    .flat_map(|r| &r.services)
                    .map(|s| s.resolved_kind()),
            ),
            relation_kinds: count(
                reports
                    .iter()
                    .flat_map(|r| &r.relations)
                    .flat_map(|x| x.kinds.iter().copied()),
            ),
            statuses: count(reports.iter().flat_map(|r| &r.relations).map(|x| x.status)),
            categories: count(reports.iter().flat_map(|r| &r.gaps).map(|g| g.category)),
            // Resolved gaps belong to follow-ups; ordinary reports draw the others.
            severities: count(
                reports
                    .iter()
                    .flat_map(|r| &r.gaps)
                    .map(|g| g.severity)
                    .filter(|s| *s != Severity::Resolved),
            )
            .into_iter()
            .zip(Severity::ALL)
            .map(|(n, s)| if *s == Severity::Resolved { 0 } else { n })
            .collect(),
        }
    }
}

const MUNICIPALITIES: &[&str] = &[
    "Agder",
    "Bjørnafjord",
    "Dovre",
    "Eidsvoll",
    "Frogn",
    "Gjøvik",
    "Hamar",
    "Indre Fosen",
    "Jevnaker",
    "Kongsberg",
    "Lillestrøm",
    "Molde",
    "Nittedal",
    "Orkland",
    "Porsgrunn",
    "Ringsaker",
];

fn ev(i: usize, what: &str) -> Vec<Evidence> {
    vec![Evidence {
        source: "synthetic.txt".to_string(),
        line: i + 1,
        quote: format!("synthetic {what} {i}"),
    }]
}

fn pick<T: Copy>(rng: &mut Rng, all: &[T], weights: &[u64]) -> T {
    all[rng.weighted(weights)]
}

/// `n` synthetic reports from `seed`, ordered as generated. Every fifth report (index 4, 9 ...)
/// follows up the report before it.
pub fn reports(n: usize, seed: u64) -> Vec<Report> {
    let freq = Frequencies::of_bundled();
    let mut out: Vec<Report> = Vec::with_capacity(n);
    for i in 0..n {
        let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let earlier = (i % 5 == 4).then(|| &out[i - 1]);
        let report = one(&mut rng, i, &freq, earlier);
        out.push(report);
    }
    out
}

/// A corpus of `n` synthetic reports from `seed`.
///
/// # Errors
/// None in practice: the generated reports are valid; the error of [`Corpus::from_reports`]
/// otherwise.
pub fn corpus(n: usize, seed: u64) -> Result<Corpus> {
    Corpus::from_reports(reports(n, seed))
}

/// Writes `n` synthetic reports from `seed` into `dir`, one `<id>.json` each, and returns the
/// number written. The same seed writes the same bytes.
///
/// # Errors
/// [`Error::Io`] when `dir` cannot be created or a file cannot be written.
pub fn write_dir(n: usize, seed: u64, dir: impl AsRef<Path>) -> Result<usize> {
    let dir = dir.as_ref();
    let io = Error::io;
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let all = reports(n, seed);
    for r in &all {
        let path = dir.join(format!("{}.json", r.id));
        std::fs::write(&path, r.to_json_string()).map_err(io(&path))?;
    }
    Ok(all.len())
}

fn one(rng: &mut Rng, i: usize, freq: &Frequencies, earlier: Option<&Report>) -> Report {
    let municipality = MUNICIPALITIES[i % MUNICIPALITIES.len()];
    let year = 2000 + (i % 26) as u16;
    let id = ReportId(format!("synth-{i:06}"));
    let services: Vec<Service> = (0..SERVICES)
        .map(|s| Service {
            id: format!("s{s}").as_str().into(),
            name: format!("Tjeneste {s}"),
            kind: Some(pick(rng, ServiceKind::ALL, &freq.service_kinds)),
            owner: (s % 3 == 0).then(|| Owner::ALL[rng.below(Owner::ALL.len())]),
            parent: (s > 0 && s % 7 == 0).then(|| "s0".into()),
            status: if rng.below(20) == 0 {
                ServiceStatus::Missing
            } else {
                ServiceStatus::Existing
            },
            aliases: Vec::new(),
            evidence: ev(s, "service"),
            note: None,
        })
        .collect();
    let relations: Vec<Relation> = (0..RELATIONS)
        .map(|x| {
            let a = rng.below(SERVICES);
            let b = (a + 1 + rng.below(SERVICES - 1)) % SERVICES;
            let mut kinds = vec![pick(rng, RelationKind::ALL, &freq.relation_kinds)];
            if rng.below(4) == 0 {
                let more = pick(rng, RelationKind::ALL, &freq.relation_kinds);
                if !kinds.contains(&more) {
                    kinds.push(more);
                }
            }
            let status = pick(rng, Status::ALL, &freq.statuses);
            Relation {
                id: format!("r{x}"),
                from: format!("s{a}").as_str().into(),
                to: format!("s{b}").as_str().into(),
                kinds,
                direction: Direction::ALL[rng.below(2)],
                level: Level::ALL[rng.below(Level::ALL.len())],
                status,
                cadence: (status == Status::NotFollowed).then(|| Cadence {
                    required: Some("monthly".to_string()),
                    actual: Some("twice a year".to_string()),
                }),
                summary: format!("relation {x}"),
                evidence: ev(x, "relation"),
                note: None,
            }
        })
        .collect();
    let gaps: Vec<Gap> = (0..GAPS)
        .map(|g| {
            let n_services = rng.below(3);
            Gap {
                id: format!("g{g}"),
                category: pick(rng, GapCategory::ALL, &freq.categories),
                severity: pick(rng, Severity::ALL, &freq.severities),
                term: None,
                stated_in: (rng.below(4) > 0)
                    .then(|| StatedIn::ALL[rng.below(StatedIn::ALL.len())]),
                summary: format!("gap {g}"),
                services: (0..n_services)
                    .map(|_| format!("s{}", rng.below(SERVICES)).as_str().into())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                relations: if rng.below(3) == 0 {
                    vec![format!("r{}", rng.below(RELATIONS))]
                } else {
                    Vec::new()
                },
                criteria: Vec::new(),
                legal: Vec::new(),
                evidence: ev(g, "gap"),
                note: None,
            }
        })
        .collect();
    let recommendations = (0..RECOMMENDATIONS)
        .map(|k| Recommendation {
            id: format!("rec-{}", k + 1),
            number: (k + 1).to_string(),
            text: format!("Kommunen bør ... ({})", k + 1),
            gaps: vec![format!("g{}", rng.below(GAPS))],
            evidence: ev(k, "recommendation"),
            note: None,
        })
        .collect();
    let questions = vec![Question {
        id: "q1".to_string(),
        number: "1".to_string(),
        text: "Sikrer kommunen helhetlige og koordinerte tjenester?".to_string(),
        parent: None,
        evidence: ev(0, "question"),
        note: None,
    }];
    let conclusions = vec![Conclusion {
        id: "k1".to_string(),
        question: "q1".to_string(),
        verdict: Verdict::ALL[rng.below(Verdict::ALL.len())],
        summary: "conclusion".to_string(),
        evidence: ev(0, "conclusion"),
        note: None,
    }];
    let mut report = Report {
        id,
        title: Some(format!("Syntetisk rapport {i}")),
        scope: Default::default(),
        municipalities: vec![municipality.to_string()],
        districts: Vec::new(),
        auditor: Some("Syntetisk revisjon IKS".to_string()),
        year: Some(year),
        date: None,
        genre: if earlier.is_some() {
            Genre::Oppfolgingsundersokelse
        } else {
            Genre::Forvaltningsrevisjon
        },
        commissioned_by: Some(format!("Kontrollutvalget i {municipality}")),
        methods: vec!["synthetic".to_string()],
        follows_up: None,
        derived_from: None,
        draft: None,
        closed: None,
        evidence: ev(0, "report"),
        note: Some(
            "Synthetic record from samhandling::synth; not evidence of anything.".to_string(),
        ),
        questions,
        criteria: Vec::new(),
        services,
        relations,
        gaps,
        recommendations,
        conclusions,
        decisions: Vec::new(),
        follow_ups: Vec::new(),
        figures: Vec::new(),
    };
    if let Some(earlier) = earlier {
        report.municipalities = earlier.municipalities.clone();
        report.follows_up = Some(earlier.id.clone());
        let targets: Vec<&str> = earlier
            .gaps
            .iter()
            .map(|g| g.id.as_str())
            .take(5)
            .chain(
                earlier
                    .recommendations
                    .iter()
                    .map(|r| r.id.as_str())
                    .take(3),
            )
            .collect();
        report.follow_ups = targets
            .into_iter()
            .enumerate()
            .map(|(k, item)| FollowUp {
                id: format!("fu{k}"),
                of: ItemRef {
                    report: earlier.id.clone(),
                    item: item.to_string(),
                },
                status: FollowUpStatus::ALL[rng.below(FollowUpStatus::ALL.len())],
                summary: format!("follow-up {k}"),
                gaps: Vec::new(),
                evidence: ev(k, "follow-up"),
                note: None,
            })
            .collect();
        for g in report.gaps.iter_mut().take(3) {
            g.severity = Severity::Resolved;
        }
    }
    report
}
