//! The shape of a record: reading JSON into a [`Report`] and, when that fails, finding every
//! shape problem in one run, each with its JSON path.
//!
//! A good record is read once, typed, straight from the text; the model reads its structs only
//! from JSON objects (a list is never read by position) and serde rejects a key given twice.
//! Only a record that fails is looked at further: syntax errors stop with line and column; a
//! scan of the text names every key given twice; the text is read as a `serde_json::Value` and
//! compared with [`Report::specimen`], a record with every field filled in (a list where the
//! specimen has an object is an error), and read again and again: after each problem serde
//! finds, the value is repaired from the specimen (an unknown key removed, a missing or wrong
//! value replaced), so that one run reports every problem. Problems are classified by where
//! they stand and what the specimen holds there, never by the wording of a message: an unknown
//! key is [`Error::UnknownField`], a string where the specimen holds a vocabulary word is
//! [`Error::UnknownWord`], one under `legal` is [`Error::BadLegalRef`], everything else is
//! [`Error::Shape`].

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Location, Result, shown};
use crate::model::{Object, Report, ReportId};

/// At most this many problems are reported for one record; a record with more is rarely a
/// record at all.
const MAX_PROBLEMS: usize = 100;
/// The specimen as JSON, and the paths (indices as `[0]`) of its keys that a record must have.
struct Shape {
    specimen: Value,
    required: BTreeSet<String>,
}

fn shape() -> &'static Shape {
    static SHAPE: OnceLock<Shape> = OnceLock::new();
    SHAPE.get_or_init(|| {
        let specimen = serde_json::to_value(Report::specimen()).expect("the specimen serialises");
        // A key is required when the specimen without it does not read.
        let mut required = BTreeSet::new();
        let mut paths = Vec::new();
        key_paths(&specimen, &mut Vec::new(), &mut paths);
        for path in paths {
            let mut v = specimen.clone();
            let (last, parent) = path.split_last().expect("a key path is not empty");
            if let Some(Value::Object(map)) = get_mut(&mut v, parent) {
                map.remove(last.key().expect("a key"));
            }
            if Report::deserialize(&v).is_err() {
                required.insert(normal(&path));
            }
        }
        Shape { specimen, required }
    })
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl Step {
    fn key(&self) -> Option<&str> {
        match self {
            Step::Key(k) => Some(k),
            Step::Index(_) => None,
        }
    }
}

/// The path as the errors write it: `gaps[3].services[1]`.
fn display(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The path with every index 0: where the specimen holds the shape of that place.
fn normal(path: &[Step]) -> String {
    let zeroed: Vec<Step> = path
        .iter()
        .map(|s| match s {
            Step::Index(_) => Step::Index(0),
            k => k.clone(),
        })
        .collect();
    display(&zeroed)
}

fn key_paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                here.push(Step::Key(k.clone()));
                out.push(here.clone());
                key_paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Index(i));
                key_paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.as_object()?.get(k),
        Step::Index(i) => v.as_array()?.get(*i),
    })
}

fn get_mut<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.as_object_mut()?.get_mut(k),
        Step::Index(i) => v.as_array_mut()?.get_mut(*i),
    })
}

/// Where the specimen holds the shape of `path`: indices read as 0.
fn specimen_at(path: &[Step]) -> Option<&'static Value> {
    let zeroed: Vec<Step> = path
        .iter()
        .map(|s| match s {
            Step::Index(_) => Step::Index(0),
            k => k.clone(),
        })
        .collect();
    get(&shape().specimen, &zeroed)
}

/// Reads one record from JSON text: the report, or every shape problem found (one error, or
/// [`Error::Many`]), each with the report id (when the text has one) and the JSON path. A UTF-8
/// byte-order mark at the start is accepted.
pub(crate) fn parse(json: &str) -> Result<Report> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let syntax = |e: serde_json::Error| Error::Syntax {
        at: Location::default(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e),
    };
    // The one typed read: the model reads structs only from objects, and serde's derive rejects
    // a key given twice, so a record that reads here is well-formed.
    let typed = serde_json::from_str::<Object<Report>>(json);
    let typed_error = match typed {
        Ok(Object(report)) => return Ok(report),
        Err(e) if e.is_syntax() || e.is_eof() => return Err(syntax(e)),
        Err(e) => e,
    };
    // Something is wrong: find every problem. A scan of the text names each key given twice
    // (a value keeps only the last); then the text is read as a value and checked against the
    // specimen.
    let mut scan = Scan::default();
    scan.run(json).map_err(syntax)?;
    let mut value: Value = serde_json::from_str(json).map_err(syntax)?;
    let report = value
        .get("id")
        .and_then(Value::as_str)
        .map(|id| ReportId(id.to_string()));
    let mut problems = Problems {
        report,
        errors: Vec::new(),
    };
    for (path, key) in scan.twice {
        let message = format!(
            "key {} is given twice in one object; the second would silently replace the first (keep one)",
            shown(&key)
        );
        problems.errors.push(Error::Shape {
            at: problems.at(path),
            message,
        });
    }
    problems.lists_for_objects(&mut value, &shape().specimen, &mut Vec::new());
    problems.read(&mut value);
    if problems.errors.is_empty() {
        // Nothing found that the typed read found: say what it said, where.
        let mut de = serde_json::Deserializer::from_str(json);
        let path = match serde_path_to_error::deserialize::<_, Object<Report>>(&mut de) {
            Err(e) => e.path().to_string(),
            Ok(_) => String::new(),
        };
        problems.errors.push(Error::Shape {
            at: problems.at(if path == "." { String::new() } else { path }),
            message: strip_position(&typed_error),
        });
    }
    Err(Error::from_list(problems.errors).unwrap_err())
}

/// What the scan of a record's text found.
#[derive(Default)]
struct Scan {
    /// The steps to where the scan stands.
    here: Vec<Step>,
    /// The keys given twice: the path of the second, and the key.
    twice: Vec<(String, String)>,
}

impl Scan {
    fn run(&mut self, json: &str) -> serde_json::Result<()> {
        let mut de = serde_json::Deserializer::from_str(json);
        serde::de::DeserializeSeed::deserialize(
            Seed {
                spec: Some(&shape().specimen),
                scan: self,
            },
            &mut de,
        )?;
        de.end()
    }

    fn enter(&mut self, step: impl FnOnce() -> Step) {
        self.here.push(step());
    }

    fn leave(&mut self) {
        self.here.pop();
    }
}

/// An object key, borrowed from the text when it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

/// Walks a JSON text beside the specimen's shape (`spec`, when the specimen has this place),
/// without building a value.
struct Seed<'a> {
    spec: Option<&'static Value>,
    scan: &'a mut Scan,
}

impl<'de> serde::de::DeserializeSeed<'de> for Seed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.spec {
            // A list or an object: look inside.
            Some(Value::Array(_) | Value::Object(_)) => d.deserialize_any(self),
            // A leaf, or a place the format does not have: skipped unread (the typed read
            // reports what is wrong there), which is most of a record's bytes.
            _ => d.deserialize_ignored_any(serde::de::IgnoredAny).map(drop),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for Seed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let element = match self.spec {
            Some(Value::Array(items)) => items.first(),
            _ => None,
        };
        let mut i = 0;
        loop {
            self.scan.enter(|| Step::Index(i));
            let more = seq.next_element_seed(Seed {
                spec: element,
                scan: &mut *self.scan,
            })?;
            self.scan.leave();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let spec = self.spec.and_then(Value::as_object);
        // The keys so far: a short list searched in order (objects of the format have a few
        // dozen keys at most), a set once an object is large.
        let mut keys: Vec<std::borrow::Cow<'de, str>> = Vec::new();
        let mut many: std::collections::HashSet<std::borrow::Cow<'de, str>> =
            std::collections::HashSet::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let child = spec.and_then(|m| m.get(key.as_ref()));
            self.scan.enter(|| Step::Key(key.to_string()));
            let seen = if keys.len() < 32 {
                keys.contains(&key)
            } else {
                if many.is_empty() {
                    many.extend(keys.iter().cloned());
                }
                many.contains(&key)
            };
            if seen {
                let path = display(&self.scan.here);
                self.scan.twice.push((path, key.to_string()));
            }
            map.next_value_seed(Seed {
                spec: child,
                scan: &mut *self.scan,
            })?;
            self.scan.leave();
            if keys.len() < 32 {
                keys.push(key);
            } else {
                many.insert(key);
            }
        }
        Ok(())
    }
}

struct Problems {
    report: Option<ReportId>,
    errors: Vec<Error>,
}

impl Problems {
    fn at(&self, path: String) -> Location {
        Location {
            file: None,
            report: self.report.clone(),
            path,
        }
    }

    /// Every list standing where the specimen has an object: serde would read it by position.
    /// Each is reported and replaced by the specimen's object.
    fn lists_for_objects(&mut self, v: &mut Value, spec: &Value, here: &mut Vec<Step>) {
        match (v, spec) {
            (v @ Value::Array(_), Value::Object(_)) => {
                let message = format!(
                    "expected an object (`{{...}}` with named fields), found {}; a list is never read by position",
                    describe(v)
                );
                self.errors.push(Error::Shape {
                    at: self.at(display(here)),
                    message,
                });
                *v = spec.clone();
            }
            (Value::Object(map), Value::Object(spec)) => {
                for (k, child) in map.iter_mut() {
                    if let Some(s) = spec.get(k) {
                        here.push(Step::Key(k.clone()));
                        self.lists_for_objects(child, s, here);
                        here.pop();
                    }
                }
            }
            (Value::Array(items), Value::Array(spec)) => {
                if let Some(s) = spec.first() {
                    for (i, child) in items.iter_mut().enumerate() {
                        here.push(Step::Index(i));
                        self.lists_for_objects(child, s, here);
                        here.pop();
                    }
                }
            }
            _ => {}
        }
    }

    /// Reads `value` as a report again and again, reporting and repairing each problem serde
    /// finds, until it reads or nothing more can be repaired.
    fn read(&mut self, value: &mut Value) {
        let mut last: Option<(Vec<Step>, String)> = None;
        while self.errors.len() < MAX_PROBLEMS {
            let e = match serde_path_to_error::deserialize::<_, Report>(&*value) {
                Ok(_) => return,
                Err(e) => e,
            };
            let path = steps(e.path());
            let message = strip_position(e.inner());
            if last.as_ref() == Some(&(path.clone(), message.clone())) {
                // The repair did not take: report what serde said, once, and stop.
                return;
            }
            last = Some((path.clone(), message.clone()));
            if !self.classify_and_repair(value, &path, message) {
                return;
            }
        }
        self.errors.push(Error::Shape {
            at: self.at(String::new()),
            message: format!(
                "more than {MAX_PROBLEMS} problems; only the first {MAX_PROBLEMS} are listed (is this a report record?)"
            ),
        });
    }

    /// Reports the problem at `path` and repairs `value` there; false when it cannot be repaired.
    fn classify_and_repair(&mut self, value: &mut Value, path: &[Step], message: String) -> bool {
        let at = self.at(display(path));
        let spec = specimen_at(path);
        let parent_spec = path.split_last().and_then(|(_, p)| specimen_at(p));
        let actual = get(value, path).cloned();
        // A key the specimen's object does not have: an unknown field.
        if let (Some(Step::Key(key)), Some(Value::Object(_)), None) =
            (path.last(), parent_spec, spec)
        {
            let message = message.replace(key.as_str(), &shown_bare(key));
            self.errors.push(Error::UnknownField { at, message });
            let (_, parent) = path.split_last().expect("a key path");
            if let Some(Value::Object(map)) = get_mut(value, parent) {
                map.remove(key);
                return true;
            }
            return false;
        }
        let (Some(actual), Some(spec)) = (actual, spec) else {
            self.errors.push(Error::Shape { at, message });
            return false;
        };
        match (&actual, spec) {
            // An object missing keys the format requires.
            (Value::Object(map), Value::Object(spec_map)) => {
                let missing: Vec<&String> = spec_map
                    .keys()
                    .filter(|k| !map.contains_key(*k))
                    .filter(|k| {
                        let mut p = path.to_vec();
                        p.push(Step::Key((*k).clone()));
                        shape().required.contains(&normal(&p))
                    })
                    .collect();
                if missing.is_empty() {
                    self.errors.push(Error::Shape { at, message });
                    return false;
                }
                let target = get_mut(value, path).and_then(Value::as_object_mut);
                let Some(target) = target else { return false };
                for k in missing {
                    let mut p = path.to_vec();
                    p.push(Step::Key(k.clone()));
                    self.errors.push(Error::Shape {
                        at: self.at(display(&p)),
                        message: format!("missing field `{k}`"),
                    });
                    target.insert(k.clone(), spec_map[k].clone());
                }
                true
            }
            // A string where the specimen holds a string: a word of a vocabulary, or a legal
            // reference, that is not one.
            (Value::String(s), Value::String(_)) => {
                let message = message.replace(s.as_str(), &shown_bare(s));
                let under_legal = path.iter().any(|p| p.key() == Some("legal"));
                self.errors.push(if under_legal {
                    Error::BadLegalRef { at, message }
                } else {
                    Error::UnknownWord { at, message }
                });
                replace(value, path, spec)
            }
            _ => {
                let message = format!(
                    "expected {}, found {}",
                    expected(path, spec),
                    describe(&actual)
                );
                self.errors.push(Error::Shape { at, message });
                replace(value, path, spec)
            }
        }
    }
}

fn replace(value: &mut Value, path: &[Step], with: &Value) -> bool {
    match get_mut(value, path) {
        Some(v) => {
            *v = with.clone();
            true
        }
        None => false,
    }
}

/// What belongs at `path`, in words a record's author understands.
fn expected(path: &[Step], spec: &Value) -> String {
    let key = path.iter().rev().find_map(Step::key).unwrap_or("");
    let or_null = if path.len() == 1 && matches!(key, "title" | "auditor" | "year") {
        " (or null when the source does not state it)"
    } else {
        ""
    };
    let what = match (key, spec) {
        ("year", _) => "a year such as 2025".to_string(),
        ("line", _) => "a line number such as 42 (lines are counted from 1)".to_string(),
        ("value" | "max" | "denominator", _) => "a number such as 12 or 12.5".to_string(),
        (_, Value::String(_)) => "a string".to_string(),
        (_, Value::Number(_)) => "a number".to_string(),
        (_, Value::Bool(_)) => "true or false".to_string(),
        (_, Value::Array(_)) => "a list (`[...]`)".to_string(),
        (_, Value::Object(_)) => "an object (`{...}` with named fields)".to_string(),
        (_, Value::Null) => "null".to_string(),
    };
    format!("{what}{or_null}")
}

/// A JSON value in a message: its type, and the value itself when short.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {}", shown_bare(&n.to_string())),
        Value::String(s) => format!("the string {}", shown(s)),
        Value::Array(a) => format!("a list of {} item(s)", a.len()),
        Value::Object(m) => format!("an object with {} field(s)", m.len()),
    }
}

/// [`shown`] without the backticks: for values already quoted in serde's message.
fn shown_bare(s: &str) -> String {
    let shown = shown(s);
    shown[1..shown.len() - 1].to_string()
}

fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { variant } => Some(Step::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// serde_json appends " at line L column C" to its messages; the location says that better.
pub(crate) fn strip_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(pos) => message[..pos].to_string(),
        None => message,
    }
}
