//! Warnings: what a reader of a valid record should know, but that is no reason to reject it.
//!
//! A record that cites a law the crate's table does not know is valid: the reference is kept as
//! [`crate::legal::Law::Other`] with the name as written, and compares only with references that
//! name the law the same way. [`Report::warnings`] names every such reference, so that it is
//! never silent; the programs print the warnings beside the errors.

use std::fmt;

use crate::error::Location;
use crate::legal::LegalRef;
use crate::model::Report;

/// Something in a valid record worth a reader's attention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// A legal reference names a law or regulation the crate's table does not know.
    UnknownLaw {
        /// Where the reference stands: `criteria[2].legal[0]`.
        at: Location,
        /// The law's name as read (lowercase, white space normalised).
        law: String,
        /// The reference as written.
        text: String,
    },
}

impl Warning {
    /// Where the warning points.
    pub fn location(&self) -> &Location {
        match self {
            Warning::UnknownLaw { at, .. } => at,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnknownLaw { at, law, text } => write!(
                f,
                "{at}: warning: `{text}` names `{law}`, which is not in the table of laws; it is kept as written and compares only with references that name it the same way (check the spelling; docs/FORMAT.md lists the known laws and their names)"
            ),
        }
    }
}

impl Report {
    /// Every warning about this report, in document order: each legal reference (in `criteria`
    /// and `gaps`) that names a law the crate does not know.
    ///
    /// # Example
    /// ```
    /// use samhandling::{Report, Warning};
    ///
    /// let mut report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
    /// assert!(report.warnings().is_empty());
    /// report.criteria[0].legal.push("tannhelsetjenesteloven § 1-3".parse()?);
    /// let warnings = report.warnings();
    /// assert!(matches!(&warnings[0], Warning::UnknownLaw { law, .. } if law == "tannhelsetjenesteloven"));
    /// assert_eq!(warnings[0].location().path, "criteria[0].legal[0]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        let mut check = |section: &str, i: usize, list: &[LegalRef]| {
            for (j, r) in list.iter().enumerate() {
                if !r.is_known() {
                    out.push(Warning::UnknownLaw {
                        at: Location::new(&self.id, format!("{section}[{i}].legal[{j}]")),
                        law: r.law.word().to_string(),
                        text: r.text().to_string(),
                    });
                }
            }
        };
        for (i, c) in self.criteria.iter().enumerate() {
            check("criteria", i, &c.legal);
        }
        for (i, g) in self.gaps.iter().enumerate() {
            check("gaps", i, &g.legal);
        }
        out
    }
}
