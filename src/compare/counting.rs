//! The counting unit: which records stand for which municipality in an analysis.
//!
//! A comparison counts **municipalities**, never records: the bundled corpus holds ten records
//! but eight municipalities, because the four 2015 municipal records and the comparison note all
//! come from one document, and `nes-2018` is the 2025 follow-up's account of the 2018 audit. So
//! every table says "in 6 of 8 municipalities", never "in 9 of 10 reports".
//!
//! The rule is documented on [`units`], where the rendered documentation shows it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::Corpus;
use crate::model::{Report, ReportId};
use crate::taxonomy::{Genre, Scope};

/// Which records of each unit an analysis counts (see the [`units`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Each unit's latest primary report; its latest derived record when it has no primary one.
    #[default]
    Latest,
    /// Every record of each unit published in the years `from..=to` (records with no year stated
    /// are left out).
    Period {
        /// The first year, inclusive.
        from: u16,
        /// The last year, inclusive.
        to: u16,
    },
    /// Every record of each unit.
    Every,
}

/// What kind of place a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A municipality (kommune).
    Municipality,
    /// A city district (bydel), named with its city.
    District,
    /// A region or county, counted as one unit.
    Region,
    /// The whole country.
    Country,
}

impl UnitKind {
    /// The plural noun a table names: `municipalities`, `districts`, `regions`, `countries`.
    pub fn plural(self) -> &'static str {
        match self {
            UnitKind::Municipality => "municipalities",
            UnitKind::District => "districts",
            UnitKind::Region => "regions",
            UnitKind::Country => "countries",
        }
    }
}

/// One place that is counted once: a municipality, a district, a region or the country.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Unit {
    /// What kind of place it is.
    pub kind: UnitKind,
    /// Its name: `Vestby`, `Oslo / Bydel Frogner`, `Norge`.
    pub name: String,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl Unit {
    /// The units a report covers, by its scope (see the [`units`]).
    ///
    /// # Example
    /// ```
    /// use samhandling::compare::{Unit, UnitKind};
    /// use samhandling::Report;
    ///
    /// let report = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
    /// let units = Unit::of(&report);
    /// assert_eq!(units, [Unit { kind: UnitKind::Municipality, name: "Nes".into() }]);
    /// # Ok::<(), samhandling::Error>(())
    /// ```
    pub fn of(report: &Report) -> Vec<Unit> {
        let unit = |kind, name: String| Unit { kind, name };
        match report.scope {
            Scope::National => vec![unit(UnitKind::Country, "Norge".to_string())],
            Scope::Regional => {
                let name = if report.municipalities.is_empty() {
                    report.id.to_string()
                } else {
                    report.municipalities.join(", ")
                };
                vec![unit(UnitKind::Region, name)]
            }
            Scope::District if !report.districts.is_empty() => {
                let city = report.municipalities.join(", ");
                report
                    .districts
                    .iter()
                    .map(|d| {
                        let name = if city.is_empty() {
                            d.clone()
                        } else {
                            format!("{city} / {d}")
                        };
                        unit(UnitKind::District, name)
                    })
                    .collect()
            }
            _ => report
                .municipalities
                .iter()
                .map(|m| unit(UnitKind::Municipality, m.clone()))
                .collect(),
        }
    }
}

/// One unit and the records that stand for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountedUnit<'c> {
    /// The unit.
    pub unit: Unit,
    /// The records counted for it, latest first (one under [`Counting::Latest`]).
    pub reports: Vec<&'c ReportId>,
}

/// A record an analysis does not count, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut<'c> {
    /// The record.
    pub report: &'c ReportId,
    /// Why it is not counted, in words.
    pub reason: String,
}

/// The units of an analysis and the records counted for each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Units<'c> {
    /// Which records were counted.
    pub counting: Counting,
    /// Every unit, ordered by kind, then name.
    pub units: Vec<CountedUnit<'c>>,
    /// The records not counted, by id, with the reason.
    pub left_out: Vec<LeftOut<'c>>,
}

impl Units<'_> {
    /// The number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// What is counted, as a plural noun: `municipalities` when every unit is one, else for
    /// example `units (7 municipalities, 1 country)`.
    pub fn noun(&self) -> String {
        let mut by_kind: BTreeMap<UnitKind, usize> = BTreeMap::new();
        for u in &self.units {
            *by_kind.entry(u.unit.kind).or_default() += 1;
        }
        match by_kind.len() {
            0 => UnitKind::Municipality.plural().to_string(),
            1 => by_kind.keys().next().map_or("", |k| k.plural()).to_string(),
            _ => {
                let parts: Vec<String> = by_kind
                    .iter()
                    .map(|(k, n)| {
                        let noun = if *n == 1 { singular(*k) } else { k.plural() };
                        format!("{n} {noun}")
                    })
                    .collect();
                format!("units ({})", parts.join(", "))
            }
        }
    }

    /// `count` as a share in words: `6 of 8 municipalities`.
    pub fn of(&self, count: usize) -> String {
        format!("{count} of {} {}", self.len(), self.noun())
    }

    /// Every record counted, by id, sorted and distinct.
    pub fn reports(&self) -> Vec<&ReportId> {
        let mut ids: Vec<&ReportId> = self
            .units
            .iter()
            .flat_map(|u| u.reports.iter().copied())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

fn singular(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Municipality => "municipality",
        UnitKind::District => "district",
        UnitKind::Region => "region",
        UnitKind::Country => "country",
    }
}

/// The units of `corpus` and the records counted for each, under `counting`.
///
/// # The rule
/// - **Units.** A municipal report counts for each municipality it names; a district report for
///   each district it names (`Oslo / Bydel Frogner`), never for the whole city; a regional report
///   is one unit of its own (the region, named by its municipalities), and a national report is
///   one unit (`Norge`), never a municipality.
/// - **A synthesis** (genre `sammenligningsnotat`) is never counted for a unit that has any other
///   record in the selection: it summarises those records.
/// - **Which records.** [`Counting::Latest`] (the default) takes, for each unit, its latest
///   *primary* report (by year, date, id), and its latest derived record only when it has no
///   primary one. [`Counting::Period`] and [`Counting::Every`] take every record of the unit
///   (published in the period), primary and derived alike; the unit is still counted once, and
///   has a gap key when any of its records has it.
/// - Every record that is not counted is listed in [`Units::left_out`] with the reason.
///
/// # Example
/// ```
/// use samhandling::compare::{units, Counting};
/// use samhandling::Corpus;
///
/// let corpus = Corpus::bundled()?;
/// let counted = units(&corpus, Counting::Latest);
/// assert!(counted.units.iter().all(|u| u.reports.len() == 1));
/// assert!(counted.left_out.iter().any(|l| l.report.as_str() == "romerike-2015"));
/// assert!(counted.of(3).ends_with("municipalities"));
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn units(corpus: &Corpus, counting: Counting) -> Units<'_> {
    units_in(corpus.iter(), counting)
}

/// [`units`] over any set of records.
pub(super) fn units_in<'c>(
    reports: impl IntoIterator<Item = &'c Report>,
    counting: Counting,
) -> Units<'c> {
    let mut candidates: BTreeMap<Unit, Vec<&Report>> = BTreeMap::new();
    let mut reasons: BTreeMap<&ReportId, String> = BTreeMap::new();
    for r in reports {
        if let Counting::Period { from, to } = counting {
            match r.year {
                Some(y) if (from..=to).contains(&y) => {}
                Some(y) => {
                    reasons.insert(&r.id, format!("published {y}, outside {from}–{to}"));
                    continue;
                }
                None => {
                    reasons.insert(&r.id, "no year stated".to_string());
                    continue;
                }
            }
        }
        let of = Unit::of(r);
        if of.is_empty() {
            reasons.insert(&r.id, "names no municipality".to_string());
        }
        for u in of {
            candidates.entry(u).or_default().push(r);
        }
    }
    let latest_first =
        |a: &&Report, b: &&Report| (b.year, &b.date, &b.id).cmp(&(a.year, &a.date, &a.id));
    let mut counted: BTreeMap<&ReportId, ()> = BTreeMap::new();
    let mut out = Vec::new();
    for (unit, mut list) in candidates {
        list.sort_by(latest_first);
        let is_synthesis = |r: &&Report| r.genre == Genre::Sammenligningsnotat;
        let has_other = list.iter().any(|r| !is_synthesis(r));
        let mut chosen: Vec<&Report> = Vec::new();
        for r in &list {
            if has_other && is_synthesis(r) {
                reasons.entry(&r.id).or_insert_with(|| {
                    format!("a synthesis of records counted for {unit} (and others)")
                });
                continue;
            }
            chosen.push(r);
        }
        if counting == Counting::Latest {
            let pick = chosen
                .iter()
                .find(|r| r.is_primary())
                .or_else(|| chosen.first())
                .copied();
            for r in &chosen {
                if Some(*r) != pick {
                    let why = match (r.is_primary(), pick.is_some_and(|p| p.is_primary())) {
                        (false, true) => format!(
                            "derived from {}; {unit} has a primary report",
                            r.derived_from.as_ref().map_or("", |d| d.as_str())
                        ),
                        _ => format!("{unit} has a later record"),
                    };
                    reasons.entry(&r.id).or_insert(why);
                }
            }
            chosen = pick.into_iter().collect();
        }
        for r in &chosen {
            counted.insert(&r.id, ());
        }
        if !chosen.is_empty() {
            out.push(CountedUnit {
                unit,
                reports: chosen.iter().map(|r| &r.id).collect(),
            });
        }
    }
    let left_out = reasons
        .into_iter()
        .filter(|(id, _)| !counted.contains_key(id))
        .map(|(report, reason)| LeftOut { report, reason })
        .collect();
    Units {
        counting,
        units: out,
        left_out,
    }
}
