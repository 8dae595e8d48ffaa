//! The counting unit: municipalities (districts, the country) counted once, never records; a
//! synthesis never beside its parts; derived records only where no primary report exists.

use samhandling::compare::{
    Counting, KeyMode, Kinship, UnitKind, gap_matrix, gap_matrix_by, nearest_per_report,
    recurrence, recurrence_by, summary, trends, units,
};
use samhandling::taxonomy::{GapCategory as C, Genre, Scope};
use samhandling::{Corpus, Report};

/// A record of `municipalities` in `year` with one gap per category, built from the example.
fn record(id: &str, municipalities: &[&str], year: u16, categories: &[C]) -> Report {
    let mut r = Report::from_json_str(crate::EXAMPLE).unwrap();
    r.id = id.into();
    r.municipalities = municipalities.iter().map(|m| m.to_string()).collect();
    r.year = Some(year);
    r.recommendations.clear();
    r.decisions.clear();
    let template = r.gaps[0].clone();
    r.gaps = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut g = template.clone();
            g.id = format!("g{i}");
            g.category = *c;
            g.services.clear();
            g.relations.clear();
            g.criteria.clear();
            g.term = None;
            g
        })
        .collect();
    r
}

/// Two municipalities A and B; A has a 2015 and a 2020 report, B one report derived from a
/// synthesis of both, and the synthesis itself.
fn corpus() -> Corpus {
    let a_old = record("a-2015", &["A"], 2015, &[C::Capacity, C::Housing]);
    let a_new = record("a-2020", &["A"], 2020, &[C::Capacity]);
    let mut b = record("b-2015", &["B"], 2015, &[C::Capacity, C::Housing]);
    b.derived_from = Some("note-2015".into());
    let mut note = record(
        "note-2015",
        &["A", "B"],
        2015,
        &[C::Housing, C::Coordinator],
    );
    note.genre = Genre::Sammenligningsnotat;
    Corpus::from_reports([a_old, a_new, b, note]).unwrap()
}

#[test]
fn each_municipality_is_counted_once_and_the_synthesis_never() {
    let corpus = corpus();
    let counted = units(&corpus, Counting::Latest);
    let by_unit: Vec<(String, Vec<String>)> = counted
        .units
        .iter()
        .map(|u| {
            (
                u.unit.name.clone(),
                u.reports.iter().map(|r| r.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        by_unit,
        [
            ("A".to_string(), vec!["a-2020".to_string()]),
            ("B".to_string(), vec!["b-2015".to_string()]),
        ],
        "A by its latest report, B by its derived record (it has no primary one)"
    );
    let left: Vec<&str> = counted.left_out.iter().map(|l| l.report.as_str()).collect();
    assert_eq!(left, ["a-2015", "note-2015"]);
    assert!(counted.left_out[1].reason.contains("synthesis"));

    let rec = recurrence(&corpus, KeyMode::Category);
    assert_eq!((rec.n_units, rec.unit.as_str()), (2, "municipalities"));
    let share = |c: C| {
        rec.keys
            .iter()
            .find(|k| k.key.category == c)
            .map(|k| k.units.len())
    };
    assert_eq!(share(C::Capacity), Some(2));
    assert_eq!(
        share(C::Housing),
        Some(1),
        "A's housing gap is from its older report"
    );
    assert_eq!(share(C::Coordinator), None, "only the synthesis has it");
    let capacity = rec
        .keys
        .iter()
        .find(|k| k.key.category == C::Capacity)
        .unwrap();
    assert_eq!(rec.in_words(capacity), "in 2 of 2 municipalities");

    let matrix = gap_matrix(&corpus, KeyMode::Category);
    let rows: Vec<(&str, &str)> = matrix
        .rows
        .iter()
        .map(|r| (r.unit.name.as_str(), r.report.as_str()))
        .collect();
    assert_eq!(rows, [("A", "a-2020"), ("B", "b-2015")]);
    assert_eq!(matrix.unit, "municipalities");
}

#[test]
fn every_record_and_a_period_still_count_each_municipality_once() {
    let corpus = corpus();
    let rec = recurrence_by(&corpus, KeyMode::Category, Counting::Every);
    assert_eq!(rec.n_units, 2);
    let housing = rec
        .keys
        .iter()
        .find(|k| k.key.category == C::Housing)
        .unwrap();
    assert_eq!(
        housing.units,
        ["A", "B"],
        "A once, though two of its reports are counted"
    );
    assert_eq!(housing.share, 1.0);
    assert!(!rec.keys.iter().any(|k| k.key.category == C::Coordinator));
    let period = units(
        &corpus,
        Counting::Period {
            from: 2014,
            to: 2016,
        },
    );
    let names: Vec<&str> = period.units.iter().map(|u| u.unit.name.as_str()).collect();
    assert_eq!(names, ["A", "B"]);
    assert_eq!(period.units[0].reports[0].as_str(), "a-2015");
    let matrix = gap_matrix_by(&corpus, KeyMode::Category, Counting::Every);
    assert_eq!(matrix.rows[0].reports.len(), 2);
    assert_eq!(matrix.rows[0].total(), 3, "the gaps of both of A's records");
}

/// A district report counts its districts, never the whole city; a national report is a unit of
/// its own, never a municipality.
#[test]
fn districts_and_the_country_are_units_of_their_own() {
    let oslo = record("oslo-2020", &["Oslo"], 2020, &[C::Capacity]);
    let mut frogner = record("frogner-2021", &["Oslo"], 2021, &[C::Capacity, C::Housing]);
    frogner.scope = Scope::District;
    frogner.districts = vec!["Bydel Frogner".into(), "Bydel Sagene".into()];
    let mut national = record("riksrevisjonen-2022", &[], 2022, &[C::Capacity]);
    national.scope = Scope::National;
    national.genre = Genre::ALL[Genre::ALL.len() - 1];
    let corpus = Corpus::from_reports([oslo, frogner, national]).unwrap();
    let counted = units(&corpus, Counting::Latest);
    let names: Vec<(UnitKind, &str)> = counted
        .units
        .iter()
        .map(|u| (u.unit.kind, u.unit.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (UnitKind::Municipality, "Oslo"),
            (UnitKind::District, "Oslo / Bydel Frogner"),
            (UnitKind::District, "Oslo / Bydel Sagene"),
            (UnitKind::Country, "Norge"),
        ]
    );
    assert_eq!(
        counted.noun(),
        "units (1 municipality, 2 districts, 1 country)"
    );
    let rec = recurrence(&corpus, KeyMode::Category);
    let housing = rec
        .keys
        .iter()
        .find(|k| k.key.category == C::Housing)
        .unwrap();
    assert_eq!(
        rec.in_words(housing),
        "in 2 of 4 units (1 municipality, 2 districts, 1 country)"
    );
    assert_eq!(
        housing.municipalities,
        ["Oslo"],
        "the city the districts belong to"
    );
}

/// On the bundled corpus the denominator is the number of municipalities, the synthesis is left
/// out, and no record is counted beside its primary source.
#[test]
fn the_bundled_denominator_is_the_number_of_municipalities() {
    let corpus = Corpus::bundled().unwrap();
    let municipalities: std::collections::BTreeSet<&str> = corpus
        .iter()
        .flat_map(|r| r.municipalities.iter().map(String::as_str))
        .collect();
    let rec = recurrence(&corpus, KeyMode::Category);
    assert_eq!(rec.n_units, municipalities.len());
    assert_eq!(rec.unit, "municipalities");
    assert!(
        rec.n_units < corpus.len(),
        "fewer municipalities than records"
    );
    assert!(
        rec.left_out
            .iter()
            .any(|l| l.report.as_str() == "romerike-2015")
    );
    assert!(rec.left_out.iter().any(|l| l.report.as_str() == "nes-2018"));
    for k in &rec.keys {
        assert!(k.units.len() <= rec.n_units);
        assert!(k.reports.iter().all(|r| r.as_str() != "romerike-2015"));
    }
    let matrix = gap_matrix(&corpus, KeyMode::Category);
    assert_eq!(matrix.rows.len(), municipalities.len());
    let s = summary(&corpus, KeyMode::Category);
    assert_eq!(s.units.len(), municipalities.len());
    // Similarity never pairs records from one document without saying so.
    for p in &s.similarity {
        let (a, b) = (
            corpus.get(p.a.as_str()).unwrap(),
            corpus.get(p.b.as_str()).unwrap(),
        );
        assert_eq!(p.kinship, Kinship::of(a, b));
    }
    for (id, list) in nearest_per_report(&corpus, 3, KeyMode::Category) {
        let a = corpus.get(id.as_str()).unwrap();
        for n in list {
            assert_eq!(
                n.kinship,
                Kinship::of(a, corpus.get(n.report.as_str()).unwrap())
            );
        }
    }
    // Trends: the 2015 group is four municipalities, the note not counted beside them.
    let t = trends(&corpus);
    let y2015 = t.by_year.iter().find(|g| g.group == "2015").unwrap();
    assert_eq!((y2015.n_units, y2015.unit.as_str()), (4, "municipalities"));
    assert!(y2015.reports.iter().all(|r| r.as_str() != "romerike-2015"));
    for g in t.by_year.iter().chain(&t.by_genre) {
        assert!(g.shares.values().all(|s| (0.0..=1.0).contains(s)));
    }
}

/// `k = 0` and `k = usize::MAX` answer, and never panic.
#[test]
fn nearest_per_report_takes_any_k() {
    let corpus = Corpus::bundled().unwrap();
    let none = nearest_per_report(&corpus, 0, KeyMode::CategoryAndKinds);
    assert_eq!(none.len(), corpus.len());
    assert!(none.values().all(Vec::is_empty));
    let all = nearest_per_report(&corpus, usize::MAX, KeyMode::CategoryAndKinds);
    assert!(all.values().all(|l| l.len() == corpus.len() - 1));
    let all = nearest_per_report(&corpus, usize::MAX, KeyMode::Category);
    assert!(all.values().all(|l| l.len() == corpus.len() - 1));
}
