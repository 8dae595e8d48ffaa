//! The evidence checker: a correct quote passes; a wrong line, an altered word and a missing
//! source each fail with the right error; every failure is returned, not the first.

use samhandling::evidence::{LINE_TOLERANCE, Sources, check_report};
use samhandling::{Error, Evidence, Location, Report};

const NES: &str = "000_b1b178c2101948b1.txt";

fn ev(line: usize, quote: &str) -> Evidence {
    Evidence {
        source: NES.to_string(),
        line,
        quote: quote.to_string(),
    }
}

#[test]
fn a_correct_quote_passes_within_the_tolerance() {
    let sources = Sources::bundled();
    // Line 5 of the Nes follow-up.
    let quote = "Romerike revisjon har gjennomført en oppfølgingsundersøkelse";
    assert!(sources.line(NES, 5).unwrap().contains(quote));
    assert!(sources.check(&ev(5, quote), Location::default()).is_ok());
    assert!(
        sources
            .check(&ev(5 + LINE_TOLERANCE, quote), Location::default())
            .is_ok()
    );
}

#[test]
fn white_space_and_line_end_hyphenation_may_differ() {
    let sources = Sources::bundled();
    // Lines 612-614: "... part i vurderings- " / "" / "og koordineringsteamet."
    let quote = "trekkes inn som part i vurderings- og koordineringsteamet";
    assert!(sources.check(&ev(612, quote), Location::default()).is_ok());
    let squeezed = "trekkes   inn som\npart i vurderings-og koordineringsteamet";
    let err = sources.check(&ev(612, squeezed), Location::default());
    assert!(err.is_err(), "a hyphen with no space is a different text");
}

#[test]
fn a_wrong_line_names_the_line_where_the_quote_is() {
    let sources = Sources::bundled();
    let quote = "Romerike revisjon har gjennomført en oppfølgingsundersøkelse";
    let err = sources
        .check(&ev(400, quote), Location::default())
        .unwrap_err();
    match err {
        Error::QuoteMisplaced { line, found, .. } => {
            assert_eq!(line, 400);
            assert_eq!(found, vec![5]);
        }
        other => panic!("expected QuoteMisplaced, got {other:?}"),
    }
}

#[test]
fn an_altered_word_is_not_found() {
    let sources = Sources::bundled();
    let quote = "Romerike revisjon har gjennomført en oppfølgingsrapport";
    let err = sources
        .check(&ev(5, quote), Location::default())
        .unwrap_err();
    assert!(
        matches!(err, Error::QuoteNotFound { line: 5, .. }),
        "{err:?}"
    );
    let lower = "romerike revisjon har gjennomført en oppfølgingsundersøkelse";
    let err = sources
        .check(&ev(5, lower), Location::default())
        .unwrap_err();
    assert!(
        matches!(err, Error::QuoteNotFound { .. }),
        "case matters: {err:?}"
    );
}

#[test]
fn a_missing_source_is_named() {
    let sources = Sources::bundled();
    let mut e = ev(5, "Romerike revisjon");
    e.source = "999_missing.txt".to_string();
    let err = sources.check(&e, Location::default()).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownSource { source_name, .. } if source_name == "999_missing.txt")
    );
    assert!(err.to_string().contains("999_missing.txt"));
}

#[test]
fn check_report_returns_every_failure_with_its_path() {
    let sources = Sources::bundled();
    let mut report = Report::from_json_str(crate::EXAMPLE).unwrap();
    assert!(check_report(&report, &sources).is_empty());
    report.services[0].evidence[0].line = 700;
    report.gaps[0].evidence[0].quote.push_str(" (altered)");
    report.figures[0].evidence[0].source = "nope.txt".to_string();
    let errors = check_report(&report, &sources);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors.iter().all(Error::is_evidence));
    let paths: Vec<String> = errors
        .iter()
        .map(|e| e.location().unwrap().path.clone())
        .collect();
    assert_eq!(
        paths,
        [
            "services[0].evidence[0]",
            "gaps[0].evidence[0]",
            "figures[0].evidence[0]"
        ]
    );
    assert!(errors[0].to_string().contains("report `eksempel-2025`"));
}

#[test]
fn the_bundled_sources_match_data_sources() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sources");
    let from_disk = Sources::load_dir(dir).unwrap();
    let bundled = Sources::bundled();
    assert_eq!(
        from_disk.names().collect::<Vec<_>>(),
        bundled.names().collect::<Vec<_>>()
    );
    for name in bundled.names() {
        assert_eq!(from_disk.text(name), bundled.text(name), "{name}");
    }
    assert_eq!(bundled.names().count(), 5);
}

/// The quotes are checked against data/sources; those must be the seeds, byte for byte. The seeds
/// sit beside the repository in the project's workspace (`../shared/seeds`); on a clone without
/// them there is nothing to compare, and data/sources is the record of what was copied.
#[test]
fn data_sources_are_the_seeds_verbatim() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let Ok(seeds) = Sources::load_dir(seeds) else {
        return;
    };
    let bundled = Sources::bundled();
    assert_eq!(
        seeds.names().collect::<Vec<_>>(),
        bundled.names().collect::<Vec<_>>()
    );
    for name in seeds.names() {
        assert_eq!(
            seeds.text(name),
            bundled.text(name),
            "{name} differs from the seed"
        );
    }
}

/// Issue 17, "a panic in the evidence check": a line of 2^64 − 1 passed validation and then
/// overflowed; it is a clear error naming the line and the length of the source.
#[test]
fn a_line_beyond_the_source_is_an_error_not_a_panic() {
    let sources = Sources::bundled();
    let lines = sources.text(NES).unwrap().lines().count();
    for line in [usize::MAX, usize::MAX - 3, lines + 1] {
        let err = sources
            .check(&ev(line, "Romerike revisjon"), Location::default())
            .unwrap_err();
        assert!(
            matches!(err, Error::LineBeyondSource { line: l, lines: n, .. } if l == line && n == lines),
            "{err:?}"
        );
        assert!(err.is_evidence());
        assert!(
            err.to_string().contains(&format!("({lines} lines")),
            "{err}"
        );
    }
    // The last line itself is inside the text.
    let last = sources.line(NES, lines).unwrap().trim().to_string();
    if !last.is_empty() {
        assert!(
            sources
                .check(&ev(lines, &last), Location::default())
                .is_ok()
        );
    }
    // Through a whole record, as `check` runs it.
    let mut report = Report::from_json_str(crate::EXAMPLE).unwrap();
    report.gaps[0].evidence[0].line = usize::MAX;
    let problems = check_report(&report, &sources);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].location().unwrap().path, "gaps[0].evidence[0]");
}

/// Issue 17, "quotes that end at a line-end hyphen": a quote copied verbatim up to a word
/// broken over two lines ("samhand-") is accepted, for every such line of every bundled source.
#[test]
fn a_quote_ending_at_a_line_end_hyphen_is_accepted() {
    let sources = Sources::bundled();
    let mut checked = 0;
    for name in sources.names().map(str::to_string).collect::<Vec<_>>() {
        let lines: Vec<&str> = sources.text(&name).unwrap().lines().collect();
        for (i, pair) in lines.windows(2).enumerate() {
            let line = pair[0].trim();
            let next = pair[1].trim_start();
            let broken = line.ends_with('-')
                && line[..line.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && next.chars().next().is_some_and(char::is_lowercase);
            if !broken || line.split_whitespace().count() < 3 {
                continue;
            }
            let evidence = Evidence {
                source: name.clone(),
                line: i + 1,
                quote: line.to_string(),
            };
            let result = sources.check(&evidence, Location::default());
            assert!(result.is_ok(), "{name}:{}: {line:?}: {result:?}", i + 1);
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} lines end in a broken word");
    // The hyphen is not dropped anywhere else: a quote ending in "-" that the source continues
    // with a different word is still not found.
    let err = sources.check(&ev(5, "Romerike revisjonxyz-"), Location::default());
    assert!(matches!(err, Err(Error::QuoteNotFound { .. })), "{err:?}");
}

/// Issue 17, "never hang: check file type before opening": a FIFO among the source texts is an
/// error naming it, and `.TXT` files are read.
#[cfg(unix)]
#[test]
fn source_texts_are_read_by_type_and_a_fifo_never_hangs() {
    let dir = std::env::temp_dir().join(format!("samhandling-sources-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub.txt")).unwrap();
    std::fs::write(dir.join("A.TXT"), "line one\nline two\n").unwrap();
    let sources = Sources::load_dir(&dir).unwrap();
    assert_eq!(sources.names().collect::<Vec<_>>(), ["A.TXT"]);
    let fifo = dir.join("pipe.txt");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let err = Sources::load_dir(&dir).unwrap_err();
        assert!(
            matches!(&err, Error::NotAFile { path, .. } if *path == fifo),
            "{err:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
