//! The listings: the start page, section and term pages (paginated), the
//! taxonomies' term lists and the date archive.

use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::index::{ArchiveYear, PageId, TaxonomyKind};
use crate::output::OutputFile;
use crate::render::context::Views;
use crate::render::contexts::{
    ArchiveContext, ArchiveMonthContext, ArchiveYearContext, HomeContext, MonthView,
    SectionContext, SectionView, TaxonomyContext, TermContext, TermView, YearView,
};
use crate::render::globals::taxonomy_link;
use crate::render::jobs::Frame;
use crate::render::outputs::{HOME_CONFERENCES, HOME_NEWS, HOME_UPCOMING, page_count, page_range};
use crate::render::record::{List, Read};
use crate::render::{PageLink, Paginator};
use crate::routes;
use crate::text::month_name;

/// The items `range` of `list`, noted as read.
fn slice(views: &Views<'_>, list: List, range: std::ops::Range<usize>) -> Vec<PageId> {
    let (pages, _) = list.pages(views.site());
    let (start, end) = (range.start.min(pages.len()), range.end.min(pages.len()));
    let items = pages[start..end].to_vec();
    views.read(Read::Slice(list, range.start, range.end));
    items
}

/// All of `list`, noted as read.
fn all(views: &Views<'_>, list: List) -> Vec<PageId> {
    slice(views, list, 0..usize::MAX)
}

pub(super) fn home(mut cx: Frame<'_>) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let site = views.site();
    let head = |kind, n| views.summaries(&slice(views, List::Section(kind), 0..n));
    let latest_news = head(PageKind::News, HOME_NEWS);
    let conferences = head(PageKind::Conference, HOME_CONFERENCES);
    let programmes = views.summaries(&all(views, List::Section(PageKind::Programme)));
    views.read(Read::Upcoming(HOME_UPCOMING));
    let upcoming = site.upcoming().take(HOME_UPCOMING);
    let upcoming = upcoming.map(|e| views.event(e)).collect();
    views.read(Read::Home);
    let intro = site.home.map(|id| views.page(id));
    cx.title = views.config.title.clone();
    cx.description = views.config.description.clone();
    let home = HomeContext {
        latest_news,
        conferences,
        programmes,
        upcoming,
        intro,
    };
    cx.finish("index.html", &home)
}

pub(super) fn section(
    mut cx: Frame<'_>,
    kind: PageKind,
    n: usize,
) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let folder = kind.listing(&views.site().routes);
    views.read(Read::Intro(kind));
    let intro = views.site().section(kind).and_then(|s| s.intro);
    let intro = intro.map(|id| views.page(id));
    cx.title = views.labels.section(kind).to_string();
    cx.description = intro
        .as_ref()
        .and_then(|i| i.lead.clone())
        .unwrap_or_default();
    let paginator = paginate(views, List::Section(kind), &folder, n);
    let view = SectionView {
        title: cx.title.clone(),
        url: views.url(&folder),
        kind,
        intro,
    };
    let section = SectionContext {
        section: view,
        paginator,
    };
    cx.finish("section.html", &section)
}

pub(super) fn taxonomy(mut cx: Frame<'_>, kind: TaxonomyKind) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let taxonomy = views.site().taxonomy(kind);
    views.read(Read::Terms(kind));
    let terms: Vec<TermView> = taxonomy
        .terms
        .iter()
        .map(|term| TermView {
            name: term.name.clone(),
            url: views.term_url(taxonomy, &term.slug),
            count: term.pages.len(),
        })
        .collect();
    cx.title = taxonomy.title.clone();
    let taxonomy = taxonomy_link(views.config, taxonomy);
    cx.finish("taxonomy.html", &TaxonomyContext { taxonomy, terms })
}

pub(super) fn term(
    mut cx: Frame<'_>,
    kind: TaxonomyKind,
    t: usize,
    n: usize,
) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let taxonomy = views.site().taxonomy(kind);
    let term = &taxonomy.terms[t];
    let base = routes::term(&taxonomy.path, &term.slug);
    let list = List::Term(kind, term.slug.clone());
    let paginator = paginate(views, list, &base, n);
    cx.title = format!("{}: {}", taxonomy.title, term.name);
    let view = TermView {
        name: term.name.clone(),
        url: views.url(&base),
        count: paginator.total,
    };
    let singular = match taxonomy.kind {
        TaxonomyKind::Topics => "topic",
        TaxonomyKind::Municipalities => "municipality",
    };
    let term = TermContext {
        taxonomy: taxonomy_link(views.config, taxonomy),
        kind_label: views.labels.get(singular).to_string(),
        term: view,
        paginator,
    };
    cx.finish("term.html", &term)
}

pub(super) fn archive(mut cx: Frame<'_>) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    views.read(Read::Archive);
    let years: Vec<YearView> = views
        .site()
        .archive
        .iter()
        .map(|year| year_view(views, year, false))
        .collect();
    cx.title = views.labels.get("archive").to_string();
    cx.finish("archive.html", &ArchiveContext { years })
}

pub(super) fn archive_year(mut cx: Frame<'_>, y: usize) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let year = year_view(views, &views.site().archive[y], true);
    cx.title = format!("{} {}", views.labels.get("archive"), year.year);
    cx.finish("archive_year.html", &ArchiveYearContext { year })
}

pub(super) fn archive_month(
    mut cx: Frame<'_>,
    y: usize,
    m: usize,
) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let year = &views.site().archive[y];
    let month = &year.months[m];
    let view = MonthView {
        name: month_name(month.month, &views.config.language).to_string(),
        month: month.month,
        url: views.url(&views.site().routes.archive_month(year.year, month.month)),
        count: month.pages.len(),
        pages: views.summaries(&all(views, List::Month(year.year, month.month))),
    };
    cx.title = format!(
        "{} {} {}",
        views.labels.get("archive"),
        view.name,
        year.year
    );
    let month = ArchiveMonthContext {
        year: year_view(views, year, false),
        month: view,
    };
    cx.finish("archive_month.html", &month)
}

/// A year's view, with each month's pages when `with_pages`.
fn year_view(views: &Views<'_>, year: &ArchiveYear, with_pages: bool) -> YearView {
    views.read(Read::Year(year.year));
    let language = views.config.language.as_str();
    YearView {
        year: year.year,
        url: views.url(&views.site().routes.archive_year(year.year)),
        count: year.page_count(),
        months: year
            .months
            .iter()
            .map(|month| MonthView {
                month: month.month,
                name: month_name(month.month, language).to_string(),
                url: views.url(&views.site().routes.archive_month(year.year, month.month)),
                count: month.pages.len(),
                pages: if with_pages {
                    views.summaries(&all(views, List::Month(year.year, month.month)))
                } else {
                    Vec::new()
                },
            })
            .collect(),
    }
}

/// Page `number` of `list`, listed at `base`.
fn paginate(views: &Views<'_>, list: List, base: &str, number: usize) -> Paginator<tera::Value> {
    let per_page = views.config.paginate;
    let total = list.pages(views.site()).0.len();
    let count = page_count(total, per_page);
    let url = |n: usize| views.url(&views.site().routes.pagination(base, n));
    let items = slice(views, list, page_range(usize::MAX, per_page, number));
    let first = if items.is_empty() {
        0
    } else {
        (number - 1) * per_page.max(1) + 1
    };
    Paginator {
        first,
        last: (first + items.len()).saturating_sub(1),
        items: views.summaries(&items),
        number,
        count,
        total,
        previous: (number > 1).then(|| url(number - 1)),
        next: (number < count).then(|| url(number + 1)),
        links: page_window(number, count)
            .into_iter()
            .scan(0, |last, n| {
                let link = PageLink {
                    number: n,
                    url: url(n),
                    is_current: n == number,
                    is_after_gap: n > *last + 1,
                };
                *last = n;
                Some(link)
            })
            .collect(),
    }
}

/// The page numbers a paginator links: the first, the last, and two on each side
/// of the current one, so a listing of thousands of pages stays small.
fn page_window(number: usize, count: usize) -> Vec<usize> {
    let mut numbers: Vec<usize> = [1, count]
        .into_iter()
        .chain(number.saturating_sub(2).max(1)..=(number + 2).min(count))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn a_paginator_links_the_ends_and_the_neighbourhood() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 5), [1, 2, 3, 5]);
        assert_eq!(page_window(50, 500), [1, 48, 49, 50, 51, 52, 500]);
        assert_eq!(page_window(500, 500), [1, 498, 499, 500]);
    }
}
