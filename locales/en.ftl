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
cli-did-you-mean = did you mean `{ $suggestion }`?
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
