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
cli-check = Check the site without publishing: everything the build checks, plus links, anchors, images' alt text, heading levels, duplicate titles and future dates.
cli-new = Start a new page: `arkiv new nyheter "Rubrik"` (sections: nyheter, konferenser, presentationer, anteckningar, program, sida).
cli-arg-root = The site's folder, with site.yaml and content/ (default: the current folder).
cli-arg-messages = The language of arkiv's messages: sv or en (default: the site's language).
cli-arg-help = Show this help.
cli-arg-version = Show arkiv's version.
cli-arg-drafts = Include pages marked `draft: true`.
cli-build-output = Where to write the site (default: DIR/public).
cli-build-drafts = Build pages marked `draft: true` too.
cli-build-base_url = The public address, replacing base_url in site.yaml (e.g. for a preview host).
cli-serve-port = The port to listen on; the next free one is used if it is taken (0: any). Default: 1111.
cli-serve-bind = The address to listen on (default: 127.0.0.1). Other machines can reach the preview only if this is not a loopback address.
cli-serve-open = Open the site in the default web browser.
cli-serve-drafts = Serve pages marked `draft: true` too.
cli-check-strict = Fail on warnings too.
cli-check-format = How to print the findings: human (for people, with the source line and a hint), github (GitHub Actions annotations) or json (one object per finding). Default: human.
cli-new-section = The section: nyheter, konferenser, presentationer, anteckningar, program, or sida.
cli-new-title = The page's title, in quotes.
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
diagnostic-help = help
did-you-mean = did you mean `{ $suggestion }`?

## Where a page's front matter is

page-empty = this page is empty: it has no front matter
page-no-front-matter = this page has no front matter
page-no-front-matter-hint = start the file with a line `---`, then `title: …`, then another line `---`
page-toml-front-matter-hint = arkiv reads YAML front matter between --- lines, not TOML between +++ lines
page-blank-before-fence = { $lines ->
    [one] an empty line
   *[other] { $lines } empty lines
} before `---` hide the front matter
page-blank-before-fence-hint = remove the empty lines at the top: the file must start with `---` (now on line { $line })
page-junk-before-fence = there are invisible characters before `---` on line 1, which hide the front matter
page-junk-before-fence-hint = delete line 1 and write `---` again (the characters often come with text pasted from a word processor)
front-matter-not-closed = the front matter is never closed
front-matter-not-closed-hint = add a line `---` after the last front matter key

## Mistakes in YAML (front matter and site.yaml)

yaml-unreadable = the front matter cannot be read here
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
yaml-map-not-closed = the braces on line { $line } are never closed with `}`
yaml-map-not-closed-hint = end them with `}`: `{ $fixed }`
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
front-matter-not-a-date = `{ $text }` is not a date arkiv can read
front-matter-date-corrected-hint = write it as { $date }: `{ $key }: { $date }`
front-matter-no-such-day-hint = that day does not exist: the month has { $days } days
front-matter-no-such-month-hint = that month does not exist: months go from 01 to 12
front-matter-date-hint = write dates as 2024-03-26, or with a time as 2024-03-26T10:00:00+01:00
front-matter-ends-before-start = ends ({ $end }) before it starts ({ $start })
front-matter-ends-before-start-hint = swap start and end, or correct the date or time
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
