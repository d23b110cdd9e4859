//! The content model as one table: each kind's front matter keys, what each
//! holds, and which must be given. The editor's configuration (`/admin/`,
//! the editor module) is made from it, and a test holds it to what the front
//! matter reads (`front_matter::KNOWN_KEYS`) and what `arkiv new` writes, so
//! the three cannot disagree on the keys. Where a page's file goes differs,
//! on purpose: the editor makes every page but a plain one a folder
//! (`x/index.md`), so that its pictures stand beside it; `arkiv new` writes
//! news and meeting notes as one file each, which arkiv reads the same.

use crate::content::PageKind;

/// What a front matter key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// One line of text.
    Text,
    /// A paragraph or two.
    LongText,
    /// A day (`2024-03-26`).
    Date,
    /// A day, or a moment of it (`2024-03-26T09:00`): when something happens.
    Moment,
    /// Yes or no.
    Bool,
    /// A whole number.
    Number,
    /// Topic names (site.yaml's `taxonomies.topics`).
    Topics,
    /// Municipality names (site.yaml's `taxonomies.municipalities`).
    Municipalities,
    /// The slug of a page of this kind (`programme: yrkesresan`).
    PageOf(PageKind),
    /// A file of the page's bundle.
    File,
    /// A picture of the page's bundle.
    Picture,
    /// One of a fixed set of words.
    OneOf(&'static [&'static str]),
    /// Lines of text (`aliases`).
    Lines,
    /// A group of keys.
    Object(&'static [Field]),
    /// A list of groups of keys.
    List(&'static [Field]),
}

/// One front matter key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key as written: `title`.
    pub key: &'static str,
    /// What editors call it, in Swedish: "Rubrik".
    pub label: &'static str,
    /// A line of help, in Swedish ("" for none).
    pub hint: &'static str,
    /// What it holds.
    pub value: Value,
    /// True when arkiv refuses the page without it.
    pub required: bool,
}

const fn field(key: &'static str, label: &'static str, value: Value) -> Field {
    Field {
        key,
        label,
        hint: "",
        value,
        required: false,
    }
}

const fn required(key: &'static str, label: &'static str, value: Value) -> Field {
    Field {
        key,
        label,
        hint: "",
        value,
        required: true,
    }
}

const fn hinted(field: Field, hint: &'static str) -> Field {
    Field { hint, ..field }
}

const PERSON: [Field; 5] = [
    required("name", "Namn", Value::Text),
    field("role", "Roll", Value::Text),
    field("organisation", "Organisation", Value::Text),
    field("phone", "Telefon", Value::Text),
    field("email", "E-post", Value::Text),
];

const SPEAKER: [Field; 3] = [
    required("name", "Namn", Value::Text),
    field("role", "Roll", Value::Text),
    field("organisation", "Organisation", Value::Text),
];

const ATTENDEE: [Field; 3] = [
    required("name", "Namn", Value::Text),
    hinted(
        field("organisation", "Organisation", Value::Text),
        "Deltagarlistan grupperas efter organisation.",
    ),
    hinted(
        field("note", "Anmärkning", Value::Text),
        "Till exempel ”del av mötet”.",
    ),
];

const IMAGE: [Field; 4] = [
    hinted(
        required("src", "Bild", Value::Picture),
        "Krävs för en bild.",
    ),
    hinted(
        required("alt", "Alternativtext", Value::Text),
        "Krävs för en bild: vad den visar, för den som inte ser den.",
    ),
    field("caption", "Bildtext", Value::Text),
    hinted(
        field("credit", "Fotograf", Value::Text),
        "Till exempel ”Foto: Namn Namnsson”.",
    ),
];

const ACKNOWLEDGED: [Field; 2] = [
    required("status", "Status", Value::OneOf(&["known"])),
    required("reason", "Varför", Value::Text),
];

const ATTACHMENT: [Field; 4] = [
    required("file", "Fil", Value::File),
    hinted(
        field("title", "Länktext", Value::Text),
        "Filens namn om den lämnas tom.",
    ),
    hinted(
        field("keep_original", "Publicera bilden orörd", Value::Bool),
        "Med metadata, till exempel var bilden togs.",
    ),
    hinted(
        field(
            "accessibility",
            "Känd tillgänglighetsbrist",
            Value::Object(&ACKNOWLEDGED),
        ),
        "Listas i tillgänglighetsredogörelsen i stället för att varnas för.",
    ),
];

const REGISTRATION: [Field; 2] = [
    required("url", "Adress", Value::Text),
    field("deadline", "Sista dag", Value::Moment),
];

const EVENT: [Field; 4] = [
    hinted(
        required("start", "Börjar", Value::Moment),
        "Krävs för tid och plats.",
    ),
    field("end", "Slutar", Value::Moment),
    field("location", "Plats", Value::Text),
    field("registration", "Anmälan", Value::Object(&REGISTRATION)),
];

const ACTIVITY: [Field; 5] = [
    required("title", "Vad", Value::Text),
    required("date", "När", Value::Moment),
    field("end", "Slutar", Value::Moment),
    field("location", "Plats", Value::Text),
    field(
        "conference",
        "Konferens",
        Value::PageOf(PageKind::Conference),
    ),
];

const NETWORK: [Field; 2] = [
    field("network", "Nätverk", Value::Text),
    field("note_takers", "Antecknat av", Value::Lines),
];

/// The keys every kind has, first.
const COMMON: [Field; 4] = [
    required("title", "Rubrik", Value::Text),
    hinted(
        field("summary", "Ingress", Value::LongText),
        "En eller två meningar som sammanfattar sidan.",
    ),
    field("topics", "Ämnen", Value::Topics),
    field("municipalities", "Kommuner", Value::Municipalities),
];

/// The keys every kind has, last: publishing and addresses.
const PUBLISHING: [Field; 6] = [
    hinted(
        field("updated", "Senast uppdaterad", Value::Date),
        "Lämna tom om datumet ska tas från versionshistoriken.",
    ),
    hinted(
        field("expires", "Inaktuell från", Value::Date),
        "Efter den dagen står bara en kort notis kvar på sidans adress.",
    ),
    hinted(
        field("draft", "Utkast", Value::Bool),
        "Ett utkast publiceras inte.",
    ),
    hinted(
        field("slug", "Adressnamn", Value::Text),
        "Ersätter namnet i adressen som annars tas från filens namn.",
    ),
    hinted(
        field("aliases", "Gamla adresser", Value::Lines),
        "Adresser som ska leda hit, till exempel /nyheter/gammal-rubrik.",
    ),
    hinted(
        field("template", "Mall", Value::Text),
        "Temats mall för sidan, om den ska vara en annan än sidtypens.",
    ),
];

const DATE: Field = hinted(
    field("date", "Publicerad", Value::Date),
    "Annars datumet först i filens namn.",
);
const IMAGE_FIELD: Field = field("image", "Bild", Value::Object(&IMAGE));
const CONTACTS: Field = field("contacts", "Kontaktpersoner", Value::List(&PERSON));
const ATTACHMENTS: Field = field("attachments", "Bilagor", Value::List(&ATTACHMENT));
const PROGRAMME: Field = field("programme", "Program", Value::PageOf(PageKind::Programme));

/// The keys of a page of `kind`, in the order an editor fills them in.
pub fn fields(kind: PageKind) -> Vec<Field> {
    let own: Vec<Field> = match kind {
        PageKind::News => vec![DATE, PROGRAMME, IMAGE_FIELD, CONTACTS, ATTACHMENTS],
        PageKind::Conference => vec![
            DATE,
            field("event", "Tid och plats", Value::Object(&EVENT)),
            PROGRAMME,
            IMAGE_FIELD,
            CONTACTS,
            ATTACHMENTS,
        ],
        PageKind::Presentation => vec![
            DATE,
            field(
                "conference",
                "Konferens",
                Value::PageOf(PageKind::Conference),
            ),
            field("speakers", "Talare", Value::List(&SPEAKER)),
            PROGRAMME,
            IMAGE_FIELD,
            ATTACHMENTS,
        ],
        PageKind::MeetingNotes => vec![
            DATE,
            field("extra", "Nätverket", Value::Object(&NETWORK)),
            field("attendees", "Närvarande", Value::List(&ATTENDEE)),
            field("activities", "Kommande aktiviteter", Value::List(&ACTIVITY)),
            PROGRAMME,
            ATTACHMENTS,
        ],
        PageKind::Programme => vec![DATE, IMAGE_FIELD, CONTACTS, ATTACHMENTS],
        PageKind::Plain => vec![
            hinted(
                field("weight", "Ordning", Value::Number),
                "Lägre nummer först bland sidorna.",
            ),
            IMAGE_FIELD,
            CONTACTS,
            ATTACHMENTS,
        ],
    };
    COMMON.into_iter().chain(own).chain(PUBLISHING).collect()
}

/// Every kind, in the order the editor lists them.
pub const KINDS: [PageKind; 6] = [
    PageKind::News,
    PageKind::Conference,
    PageKind::Presentation,
    PageKind::MeetingNotes,
    PageKind::Programme,
    PageKind::Plain,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_front_matter_reads_is_some_kind_s_and_no_other() {
        let mut keys: Vec<&str> = KINDS
            .iter()
            .flat_map(|kind| fields(*kind))
            .map(|f| f.key)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut known = crate::content::front_matter::KNOWN_KEYS.to_vec();
        known.sort_unstable();
        assert_eq!(keys, known);
    }
}
