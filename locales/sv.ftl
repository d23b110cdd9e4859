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
did-you-mean = menade du `{ $suggestion }`?

## Var sidans front matter finns

page-empty = sidan är tom: den har ingen front matter
page-no-front-matter = sidan har ingen front matter
page-no-front-matter-hint = börja filen med en rad `---`, sedan `title: …`, sedan en rad `---` till
page-toml-front-matter-hint = arkiv läser front matter i YAML mellan rader med ---, inte TOML mellan rader med +++
page-blank-before-fence = { $lines ->
    [one] en tom rad
   *[other] { $lines } tomma rader
} före `---` gör att front matter inte hittas
page-blank-before-fence-hint = ta bort de tomma raderna överst: filen ska börja med `---` (som nu står på rad { $line })
page-junk-before-fence = det finns osynliga tecken före `---` på rad 1, så front matter hittas inte
page-junk-before-fence-hint = radera rad 1 och skriv `---` igen (tecknen följer ofta med text som klistrats in från ett ordbehandlingsprogram)
front-matter-not-closed = front matter avslutas aldrig
front-matter-not-closed-hint = lägg till en rad `---` efter den sista nyckeln i front matter

## Fel i YAML (front matter och site.yaml)

yaml-unreadable = front matter kan inte läsas här
yaml-unreadable-hint = kontrollera indragen, och sätt värden med `:`, `#` eller citattecken inom citattecken
yaml-too-deep = YAML-texten är för djupt nästlad eller upprepar alias för många gånger
yaml-too-deep-hint = skriv ut värdena i stället för att nästla dem eller upprepa alias
yaml-control-character = front matter innehåller ett osynligt styrtecken
yaml-control-character-hint = radera raden och skriv den igen (sådana tecken följer med text som kopierats från vissa program)
yaml-tab = raden är indragen med tabb
yaml-tab-hint = YAML tillåter bara mellanslag som indrag; skriv: `{ $fixed }`
yaml-bad-start = ett värde kan inte börja med `{ $character }` om det inte står inom citattecken
yaml-quote-hint = sätt värdet inom citattecken: `{ $fixed }`
yaml-list-not-closed = listan på rad { $line } stängs aldrig med `]`
yaml-list-not-closed-hint = avsluta listan med `]`: `{ $fixed }`
yaml-map-not-closed = klammerparentesen på rad { $line } stängs aldrig med `}`
yaml-map-not-closed-hint = avsluta med `}`: `{ $fixed }`
yaml-quote-not-closed = citattecknet på rad { $line } stängs aldrig
yaml-quote-not-closed-hint = avsluta värdet med samma sorts citattecken: `{ $fixed }`
yaml-indented = raden är indragen, men raden ovanför har redan ett värde
yaml-indented-hint = ta bort mellanslagen i början: `{ $fixed }`
yaml-colon-in-value = värdet för `{ $key }` innehåller kolon och mellanslag (`: `)
yaml-colon-in-value-hint = sätt värdet inom citattecken: `{ $fixed }`
yaml-missing-colon = raden saknar ett kolon mellan nyckel och värde
yaml-missing-colon-hint = skriv nyckeln, ett kolon och värdet: `{ $fixed }`
yaml-duplicate-key = nyckeln `{ $key }` står två gånger
yaml-duplicate-key-hint = varje nyckel får stå en gång: ta bort eller slå ihop den upprepade `{ $key }`
yaml-unknown-key = `{ $key }` är ingen nyckel som hör hemma här
yaml-unknown-key-hint = nycklarna här är { $keys }
yaml-missing-alt = bilden saknar alternativtext (`alt`)
yaml-missing-alt-hint = beskriv bilden för den som inte kan se den: `alt: "…"`
yaml-missing-key = `{ $key }` saknas
yaml-missing-key-hint = lägg till `{ $key }: …`
yaml-not-key-value = front matter ska bestå av rader med `nyckel: värde`
yaml-not-key-value-hint = skriv en nyckel per rad, t.ex. `title: Årsmöte`, utan `-` framför
yaml-want-text = `{ $key }` ska vara en text
yaml-want-text-hint = sätt värdet inom citattecken, t.ex. `{ $key }: "2019"`
yaml-want-list = `{ $key }` ska vara en lista
yaml-want-list-hint = skriv en lista, t.ex. `{ $key }: [Barn och unga, Kompetensförsörjning]`
yaml-want-bool = `{ $key }` ska vara true eller false
yaml-want-bool-hint = skriv `{ $key }: true` eller `{ $key }: false`
yaml-want-number = `{ $key }` ska vara ett heltal
yaml-want-number-hint = skriv bara siffror, t.ex. `{ $key }: 10`
yaml-want-fields = `{ $key }` har inte den form som krävs
yaml-want-fields-hint = jämför `{ $key }` med beskrivningen av front matter i README

## Front matter

front-matter-unknown-key = okänd nyckel `{ $key }` i front matter
front-matter-unknown-key-hint = lägg egna nycklar under `extra:` för att använda dem i mallar
front-matter-no-title = sidan har ingen rubrik
front-matter-no-title-hint = lägg till en rad `title: …` i front matter
front-matter-not-a-date = `{ $text }` är inget datum som arkiv kan läsa
front-matter-date-corrected-hint = skriv det som { $date }: `{ $key }: { $date }`
front-matter-no-such-day-hint = den dagen finns inte: månaden har { $days } dagar
front-matter-no-such-month-hint = den månaden finns inte: månaderna går från 01 till 12
front-matter-date-hint = skriv datum som 2024-03-26, eller med tid som 2024-03-26T10:00:00+01:00
front-matter-ends-before-start = slutar ({ $end }) innan det börjar ({ $start })
front-matter-ends-before-start-hint = byt plats på start och slut, eller rätta datumet eller tiden
front-matter-bad-alias = `{ $alias }` är ingen sökväg på den här webbplatsen
front-matter-bad-alias-hint = skriv den gamla sökvägen från webbplatsens rot, t.ex. `/nyheter/gammal-adress/`
front-matter-empty-slug = `{ $slug }` ger en tom adressdel (slug)
front-matter-empty-slug-hint = använd bokstäver eller siffror, t.ex. `slug: arsmote-2024`

## En sida som inte är färdigskriven

page-empty-summary = ingressen är tom
page-empty-summary-hint = skriv en eller två meningar om vad sidan handlar om, eller ta bort raden `summary:`
page-placeholder = ”{ $text }” är en platshållare från `arkiv new`
page-placeholder-hint = ersätt den med sidans egen text innan sidan publiceras
page-no-body = sidan har ingen text under sin front matter
page-no-body-hint = skriv sidans text efter den andra raden `---`, eller markera sidan `draft: true` tills den är klar
