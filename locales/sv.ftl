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
cli-check = Granska webbplatsen utan att publicera: allt som bygget kontrollerar, och dessutom länkar, ankare, bilders alternativtext, rubriknivåer och dubbla rubriker; och lista schemalagda sidor och sidor som snart slutar vara aktuella.
cli-new = Påbörja en ny sida: `arkiv new nyheter "Rubrik"` (avdelningar: nyheter, konferenser, presentationer, anteckningar, program, sida).
cli-arg-root = Webbplatsens mapp, med site.yaml och content/ (standard: den aktuella mappen).
cli-arg-messages = Språket i arkivs meddelanden: sv eller en (standard: webbplatsens språk).
cli-arg-help = Visa den här hjälpen.
cli-arg-version = Visa arkivs version.
cli-arg-drafts = Ta med sidor markerade `draft: true`.
cli-build-output = Vart webbplatsen skrivs (standard: MAPP/public).
cli-build-drafts = Bygg även sidor markerade `draft: true`.
cli-build-future = Publicera även sidor vars datum ligger framåt i tiden (de visar en skylt "Schemalagd").
cli-build-base_url = Den publika adressen, i stället för base_url i site.yaml (t.ex. för en förhandsvisningsserver).
cli-serve-port = Porten att lyssna på; är den upptagen används nästa lediga (0: vilken som helst). Standard: 1111.
cli-serve-bind = Adressen att lyssna på (standard: 127.0.0.1). Andra datorer når förhandsvisningen bara om detta inte är en loopback-adress.
cli-serve-open = Öppna webbplatsen i webbläsaren.
cli-serve-drafts = Visa även sidor markerade `draft: true`.
cli-serve-editor = Låt redigeringsverktyget på /admin/ (`editor:` i site.yaml) läsa och skriva filerna under content/ i den här utcheckningen.
cli-check-strict = Misslyckas även på varningar.
cli-check-browser = Öppna också varje sida i Chromium och granska den med axe-core (WCAG 2.0, 2.1 och 2.2, nivå A och AA); kräver att Chromium är installerat.
cli-check-format = Hur fynden skrivs ut: human (för människor, med källraden och ett tips), github (anteckningar för GitHub Actions) eller json (ett objekt per fynd). Standard: human.
cli-new-section = Avdelningen: nyheter, konferenser, presentationer, anteckningar, program eller sida.
cli-new-title = Sidans rubrik, inom citattecken.
cli-new-language = Sidans språk, ett av `languages` i site.yaml (`en`); med en sidas fil som avdelning (`nyheter/2024-03-26-x.md`) blir det en översättning av den, bredvid den.
cli-import = Flytta in en webbplats från Hugo, Jekyll eller Zola: skriv en arkiv-webbplats (innehåll, site.yaml, temat gr) från dess källor, som bara läses.
cli-import-generator = Verktyget webbplatsen gjordes för: hugo, jekyll eller zola.
cli-import-source = Den gamla webbplatsens mapp (med dess inställningsfil och innehåll).
cli-import-into = Vart den nya webbplatsen skrivs: en ny eller tom mapp. Standard: den gamla mappens namn med "-arkiv".
cli-import-map = Lägg en gammal toppmapps sidor i en avdelning i arkiv, t.ex. `--map posts=nyheter` (posts, post, blog och news hamnar i nyheter om inget annat anges).
cli-import-format = Hur rapporten skrivs: human eller json. Standard: human.
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
diagnostics-brief = Bara de { $shown } första varningarna visas i sin helhet; { $brief ->
    [one] den sista visas på en egen rad ovanför dem.
   *[other] de övriga { $brief } visas på var sin rad ovanför dem.
} Kör `arkiv check` för att se alla i detalj.
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

yaml-unreadable = den här raden kan inte läsas
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
yaml-map-not-closed = klammerparentesen på rad { $line } stängs aldrig med `{"}"}`
yaml-map-not-closed-hint = avsluta med `{"}"}`: `{ $fixed }`
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
front-matter-date-missing = `{ $key }` har en uppgift utan datum
front-matter-date-missing-hint = skriv när det börjar, som 2024-03-26 (eller 2024-03-26T09:00 med klockslag)
front-matter-not-a-date = `{ $text }` är inget datum som arkiv kan läsa
front-matter-date-corrected-hint = skriv det som { $date }: `{ $key }: { $date }`
front-matter-no-such-day-hint = den dagen finns inte: månaden har { $days } dagar
front-matter-no-such-month-hint = den månaden finns inte: månaderna går från 01 till 12
front-matter-date-hint = skriv datum som 2024-03-26, eller med tid som 2024-03-26T10:00:00+01:00
front-matter-ends-before-start = slutar ({ $end }) innan det börjar ({ $start })
front-matter-ends-before-start-hint = byt plats på start och slut, eller rätta datumet eller tiden
front-matter-bad-registration = `{ $url }` är ingen adress att anmäla sig på
front-matter-bad-registration-hint = skriv en hel adress (`https://…`), en e-postadress som `mailto:namn@example.org`, eller en sökväg på webbplatsen (`/anmalan/`)
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

## Förhandsvisningens felruta

overlay-title = arkiv: bygget misslyckades – sidan visar senaste fungerande version
overlay-close = Stäng (Esc)

## Länkar mellan sidor

link-to-draft = länken till `{ $link }` leder till ett utkast, som inte publiceras
link-to-draft-hint = publicera den andra sidan (ta bort `draft: true`), eller ta bort länken tills den är publicerad
link-to-no-page = länken till `{ $link }` leder inte till någon sida (sökte efter content/{ $target })
link-outside-content = länken till `{ $link }` leder utanför content/
link-to-no-page-hint = länka till den andra sidans .md-fil räknat från den här filen (`../nyheter/x.md`), eller från content/ med `@/nyheter/x.md`

## Att läsa webbplatsens filer

fs-cannot-read-path = filen eller mappen går inte att läsa: { $reason }
fs-cannot-read-path-hint = kontrollera att filen finns och går att läsa (en trasig symbolisk länk?)
fs-link-to-hidden = det här är en symbolisk länk till { $target }, en dold fil eller mapp på webbplatsen; arkiv läser den inte
fs-link-to-hidden-hint = dolda filer (som .git/) publiceras aldrig: kopiera in filen du menar i webbplatsen i stället för att länka till den
fs-cannot-read-file = filen går inte att läsa: { $reason }
fs-cannot-read-file-hint = kontrollera att filen finns och går att läsa
fs-link-outside = det här är en symbolisk länk till { $target }, utanför webbplatsens mapp; arkiv läser den inte
fs-folder-link-outside = en mapp i den här sökvägen är en symbolisk länk till { $target }, utanför webbplatsens mapp; arkiv läser den inte
fs-link-outside-hint = kopiera in filen i webbplatsen i stället för att länka till den, eller ta bort länken: inget utanför webbplatsens mapp läses eller publiceras
fs-link-loop = symboliska länkar i en slinga: den här mappen länkar tillbaka till { $folder }
fs-link-loop-hint = ta bort länken eller låt den peka utanför sina egna överordnade mappar
fs-too-large = filen är { $size } MB, mer än de { $limit } MB som arkiv läser som text; den läses inte
fs-too-large-hint = kontrollera att det är rätt fil: en sidas text är sällan över 1 MB; ett stort dokument hör hemma bredvid index.md som en bilaga

## arkiv new

new-unknown-language = `{ $language }` är inte ett av webbplatsens språk
new-unknown-language-hint = site.yaml anger { $languages }; lägg först till språket där (`languages: [sv, en]`)
new-translation-needs-language = en sidas fil som avdelning påbörjar en översättning av den, och den behöver ett annat språk än webbplatsens huvudspråk
new-translation-needs-language-hint = lägg till `--lang en` (ett språk som site.yaml anger efter huvudspråket), eller ange en avdelning (`nyheter`) för att påbörja en egen sida
new-no-original = det finns ingen sida { $path } att översätta
new-no-original-hint = ange filen för sidan som ska översättas, som under content/ (`nyheter/2024-03-26-yrkesresan.md`), och ett annat språk än huvudspråket med `--lang en`
new-unknown-section = `{ $section }` är ingen avdelning
new-unknown-section-hint = välj en av: { $sections }
new-empty-file-name = rubriken ger ett tomt filnamn
new-empty-file-name-hint = ge sidan en rubrik med bokstäver eller siffror
new-exists = { $path } finns redan
new-exists-hint = välj en annan rubrik, eller redigera den befintliga sidan
new-cannot-write = kan inte skriva { $path }: { $reason }
new-cannot-write-hint = kontrollera att mappen content/ finns och att du får skriva i den

## Sökningen

search-failed = sökindexet kunde inte byggas: { $reason }
search-failed-hint = skriv `search: false` i site.yaml för att bygga utan sökning, och rapportera problemet

## site.yaml

config-invalid = fel i webbplatsens inställningar: { $detail }
config-unknown-key-hint = site.yaml känner till title, description, base_url, language, languages, translations, theme, paginate, menu, social, taxonomies, markdown, organisation, search, dates, content_rules, editor och extra; lägg egna inställningar under `extra:`
editor-not-installed = site.yaml ber om redigeringsverktyget, men temat `{ $theme }` har ingen kopia av Decap CMS
editor-not-installed-hint = kör `scripts/install-editor` en gång (det behöver npm), som lägger Decap CMS och dess licens i themes/{ $theme }/editor/, och checka in mappen
editor-api-too-large = filen är för stor för redigeringsverktyget (högst { $limit } MB)
editor-api-taken = `{ $path }` är redan en annan sidas fil: ge sidan ett annat namn
editor-api-unknown-action = redigeringsverktyget bad om `{ $action }`, som arkiv serve inte gör
editor-api-not-content = `{ $path }` är ingen fil som redigeringsverktyget får använda: bara filer under content/ får det
editor-api-off = redigeringsverktygets lokala läge är avstängt: starta arkiv serve med --editor, med `editor:` i site.yaml
editor-api-forbidden = redigeringsverktygets lokala läge svarar bara redigeringsverktyget på den här servern, på den här datorn
config-unsupported-language = språket `{ $language }` stöds inte
config-unsupported-language-hint = arkivs tema finns på `sv` (svenska) och `en` (engelska)
config-language-twice = site.yaml anger både `language` och `languages`
config-language-twice-hint = behåll en av dem: `language: sv` för en webbplats på ett språk, `languages: [sv, en]` för en på flera (det första är huvudspråket)
config-languages-list = `languages` ska ange varje språk en gång, huvudspråket först
config-languages-list-hint = till exempel `languages: [sv, en]`
config-translation-not-listed = `translations` har inställningar för `{ $language }`, som inte är ett av webbplatsens andra språk
config-translation-not-listed-hint = lägg till språket under `languages` efter huvudspråket (`languages: [sv, en]`), eller ta bort inställningarna
config-paginate-zero = `paginate` måste vara minst 1
config-paginate-zero-hint = skriv hur många sidor som ska visas per listsida, t.ex. `paginate: 10`
config-unknown-rule = `{ $rule }` under content_rules är ingen regel som arkiv känner till
config-unknown-rule-hint = innehållsreglerna är { $rules }; stäng av en med `content_rules: {"{"} all-caps: false {"}"}`
config-theme-not-a-name = `theme: { $theme }` är inte namnet på en mapp under themes/
config-theme-not-a-name-hint = skriv bara namnet på temats mapp, som `theme: gr`: ett tema läses från webbplatsens egen mapp themes/
config-social-not-web = länken `{ $url }` under social är ingen adress på webben
config-social-not-web-hint = skriv hela adressen, med https:// först
config-no-site = { $root } har varken `site.yaml` eller en mapp `content/`
config-no-site-hint = kör arkiv i webbplatsens mapp, eller ange mappen med --root MAPP
config-not-utf8 = { $file } är inte sparad som UTF-8-text
config-not-utf8-hint = spara filen som UTF-8 (i de flesta redigeringsprogram finns det under ”Spara med kodning”)

## Att skriva public/

output-refused = arkiv skriver inte webbplatsen till { $output }: { $reason }
output-holds-site = mappen innehåller själva webbplatsen
output-holds-site-hint = välj en egen mapp för resultatet, t.ex. --output public
output-inside-site-folder = mappen ligger i webbplatsens mapp { $folder }/
output-inside-site-folder-hint = välj en mapp utanför content/, themes/ och static/, t.ex. --output public
output-is-a-file = det är en fil
output-is-a-file-hint = välj en mapp med --output
output-not-empty = mappen är inte tom och skapades inte av arkiv
output-not-empty-hint = töm mappen, eller välj en annan med --output
output-cannot-write = kan inte skriva { $path }: { $reason }
output-cannot-write-hint = kontrollera att disken har plats och att du får skriva i mappen

## Mallar

render-no-templates-folder = temat `{ $theme }` har ingen mapp templates
render-no-templates-folder-hint = ange i `theme:` i site.yaml en mapp under themes/ som har en mapp templates/
render-template-not-utf8 = mallen går inte att läsa som UTF-8-text
render-template-not-utf8-hint = spara mallen som UTF-8
render-template-error = fel i mallen: { $detail }
render-no-template = temat har ingen mall `{ $name }`
render-no-template-hint = lägg till mallen i temat (eller i webbplatsens mapp templates/)
render-template-names-hint = kontrollera temats mallar: `extends` och `include` måste ange mallar som finns
render-unknown-filter-hint = utöver Teras egna filter har arkiv `datum` och `breakable`; kontrollera stavningen
render-undefined-hint = värdet finns inte bland det som den här mallen får se (avsnittet Themes i README listar vad varje mall ser); skydda det med `{"{"}% if x is defined %{"}"}` eller använd `x | default(value="")`
render-incomplete-hint = en tagg eller ett uttryck är ofullständigt; jämför med Teras mallspråk på keats.github.io/tera
render-tera-syntax-hint = se Teras mallspråk på keats.github.io/tera
render-labels-not-utf8 = språkfilen är inte sparad som UTF-8-text
render-labels-not-utf8-hint = spara filen som UTF-8
render-labels-invalid = fel i språkfilen: { $detail }
render-labels-invalid-hint = språkfilen består av rader `nyckel: text`
render-page-template-hint = ta bort `template:` för att använda { $default }, eller lägg till mallen i templates/

## Adresser på webbplatsen

render-replaces-static = den här filen skulle ersätta /{ $path }, en fil i webbplatsens egen mapp static/ eller i dess tema
render-replaces-static-hint = byt namn på filen eller flytta den till en annan mapp: filer under content/ får inte ersätta webbplatsens egna
render-two-outputs = två filer skulle skrivas till /{ $path }
render-two-outputs-hint = byt namn på sidan, ämnet eller kommunen vars adress krockar
render-language-clash = två av webbplatsens språk gör båda `{ $path }`
render-language-clash-hint = ge sidan en annan adress, eller ta bort den gamla adressen från `aliases:`; en översättning har inte kvar originalets gamla adresser
render-alias-clash-page = aliaset /{ $alias }/ tar adressen /{ $path }, som { $other } (rad { $line }) också vill ha
render-alias-clash-site = aliaset /{ $alias }/ tar adressen /{ $path }, som webbplatsen själv använder
render-url-clash-page = sidans adress /{ $url } tar adressen /{ $path }, som { $other } (rad { $line }) också vill ha
render-url-clash-site = sidans adress /{ $url } tar adressen /{ $path }, som webbplatsen själv använder
render-clash-hint = ett alias eller en `slug` får inte ta en adress som webbplatsen själv skapar (listor, flöden, kalendern, statiska filer): ta bort aliaset eller välj en annan adress

## Webbplatsens innehåll: bilder, bilagor, hänvisningar mellan sidor, ämnen

index-image-missing = sidans bild { $src } finns varken under content/ eller i static/
index-image-missing-hint = lägg bilden i sidans mapp bredvid index.md och skriv bara dess filnamn som `src:`
index-image-private = sidans bild är { $file }, som inte publiceras: namnet eller filtypen tyder på att den inte är avsedd för allmänheten
index-image-private-hint = byt namn på bilden, eller lägg till den under `attachments:` på den sida vars mapp den ligger i, om den ska vara offentlig
index-link-private = länken leder till { $file }, som inte publiceras: namnet eller filtypen tyder på att den inte är avsedd för allmänheten
index-link-private-hint = om filen ska vara offentlig, lägg till den under `attachments:` i front matter på den sida vars mapp den ligger i; annars ta bort länken
index-unused-file = ingen sida använder den här filen, så den publiceras inte
index-unused-file-hint = för att publicera den, lägg till den under `attachments:` i sidans front matter eller länka till den från texten; annars flytta den från content/
index-names-no-page = `{ $key }: { $value }` pekar inte på någon sida i { $folder }/
index-no-pages-yet = det finns inga sidor i content/{ $folder }/ än
index-name-a-page-hint = ange en sida i content/{ $folder }/ med dess adressdel (slug): { $slugs }
index-topic-not-allowed = `{ $name }` är inte ett av de ämnen som site.yaml tillåter
index-municipality-not-allowed = `{ $name }` är inte en av de kommuner som site.yaml tillåter
index-term-did-you-mean = menade du `{ $suggestion }`? site.yaml listar de tillåtna värdena
index-term-hint = använd ett värde som site.yaml listar under taxonomies, eller lägg till det här där

## Sidor och deras mappar

content-language-not-published = den här sidan är skriven på `{ $language }`, som site.yaml inte anger, och publiceras inte
content-language-not-published-hint = lägg till språket i site.yaml (`languages: [sv, { $language }]`), eller byt namn på filen utan `.{ $language }` om den är en egen sida
content-no-folder = det finns ingen mapp content på { $path }
content-no-folder-hint = lägg webbplatsens Markdown-sidor under content/, eller ange webbplatsens mapp med --root
content-markdown-in-bundle = den här Markdown-filen ligger i sidmappen { $bundle } och publiceras inte
content-markdown-in-bundle-hint = en sidmapp är en enda sida: flytta filen ut ur mappen med index.md, eller gör den till en egen sidmapp
content-not-utf8 = filen är inte sparad som UTF-8-text
content-empty-slug = filnamnet ger en tom adressdel (slug)
content-empty-slug-hint = ge filen ett namn med bokstäver eller siffror, eller skriv `slug:` i front matter
content-image-elsewhere = sidans bild ligger på en annan webbplats
content-image-elsewhere-hint = spara bilden i sidans mapp bredvid index.md och skriv dess filnamn som `src:`: en bild från en annan webbplats kan inte kontrolleras, och den webbplatsen får veta om varje läsare
content-not-in-bundle = `{ $file }` finns inte i sidans mapp
content-not-a-bundle-hint = filer hör hemma i en sidmapp: skapa en mapp med den här sidan som index.md och lägg filen bredvid den
content-empty-bundle-hint = lägg filen i sidans mapp, bredvid index.md
content-bundle-has-hint = i sidans mapp finns: { $files }
content-reserved-url = adressen /{ $url } används av webbplatsen själv
content-reserved-url-hint = byt namn på filen eller mappen, eller skriv en annan `slug:`
content-same-url = två sidor vill ha adressen /{ $url }: den här och { $other }
content-same-url-hint = byt namn på en av filerna, eller ge en av dem en egen `slug:`
content-alias-taken = aliaset /{ $alias }/ är adressen till { $other }
content-alias-taken-hint = ta bort aliaset, eller flytta den andra sidan

## arkiv serve

serve-cannot-watch = kan inte bevaka webbplatsens filer: { $reason }
serve-cannot-watch-hint = på Linux: höj fs.inotify.max_user_watches om arkivet är mycket stort
serve-unknown-error = okänt fel
serve-cannot-listen = kan inte lyssna på { $address }, portarna { $first }–{ $last }: { $reason }
serve-cannot-listen-hint = välj en annan port med --port, eller stäng programmet som använder den
serve-cannot-start = servern kunde inte starta: { $reason }
serve-cannot-start-hint = kontrollera att adressen är en av den här datorns adresser

## arkiv check

check-translation-behind = originalet { $original } ändrades { $changed }, efter den här översättningen ({ $translated })
check-translation-behind-hint = läs vad som ändrats i originalet och uppdatera översättningen; när den är sparad (och incheckad, om datumen tas från git) försvinner varningen
check-no-such-heading-there = sidan som länken leder till har ingen rubrik `#{ $fragment }`
check-no-such-heading-there-hint = kontrollera rubrikens id: det är rubrikens text med små bokstäver, utan å, ä och ö, och med bindestreck i stället för mellanslag
check-outside-site = `{ $dest }` ligger utanför webbplatsen
check-outside-site-hint = länka till en sida på den här webbplatsen eller till en fullständig https://-adress
check-no-page = länken till `{ $dest }` leder inte till någon sida
check-no-page-hint = kontrollera sökvägen; länka till andra sidor via deras .md-fil, så kan arkiv kontrollera och uppdatera länken
check-no-file = länken till `{ $dest }` leder inte till någon fil
check-no-file-hint = kontrollera filnamnet; filerna i en sidmapp ligger bredvid dess index.md
check-no-such-heading = sidan har ingen rubrik `#{ $fragment }`
check-no-headings-hint = sidan har inga rubriker att länka till
check-headings-are-hint = sidans rubriker är: { $headings }
check-no-alt = bilden saknar alternativtext
check-no-alt-hint = beskriv vad bilden visar: ![En karta över regionen](karta.png)
check-first-level-heading = en rubrik på nivå 1 i texten: sidans rubrik (`title`) är redan dess huvudrubrik
check-first-level-heading-hint = börja textens rubriker på ## (nivå 2)
check-heading-jump = rubriken hoppar från nivå { $from } till nivå { $to }
check-heading-jump-hint = använd { $marks } här, så att den som använder skärmläsare kan följa sidans struktur
check-empty-alt = sidans bild har en tom alternativtext
check-empty-alt-hint = lämna alt tom bara för en rent dekorativ bild; skriv annars vad den visar
check-same-title = samma rubrik som { $other }
check-same-title-hint = läsare och sökresultat kan inte skilja de två sidorna åt: lägg till det som skiljer dem (ett datum, en plats)

## Bilder

picture-heic = `{ $file }` är en HEIC-bild, som webbläsare inte kan visa
picture-heic-hint = exportera den som JPEG (på en iPhone: Inställningar → Kamera → Format → Mest kompatibel), eller spara den som JPEG i appen Bilder, och länka till den filen
picture-too-large = `{ $file }` är { $width } × { $height } pixlar: för stor för att publiceras
picture-too-large-hint = skala ner den till högst 4000 pixlar på längsta sidan innan du lägger till den
picture-unreadable = arkiv kan inte läsa bilden `{ $file }`
picture-unreadable-hint = öppna den i ett bildprogram och spara den igen som JPEG eller PNG
check-caption-repeats-alt = bildtexten upprepar bara bildens alternativtext
check-caption-repeats-alt-hint = en skärmläsare läser upp båda: låt alternativtexten säga vad bilden visar, och bildtexten det den inte visar (vem, var, när)

## Kortkoder
shortcode-unknown = det finns ingen kortkod som heter `{ $name }`
shortcode-unknown-hint = kortkoderna som webbplatsen har: { $known } (var och en är en mall i templates/shortcodes/)
shortcode-did-you-mean = menade du `{ $name }`?
shortcode-unknown-argument = kortkoden `{ $shortcode }` har inget argument som heter `{ $name }`
shortcode-unknown-argument-hint = den tar: { $known }
shortcode-missing-argument = kortkoden `{ $shortcode }` behöver argumentet `{ $name }`
shortcode-missing-argument-hint = lägg till det inom parentesen; värdet ska vara { $kind }
shortcode-repeated-argument = argumentet `{ $name }` står två gånger
shortcode-repeated-argument-hint = behåll ett av dem
shortcode-wrong-type = värdet här ska vara { $kind }
shortcode-wrong-type-hint = text skrivs inom raka citattecken ("…"); tal och true/false skrivs utan
shortcode-kind-text = text inom citattecken, till exempel "Årsrapport 2024"
shortcode-kind-number = ett tal, till exempel 3
shortcode-kind-bool = true eller false
shortcode-kind-url = en webbadress som börjar med https://, eller en adress på webbplatsen som börjar med /
shortcode-kind-video = adressen till en video på YouTube eller Vimeo, inom citattecken
shortcode-kind-file = namnet på en fil i sidans mapp, inom citattecken
shortcode-kind-picture = namnet på en bild (JPEG, PNG eller WebP) i sidans mapp, inom citattecken
shortcode-kind-language = en språkkod inom citattecken, som "en" (engelska), "fi" (finska) eller "se" (nordsamiska)
shortcode-not-a-video = `{ $url }` är inte adressen till en video på YouTube eller Vimeo
shortcode-not-a-video-hint = kopiera adressen från videons sida, till exempel https://www.youtube.com/watch?v=… eller https://vimeo.com/…
shortcode-no-file = det finns ingen fil `{ $file }` i sidans mapp
shortcode-no-file-hint = lägg filen i samma mapp som sidans index.md, och kontrollera hur namnet är stavat
shortcode-no-picture = det finns ingen bild `{ $file }` i sidans mapp
shortcode-no-picture-hint = lägg bilden (JPEG, PNG eller WebP) i samma mapp som sidans index.md, och kontrollera hur namnet är stavat
shortcode-body-missing = kortkoden `{ $name }` behöver en text att visa
shortcode-body-missing-hint = skriv den som ett block, med texten på raderna emellan: { $example }
shortcode-body-not-taken = kortkoden `{ $name }` tar ingen text mellan början och slutet
shortcode-body-not-taken-hint = skriv den på en rad: { $example }
shortcode-unfinished = kortkoden är inte färdigskriven: här saknas { $expected }
shortcode-unfinished-hint = en kortkod skrivs som { $example }, med raka citattecken och kommatecken mellan argumenten
shortcode-curly-quotes = citattecknen runt värdet är typografiska (”…”)
shortcode-curly-quotes-hint = använd raka citattecken ("…"); ordbehandlare gör om dem till typografiska, och dem läser arkiv inte som citattecken
shortcode-unclosed-text = texten saknar citattecken i slutet
shortcode-unclosed-text-hint = avsluta texten med samma citattecken som den börjar med; ett citattecken inne i texten skrivs \"
shortcode-bad-value = värdet är varken text inom citattecken, ett tal eller true/false
shortcode-bad-value-hint = skriv text inom raka citattecken: title="…"
shortcode-no-end = blocket `{ $name }` har inget slut
shortcode-no-end-hint = avsluta texten med { $end } på en egen rad
shortcode-stray-end = det finns inget block för { $end } att avsluta
shortcode-stray-end-hint = ta bort det, eller kontrollera hur blocket ovanför börjar
shortcode-block-own-line = en kortkod med text (ett block) ska stå på egna rader
shortcode-block-own-line-hint = skriv början och { $end } på var sin rad, utan något annat på dem
shortcode-too-deep = här ligger block inuti block i mer än { $most } nivåer
shortcode-too-deep-hint = avsluta blocken innan du börjar nya
shortcode-template-failed = kortkoden `{ $name }` kunde inte göras
shortcode-template-failed-hint = felet finns i dess mall, templates/shortcodes/{ $name }.html; kör med --format json för att se mallmotorns egna ord
shortcode-header-invalid = listan över vad kortkoden tar går inte att läsa: { $reason }
shortcode-header-invalid-hint = kommentaren överst i en kortkodsmall listar argumenten under shortcode: arguments:, vart och ett som namn: typ (text, number, bool, url, video, file eller picture, med ? om det är valfritt), och body: som required, none eller optional
shortcode-header-type = argumentet `{ $name }` har typen `{ $kind }`, som arkiv inte känner till
shortcode-header-body = `body: { $value }` är inte required, none eller optional
shortcode-not-alone = kortkoden `{ $name }` blir ett eget block, och kan inte stå inuti ett stycke
shortcode-not-alone-hint = skriv den på en egen rad, med en tom rad före och efter
check-picture-outside-folder = bilden ligger utanför sidans mapp, så den publiceras bara i en storlek
check-picture-outside-folder-hint = flytta den till samma mapp som sidans index.md: där publiceras den i flera bredder, och telefoner hämtar en mindre fil
history-shallow = det här är en grund klon av förrådet (shallow clone), så sidornas "senast uppdaterad" läses inte från git
history-shallow-hint = hämta hela historiken: i ett GitHub Actions-flöde, ge actions/checkout `fetch-depth: 0`; för hand, kör `git fetch --unshallow`
history-absent = obs: site.yaml tar "senast uppdaterad" från git, men webbplatsen ligger inte i ett git-förråd (eller så är git inte installerat), så bara datumen i sidorna används

## Publishing over time
front-matter-expires-before-date = sidan slutar vara aktuell ({ $expires }) innan den publiceras ({ $date })
front-matter-expires-before-date-hint = `expires:` är när sidan slutar vara aktuell; den måste komma efter `date:`
link-to-scheduled = länken leder till { $page }, som publiceras först { $when }; länktexten visas utan länk tills dess
link-to-scheduled-hint = inget att göra om sidan ska publiceras senare; bygg om efter den tiden så fungerar länken (den schemalagda körningen i CI gör det)
link-to-expired = länken leder till { $page }, som slutade vara aktuell { $when }; länktexten visas utan länk
link-to-expired-hint = ta bort länken, eller flytta fram `expires:` på den andra sidan
index-names-scheduled = `{ $key }:` anger { $page }, som publiceras först { $when }; den här sidan visar den inte förrän då
index-names-expired = `{ $key }:` anger { $page }, som slutade vara aktuell { $when }; namnet visas utan länk
check-scheduled-heading = Schemalagda sidor (publiceras vid första bygget efter sin tid):
check-expiring-heading = Sidor som slutar vara aktuella inom 14 dagar:
check-timed-page = { $page }: { $when }

## The calendar
calendar-no-such-conference = aktiviteten anger konferensen `{ $conference }`, men ingen konferenssida med `event:` har det namnet
calendar-no-such-conference-hint = skriv konferenssidans slug (mappens namn under content/konferenser/), eller ta bort `conference:`; tills dess står aktiviteten i kalendern för sig
check-likely-duplicate-event = aktiviteten ”{ $activity }” är samma dag som konferensen ”{ $conference }”, på en annan plats: är det samma evenemang?
check-likely-duplicate-event-hint = om det är det, skriv `conference: { $slug }` i aktiviteten, så visar kalendern konferensen en gång; om inte behövs inget göras
calendar-conference-other-day = aktiviteten anger konferensen `{ $conference }`, men ligger inte på dess dagar
calendar-conference-other-day-hint = rätta aktivitetens datum, eller ta bort `conference:` om det är ett annat evenemang (en uppföljning, till exempel); tills dess står den i kalendern för sig
foreign-hugo = Hugo-kortkoden `{ $name }` publiceras som text: arkiv kör inte Hugos kortkoder
foreign-hugo-hint = skriv den som Markdown (en länk till sidans .md-fil, ett kodblock, en bild) eller som en kortkod i arkiv; `arkiv import hugo` gör om de vanligaste
foreign-liquid-tag = Liquid-taggen `{ $name }` (från Jekyll) publiceras som text: arkiv kör inte Liquid
foreign-liquid-value = Liquid-värdet `{ $name }` (från Jekyll) publiceras som text: arkiv kör inte Liquid
foreign-liquid-hint = skriv det som Markdown (en länk till sidans .md-fil, ett kodblock) eller ta bort det; `arkiv import jekyll` gör om de vanligaste taggarna
front-matter-keep-under-extra = arkiv har ingen sådan nyckel; lägg den under `extra:` (`extra: {"{"} { $key }: … {"}"}`) så att en mall kan visa den, eller ta bort den
import-unreadable = filen gick inte att läsa: { $reason }
import-bad-config = den gamla webbplatsens inställningar gick inte att läsa: { $reason }
import-bad-config-hint = rätta filen i den gamla webbplatsen, eller flytta undan den för att importera med verktygets standardinställningar
import-no-source = { $path } är ingen mapp
import-no-source-hint = ange den gamla webbplatsens mapp, den med inställningsfilen (hugo.toml, _config.yml eller config.toml)
import-into-not-empty = { $path } finns redan och är inte tom
import-into-not-empty-hint = import skriver en ny webbplats: ange en ny eller tom mapp med `--into`
import-into-inside-source = { $path } ligger i den gamla webbplatsen, som import aldrig skriver i
import-into-inside-source-hint = ange en mapp utanför den gamla webbplatsen med `--into`
import-bad-front-matter = front matter gick inte att läsa: { $reason }
import-bad-front-matter-hint = rätta den i den gamla webbplatsen (det gamla verktyget skulle också vägra), och importera igen
import-note-link = en länk, utelämnad: import läser inget som en länk leder till
import-note-date = ett datum som arkiv inte kan läsa, sparat under `extra:`: { $value }
import-note-title = ingen rubrik: "{ $title }", från filens namn
import-note-no-address = utelämnad: namnet ger ingen adress; ge sidan en `slug:`
import-note-base-url = den gamla webbplatsen har ingen adress: ange webbplatsens publika adress i `base_url`
import-write-failed = den nya webbplatsen gick inte att skriva: { $reason }
import-site-yaml-comment = Importerad från en webbplats i { $generator } med `arkiv import`. Se README.md, "site.yaml".
import-summary = Importerade { $pages } sidor och { $files } andra filer; { $aliases } gamla adresser sparade som alias, { $links } länkar till gamla adresser gjorda till länkar till sidor.
import-mapped-keys = Nycklar i front matter som bytt namn (sidor):
import-extra-keys = Sparade under `extra:` (sidor): { $keys }
import-converted = Mallkod som gjorts om: { $names }
import-unconverted = Mallkod kvar som text, visas som kod ({ $count }), att göra för hand:
import-aliases-dropped = Gamla adresser som inte sparats, eftersom en sida har den adressen nu ({ $count }):
import-notes = Att titta på:
import-done = Den nya webbplatsen finns i { $path }: kör `arkiv check` där, sedan `arkiv serve`.
import-bad-map = `{ $text }` är inte GAMMAL=NY med två mappnamn (t.ex. posts=nyheter)
import-note-missing-page = en länk till en sida som den gamla webbplatsen inte har: { $link } (bygget stannar vid den tills den rättats)
import-aliases = Gamla adresser sparade som alias ({ $count }):
import-more = … och { $count } till (`--format json` listar alla)
document-problem-untagged = inte taggad (saknar struktur för skärmläsare)
document-problem-no-language = saknar dokumentspråk
document-problem-no-title = saknar titel
document-problem-title-not-shown = titeln visas inte (DisplayDocTitle är av)
document-problem-scanned = skannade sidor utan text
document-problem-locked = låst för hjälpmedel
document-problem-unreadable = går inte att läsa som PDF
document-problem-office = en kontorsfil
document-not-accessible = { $file } är inte tillgänglig: { $problems } (WCAG 2.1: { $criteria })
document-not-accessible-hint = spara den igen som taggad PDF med titel och språk (i Word: Arkiv › Spara som › PDF, med "Dokumentstrukturtaggar för tillgänglighet"), eller publicera innehållet som en sida; om den inte går att rätta, skriv varför under bilagan: `accessibility: { "{" } status: known, reason: "…" { "}" }`
document-office = { $file } är en kontorsfil, som många inte kan läsa med hjälpmedel
document-office-hint = publicera innehållet som en sida eller som en tillgänglig (taggad) PDF i stället; om filen måste ligga kvar, skriv varför under bilagan: `accessibility: { "{" } status: known, reason: "…" { "}" }`

## Innehållsregler (`rules`): det redaktörer skriver som stänger ute en del läsare
rule-link-text = länktexten säger ingenting ensam (WCAG 2.1: 2.4.4): den som använder skärmläsare hör ofta sidans länkar som en lista
rule-link-text-hint = skriv vart länken leder, som `[Programmet för Nära vård 2025](…)` i stället för `[läs mer](…)` eller en naken adress
rule-same-link-text = en annan länk på sidan har samma text men leder någon annanstans (WCAG 2.1: 2.4.4)
rule-same-link-text-hint = ge varje länk en text som skiljer dess mål från den andras
rule-alt-file-name = bildens alt-text är ett filnamn (WCAG 2.1: 1.1.1)
rule-alt-file-name-hint = beskriv vad bilden visar, som `![Deltagarna i Stora salen](bild.jpg)`
rule-table-header = tabellen har ingen rubrikrad (WCAG 2.1: 1.3.1)
rule-table-header-hint = skriv kolumnernas namn i tabellens första rad: skärmläsare läser upp dem med varje cell
rule-bold-heading = ett stycke med bara fetstil ser ut som en rubrik men är ingen (WCAG 2.1: 1.3.1)
rule-bold-heading-hint = gör det till en rubrik med ## (eller ###), så att läsarna hittar det i sidans disposition
rule-all-caps = stycket är skrivet med versaler
rule-all-caps-hint = skriv det med vanliga bokstäver, med fetstil eller en rubrik för betoning: versaler är svåra att läsa, och en del skärmläsare bokstaverar dem
rule-short-link-text = länktexter som inte säger något ensamma
rule-short-same-link-text = länkar med samma text som leder till olika ställen
rule-short-alt-file-name = bilder vars alternativtext är ett filnamn
rule-short-table-header = tabeller utan rubrikrad
rule-short-bold-heading = fetstil som används som rubrik
rule-short-all-caps = text med versaler
rule-off = för att stänga av regeln: `content_rules: {"{"} { $rule }: false {"}"}` i site.yaml

## check --browser (`browser`): axe-core i Chromium över de byggda sidorna
browser-no-chromium = `check --browser` behöver Chromium (eller Google Chrome), och inget hittades
browser-no-chromium-hint = installera det (Debian och Ubuntu: `sudo apt-get install chromium`), eller ange programmet med { $var }=/sökväg/till/chromium
browser-failed = Chromium kunde inte läsa sidorna: { $reason }
browser-failed-hint = kontrollera att Chromium startar på den här datorn (`chromium --headless --version`), eller ange ett annat program med { $var }
browser-page-failed = Chromium kunde inte läsa { $address }: { $reason }
browser-violation = { $help }: axe-regeln `{ $rule }`, på { $address } ({ $count ->
    [one] ett element
   *[other] { $count } element
})
browser-violation-hint = det första är { $place }: { $html } (mer: { $url })
