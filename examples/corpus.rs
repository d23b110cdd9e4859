//! Generates a deterministic archive of N pages for benchmarks: every section,
//! the front matter of DESIGN.md, 3–5 KB Markdown bodies with headings, lists,
//! tables, links and (in about a fifth) fenced code, ~40 topics, the 13
//! municipalities, dates over 15 years, and page bundles with attachments.
//!
//! cargo run --release --example corpus -- <pages> <folder>
//!
//! The folder gets `site.yaml`, `content/` and a copy of this repository's `themes/`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const MUNICIPALITIES: [&str; 13] = [
    "Ale",
    "Alingsås",
    "Göteborg",
    "Härryda",
    "Kungsbacka",
    "Kungälv",
    "Lerum",
    "Lilla Edet",
    "Mölndal",
    "Partille",
    "Stenungsund",
    "Tjörn",
    "Öckerö",
];

const TOPIC_WORDS: [&str; 40] = [
    "Kompetensförsörjning",
    "Barn och unga",
    "Social hållbarhet",
    "Digitalisering",
    "Äldreomsorg",
    "Arbetsmarknad",
    "Nära vård",
    "Socialtjänst",
    "Forskning och utveckling",
    "Boende",
    "Öppna data",
    "Ledarskap",
    "Folkhälsa",
    "Skola",
    "Gymnasieantagning",
    "Miljö",
    "Samhällsplanering",
    "Trafik",
    "Klimat",
    "Näringsliv",
    "Integration",
    "Funktionsstöd",
    "Missbruk",
    "Psykisk hälsa",
    "Våld i nära relationer",
    "Ekonomiskt bistånd",
    "Familjehem",
    "Välfärdsteknik",
    "Upphandling",
    "Kultur",
    "Fritid",
    "Idrott",
    "Vuxenutbildning",
    "Validering",
    "Yrkesintroduktion",
    "Hemsjukvård",
    "Rehabilitering",
    "Krisberedskap",
    "Säkerhet",
    "Jämställdhet",
];

const WORDS: [&str; 32] = [
    "kommunerna",
    "samverkan",
    "regionen",
    "utveckling",
    "socialtjänsten",
    "medarbetare",
    "arbetet",
    "nätverket",
    "förbundet",
    "kunskap",
    "uppföljning",
    "insatser",
    "behov",
    "planering",
    "erfarenheter",
    "stöd",
    "verksamheten",
    "invånare",
    "gemensamt",
    "analys",
    "omställning",
    "kompetens",
    "beslut",
    "projekt",
    "resultat",
    "möte",
    "styrgruppen",
    "förslag",
    "underlag",
    "dialog",
    "framtiden",
    "välfärd",
];

const SECTIONS: [(&str, u64); 5] = [
    ("nyheter", 50),
    ("konferenser", 8),
    ("presentationer", 24),
    ("anteckningar", 14),
    ("program", 4),
];

/// splitmix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(folder)) =
        (args.get(1).and_then(|n| n.parse::<u64>().ok()), args.get(2))
    else {
        eprintln!("usage: corpus <pages> <folder>");
        std::process::exit(2);
    };
    let root = Path::new(folder);
    let _ = fs::remove_dir_all(root.join("content"));
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(root.join("site.yaml"), site_yaml()).unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"),
        &root.join("themes"),
    );
    let mut rng = Rng(0x5EED);
    let weights: u64 = SECTIONS.iter().map(|(_, w)| w).sum();
    let programmes = (count / 100).clamp(1, 50);
    let conferences = (count * SECTIONS[1].1 / weights).max(1);
    let others = [0, 2, 3];
    let other_weight: u64 = others.iter().map(|&s| SECTIONS[s].1).sum();
    let mut made = [0u64; 5];
    for n in 0..count {
        let section = if n < programmes {
            4
        } else if n < programmes + conferences {
            1
        } else {
            let mut roll = rng.below(other_weight);
            others
                .into_iter()
                .find(|&s| {
                    let hit = roll < SECTIONS[s].1;
                    roll = roll.saturating_sub(SECTIONS[s].1);
                    hit
                })
                .unwrap_or(0)
        };
        made[section] += 1;
        write_page(
            root,
            &mut rng,
            section,
            made[section],
            programmes,
            conferences,
        );
    }
    eprintln!("wrote {count} pages into {}", root.display());
}

fn site_yaml() -> String {
    format!(
        "title: Benchmarkarkiv\nbase_url: https://example.org/\nlanguage: sv\ntheme: gr\npaginate: 10\norganisation:\n  name: Göteborgsregionen (GR)\n  members: [{}]\n",
        MUNICIPALITIES.join(", ")
    )
}

fn write_page(
    root: &Path,
    rng: &mut Rng,
    section: usize,
    n: u64,
    programmes: u64,
    conferences: u64,
) {
    let (folder, _) = SECTIONS[section];
    let year = 2011 + rng.below(15);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let date = format!("{year}-{month:02}-{day:02}");
    let title = format!("{} {} {n}", capitalised(rng.pick(&WORDS)), rng.pick(&WORDS));
    let slug = format!("{date}-sida-{n}");
    let is_bundle = section == 1 || section == 2 || rng.below(10) == 0;
    let mut front = format!(
        "---\ntitle: \"{title}\"\nsummary: \"{}\"\n",
        sentence(rng, 14)
    );
    let topics: Vec<&str> = (0..1 + rng.below(3))
        .map(|_| rng.pick(&TOPIC_WORDS))
        .collect();
    let municipalities: Vec<&str> = (0..rng.below(3))
        .map(|_| rng.pick(&MUNICIPALITIES))
        .collect();
    writeln!(front, "topics: [{}]", dedup(topics).join(", ")).unwrap();
    writeln!(
        front,
        "municipalities: [{}]",
        dedup(municipalities).join(", ")
    )
    .unwrap();
    if section != 4 && rng.below(4) == 0 {
        writeln!(front, "programme: program-{}", 1 + rng.below(programmes)).unwrap();
    }
    match section {
        1 => writeln!(front, "event: {{ start: {date}, location: Göteborg }}").unwrap(),
        2 => {
            writeln!(
                front,
                "conference: konferens-{}",
                1 + rng.below(conferences)
            )
            .unwrap();
            writeln!(
                front,
                "speakers: [{{ name: Talare {n}, role: Utvecklingsledare, organisation: GR }}]"
            )
            .unwrap();
        }
        3 => {
            writeln!(front, "attendees: [{{ name: Person A, organisation: Ale }}, {{ name: Person B, organisation: Lerum }}]").unwrap();
            writeln!(
                front,
                "activities: [{{ title: Nästa möte, date: {} }}]",
                date
            )
            .unwrap();
        }
        4 => writeln!(
            front,
            "contacts: [{{ name: Kontakt {n}, role: Projektledare, phone: 031-335 50 00 }}]"
        )
        .unwrap(),
        _ => {}
    }
    if is_bundle {
        writeln!(
            front,
            "attachments: [{{ file: bilaga.pdf, title: Bilaga }}]"
        )
        .unwrap();
    }
    front.push_str("---\n\n");
    let body = body(rng, section, n);
    let text = front + &body;
    let stem = match section {
        1 => format!("konferens-{n}"),
        4 => format!("program-{n}"),
        _ => slug,
    };
    let dir = root.join("content").join(folder);
    if is_bundle {
        let bundle = dir.join(&stem);
        fs::create_dir_all(&bundle).unwrap();
        fs::write(bundle.join("index.md"), text).unwrap();
        fs::write(bundle.join("bilaga.pdf"), pdf(n)).unwrap();
    } else {
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(format!("{stem}.md")), text).unwrap();
    }
}

fn body(rng: &mut Rng, section: usize, n: u64) -> String {
    let mut out = String::new();
    let target = 3000 + rng.below(2000) as usize;
    let mut part = 1;
    while out.len() < target {
        writeln!(out, "## {} {part}\n", capitalised(rng.pick(&WORDS))).unwrap();
        for _ in 0..2 {
            writeln!(
                out,
                "{}\n",
                (0..4)
                    .map(|_| sentence(rng, 12))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
            .unwrap();
        }
        match part % 4 {
            1 => {
                for _ in 0..4 {
                    writeln!(out, "- {}", sentence(rng, 6)).unwrap();
                }
                out.push('\n');
            }
            2 => {
                out.push_str("| Kommun | Deltagare | Andel |\n| --- | ---: | ---: |\n");
                for _ in 0..4 {
                    writeln!(
                        out,
                        "| {} | {} | {} % |",
                        rng.pick(&MUNICIPALITIES),
                        rng.below(90),
                        rng.below(100)
                    )
                    .unwrap();
                }
                out.push('\n');
            }
            3 if n.is_multiple_of(5) => {
                out.push_str("```yaml\nkommun: Mölndal\nantal: 12\nperiod: { start: 2024-01-01, slut: 2024-12-31 }\n```\n\n");
            }
            _ => {
                writeln!(
                    out,
                    "Läs mer om [{}](https://example.org/{section}/{part}) och **{}**.\n",
                    rng.pick(&WORDS),
                    rng.pick(&WORDS)
                )
                .unwrap();
            }
        }
        part += 1;
    }
    out
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut text = capitalised(rng.pick(&WORDS));
    for _ in 1..words {
        text.push(' ');
        text.push_str(rng.pick(&WORDS));
    }
    text.push('.');
    text
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn dedup(mut items: Vec<&str>) -> Vec<&str> {
    items.sort_unstable();
    items.dedup();
    items
}

fn pdf(n: u64) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend(format!("% bilaga {n}\n").bytes());
    bytes.resize(2048 + (n % 7) as usize * 512, b' ');
    bytes.extend(b"\n%%EOF\n");
    bytes
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
