//! Making the views templates see (`views.rs`) from the `SiteIndex`.
//!
//! In: the index and a page or listing. Out: `…View` values with URLs made and
//! dates already written out in the site's language. Templates never see
//! `Page` or `Config` directly, so what a template can show is written here,
//! and every page and value handed out is recorded (`record`).

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::config::Config;
use crate::content::PageKind;
use crate::content::front_matter::Attendee;
use crate::index::{CalendarEntry, PageId, SiteIndex, Taxonomy, TaxonomyKind};
use crate::render::globals::Globals;
use crate::render::record::{Read, Relation, Shown};
pub use crate::render::views::*;
use crate::routes;
pub use crate::text::encode_path;
use crate::text::{SUMMARY_WORDS, date_range, file_size, long_date};

/// What every output's views share: the site, and the values every template gets.
pub struct SiteViews<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The site.
    pub site: &'a SiteIndex,
    /// UI strings: section names and the like.
    pub labels: &'a crate::render::Labels,
    /// What every template gets, made once.
    globals: OnceLock<Globals>,
    /// Each page's summary, made the first time a listing shows it, with
    /// what making it read (empty unless the views record).
    summaries: Vec<OnceLock<(tera::Value, Shown)>>,
    /// True when each output's views record what they show (for `serve`).
    records: bool,
}

impl<'a> SiteViews<'a> {
    /// Views of `site`.
    pub fn new(config: &'a Config, site: &'a SiteIndex, labels: &'a crate::render::Labels) -> Self {
        SiteViews {
            config,
            site,
            labels,
            globals: OnceLock::new(),
            summaries: site.pages.iter().map(|_| OnceLock::new()).collect(),
            records: false,
        }
    }

    /// These views, recording what each output shows (`Views::finish`).
    pub fn recording(mut self) -> Self {
        self.records = true;
        self
    }

    /// True when each output's views record what they show.
    pub fn records(&self) -> bool {
        self.records
    }

    /// The views for one output.
    pub fn output(&self) -> Views<'_> {
        Views {
            config: self.config,
            labels: self.labels,
            site: self.site,
            shared: self,
            shown: self.records.then(RefCell::default),
        }
    }

    /// The values every template gets.
    pub fn globals(&self) -> &Globals {
        self.globals.get_or_init(|| Globals::new(self))
    }

    /// Done with these views: the summaries made for a whole site's
    /// listings are freed on a thread of their own.
    pub fn free_aside(mut self) {
        crate::timing::free_aside(std::mem::take(&mut self.summaries));
    }
}

/// Builds the views of one output and records what they hand out (`record`).
pub struct Views<'v> {
    /// The configuration.
    pub config: &'v Config,
    /// UI strings: section names and the like.
    pub labels: &'v crate::render::Labels,
    site: &'v SiteIndex,
    shared: &'v SiteViews<'v>,
    shown: Option<RefCell<Shown>>,
}

impl<'v> Views<'v> {
    /// The site, for what outputs are and where they go; what it shows goes through the views.
    pub fn site(&self) -> &'v SiteIndex {
        self.site
    }

    /// The values every template gets.
    pub fn globals(&self) -> &'v Globals {
        self.read(Read::Globals);
        self.shared.globals()
    }

    /// What this output showed; empty unless the views record.
    pub fn finish(self) -> Shown {
        self.shown
            .map(|shown| shown.into_inner().finish())
            .unwrap_or_default()
    }

    /// Notes that this output read `read`.
    pub fn read(&self, read: Read) {
        if let Some(shown) = &self.shown {
            shown.borrow_mut().read(read);
        }
    }

    /// Notes that this output shows page `id`.
    pub fn show(&self, id: PageId) {
        if let Some(shown) = &self.shown {
            shown.borrow_mut().page(self.site.page_keys[id]);
        }
    }

    /// The pages related to page `id` in one way.
    fn related(&self, relation: Relation, id: PageId) -> Vec<PageId> {
        self.read(Read::Related(relation, self.site.page_keys[id]));
        relation.of(self.site, id)
    }

    /// A page's summary for listings.
    pub fn summary(&self, id: PageId) -> PageSummary {
        self.show(id);
        let page = &self.site.pages[id];
        let language = self.config.language.as_str();
        let summary = page
            .front
            .summary
            .clone()
            .unwrap_or_else(|| first_words(&self.site.bodies[id].text, SUMMARY_WORDS));
        PageSummary {
            title: page.front.title.clone(),
            url: self.config.url(&page.path),
            kind: page.kind,
            kind_label: self.labels.kind(page.kind).to_string(),
            date: page.date.as_ref().map(|d| DateView::new(d, language)),
            summary,
            topics: self.term_links(TaxonomyKind::Topics, &page.front.topics),
            municipalities: self
                .term_links(TaxonomyKind::Municipalities, &page.front.municipalities),
            speakers: page.front.speakers.clone(),
            event: self
                .site
                .entries_of(id)
                .find(|e| e.source == crate::index::EventSource::Event && e.page == id)
                .map(|e| self.event(e)),
            attachments: self.attachments(id),
        }
    }

    /// Summaries of `ids`, in order, as template values.
    pub fn summaries(&self, ids: &[PageId]) -> Vec<tera::Value> {
        ids.iter().map(|&id| self.summary_value(id)).collect()
    }

    /// Page `id`'s summary as a template value.
    ///
    /// Made once for all the listings that show the page (a page stands in
    /// its section, its month, and on each of its terms' pages): making it
    /// anew each time took a tenth of a build. A value shares its maps and
    /// strings, so handing it out again copies nothing; what making it read
    /// is noted for each output that shows it.
    pub fn summary_value(&self, id: PageId) -> tera::Value {
        let (value, read) = self.shared.summaries[id].get_or_init(|| {
            let own = self.shared.output();
            let value = tera::Value::from_serializable(&own.summary(id));
            (value, own.finish())
        });
        if let Some(shown) = &self.shown {
            shown.borrow_mut().extend(read);
        }
        value.clone()
    }

    /// Everything a page's own template shows.
    pub fn page(&self, id: PageId) -> PageView {
        let site = self.site;
        let page = &site.pages[id];
        let front = &page.front;
        let language = self.config.language.as_str();
        // A conference's introduction comes before its documentation.
        let parts =
            (page.kind == PageKind::Conference).then(|| split_at_heading(&site.bodies[id].html));
        PageView {
            summary: self.summary(id),
            lead: front.summary.clone(),
            content: site.bodies[id].html.clone(),
            toc: site.bodies[id].toc.clone(),
            updated: front.updated.as_ref().map(|d| DateView::new(d, language)),
            image: front.image.as_ref().map(|image| self.image(id, image)),
            contacts: front.contacts.clone(),
            intro: parts.map(|(intro, _)| intro.to_string()),
            more: parts
                .map(|(_, more)| more.to_string())
                .filter(|more| !more.trim().is_empty()),
            registration: self.registration(id),
            scheduled: page
                .date
                .filter(|d| d.timestamp() > site.timing.now && !page.is_section_index)
                .map(|d| {
                    self.read(Read::Scheduled(site.page_keys[id]));
                    crate::content::schedule::spoken(&d, language)
                }),
            conference: match self.related(Relation::Conference, id).first() {
                Some(&c) => Some(self.summary_value(c)),
                None => self.named(id, PageKind::Conference).map(|title| {
                    tera::Value::from_serializable(&std::collections::BTreeMap::from([(
                        "title", title,
                    )]))
                }),
            },
            presentations: self.presentation_order(&self.related(Relation::Presentations, id)),
            programme: match self.related(Relation::Programme, id).first() {
                Some(&p) => Some(self.link(p)),
                None => self.named(id, PageKind::Programme).map(|title| Link {
                    title,
                    url: String::new(),
                }),
            },
            programme_pages: self.summaries(&self.related(Relation::ProgrammePages, id)),
            related: match page.kind {
                PageKind::Plain | PageKind::Programme => Vec::new(),
                _ => self.summaries(&self.related(Relation::Related, id)),
            },
            children: match page.kind {
                PageKind::Plain if !page.is_section_index => {
                    self.summaries(&self.related(Relation::Children, id))
                }
                _ => Vec::new(),
            },
            attendee_groups: group_attendees(&front.attendees),
            attendee_count: front.attendees.len(),
            activities: {
                self.read(Read::Entries(site.page_keys[id]));
                site.entries_of(id)
            }
            // Its activities, a conference's event among them when one is.
            .filter(|e| e.source != crate::index::EventSource::Event || e.page != id)
            .map(|e| self.event(e))
            .collect(),
            breadcrumbs: self.breadcrumbs(id),
            archive_url: page.date.filter(|_| page.kind != PageKind::Plain).map(|d| {
                self.url(
                    &self
                        .site
                        .routes
                        .archive_month(d.date().year(), d.date().month()),
                )
            }),
            extra: front.extra.clone(),
            statement: (front.template.as_deref() == Some(crate::documents::STATEMENT_TEMPLATE))
                .then(|| self.statement(&site.bodies[id].html)),
        }
    }

    /// A page as an Atom feed entry.
    pub fn feed_entry(&self, id: PageId) -> FeedEntry {
        self.show(id);
        let page = &self.site.pages[id];
        let summary = self.summary(id);
        let published = page.date.map(|d| d.rfc3339());
        let updated = page
            .front
            .updated
            .or(page.date)
            .map(|d| d.rfc3339())
            .unwrap_or_else(|| crate::content::PageDate::day(self.site.today).rfc3339());
        FeedEntry {
            title: summary.title,
            url: self.config.absolute_url(&page.path),
            published,
            updated,
            summary: summary.summary,
            content: self.site.bodies[id].html.clone(),
            categories: page.front.topics.clone(),
        }
    }

    /// A calendar entry as templates show it.
    pub fn event(&self, entry: &CalendarEntry) -> EventView {
        self.show(entry.page);
        let language = self.config.language.as_str();
        let page = &self.site.pages[entry.page];
        let mut when = match entry.end {
            Some(end) if end.date() != entry.start.date() => {
                date_range(entry.start.date(), end.date(), language)
            }
            _ => long_date(entry.start.date(), language),
        };
        if let Some(start_time) = entry.start.time_text() {
            let same_day = entry.end.is_none_or(|e| e.date() == entry.start.date());
            // Swedish writes "kl. 09.00–16.00" (Språkrådet); English "09:00–16:00".
            let at = if language == "sv" { ", kl. " } else { ", " };
            let clock = |time: String| crate::text::spoken_time(&time, language);
            match entry.end.and_then(|e| e.time_text()) {
                Some(end_time) if same_day => {
                    when.push_str(&format!("{at}{}–{}", clock(start_time), clock(end_time)))
                }
                _ => when.push_str(&format!("{at}{}", clock(start_time))),
            }
        }
        EventView {
            title: entry.title.clone(),
            url: self.config.url(&page.path),
            page_title: page.front.title.clone(),
            start: DateView::new(&entry.start, language),
            end: entry.end.as_ref().map(|d| DateView::new(d, language)),
            when,
            location: entry.location.clone(),
            is_event: entry.source == crate::index::EventSource::Event,
            is_upcoming: {
                self.read(Read::Ahead(self.site.page_keys[entry.page], entry.source));
                entry.is_upcoming(self.site.timing.now)
            },
            ics_url: self.url(
                &self
                    .site
                    .routes
                    .event_file(&self.site.entry_slug(entry.index)),
            ),
        }
    }

    /// Where and until when to register for page `id`'s event, while one
    /// can (until the deadline, or without one until the event is over).
    fn registration(&self, id: PageId) -> Option<RegistrationView> {
        let site = self.site;
        let registration = site.pages[id].front.event.as_ref()?.registration.as_ref()?;
        self.read(Read::Registration(site.page_keys[id]));
        site.registration_closes(id)
            .filter(|&closes| closes > site.timing.now)?;
        let language = self.config.language.as_str();
        // A path on the site is under the site's base path, as every link is.
        let url = match registration.url.strip_prefix('/') {
            Some(path) => self.config.url(path),
            None => registration.url.clone(),
        };
        Some(RegistrationView {
            url,
            deadline: registration.deadline.map(|d| DateView::new(&d, language)),
            deadline_text: registration
                .deadline
                .map(|d| crate::content::schedule::spoken(&d, language)),
        })
    }

    /// The title of the expired page that page `id`'s `programme:` or
    /// `conference:` (by `kind`) names, shown as plain text.
    fn named(&self, id: PageId, kind: PageKind) -> Option<String> {
        self.site.named.get(&(id, kind)).cloned()
    }

    /// A link to page `id`.
    pub fn link(&self, id: PageId) -> Link {
        self.show(id);
        let page = &self.site.pages[id];
        Link {
            title: page.front.title.clone(),
            url: self.config.url(&page.path),
        }
    }

    /// The URL of a site path (`nyheter/`), with the site's base path.
    pub fn url(&self, path: &str) -> String {
        self.config.url(path)
    }

    /// The URL of `taxonomy`'s term page for `slug`.
    pub fn term_url(&self, taxonomy: &Taxonomy, slug: &str) -> String {
        self.url(&routes::term(&taxonomy.path, slug))
    }

    fn term_links(&self, kind: TaxonomyKind, names: &[String]) -> Vec<Link> {
        let taxonomy = self.site.taxonomy(kind);
        names
            .iter()
            .filter_map(|name| {
                self.read(Read::Term(kind, name.clone()));
                taxonomy.term(name)
            })
            .map(|term| Link {
                title: term.name.clone(),
                url: self.term_url(taxonomy, &term.slug),
            })
            .collect()
    }

    fn attachments(&self, id: PageId) -> Vec<AttachmentView> {
        let page = &self.site.pages[id];
        page.front
            .attachments
            .iter()
            .filter_map(|attachment| {
                let asset = page.assets.iter().find(|a| a.name == attachment.file)?;
                let file_type = attachment
                    .file
                    .rsplit_once('.')
                    .map_or_else(|| "Fil".to_string(), |(_, ext)| ext.to_uppercase());
                Some(AttachmentView {
                    title: attachment
                        .title
                        .clone()
                        .unwrap_or_else(|| attachment.file.clone()),
                    url: self.asset_url(id, &attachment.file),
                    file_type,
                    size: file_size(asset.size),
                    not_accessible: self
                        .site
                        .documents
                        .of(id, &attachment.file)
                        .is_some_and(|d| !d.problems.is_empty()),
                })
            })
            .collect()
    }

    /// The page's picture; one of its own bundle with its widths.
    fn image(&self, id: PageId, image: &crate::content::fields::Image) -> ImageView {
        let page = &self.site.pages[id];
        let own = page
            .assets
            .iter()
            .find(|a| a.name == image.src && crate::images::is_raster(&a.name));
        let probe = own.and_then(|asset| crate::images::probe(&asset.source).ok());
        let file_url = |name: &str| {
            self.config
                .url(&format!("{}{}", page.path, encode_path(name)))
        };
        let picture = probe
            .as_ref()
            .map(|probe| crate::images::Picture::new(&image.src, probe, file_url));
        let share = probe.as_ref().map(|probe| {
            let shared = crate::images::share(&image.src, probe);
            ShareView {
                url: self.config.absolute_url(&format!(
                    "{}{}",
                    page.path,
                    encode_path(&shared.name)
                )),
                width: shared.width,
                height: shared.height,
            }
        });
        ImageView {
            url: picture
                .as_ref()
                .map_or_else(|| self.asset_url(id, &image.src), |p| p.url.clone()),
            alt: image.alt.clone(),
            caption: image.caption.clone(),
            credit: image.credit.clone(),
            picture,
            share,
        }
    }

    fn asset_url(&self, id: PageId, src: &str) -> String {
        if src.contains("://") || src.starts_with('/') {
            return src.to_string();
        }
        let page = &self.site.pages[id];
        self.config
            .url(&format!("{}{}", page.path, encode_path(src)))
    }

    /// Presentations in programme order: by `weight`, then date and time, then source path.
    fn presentation_order(&self, ids: &[PageId]) -> Vec<tera::Value> {
        let mut ids = ids.to_vec();
        let pages = &self.site.pages;
        let key = |id: PageId| {
            let page = &pages[id];
            (
                page.front.weight,
                page.date.map(|d| d.timestamp()),
                &page.content_path,
            )
        };
        ids.sort_by(|&a, &b| key(a).cmp(&key(b)));
        self.summaries(&ids)
    }

    fn breadcrumbs(&self, id: PageId) -> Vec<Link> {
        let page = &self.site.pages[id];
        let mut crumbs = vec![Link {
            title: self.labels.get("home").to_string(),
            url: self.config.url(&self.site.routes.home()),
        }];
        if page.kind.folder().is_some() {
            crumbs.push(Link {
                title: self.labels.section(page.kind).to_string(),
                url: self.url(&page.kind.listing(&self.site.routes)),
            });
        }
        if page.kind == PageKind::Plain {
            let parents = self.related(Relation::Parents, id);
            crumbs.extend(parents.into_iter().map(|p| self.link(p)));
        }
        crumbs.push(self.link(id));
        crumbs
    }
}

/// Groups attendees by organisation, in the order organisations first appear.
fn group_attendees(attendees: &[Attendee]) -> Vec<AttendeeGroup> {
    let mut groups: Vec<AttendeeGroup> = Vec::new();
    for attendee in attendees {
        let organisation = attendee.organisation.clone().unwrap_or_default();
        match groups.iter_mut().find(|g| g.organisation == organisation) {
            Some(group) => group.attendees.push(attendee.clone()),
            None => groups.push(AttendeeGroup {
                organisation,
                attendees: vec![attendee.clone()],
            }),
        }
    }
    groups
}

/// The first `count` words of `text`, with "…" if cut.
pub fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(count + 1).collect();
    if words.len() > count {
        format!("{}…", words[..count].join(" "))
    } else {
        words.join(" ")
    }
}

/// A body's HTML before its first `<h2>` that stands on its own (not in a
/// quote, a list, a fact box or another block), and from it on.
fn split_at_heading(html: &str) -> (&str, &str) {
    const BLOCKS: [&str; 6] = ["div", "blockquote", "li", "section", "aside", "details"];
    let at_top = |at: usize| {
        let before = &html[..at];
        BLOCKS.iter().all(|tag| {
            let opened = before.matches(&format!("<{tag}>")).count()
                + before.matches(&format!("<{tag} ")).count();
            opened == before.matches(&format!("</{tag}>")).count()
        })
    };
    let mut starts = html.match_indices("<h2").map(|(at, _)| at);
    let at = starts.find(|&at| at_top(at)).unwrap_or(html.len());
    html.split_at(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendees_group_by_organisation_in_order() {
        let people = [("A", "Ale"), ("B", "Göteborg"), ("C", "Ale")].map(|(name, org)| Attendee {
            name: name.into(),
            organisation: Some(org.into()),
            note: None,
        });
        let groups = group_attendees(&people);
        let names: Vec<(String, usize)> = groups
            .iter()
            .map(|g| (g.organisation.clone(), g.attendees.len()))
            .collect();
        assert_eq!(names, [("Ale".to_string(), 2), ("Göteborg".to_string(), 1)]);
    }

    #[test]
    fn summaries_cut_at_a_word() {
        assert_eq!(first_words("ett två tre", 2), "ett två…");
        assert_eq!(first_words("ett två", 2), "ett två");
    }

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(
            encode_path("bild på möte.png"),
            "bild%20p%C3%A5%20m%C3%B6te.png"
        );
    }
}
