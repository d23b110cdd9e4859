# arkiv's messages in English. Each message has the same id and the same
# arguments in sv.ftl; tests/messages.rs checks it.

## The command line (--help)

cli-about = arkiv builds archive sites for programme documentation, conferences and meeting notes.
cli-usage = Usage
cli-commands = Commands
cli-options = Options
cli-arguments = Arguments
cli-command-value = COMMAND
cli-options-value = OPTIONS
cli-more-help = Run `{ $command } --help` for more.
cli-build = Build the site into public/ (replaced whole, only when the build succeeds).
cli-serve = Preview the site with live reload; rebuilds what a saved file touches.
cli-check = Check the site without publishing: everything the build checks, plus links, anchors, images' alt text, heading levels and duplicate titles; and list the pages scheduled or expiring soon.
cli-new = Start a new page: `arkiv new nyheter "Rubrik"` (sections: nyheter, konferenser, presentationer, anteckningar, program, sida).
cli-arg-root = The site's folder, with site.yaml and content/ (default: the current folder).
cli-arg-messages = The language of arkiv's messages: sv or en (default: the site's language).
cli-arg-help = Show this help.
cli-arg-version = Show arkiv's version.
cli-arg-drafts = Include pages marked `draft: true`.
cli-build-output = Where to write the site (default: DIR/public).
cli-build-drafts = Build pages marked `draft: true` too.
cli-build-future = Publish pages whose date lies ahead too (each shows a "Schemalagd" banner).
cli-build-base_url = The public address, replacing base_url in site.yaml (e.g. for a preview host).
cli-serve-port = The port to listen on; the next free one is used if it is taken (0: any). Default: 1111.
cli-serve-bind = The address to listen on (default: 127.0.0.1). Other machines can reach the preview only if this is not a loopback address.
cli-serve-open = Open the site in the default web browser.
cli-serve-drafts = Serve pages marked `draft: true` too.
cli-serve-editor = Let the editor at /admin/ (site.yaml's `editor:`) read and write the files under content/ of this checkout.
cli-check-strict = Fail on warnings too.
cli-check-browser = Also open every page in Chromium and check it with axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA); needs Chromium installed.
cli-check-format = How to print the findings: human (for people, with the source line and a hint), github (GitHub Actions annotations) or json (one object per finding). Default: human.
cli-new-section = The section: nyheter, konferenser, presentationer, anteckningar, program, or sida.
cli-new-title = The page's title, in quotes.
cli-new-language = The page's language, one of site.yaml's `languages` (`en`); with a page's file as the section (`nyheter/2024-03-26-x.md`), its translation, beside it.
cli-import = Move a Hugo, Jekyll or Zola site in: write an arkiv site (content, site.yaml, the gr theme) from its sources, which are only read.
cli-import-generator = The generator the site was made for: hugo, jekyll or zola.
cli-import-source = The old site's folder (with its configuration file and content).
cli-import-into = Where to write the new site: a new or empty folder. Default: the old folder's name with "-arkiv".
cli-import-map = Put an old top folder's pages in an arkiv section, e.g. `--map posts=nyheter` (posts, post, blog and news go to nyheter unless mapped).
cli-import-format = How to print the report: human or json. Default: human.
cli-value-dir = DIR
cli-value-section = SECTION
cli-value-language = LANGUAGE
cli-value-address = ADDRESS
cli-value-title = TITLE

## Mistakes on the command line

cli-error = error
cli-hint = hint
cli-unknown-argument = there is no option `{ $argument }`
cli-unknown-command = there is no command `{ $command }`
cli-commands-are = the commands are build, serve, check and new
cli-invalid-value = `{ $value }` is not a value { $argument } takes
cli-possible-values = possible values: { $values }
cli-missing-arguments = missing: { $arguments }
cli-no-value = { $argument } needs a value
cli-unexpected-value = `{ $value }` was not expected here
cli-other-error = the command line could not be read: { $detail }

## What commands print

summary-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
new-wrote = Wrote { $path }
build-up-to-date = Nothing has changed since the last build: { $pages } pages ({ $files } files) in { $output } are up to date ({ $ms } ms)
build-files = { $files } files
build-files-updated = { $files } files, { $written } of them written again: the rest had not changed
build-done = Built { $pages } pages ({ $files }) into { $output } in { $ms } ms
build-failed = Build failed with { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}; { $output } was left as it was.
serve-serving = Serving { $root } at { $url } (Ctrl+C stops)
serve-built = Built { $files } files in { $ms } ms
serve-rebuilt = Rebuilt { $count ->
    [one] 1 file
   *[other] { $count } files
} in { $ms } ms
serve-search-ready = Search index ready in { $ms } ms
serve-failed = Build failed with { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}; still serving the last good version
serve-port-taken = Port { $port } is in use; using { $other }
serve-accept-failed = cannot accept a connection ({ $reason }); trying again in a second

## How a diagnostic is printed

severity-error = error
severity-warning = warning
diagnostics-brief = Only the first { $shown } warnings are shown in full; { $brief ->
    [one] the last one gets a line of its own, above them.
   *[other] the other { $brief } get one line each, above them.
} `arkiv check` shows them all in full.
diagnostic-help = help
did-you-mean = did you mean `{ $suggestion }`?

## Where a page's front matter is

page-empty = this page is empty: it has no front matter
page-no-front-matter = this page has no front matter
page-no-front-matter-hint = start the file with a line `---`, then `title: …`, then another line `---`
page-toml-front-matter-hint = arkiv reads YAML front matter between --- lines, not TOML between +++ lines
page-blank-before-fence = the front matter is hidden by { $lines ->
    [one] an empty line
   *[other] { $lines } empty lines
} before `---`
page-blank-before-fence-hint = remove the empty lines at the top: the file must start with `---` (now on line { $line })
page-junk-before-fence = there are invisible characters before `---` on line 1, which hide the front matter
page-junk-before-fence-hint = delete line 1 and write `---` again (the characters often come with text pasted from a word processor)
front-matter-not-closed = the front matter is never closed
front-matter-not-closed-hint = add a line `---` after the last front matter key

## Mistakes in YAML (front matter and site.yaml)

yaml-unreadable = this line cannot be read
yaml-unreadable-hint = check the indentation, and put values with `:`, `#` or quotes in quotes
yaml-too-deep = the YAML nests or repeats aliases too deeply
yaml-too-deep-hint = write the values out instead of nesting them or repeating aliases
yaml-control-character = the front matter holds an invisible control character
yaml-control-character-hint = delete the line and write it again (such characters come with text copied from some programs)
yaml-tab = the line is indented with a tab
yaml-tab-hint = YAML allows only spaces for indentation; write: `{ $fixed }`
yaml-bad-start = a value cannot start with `{ $character }` unless it is in quotes
yaml-quote-hint = put the value in quotes: `{ $fixed }`
yaml-list-not-closed = the list on line { $line } is never closed with `]`
yaml-list-not-closed-hint = end the list with `]`: `{ $fixed }`
yaml-map-not-closed = the braces on line { $line } are never closed with `{"}"}`
yaml-map-not-closed-hint = end them with `{"}"}`: `{ $fixed }`
yaml-quote-not-closed = the quotation mark on line { $line } is never closed
yaml-quote-not-closed-hint = end the value with the same quotation mark: `{ $fixed }`
yaml-indented = the line is indented, but the line above already has a value
yaml-indented-hint = remove the spaces at the start: `{ $fixed }`
yaml-colon-in-value = the value of `{ $key }` has a colon and a space (`: `) in it
yaml-colon-in-value-hint = put the value in quotes: `{ $fixed }`
yaml-missing-colon = the line has no colon between key and value
yaml-missing-colon-hint = write the key, a colon and the value: `{ $fixed }`
yaml-duplicate-key = the key `{ $key }` appears twice
yaml-duplicate-key-hint = each key may appear once: remove or merge the repeated `{ $key }`
yaml-unknown-key = `{ $key }` is not a key here
yaml-unknown-key-hint = the keys here are { $keys }
yaml-missing-alt = the image has no `alt` text
yaml-missing-alt-hint = describe the picture for people who cannot see it: `alt: "…"`
yaml-missing-key = `{ $key }` is missing
yaml-missing-key-hint = add `{ $key }: …`
yaml-not-key-value = the front matter must be `key: value` lines
yaml-not-key-value-hint = write one key per line, e.g. `title: Årsmöte`, with no `-` in front
yaml-want-text = `{ $key }` must be a text
yaml-want-text-hint = put the value in quotes, e.g. `{ $key }: "2019"`
yaml-want-list = `{ $key }` must be a list
yaml-want-list-hint = write a list, e.g. `{ $key }: [Barn och unga, Kompetensförsörjning]`
yaml-want-bool = `{ $key }` must be true or false
yaml-want-bool-hint = write `{ $key }: true` or `{ $key }: false`
yaml-want-number = `{ $key }` must be a whole number
yaml-want-number-hint = write digits only, e.g. `{ $key }: 10`
yaml-want-fields = `{ $key }` does not have the form it needs
yaml-want-fields-hint = compare `{ $key }` with the front matter reference in the README

## Front matter

front-matter-unknown-key = unknown key `{ $key }` in front matter
front-matter-unknown-key-hint = put keys of your own under `extra:` to use them in templates
front-matter-no-title = the page has no title
front-matter-no-title-hint = add a line `title: …` to the front matter
front-matter-date-missing = `{ $key }` has an entry without its date
front-matter-date-missing-hint = write when it starts, as 2024-03-26 (or 2024-03-26T09:00 with the time)
front-matter-not-a-date = `{ $text }` is not a date arkiv can read
front-matter-date-corrected-hint = write it as { $date }: `{ $key }: { $date }`
front-matter-no-such-day-hint = that day does not exist: the month has { $days } days
front-matter-no-such-month-hint = that month does not exist: months go from 01 to 12
front-matter-date-hint = write dates as 2024-03-26, or with a time as 2024-03-26T10:00:00+01:00
front-matter-ends-before-start = ends ({ $end }) before it starts ({ $start })
front-matter-ends-before-start-hint = swap start and end, or correct the date or time
front-matter-bad-registration = `{ $url }` is not an address to register at
front-matter-bad-registration-hint = write a full address (`https://…`), an e-mail address as `mailto:namn@example.org`, or a path on the site (`/anmalan/`)
front-matter-bad-alias = `{ $alias }` is not a path on this site
front-matter-bad-alias-hint = write the old path from the site's root, e.g. `/nyheter/gammal-adress/`
front-matter-empty-slug = `{ $slug }` gives an empty slug
front-matter-empty-slug-hint = use letters or digits, e.g. `slug: arsmote-2024`

## A page not yet written

page-empty-summary = the summary is empty
page-empty-summary-hint = write one or two sentences that say what the page is about, or remove the `summary:` line
page-placeholder = “{ $text }” is a placeholder from `arkiv new`
page-placeholder-hint = replace it with the page's own text before it is published
page-no-body = the page has no text below its front matter
page-no-body-hint = write the page's text after the second `---` line, or mark it `draft: true` until it is ready

## The preview's error panel

overlay-title = arkiv: the build failed – the page shows the last version that worked
overlay-close = Close (Esc)

## Links between pages

link-to-draft = the link to `{ $link }` leads to a draft, which is not published
link-to-draft-hint = publish the other page (remove `draft: true`), or remove the link until it is
link-to-no-page = the link to `{ $link }` leads to no page (looked for content/{ $target })
link-outside-content = the link to `{ $link }` leads outside content/
link-to-no-page-hint = link to the other page's .md file relative to this file (`../nyheter/x.md`), or from content/ with `@/nyheter/x.md`

## Reading the site's files

fs-cannot-read-path = cannot read this path: { $reason }
fs-cannot-read-path-hint = check that the file exists and is readable (a broken symbolic link?)
fs-link-to-hidden = this is a symbolic link to { $target }, a hidden file or folder of the site; arkiv does not read it
fs-link-to-hidden-hint = hidden files (such as .git/) are never published: copy the file you mean into the site instead of linking to it
fs-cannot-read-file = cannot read this file: { $reason }
fs-cannot-read-file-hint = check that the file exists and is readable
fs-link-outside = this is a symbolic link to { $target }, outside the site's folder; arkiv does not read it
fs-folder-link-outside = a folder of this path is a symbolic link to { $target }, outside the site's folder; arkiv does not read it
fs-link-outside-hint = copy the file into the site instead of linking to it, or remove the link: nothing outside the site's folder is read or published
fs-link-loop = symbolic link loop: this folder links back to { $folder }
fs-link-loop-hint = remove the link or point it outside its own parent folders
fs-too-large = this file is { $size } MB, more than the { $limit } MB arkiv reads as text; it is not read
fs-too-large-hint = check that this is the right file: a page's text is rarely over 1 MB; a large document belongs beside index.md as an attachment

## arkiv new

new-unknown-language = `{ $language }` is not one of the site's languages
new-unknown-language-hint = site.yaml lists { $languages }; add the language there (`languages: [sv, en]`) first
new-translation-needs-language = a page's file as the section starts its translation, which needs a language besides the site's default
new-translation-needs-language-hint = add `--lang en` (a language site.yaml lists after the default), or give a section (`nyheter`) to start a page of its own
new-no-original = there is no page { $path } to translate
new-no-original-hint = give the file of the page to translate, as under content/ (`nyheter/2024-03-26-yrkesresan.md`), and a language besides the default with `--lang en`
new-unknown-section = `{ $section }` is not a section
new-unknown-section-hint = choose one of: { $sections }
new-empty-file-name = the title gives an empty file name
new-empty-file-name-hint = give the page a title with letters or digits
new-exists = { $path } already exists
new-exists-hint = choose another title, or edit the existing page
new-cannot-write = cannot write { $path }: { $reason }
new-cannot-write-hint = check that content/ exists and is writable

## Search

search-failed = the search index could not be built: { $reason }
search-failed-hint = set `search: false` in site.yaml to build without search, and report the problem

## site.yaml

config-invalid = invalid site configuration: { $detail }
config-unknown-key-hint = site.yaml knows title, description, base_url, language, languages, translations, theme, paginate, menu, social, taxonomies, markdown, organisation, search, dates, content_rules, editor and extra; put your own keys under `extra:`
editor-not-installed = site.yaml asks for the editor, but the theme `{ $theme }` has no copy of Decap CMS
editor-not-installed-hint = run `scripts/install-editor` once (it needs npm), which puts Decap CMS and its licence in themes/{ $theme }/editor/, and commit that folder
editor-api-too-large = the file is too large for the editor (at most { $limit } MB)
editor-api-taken = `{ $path }` is another page's file already: give the page another name
editor-api-unknown-action = the editor asked for `{ $action }`, which arkiv serve does not do
editor-api-not-content = `{ $path }` is not a file the editor may use: only files under content/ are
editor-api-off = the editor's local backend is off: start arkiv serve with --editor, with `editor:` in site.yaml
editor-api-forbidden = the editor's local backend answers only the editor of this server, on this computer
config-unsupported-language = unsupported language `{ $language }`
config-unsupported-language-hint = arkiv's theme speaks `sv` (Swedish) and `en` (English)
config-language-twice = site.yaml gives both `language` and `languages`
config-language-twice-hint = keep one: `language: sv` for a site in one language, `languages: [sv, en]` for one in several (the first is the default)
config-languages-list = `languages` must list each language once, the default first
config-languages-list-hint = for example `languages: [sv, en]`
config-translation-not-listed = `translations` has settings for `{ $language }`, which is not one of the site's other languages
config-translation-not-listed-hint = list the language under `languages` after the default (`languages: [sv, en]`), or remove its settings
config-paginate-zero = `paginate` must be at least 1
config-paginate-zero-hint = write the number of pages per listing page, e.g. `paginate: 10`
config-unknown-rule = `{ $rule }` under content_rules is not a rule arkiv knows
config-unknown-rule-hint = the content rules are { $rules }; turn one off with `content_rules: {"{"} all-caps: false {"}"}`
config-theme-not-a-name = `theme: { $theme }` is not the name of a folder under themes/
config-theme-not-a-name-hint = write only the theme folder's name, such as `theme: gr`: a theme is read from the site's own themes/ folder
config-social-not-web = the social link `{ $url }` is not an address on the web
config-social-not-web-hint = write the whole address, starting with https://
config-no-site = { $root } has neither `site.yaml` nor a `content/` folder
config-no-site-hint = run arkiv in a site's folder, or pass it with --root DIR
config-not-utf8 = { $file } is not UTF-8 text
config-not-utf8-hint = save the file as UTF-8 (most editors have it under "Save with encoding")

## Writing public/

output-refused = refusing to write the site to { $output }: { $reason }
output-holds-site = it holds the site itself
output-holds-site-hint = choose a folder of its own for the output, e.g. --output public
output-inside-site-folder = it is inside the site's { $folder }/ folder
output-inside-site-folder-hint = choose a folder outside content/, themes/ and static/, e.g. --output public
output-is-a-file = it is a file
output-is-a-file-hint = choose a folder with --output
output-not-empty = the folder is not empty and was not made by arkiv
output-not-empty-hint = empty the folder, or choose another with --output
output-cannot-write = cannot write { $path }: { $reason }
output-cannot-write-hint = check that the disk has room and the folder is writable

## Templates

render-no-templates-folder = the theme `{ $theme }` has no templates folder
render-no-templates-folder-hint = set `theme:` in site.yaml to a folder under themes/ that has templates/
render-template-not-utf8 = cannot read this template as UTF-8 text
render-template-not-utf8-hint = save the template as UTF-8
render-template-error = template error: { $detail }
render-no-template = the theme has no template `{ $name }`
render-no-template-hint = add the template to the theme (or to the site's templates/ folder)
render-template-names-hint = check the theme's templates: `extends` and `include` must name existing templates
render-unknown-filter-hint = besides Tera's own filters arkiv has `datum` and `breakable`; check the spelling
render-undefined-hint = the value is not in this template's context (the README's Themes section lists what each template sees); guard it with `{"{"}% if x is defined %{"}"}` or use `x | default(value="")`
render-incomplete-hint = a tag or expression is incomplete; compare with the Tera syntax at keats.github.io/tera
render-tera-syntax-hint = see the Tera template syntax at keats.github.io/tera
render-labels-not-utf8 = the language file is not UTF-8 text
render-labels-not-utf8-hint = save the file as UTF-8
render-labels-invalid = invalid language file: { $detail }
render-labels-invalid-hint = the language file is `key: text` lines
render-page-template-hint = remove `template:` to use { $default }, or add the template to templates/

## Output paths

render-replaces-static = this file would replace /{ $path }, a file of the site's own static/ folder or of its theme
render-replaces-static-hint = rename the file or move it into another folder: files under content/ may not replace the site's own
render-two-outputs = two outputs would be written to /{ $path }
render-two-outputs-hint = rename the page or term whose path collides
render-language-clash = two languages of the site both make `{ $path }`
render-language-clash-hint = give the page another address, or remove the old address from its `aliases:`; a translation keeps none of its original's old addresses
render-alias-clash-page = the alias /{ $alias }/ takes the path /{ $path }, which { $other } (line { $line }) also asks for
render-alias-clash-site = the alias /{ $alias }/ takes the path /{ $path }, which the site makes itself
render-url-clash-page = the URL /{ $url } takes the path /{ $path }, which { $other } (line { $line }) also asks for
render-url-clash-site = the URL /{ $url } takes the path /{ $path }, which the site makes itself
render-clash-hint = an alias or slug may not take a path the site makes itself (listings, feeds, the calendar, static files): remove the alias or choose another path

## The site's index: images, attachments, links between pages, topics

index-image-missing = the page's image { $src } is neither under content/ nor in static/
index-image-missing-hint = put the picture in the page's folder beside index.md and write only its file name as `src:`
index-image-private = the page's image is { $file }, which is not published: its name or type suggests it is not meant for the public
index-image-private-hint = rename the picture, or list it under `attachments:` of the page whose folder holds it if it is meant to be public
index-link-private = the link leads to { $file }, which is not published: its name or type suggests it is not meant for the public
index-link-private-hint = if the file is meant to be public, list it under `attachments:` in the front matter of the page whose folder holds it; otherwise remove the link
index-unused-file = this file is not used by any page, so it is not published
index-unused-file-hint = to publish it, list it under `attachments:` in the page's front matter or link to it from the text; otherwise move it out of content/
index-names-no-page = `{ $key }: { $value }` names no page in { $folder }/
index-no-pages-yet = there are no pages in content/{ $folder }/ yet
index-name-a-page-hint = name a page in content/{ $folder }/ by its slug: { $slugs }
index-topic-not-allowed = `{ $name }` is not one of the topics site.yaml allows
index-municipality-not-allowed = `{ $name }` is not one of the municipalities site.yaml allows
index-term-did-you-mean = did you mean `{ $suggestion }`? site.yaml lists the allowed terms
index-term-hint = use a term that site.yaml lists under taxonomies, or add this one there

## Pages and their folders

content-language-not-published = this page is written in `{ $language }`, which site.yaml does not list, and is not published
content-language-not-published-hint = add the language to site.yaml (`languages: [sv, { $language }]`), or rename the file without `.{ $language }` if it is a page of its own
content-no-folder = there is no content folder at { $path }
content-no-folder-hint = put the site's Markdown pages under content/, or pass the site's folder with --root
content-markdown-in-bundle = this Markdown file is inside the page bundle { $bundle } and is not published
content-markdown-in-bundle-hint = a bundle is one page: move the file out of the folder with index.md, or make it a bundle of its own
content-not-utf8 = this file is not UTF-8 text
content-empty-slug = the file name gives an empty URL slug
content-empty-slug-hint = give the file a name with letters or digits, or set `slug:` in the front matter
content-image-elsewhere = the page's image is on another website
content-image-elsewhere-hint = save the picture in the page's folder beside index.md and write its file name as `src:`: a picture from elsewhere cannot be checked, and it tells that site about every reader
content-not-in-bundle = `{ $file }` is not in the page's folder
content-not-a-bundle-hint = files belong in a page bundle: make a folder with this page as index.md and put the file beside it
content-empty-bundle-hint = put the file in the page's folder, beside index.md
content-bundle-has-hint = the page's folder has: { $files }
content-reserved-url = the URL /{ $url } is the site's own
content-reserved-url-hint = rename the file or folder, or set another `slug:`
content-same-url = two pages want the URL /{ $url }: this one and { $other }
content-same-url-hint = rename one of the files, or give one a `slug:` of its own
content-alias-taken = the alias /{ $alias }/ is the URL of { $other }
content-alias-taken-hint = remove the alias, or move the other page

## arkiv serve

serve-cannot-watch = cannot watch the site's files: { $reason }
serve-cannot-watch-hint = on Linux, raise fs.inotify.max_user_watches if the archive is very large
serve-unknown-error = unknown error
serve-cannot-listen = cannot listen on { $address } ports { $first }–{ $last }: { $reason }
serve-cannot-listen-hint = choose another port with --port, or stop the program that uses it
serve-cannot-start = the server could not start: { $reason }
serve-cannot-start-hint = check that the address is one of this machine's

## arkiv check

check-translation-behind = the original { $original } changed on { $changed }, after this translation ({ $translated })
check-translation-behind-hint = read what changed in the original and bring the translation up to date; once it is saved (and committed, where dates come from git) the warning goes
check-no-such-heading-there = the linked page has no heading `#{ $fragment }`
check-no-such-heading-there-hint = check the heading's id: it is the heading's text in lower-case ASCII with dashes
check-outside-site = `{ $dest }` is outside the site
check-outside-site-hint = link to a page of this site or to a full https:// address
check-no-page = the link to `{ $dest }` leads to no page
check-no-page-hint = check the path; link to other pages by their .md file so arkiv can check and update it
check-no-file = the link to `{ $dest }` leads to no file
check-no-file-hint = check the file name; a bundle's files sit beside its index.md
check-no-such-heading = the page has no heading `#{ $fragment }`
check-no-headings-hint = the page has no headings to link to
check-headings-are-hint = its headings are: { $headings }
check-no-alt = the image has no alt text
check-no-alt-hint = describe what the picture shows: ![En karta över regionen](karta.png)
check-first-level-heading = a first-level heading in the body: the page's title is already its h1
check-first-level-heading-hint = start the body's headings at ## (level 2)
check-heading-jump = the heading jumps from level { $from } to level { $to }
check-heading-jump-hint = use { $marks } here, so screen reader users can follow the outline
check-empty-alt = the page's image has an empty alt text
check-empty-alt-hint = leave alt empty only for a purely decorative picture; otherwise say what it shows
check-same-title = the same title as { $other }
check-same-title-hint = readers and search results cannot tell the two apart: add what differs (a date, a place)

## Pictures

picture-heic = `{ $file }` is a HEIC picture, which web browsers cannot show
picture-heic-hint = export it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible), or save it as JPEG in the Photos app, and link to that file
picture-too-large = `{ $file }` is { $width } × { $height } pixels: too large to publish
picture-too-large-hint = scale it down to at most 4000 pixels on the longest side before adding it
picture-unreadable = arkiv cannot read the picture `{ $file }`
picture-unreadable-hint = open it in an image program and save it again as JPEG or PNG
check-caption-repeats-alt = the caption only repeats the picture's alt text
check-caption-repeats-alt-hint = a screen reader reads both: let the alt text say what the picture shows, and the caption what it does not (who, where, when)

## Shortcodes
shortcode-unknown = there is no shortcode called `{ $name }`
shortcode-unknown-hint = the shortcodes this site has: { $known } (each is a template in templates/shortcodes/)
shortcode-did-you-mean = did you mean `{ $name }`?
shortcode-unknown-argument = the shortcode `{ $shortcode }` has no argument `{ $name }`
shortcode-unknown-argument-hint = it takes: { $known }
shortcode-missing-argument = the shortcode `{ $shortcode }` needs the argument `{ $name }`
shortcode-missing-argument-hint = add it inside the brackets; its value is { $kind }
shortcode-repeated-argument = the argument `{ $name }` is given twice
shortcode-repeated-argument-hint = keep one of them
shortcode-wrong-type = this value must be { $kind }
shortcode-wrong-type-hint = text goes in straight quotation marks ("…"); numbers and true/false go without
shortcode-kind-text = text in quotation marks, like "Årsrapport 2024"
shortcode-kind-number = a number, like 3
shortcode-kind-bool = true or false
shortcode-kind-url = a web address that starts with https://, or an address in the site that starts with /
shortcode-kind-video = the address of a YouTube or Vimeo video, in quotation marks
shortcode-kind-file = the name of a file in the page's folder, in quotation marks
shortcode-kind-picture = the name of a picture (JPEG, PNG or WebP) in the page's folder, in quotation marks
shortcode-kind-language = a language code in quotation marks, such as "en" (English), "fi" (Finnish) or "se" (Northern Sami)
shortcode-not-a-video = `{ $url }` is not the address of a YouTube or Vimeo video
shortcode-not-a-video-hint = copy the address from the video's page, like https://www.youtube.com/watch?v=… or https://vimeo.com/…
shortcode-no-file = there is no file `{ $file }` in this page's folder
shortcode-no-file-hint = put the file in the same folder as the page's index.md, and check how its name is spelled
shortcode-no-picture = there is no picture `{ $file }` in this page's folder
shortcode-no-picture-hint = put the picture (JPEG, PNG or WebP) in the same folder as the page's index.md, and check how its name is spelled
shortcode-body-missing = the shortcode `{ $name }` needs text to show
shortcode-body-missing-hint = write it as a block, with the text on the lines between: { $example }
shortcode-body-not-taken = the shortcode `{ $name }` takes no text between its opening and its end
shortcode-body-not-taken-hint = write it on one line: { $example }
shortcode-unfinished = this shortcode is not finished: { $expected } is missing here
shortcode-unfinished-hint = a shortcode is written like { $example }, with straight quotation marks and commas between the arguments
shortcode-curly-quotes = the quotation marks around this value are curly
shortcode-curly-quotes-hint = use straight quotation marks ("…"); a word processor changes them to curly ones, which arkiv does not read as quotation marks
shortcode-unclosed-text = this text has no closing quotation mark
shortcode-unclosed-text-hint = end the text with the same quotation mark it starts with; a quotation mark inside the text is written \"
shortcode-bad-value = this value is neither text in quotation marks, a number nor true/false
shortcode-bad-value-hint = put text in straight quotation marks: title="…"
shortcode-no-end = the block `{ $name }` has no end
shortcode-no-end-hint = end its text with { $end } on a line of its own
shortcode-stray-end = there is no block for this { $end } to end
shortcode-stray-end-hint = remove it, or check the block's opening above it
shortcode-block-own-line = a block shortcode must stand on lines of its own
shortcode-block-own-line-hint = put the opening and { $end } each on a line of its own, with nothing else on it
shortcode-too-deep = blocks inside blocks go deeper than { $most } levels here
shortcode-too-deep-hint = end the blocks before opening new ones
shortcode-template-failed = the shortcode `{ $name }` could not be made
shortcode-template-failed-hint = the mistake is in its template, templates/shortcodes/{ $name }.html; run with --format json to see the template engine's own words
shortcode-header-invalid = the list of what this shortcode takes cannot be read: { $reason }
shortcode-header-invalid-hint = the comment at the top of a shortcode template lists its arguments under shortcode: arguments:, each as name: type (text, number, bool, url, video, file or picture, with ? when optional), and body: as required, none or optional
shortcode-header-type = the argument `{ $name }` has the type `{ $kind }`, which arkiv does not know
shortcode-header-body = `body: { $value }` is not one of required, none or optional
shortcode-not-alone = the shortcode `{ $name }` makes a block of its own, and cannot stand inside a paragraph
shortcode-not-alone-hint = put it on a line of its own, with an empty line before and after it
check-picture-outside-folder = this picture is outside the page's folder, so it is published at one size only
check-picture-outside-folder-hint = move it into the same folder as the page's index.md: there it is published in several widths, and phones load a smaller file
history-shallow = this is a shallow clone of the repository, so the pages' "last updated" dates are not read from git
history-shallow-hint = fetch the whole history: in a GitHub Actions workflow, give actions/checkout `fetch-depth: 0`; by hand, run `git fetch --unshallow`
history-absent = note: site.yaml takes "last updated" from git, but the site is not in a git repository (or git is not installed), so only the dates in the pages are used

## Publishing over time
front-matter-expires-before-date = the page expires ({ $expires }) before it is published ({ $date })
front-matter-expires-before-date-hint = `expires:` is when the page stops being current; it must come after `date:`
link-to-scheduled = the link leads to { $page }, which is not published until { $when }; its text shows without a link until then
link-to-scheduled-hint = nothing to do if the page is to be published later; rebuild after that moment to make the link work (the scheduled CI run does)
link-to-expired = the link leads to { $page }, which expired { $when }; its text shows without a link
link-to-expired-hint = remove the link, or move `expires:` of the other page later
index-names-scheduled = `{ $key }:` names { $page }, which is not published until { $when }; this page does not show it until then
index-names-expired = `{ $key }:` names { $page }, which expired { $when }; the name shows without a link
check-scheduled-heading = Scheduled pages (published at the first build after their time):
check-expiring-heading = Pages that expire within 14 days:
check-timed-page = { $page }: { $when }

## The calendar
calendar-no-such-conference = the activity names the conference `{ $conference }`, but no conference page with an `event:` has that name
calendar-no-such-conference-hint = write the conference page's slug (its folder name under content/konferenser/), or remove `conference:`; until then the activity is in the calendar on its own
check-likely-duplicate-event = the activity “{ $activity }” is on the day of the conference “{ $conference }”, at another place: is it the same event?
check-likely-duplicate-event-hint = if it is, write `conference: { $slug }` in the activity, and the calendar shows the conference once; if it is not, nothing needs doing
calendar-conference-other-day = the activity names the conference `{ $conference }`, but is not on its days
calendar-conference-other-day-hint = correct the activity's date, or remove `conference:` if it is another event (a follow-up, say); until then it is in the calendar on its own
foreign-hugo = the Hugo shortcode `{ $name }` is published as text: arkiv does not run Hugo shortcodes
foreign-hugo-hint = write it as Markdown (a link to the page's .md file, a fenced code block, a picture) or as an arkiv shortcode; `arkiv import hugo` converts the common ones
foreign-liquid-tag = the Liquid tag `{ $name }` (from Jekyll) is published as text: arkiv does not run Liquid
foreign-liquid-value = the Liquid value `{ $name }` (from Jekyll) is published as text: arkiv does not run Liquid
foreign-liquid-hint = write it as Markdown (a link to the page's .md file, a fenced code block) or remove it; `arkiv import jekyll` converts the common tags
front-matter-keep-under-extra = arkiv has no key for this; keep it under `extra:` (`extra: {"{"} { $key }: … {"}"}`) for a template to show it, or remove it
import-unreadable = the file could not be read: { $reason }
import-bad-config = the old site's configuration could not be read: { $reason }
import-bad-config-hint = correct the file in the old site, or move it away to import with the generator's defaults
import-no-source = { $path } is not a folder
import-no-source-hint = give the folder of the old site, the one with its configuration file (hugo.toml, _config.yml or config.toml)
import-into-not-empty = { $path } already exists and is not empty
import-into-not-empty-hint = import writes a new site: give a new or empty folder with `--into`
import-into-inside-source = { $path } is inside the old site, which import never writes to
import-into-inside-source-hint = give a folder outside the old site with `--into`
import-bad-front-matter = the front matter could not be read: { $reason }
import-bad-front-matter-hint = correct it in the old site (the old generator would refuse it too), then import again
import-note-link = a link, left out: import reads nothing a link leads to
import-note-date = a date arkiv cannot read, kept under `extra:`: { $value }
import-note-title = no title: "{ $title }", from the file's name
import-note-no-address = left out: its name gives no address; give it a `slug:`
import-note-base-url = the old site has no address: set `base_url` to the site's public address
import-write-failed = the new site could not be written: { $reason }
import-site-yaml-comment = Imported from a { $generator } site by `arkiv import`. See README.md, "site.yaml".
import-summary = Imported { $pages } pages and { $files } other files; { $aliases } old addresses kept as aliases, { $links } links to old addresses made links to pages.
import-mapped-keys = Front matter keys renamed (pages):
import-extra-keys = Kept under `extra:` (pages): { $keys }
import-converted = Template code converted: { $names }
import-unconverted = Template code left as text, shown as code ({ $count }), to do by hand:
import-aliases-dropped = Old addresses not kept, because a page has that address now ({ $count }):
import-notes = To look at:
import-done = The new site is in { $path }: run `arkiv check` there, then `arkiv serve`.
import-bad-map = `{ $text }` is not OLD=NEW with two folder names (e.g. posts=nyheter)
import-note-missing-page = a link to a page the old site does not have: { $link } (the build will stop at it until it is mended)
import-aliases = Old addresses kept as aliases ({ $count }):
import-more = … and { $count } more (`--format json` lists them all)
document-problem-untagged = not tagged (no structure for screen readers)
document-problem-no-language = no document language
document-problem-no-title = no title
document-problem-title-not-shown = its title is not shown (DisplayDocTitle is off)
document-problem-scanned = scanned pages without text
document-problem-locked = locked against assistive technology
document-problem-unreadable = cannot be read as a PDF
document-problem-office = an office file
document-not-accessible = { $file } is not accessible: { $problems } (WCAG 2.1: { $criteria })
document-not-accessible-hint = save it again as a tagged PDF with a title and a language (in Word: File › Save as › PDF, with "Document structure tags for accessibility"), or publish its content as a page; if it cannot be mended, say why under the attachment: `accessibility: { "{" } status: known, reason: "…" { "}" }`
document-office = { $file } is an office file, which many cannot read with assistive technology
document-office-hint = publish its content as a page or as an accessible (tagged) PDF instead; if it must stay, say why under the attachment: `accessibility: { "{" } status: known, reason: "…" { "}" }`

## Content rules (`rules`): what editors write that fails some readers
rule-link-text = the link text says nothing on its own (WCAG 2.1: 2.4.4): screen reader users often hear the page's links as a list
rule-link-text-hint = say where the link leads, as in `[Programmet för Nära vård 2025](…)` instead of `[läs mer](…)` or a bare address
rule-same-link-text = another link on this page has the same text but leads elsewhere (WCAG 2.1: 2.4.4)
rule-same-link-text-hint = give each link a text that tells its target apart from the other's
rule-alt-file-name = the image's alt text is a file name (WCAG 2.1: 1.1.1)
rule-alt-file-name-hint = describe what the picture shows, as in `![Deltagarna i Stora salen](bild.jpg)`
rule-table-header = the table has no header row (WCAG 2.1: 1.3.1)
rule-table-header-hint = write the columns' names in the table's first row: screen readers read them out with each cell
rule-bold-heading = a paragraph of bold text alone looks like a heading but is not one (WCAG 2.1: 1.3.1)
rule-bold-heading-hint = make it a heading with ## (or ###), so that readers can find it in the page's outline
rule-all-caps = the paragraph is written in capital letters
rule-all-caps-hint = write it in ordinary letters, with bold or a heading for emphasis: capitals are hard to read, and some screen readers spell them out letter by letter
rule-short-link-text = link texts that say nothing on their own
rule-short-same-link-text = links with the same text that lead to different places
rule-short-alt-file-name = images whose alt text is a file name
rule-short-table-header = tables without a header row
rule-short-bold-heading = bold text used as a heading
rule-short-all-caps = text in capital letters
rule-off = to turn this rule off: `content_rules: {"{"} { $rule }: false {"}"}` in site.yaml

## check --browser (`browser`): axe-core in Chromium over the built pages
browser-no-chromium = `check --browser` needs Chromium (or Google Chrome), and none was found
browser-no-chromium-hint = install it (Debian and Ubuntu: `sudo apt-get install chromium`), or name the program with { $var }=/path/to/chromium
browser-failed = Chromium could not read the pages: { $reason }
browser-failed-hint = check that Chromium starts on this machine (`chromium --headless --version`), or name another program with { $var }
browser-page-failed = Chromium could not read { $address }: { $reason }
browser-violation = { $help }: axe rule `{ $rule }`, at { $address } ({ $count ->
    [one] one element
   *[other] { $count } elements
})
browser-violation-hint = the first is { $place }: { $html } (more: { $url })
