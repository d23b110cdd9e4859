# arkivs meddelanden på svenska. Varje meddelande har samma id och samma
# argument i en.ftl; tests/messages.rs kontrollerar det.

## Kommandoraden (--help)

cli-about = arkiv bygger arkivwebbplatser för programdokumentation, konferenser och mötesanteckningar.
cli-usage = Användning
cli-commands = Kommandon
cli-options = Flaggor
cli-arguments = Argument
cli-command-value = KOMMANDO
cli-options-value = FLAGGOR
cli-more-help = Skriv `{ $command } --help` för mer hjälp.
cli-build = Bygg webbplatsen till public/ (som byts ut helt, och bara när bygget lyckas).
cli-serve = Förhandsgranska webbplatsen med automatisk omladdning; bygger om det som en sparad fil påverkar.
cli-check = Granska webbplatsen utan att publicera: allt som bygget kontrollerar, och dessutom länkar, ankare, bilders alternativtext, rubriknivåer, dubbla rubriker och datum i framtiden.
cli-new = Påbörja en ny sida: `arkiv new nyheter "Rubrik"` (avdelningar: nyheter, konferenser, presentationer, anteckningar, program, sida).
cli-arg-root = Webbplatsens mapp, med site.yaml och content/ (standard: den aktuella mappen).
cli-arg-messages = Språket i arkivs meddelanden: sv eller en (standard: webbplatsens språk).
cli-arg-help = Visa den här hjälpen.
cli-arg-version = Visa arkivs version.
cli-arg-drafts = Ta med sidor markerade `draft: true`.
cli-build-output = Vart webbplatsen skrivs (standard: MAPP/public).
cli-build-drafts = Bygg även sidor markerade `draft: true`.
cli-build-base_url = Den publika adressen, i stället för base_url i site.yaml (t.ex. för en förhandsvisningsserver).
cli-serve-port = Porten att lyssna på; är den upptagen används nästa lediga (0: vilken som helst). Standard: 1111.
cli-serve-bind = Adressen att lyssna på (standard: 127.0.0.1). Andra datorer når förhandsvisningen bara om detta inte är en loopback-adress.
cli-serve-open = Öppna webbplatsen i webbläsaren.
cli-serve-drafts = Visa även sidor markerade `draft: true`.
cli-check-strict = Misslyckas även på varningar.
cli-check-format = Hur fynden skrivs ut: human (för människor, med källraden och ett tips), github (anteckningar för GitHub Actions) eller json (ett objekt per fynd). Standard: human.
cli-new-section = Avdelningen: nyheter, konferenser, presentationer, anteckningar, program eller sida.
cli-new-title = Sidans rubrik, inom citattecken.
cli-value-dir = MAPP
cli-value-section = AVDELNING
cli-value-language = SPRÅK
cli-value-address = ADRESS
cli-value-title = RUBRIK

## Fel på kommandoraden

cli-error = fel
cli-hint = tips
cli-unknown-argument = det finns ingen flagga `{ $argument }`
cli-unknown-command = det finns inget kommando `{ $command }`
cli-did-you-mean = menade du `{ $suggestion }`?
cli-commands-are = kommandona är build, serve, check och new
cli-invalid-value = `{ $value }` är inget värde som { $argument } tar
cli-possible-values = möjliga värden: { $values }
cli-missing-arguments = det saknas: { $arguments }
cli-no-value = { $argument } behöver ett värde
cli-unexpected-value = `{ $value }` väntades inte här
cli-other-error = kommandoraden kunde inte läsas: { $detail }

## Vad kommandona skriver ut

summary-errors = { $errors } fel, { $warnings ->
    [one] 1 varning
   *[other] { $warnings } varningar
}
new-wrote = Skrev { $path }
build-up-to-date = Inget har ändrats sedan förra bygget: { $pages } sidor ({ $files } filer) i { $output } är aktuella ({ $ms } ms)
build-files = { $files } filer
build-files-updated = { $files } filer, varav { $written } skrevs om: resten hade inte ändrats
build-done = Byggde { $pages } sidor ({ $files }) till { $output } på { $ms } ms
build-failed = Bygget misslyckades med { $errors } fel; { $output } lämnades som den var.
serve-serving = Visar { $root } på { $url } (Ctrl+C avslutar)
serve-built = Byggde { $files } filer på { $ms } ms
serve-rebuilt = Byggde om { $count ->
    [one] 1 fil
   *[other] { $count } filer
} på { $ms } ms
serve-search-ready = Sökindexet klart på { $ms } ms
serve-failed = Bygget misslyckades med { $errors } fel; den senaste fungerande versionen visas fortfarande
serve-port-taken = Port { $port } är upptagen; använder { $other }
serve-accept-failed = kan inte ta emot en anslutning ({ $reason }); försöker igen om en sekund

## Hur ett fynd skrivs ut

severity-error = fel
severity-warning = varning
diagnostic-help = tips
