# Interface ng Verdict: Filipino.
# Mga termino: item = item, output = output, model = modelo, criterion = pamantayan, rubric = rubric,
# judgment = paghatol, annotator = annotator, gold answer = sagot na sanggunian, adjudication = pagpapasya,
# quality workspace = workspace ng kalidad.

## Preferences (every page)
prefs-language = Wika ng interface
prefs-theme = Tema ng kulay
prefs-theme-system = Tema: ayon sa system
prefs-theme-light = Tema: maliwanag
prefs-theme-dark = Tema: madilim

## Start and setup
app-starting = Nagsisimula…
app-loading = Nilo-load ang { $tasks }…
app-enter-annotator = Ilagay ang iyong annotator id, saka buksan ang evaluation na ipinadala sa iyo.
app-locked-failed = Hindi mabuksan ang evaluation na ito. Hilingin sa may-ari ng page na ipadala ito muli.
app-waiting = Hinihintay ang host page na magpadala ng evaluation…
open-no-items = { $file }: walang item na na-load
open-storage-unavailable = Hindi magamit ang storage ng browser na ito: { $error }
open-cannot-start = { $file }: hindi masimulan ang evaluation dahil { $error }.
setup-tagline = Suriin ang mga output ng LLM nang magkatabi. Nananatili ang lahat sa browser na ito.
setup-annotator = Ang iyong annotator id
setup-annotator-placeholder = hal. ann-042
setup-annotator-first = Ilagay muna ang iyong annotator id.
setup-tasks-first = Pumili muna ng task file.
setup-default-rubric-name = default na rubric
setup-problems = Mga problema
setup-linked-title = Ang evaluation na ipinadala sa iyo
setup-linked-tasks = Mga task: { $tasks }
setup-linked-open = Buksan
setup-demos = Subukan ang demo
demo-mtbench-pairs-title = Mga pares ng MT-Bench — dalawahang paghahambing, nakatago ang modelo
demo-mtbench-pairs-about = 30 tanong ng MT-Bench (math, pangangatwiran, coding), sinagot ng gpt-4 at gpt-4-0125-preview. Data: FastChat llm_judge (Apache-2.0).
demo-mtbench-ranking-title = MT-Bench — mode ng pagraranggo
demo-mtbench-ranking-about = Ang parehong 30 tanong, inaayos ang mga sagot mula pinakamahusay hanggang pinakamahina. Data: FastChat llm_judge (Apache-2.0).
demo-alpacaeval-single-title = AlpacaEval — iisang output
demo-alpacaeval-single-about = 805 instruction ng AlpacaEval, bawat isa may sagot ng isang modelo. Data: mga halimbawang output ng alpaca_eval (Apache-2.0).
setup-files-title = Buksan ang sarili mong mga file
setup-files-hint = I-drop dito ang task file (JSONL o JSON array) at rubric (JSON), o piliin ang mga ito:
setup-task-file = Task file
setup-rubric-file = Rubric
setup-picked = Mga task: { $tasks } · Rubric: { $rubric }
setup-picked-none = wala
setup-picked-default-rubric = default (dalawahan)
setup-start = Simulan ang pagsusuri
setup-quality-title = Workspace ng kalidad
setup-quality-about = Para sa mga quality lead: pagkakasundo, katumpakan laban sa sagot na sanggunian, KPI ng mga annotator at site, mga LLM judge, leaderboard, mga hindi pagkakasundo na pagpapasyahan, at ulat.
setup-quality-open = Buksan ang workspace ng kalidad
setup-attribution = Demo data: mga tanong at sagot na sanggunian ng MT-Bench mula sa FastChat llm_judge (Apache-2.0); mga halimbawang output ng AlpacaEval mula sa alpaca_eval (Apache-2.0). Mga paghatol ng tao sa MT-Bench: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.

## Problems in files (the core's codes)

## Rating page
rating-annotator = annotator { $id }
rating-annotator-title = Annotator
rating-export = I-export ang JSONL
rating-export-failed = Nabigo ang pag-export: { $error }
rating-copy = Kopyahin
rating-copied =
    { $count ->
        [one] Nakopya ang { $count } paghatol sa clipboard.
       *[other] Nakopya ang { $count } na paghatol sa clipboard.
    }
rating-copy-refused = Tinanggihan ng browser ang clipboard ({ $error }); gamitin ang I-export.
rating-switch = Lumipat ng evaluation
rating-load-problems =
    { $count ->
        [one] Hindi na-load ang { $count } linya ng { $file } kaya nilaktawan
       *[other] Hindi na-load ang { $count } na linya ng { $file } kaya nilaktawan
    }
rating-instructions = Mga tagubilin
rating-finished-label = Tapos na
rating-finished-title = Nahatulan na ang lahat ng item — salamat!
rating-finished-saved =
    { $count ->
        [one] { $count } paghatol ang naka-save sa browser na ito. I-export ito para maipasa.
       *[other] { $count } na paghatol ang naka-save sa browser na ito. I-export ang mga ito para maipasa.
    }
rating-finished-revisit = Pindutin ang ← o ang button sa ibaba para balikan at i-edit ang mga item.
rating-last-item = ← Huling item
rating-download = I-download ang aking mga paghatol
rating-item-nav = Pag-navigate sa item
rating-prev = ← Nakaraan
rating-next = Susunod →
rating-item-position = Item { $position } sa { $total } · { $id }
rating-judged-badge = nahatulan na — papalitan ito ng pag-edit
rating-skip = Laktawan
rating-flag = I-flag bilang mapanganib
rating-details = Mga detalye
rating-gold-title = Sagot na sanggunian
rating-gold-none = Walang sagot na sanggunian ang item na ito.
rating-gold-preferred = Pinili: { $preference }
rating-continue = Magpatuloy (Enter)
rating-saving = Sine-save…
rating-submit = Isumite
rating-saved-announce = Na-save ang paghatol. { $done } sa { $total } item ang nahatulan.
rating-shortcuts-hint = Pindutin ang ? para sa lahat ng shortcut
rating-panel = Paghatol
break-title = Oras na para magpahinga
break-text = { $minutes } minuto ka nang nagsusuri. Lumayo muna sa screen nang ilang minuto; naka-save ang iyong gawa.
break-back = Bumalik na ako
progress-label = Mga item na nahatulan
progress-text = { $done } / { $total } tapos · median na { $median } bawat item
unit-seconds = { $seconds } s

## Item and outputs
item-label = Item
item-sensitive = Maaaring may mapanganib o nakababahalang nilalaman ang item na ito.
item-reveal = Ipakita ang nilalaman (r)
item-prompt = Prompt
item-conversation = Usapan
role-user = user
role-assistant = assistant
role-system = system
output-label = Output { $label }

## Answers
preference-question = Aling output ang mas mahusay?
preference-label = Preference
preference-both-bad = Parehong mahina
preference-default-a-better = Mas mahusay ang A
preference-default-tie = Tabla
preference-default-b-better = Mas mahusay ang B
ranking-question = I-ranggo ang mga output, pinakamahusay muna
ranking-hint = { " " }— pindutin ang mga numero nila nang sunod-sunod; Backspace para i-undo
ranking-label = Ranggo
ranking-undo = I-undo
ranking-all-bad = Lahat mahina
ranking-empty = Wala pang ranggo
criterion-for-output = para sa output { $output }
criterion-several = { " " }(higit sa isa)
criterion-required = kailangan
key-hint = key { $key }
answer-yes = Oo
answer-no = Hindi
text-placeholder = Pindutin ang e para magsulat, Esc para umalis, Ctrl+Enter para isumite
missing-preference = Piliin kung aling output ang mas mahusay.
missing-ranking = I-ranggo ang mga output mula pinakamahusay hanggang pinakamahina.
missing-criterion = Sagutin ang "{ $criterion }".
missing-criterion-output = Sagutin ang "{ $criterion }" para sa output { $output }.

## Keyboard help
help-title = Mga keyboard shortcut
help-close = Isara (?)
help-arrows = Pareho ang kahulugan ng mga arrow key sa lahat ng wika: → ang susunod na item at ← ang nakaraan, kahit binabasa ang page mula kanan pakaliwa.
key-or-zero = (o 0 sa preference)
key-action-0 = Sagutin ang aktibong row (punto ng preference, score, opsyon, susunod na output sa ranggo)
key-action-1 = Oo / hindi sa binary na row
key-action-2 = Parehong mahina ang mga output
key-action-3 = Susunod na row
key-action-4 = Nakaraang row
key-action-5 = Burahin ang aktibong row (ranggo: i-undo ang huling pili)
key-action-6 = Magsulat sa aktibong text field (Esc para umalis, Ctrl+Enter para isumite)
key-action-7 = Isumite ang paghatol at pumunta sa susunod na item
key-action-8 = Susunod / nakaraang item (balikan at i-edit ang mga naunang item)
key-action-9 = Laktawan muna ang item na ito
key-action-10 = I-flag ang mapanganib na nilalaman (maaaring isumite nang hindi tapos ang item na naka-flag)
key-action-11 = Ipakita ang malabong sensitibong nilalaman
key-action-12 = Ipakita o itago ang tulong na ito
key-action-13 = Umalis sa text field; isara ang tulong na ito

## Uploads to the collection endpoint
uploads-checking = Sinusuri ang mga upload…
uploads-counts = { $queued } nakapila · { $sent } naipadala · { $failed } nabigo
uploads-label = Mga upload
uploads-waiting = Naghihintay na subukan muli: { $error }
uploads-refused =
    { $count ->
        [one] { $count } paghatol ang tinanggihan ng server
       *[other] { $count } na paghatol ang tinanggihan ng server
    }
uploads-refused-list = Mga tinanggihang paghatol
uploads-item = Item { $id }
uploads-retry = Subukan muli
uploads-retry-item = Subukan muli ang item { $id }
uploads-export-refused = I-export ang mga tinanggihang paghatol

## Quality workspace
q-adjudication-load-the-task-file-to = I-load ang task file para makita rito ang prompt at mga output.
q-adjudication-annotator = Annotator
q-adjudication-group = Grupo
q-adjudication-preferred = Pinili
q-adjudication-scores = Mga score
q-adjudication-flags = Mga flag
q-adjudication-final-answer = Huling sagot
q-adjudication-root-cause = Ugat na sanhi{ " " }
q-adjudication-note = Tala{ " " }
q-adjudication-update-adjudication = I-update ang pagpapasya
q-adjudication-save-adjudication = I-save ang pagpapasya
q-adjudication-final-preference = Huling preference
q-adjudication-root-cause-2 = Ugat na sanhi
q-adjudication-note-2 = Tala
q-agreement-majority-of-the-others = mayorya ng iba
q-agreement-criterion = Pamantayan
q-agreement-coefficient = Coefficient
q-agreement-level = Antas
q-agreement-value = Value
q-agreement-95-ci = 95% CI
q-agreement-band = Banda
q-agreement-items = Mga item
q-agreement-annotators = Mga annotator
q-agreement-fewer-than-two-annotators-share = Wala pang dalawang annotator ang may parehong item.
q-agreement-confusion-matrix-on-the-preference = Confusion matrix ng preference
q-agreement-these-two-share-no-item = Walang parehong item ang dalawang ito sa pila ng hindi pagkakasundo.
q-agreement-agreement = Pagkakasundo
q-agreement-pairwise-agreement-between-annotators = Pagkakasundo ng bawat pares ng annotator
q-agreement-confusion-matrix-rows-first-annotator = Confusion matrix (mga row: sagot ng unang annotator; mga cell: bilang, may lilim ayon sa bahagi sa row)
q-annotators-kpi-thresholds = Mga threshold ng KPI
q-annotators-apply-and-save = Ilapat at i-save
q-annotators-pass = pasado
q-annotators-llm-judge = { " " }(LLM judge)
q-annotators-groups-sites-vendors = Mga grupo (site, vendor)
q-annotators-judgments = Mga paghatol
q-annotators-gold-accuracy = Katumpakan sa sanggunian
q-annotators-tie-rate = Rate ng tabla
q-annotators-kpis = Mga KPI
q-annotators-agreement-trend-by-week-agreement = Lingguhang trend ng pagkakasundo (% pagkakasundo sa preference)
q-annotators-annotators-and-sites = Mga annotator at site
q-annotators-weekly-agreement-per-group = Lingguhang pagkakasundo bawat grupo
q-disagreements-adjudicated = napagpasyahan na
q-disagreements-previous = ← Nakaraan
q-disagreements-next = Susunod →
q-disagreements-choose-an-item-to-see = Pumili ng item para makita ang sagot ng bawat annotator at itala ang huling sagot.
q-disagreements-no-adjudication-yet = Wala pang pagpapasya.
q-disagreements-export-adjudications-jsonl = I-export ang mga pagpapasya (JSONL)
q-disagreements-export-gold-task-file = I-export ang task file na may sanggunian
q-disagreements-disagreements = Mga hindi pagkakasundo
q-disagreements-root-causes-most-frequent-first = Mga ugat na sanhi, pinakamadalas muna
q-disagreements-needs-the-task-file-the = Kailangan ang task file: isinusulat ang mga napagpasyahang item na may sagot na sanggunian
q-judges-no-llm-judge-in-these = Walang LLM judge sa mga file na ito (mga annotator id na nagsisimula sa judge:, o kind na "judge").
q-judges-llm-judges-compared-with-the = Mga LLM judge kumpara sa preference ng mayorya ng tao
q-judges-judge = Judge
q-judges-items-shared-with-humans = Mga item na kapareho ng tao
q-judges-cohen = Cohen κ
q-judges-swapped-pairs = Mga pares na pinagpalit
q-judges-position-consistency = Pagkakapare-pareho sa posisyon
q-judges-position-consistency-of-the-comparisons = Pagkakapare-pareho sa posisyon: sa mga paghahambing na nakita ng judge sa dalawang ayos, ang bahaging hindi nagbago ang hatol nito kahit nagbago ang ayos (tingnan ang docs/METRICS.md).
q-judges-llm-judges = Mga LLM judge
q-leaderboard-rank = Ranggo
q-leaderboard-model = Modelo
q-leaderboard-rating = Rating
q-leaderboard-rank-range = Saklaw ng ranggo
q-leaderboard-wins = Panalo
q-leaderboard-losses = Talo
q-leaderboard-ties = Tabla
q-leaderboard-win-rate = Rate ng panalo
q-leaderboard-win-rate-of-row-over = Rate ng panalo ng row laban sa column (kalahati ang tabla)
q-leaderboard-bias-diagnostics = Pagsusuri ng bias
q-leaderboard-slices = Mga hiwa
q-leaderboard-one-leaderboard-per = Isang leaderboard bawat{ " " }
q-leaderboard-computing = Kinakalkula…
q-leaderboard-show-slices = Ipakita ang mga hiwa
q-leaderboard-meta-fields-need-the-task = kailangan ng mga meta field ang task file.
q-leaderboard-no-slice-has-battles = Walang hiwa na may laban.
q-leaderboard-leaderboard = Leaderboard
q-leaderboard-model-ratings-with-95-confidence = Mga rating ng modelo na may 95% confidence interval
q-leaderboard-win-rate-matrix = Matrix ng rate ng panalo
q-leaderboard-slice-by = Hatiin ayon sa
q-leaderboard-criterion-or-meta-field-e = pamantayan, o meta.FIELD (hal. meta.category)
q-overview-groups = Mga grupo
q-overview-items-with-2-judgments = Mga item na may ≥ 2 paghatol
q-overview-judgments-per-day = Mga paghatol bawat araw
q-overview-overview = Pangkalahatang-tanaw
q-quality-quality-workspace = Workspace ng kalidad
q-quality-download-report-html = I-download ang ulat (HTML)
q-quality-back-to-rating = Bumalik sa pagsusuri
q-quality-judgments-one-or-more-jsonl = Mga paghatol (isa o higit pang JSONL file)
q-quality-task-file-optional-gold-items = Task file (opsyonal: sanggunian, mga item)
q-quality-rubric-optional = Rubric (opsyonal)
q-quality-analyse = Suriin
q-quality-analyse-the-mt-bench-human = Suriin ang mga paghatol ng tao sa MT-Bench (demo)
q-quality-everything-runs-in-this-browser = Tumatakbo ang lahat sa browser na ito, sa background worker.
q-quality-root-cause-tags-comma-separated = Mga tag ng ugat na sanhi (hinihiwalay ng kuwit){ " " }
q-quality-tables-as-csv = Mga table bilang CSV:{ " " }
q-quality-mt-bench-human-judgments-zheng = Mga paghatol ng tao sa MT-Bench: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.
q-quality-analysis-in-progress = Kasalukuyang sinusuri
q-quality-files-to-analyse = Mga file na susuriin
q-quality-views = Mga view
q-quality-root-cause-tags = Mga tag ng ugat na sanhi
q-quality-tables-as-csv-2 = Mga table bilang CSV
q-tab-overview = Pangkalahatang-tanaw
q-tab-agreement = Pagkakasundo
q-tab-annotators = Mga annotator at site
q-tab-judges = Mga LLM judge
q-tab-leaderboard = Leaderboard
q-tab-disagreements = Mga hindi pagkakasundo
q-choose-judgments = Pumili ng kahit isang file ng mga paghatol.
q-status-starting = Sinisimulan ang pagsusuri…
q-status-reading = Binabasa ang mga file…
q-status-computing = Kinakalkula ang pagkakasundo, mga ranggo at ang pila ng hindi pagkakasundo…
q-status-done = Nasuri sa loob ng { $seconds } s
q-adjudication-save-failed = Hindi ma-save ang pagpapasya: { $error }
q-adjudication-title = { $id } — { $count ->
        [one] { $count } paghatol
       *[other] { $count } na paghatol
    }, hindi pagkakasundo { $disagreement }
q-adjudication-output-of = Output ng { $model }
q-adjudication-saved-at = napagpasyahan { $time }
q-agreement-caption = Pagkakasundo bawat pamantayan ({ $resamples } bootstrap resample, 95% CI)
q-agreement-pairwise-title = Pagkakasundo ng bawat pares sa "{ $criterion }" (% ng magkaparehong item; ang { $count } pinakaaktibong annotator)
q-agreement-shared = { $count } magkaparehong item · pagkakasundo { $agreement }
q-agreement-rows = Mga row:{ " " }
q-agreement-columns = Mga column:{ " " }
q-col-annotator = Annotator
q-col-group = Grupo
q-col-judgments = Mga paghatol
q-col-median = Median na oras
q-col-alpha-delta = α kasama − wala
q-col-kappa = Karaniwang Cohen κ
q-col-gold = Katumpakan sa sanggunian
q-col-position = Bahagi ng panalo sa kaliwa
q-col-ties = Rate ng tabla
q-col-flags = Rate ng flag
q-col-pass = Mga KPI
q-kpi-gold = Katumpakan sa sanggunian ≥
q-kpi-alpha = α ng grupo ≥
q-kpi-position = Bahagi ng panalo sa kaliwa ≤
q-kpi-fail = bagsak: { $failed }
q-annotators-caption = { $count ->
        [one] { $count } annotator
       *[other] { $count } na annotator
    }
q-disagreements-title = { $count ->
        [one] { $count } item na may dalawa o higit pang paghatol, pinakapinagtatalunan muna
       *[other] { $count } na item na may dalawa o higit pang paghatol, pinakapinagtatalunan muna
    }
q-disagreements-row = { " " }{ $disagreement } · { $count } paghatol
q-disagreements-page = { $first }–{ $last } sa { $total }
q-root-causes-title = { $count ->
        [one] Mga ugat na sanhi ng { $count } pagpapasya
       *[other] Mga ugat na sanhi ng { $count } na pagpapasya
    }
q-leaderboard-title = Mga rating na Bradley–Terry (Elo scale), 95% bootstrap CI sa { $battles } laban
q-bias-position = Nanalo ang output na unang ipinakita sa { $wins } sa { $decisive } laban na may panalo ({ $share }); two-sided binomial p = { $p }
q-bias-ties = Tabla: { $ties } · parehong mahina: { $both_bad }
q-bias-length = Nanalo ang mas mahabang output sa { $wins } sa { $decisive } laban na may panalo at magkaibang haba ({ $share })
q-bias-length-needs-tasks = Kailangan ng task file (mga text ng output) para sa bias sa haba.
q-slice-title = { $name } — { $battles } laban
q-slice-chart = Mga rating para sa { $name }
q-overview-no-dates = Walang paghatol na may petsa ({ $undated } walang petsa).
q-overview-undated = { $count ->
        [one] { $count } paghatol ang walang petsa.
       *[other] { $count } na paghatol ang walang petsa.
    }
q-overview-problems = { $count ->
        [one] { $count } problema sa mga file
       *[other] { $count } na problema sa mga file
    }
q-tab-campaign = Kampanya
q-tab-sample-size = Laki ng sample
q-quality-campaign-progress = Progreso ng kampanya

## rich
key-action-14 = Ipakita o itago ang tulong ng bawat pamantayan
key-action-15 = Magpahinga ngayon
break-text-any = Lumayo muna sa screen nang ilang minuto; naka-save ang iyong gawa.
criterion-anchor-hint = { $value }: { $anchor } (key { $key })
rating-gold-tie = tabla
rating-gold-both-bad = parehong masama
rating-gold-score-of = { $criterion } ({ $output }): { $value }
content-code = Code { $language }
content-diff-toggle = Ipakita ang mga pagkakaiba
content-diff-title = Mga pagkakaiba ng mga output
content-diff-truncated = Masyadong magkaiba ang mga output para paghambingin nang salita-sa-salita.
media-kind-image = larawan
media-kind-audio = audio
media-kind-video = video
media-reveal-image = Ipakita ang media (larawan)
media-reveal-audio = Ipakita ang media (audio)
media-reveal-video = Ipakita ang media (video)
media-hidden = Nakatago dahil sa iyong mga setting sa pagtingin.
media-refused = Hindi ipinakita: { $reason } ({ $kind }: { $alt })
media-refused-scheme = hindi pinapayagan ang mga URL na { $scheme }: gumamit ng https://, isang path sa host na ito, o isang data: URI
media-refused-type = ang data: URI para sa bahaging ito ay dapat { $expected }/…, pero “{ $found }” ang nakita
media-refused-malformed = hindi maayos ang anyo ng URL
media-refused-origin = wala ang { $origin } sa listahan ng mga pinagmulan ng media ng pahinang ito (media_origins)
viewing-title = Mga setting sa pagtingin
viewing-always-blur = Laging i-blur ang mga larawan at video hanggang ipakita ko
viewing-greyscale = Ipakita ang media nang grayscale
viewing-hide = Itago ang media hanggang hilingin ko
wellbeing-exposure = Sensitibong nilalaman ngayong araw: { $minutes } min
wellbeing-take-break = Magpahinga
wellbeing-soft-cap = Naabot mo na ang iminumungkahing limitasyon ng sensitibong nilalaman ngayong araw. Pag-isipang magpahinga.
wellbeing-hard-cap = Naka-pause ang iyong queue hanggang bukas: naabot na ang limitasyon ng sensitibong nilalaman ngayong araw. Nakikita ng iyong lead ang dahilan.
wellbeing-paused = Naka-pause ang queue
q-adjudication-reveal = Ipakita ang nilalaman
q-wellbeing-title = Kapakanan: pagkakalantad sa mga sensitibo o naka-flag na item
q-wellbeing-none = Walang paghatol mula sa mga taong annotator.
q-wellbeing-per-rater = Pagkakalantad bawat annotator
q-wellbeing-per-site = Pagkakalantad bawat site
q-wellbeing-judged = Nahatulan
q-wellbeing-exposing = Mga item na may pagkakalantad
q-wellbeing-minutes = Pagkakalantad (min)
q-wellbeing-flags = Mga flag na mapanganib
q-wellbeing-busiest = Pinakaabalang araw (min)
q-wellbeing-hard-cap = Naabot ang mahigpit na limitasyon
q-wellbeing-raters = Mga annotator
q-wellbeing-per-rater-minutes = Bawat annotator (min)
q-wellbeing-note = Ang mga minuto ay naitalang aktibong oras sa mga item na minarkahang sensitibo o in-flag ng annotator. Mahigpit na limitasyon: ang mga araw na naka-pause ang queue ng annotator.
## lead: KPI verdicts with uncertainty
q-kpi-insufficient = kulang ang ebidensya: { $kpis }
q-kpi-rule = Bumabagsak lang ang isang KPI kapag may hindi bababa sa { $min } obserbasyon, ang 95% na interval ay buong nasa labas ng target, at nananatili ang pagsusuri matapos ang Benjamini–Hochberg na koreksyon sa lahat ng rater (false-discovery rate na { $fdr }%). Ang hindi pag-abot nang walang ganoong ebidensya ay ipinapakita bilang “kulang ang ebidensya”.
q-judges-drift = Drift (CUSUM bawat linggo)
q-judges-weekly-caption = { $judge }: pagkakasundo sa mayorya ng tao bawat linggo (may marka ang mga linggong nagbigay ng signal ang CUSUM)
q-judges-week = Linggo
q-judges-no-drift = walang drift na nakita
q-judges-drift-up = tumaas ang hindi pagkakasundo mula { $period }
q-judges-drift-down = bumaba ang hindi pagkakasundo mula { $period }

## i18n
# Bantas: pagkatapos ng label at sa pagitan ng mga item ng listahan.
label-colon = { ": " }
list-separator = { ", " }
# Ang page ng kampanya ng annotator: kalibrasyon, ang gate, saka ang produksyon.
campaign-loading = Nilo-load ang kampanya…
campaign-opening = Binubuksan ang iyong queue…
campaign-cannot-open = Hindi mabuksan ang kampanyang ito. Tingnan ang link na ipinadala sa iyo, o magtanong sa iyong lead.
campaign-no-annotator = Walang annotator ang link ng kampanyang ito: buksan ang link na ipinadala sa iyo (nagtatapos ito sa &annotator=…).
campaign-attempt = Pagsubok { $attempt } sa { $allowed }
campaign-calibration-intro = Kalibrasyon: hatulan muna ang mga item na ito. Ihahambing ang iyong mga sagot sa mga inaasahang sagot; magbubukas ang produksyon kapag pumasa ka.
campaign-passed = Pumasa sa kalibrasyon: bukas na ang iyong production queue.
campaign-failed-title = Hindi pa pasado sa kalibrasyon
campaign-locked-title = Hindi pumasa sa kalibrasyon
campaign-locked-body = Nagamit mo na ang lahat ng pinapayagang pagsubok, kaya sarado pa rin ang production queue. Naibigay na sa iyong lead ang mga sagot mo at kokontakin ka niya.
campaign-accuracy = Tumugma ka sa { $accuracy } ng mga inaasahang sagot; ang marka para pumasa ay { $pass }.
campaign-missed = Mga item na dapat tingnan ulit: { $items }
campaign-retakes-left = { $count ->
        [one] Puwede mo pang ulitin ang kalibrasyon nang { $count } beses.
       *[other] Puwede mo pang ulitin ang kalibrasyon nang { $count } na beses.
    }
campaign-retake = Simulan ang pag-ulit
campaign-export-hint = Nananatiling naka-save sa browser na ito ang iyong mga paghatol sa kalibrasyon; i-download ang mga ito para isumite kasama ng iba mo pang paghatol.
campaign-download-calibration = I-download ang aking mga paghatol sa kalibrasyon
campaign-download-failed = Hindi natuloy ang pag-download: { $error }
# Ang tab na Kampanya ng quality workspace.
q-campaign-file = File ng kampanya (campaign.json)
q-campaign-tasks-file = Ang task file ng kampanya
q-campaign-compute = Kalkulahin ang progreso ng kampanya
q-campaign-computing = Kinakalkula ang progreso sa background…
q-campaign-need-judgments = Piliin muna sa itaas ang mga file ng paghatol (o ang export ng endpoint).
q-campaign-need-campaign = Piliin ang file ng kampanya at ang task file nito.
q-campaign-raters = Progreso ng kampanya bawat annotator
q-campaign-sites = Mga kabuuan ng kampanya bawat site
q-campaign-col-rater = Annotator
q-campaign-col-site = Site
q-campaign-col-raters = Mga annotator
q-campaign-col-assigned = Nakatalaga
q-campaign-col-done = Tapos
q-campaign-col-calibration = Kalibrasyon
q-campaign-col-retest-pairs = Mga pares ng retest
q-campaign-col-self-kappa = Sariling κ
q-campaign-col-flip-rate = Rate ng pagbaligtad kapag pinagpalit
q-campaign-no-site = (walang site)
q-campaign-gate-open = wala
q-campaign-gate-in-progress = kasalukuyan
q-campaign-gate-passed = pasado
q-campaign-gate-failed = bagsak (puwedeng ulitin)
q-campaign-gate-locked = bagsak (naka-lock)
q-campaign-gate-accuracy = { $status } ({ $accuracy })
q-campaign-coverage-label = Saklaw ng mga item
q-campaign-coverage = { $items ->
        [one] { $items } task item
       *[other] { $items } na task item
    }: { $complete } buong nahatulan, { $partial } bahagya, { $untouched } hindi pa
q-campaign-pace-label = Bilis
q-campaign-pace = { $per_day } paghatol bawat araw sa huling { $days } araw; { $remaining } pa ang natitira; tinatayang matatapos sa { $finish }
q-campaign-no-estimate = kulang pa ang mga bagong paghatol na may oras para matantya ang petsa ng pagtatapos
q-campaign-unplanned = { $count ->
        [one] { $count } paghatol ang hindi kabilang sa anumang assignment ng kampanyang ito at hindi isinama.
       *[other] { $count } na paghatol ang hindi kabilang sa anumang assignment ng kampanyang ito at hindi isinama.
    }
# Ang tab na Laki ng sample.
q-size-question = Tanong
q-size-metric-alpha = Mga item para sa α ni Krippendorff hanggang sa isang kalahating lapad ng CI
q-size-metric-accuracy = Mga sangguniang item para sa katumpakan ± isang lapad
q-size-metric-bt = Mga laban para mapaghiwalay ang dalawang modelo (Bradley–Terry)
q-size-level-nominal = nominal
q-size-level-ordinal = ordinal
q-size-level-interval = interval
q-size-categories = Mga kategorya
q-size-raters = Mga annotator bawat item
q-size-alpha = Inaasahang α
q-size-width = Kalahating lapad ng 95% interval
q-size-accuracy = Inaasahang katumpakan
q-size-elo = Pagkakaiba sa Elo
q-size-power = Power
q-size-replications = Mga simulation bawat laki
q-size-seed = Seed
q-size-compute = Kalkulahin
q-size-computing = Nagsi-simulate sa background…
q-size-inputs = Mga input na ginamit
q-size-answer-alpha = { $n ->
        [one] { $n } item
       *[other] { $n } na item
    }: 95% CI ng α ± { $width }
q-size-answer-accuracy = { $n ->
        [one] { $n } sangguniang item
       *[other] { $n } na sangguniang item
    }: katumpakan ± { $width }
q-size-answer-bt = { $n ->
        [one] { $n } laban
       *[other] { $n } na laban
    }: napaghihiwalay ang mga modelo nang may power na { $power }
# Ang linya ng input sa overview: kapareho ng bilang ng input summary ng bawat utos ng verdict.
q-overview-input = Nabasa: { $files ->
        [one] { $files } file
       *[other] { $files } na file
    }, { $lines ->
        [one] { $lines } linya
       *[other] { $lines } na linya
    }, { $judgments ->
        [one] { $judgments } paghatol
       *[other] { $judgments } na paghatol
    }, { $replaced } pinalitan, { $skipped } nilaktawan, { $problems ->
        [one] { $problems } problema
       *[other] { $problems } na problema
    } (kapareho ng bilang ng input summary ng bawat utos ng verdict).
q-overview-warnings = { $count ->
        [one] { $count } babala sa mga file
       *[other] { $count } na babala sa mga file
    }
q-leaderboard-not-rated = walang rating
q-judges-no-swapped-pairs = walang pinagpalit na pares

## qc
qc-tab-spc = Mga control chart
qc-tab-audit = Audit
qc-spc = Statistical process control
qc-metric = Sukatan
qc-metric-disagreement = Hindi pagkakasundo sa ibang annotator
qc-metric-gold-error = Mali laban sa sagot na sanggunian
qc-metric-handle-time = Oras ng paghawak (segundo)
qc-by = Isang linya bawat
qc-by-group = Grupo (site)
qc-by-annotator = Annotator
qc-period = Panahon
qc-period-week = ISO na linggo
qc-period-day = Araw
qc-chart = Chart
qc-rules = Mga run rule
qc-rules-limits-only = Mga limit lamang
qc-baseline-from = Baseline mula (phase II)
qc-baseline-to = Baseline hanggang
qc-include-judges = Isama ang mga LLM judge
qc-events = mga pangyayari
qc-events-label = Mga pangyayari (petsa,label bawat linya, o JSON lines)
qc-events-file = O mag-load ng file ng mga pangyayari
qc-strata-rows = Mga hilera ng strata (group, annotator o meta.FIELD)
qc-strata-columns = Mga hanay ng strata (all, group, annotator o meta.FIELD)
qc-before-from = Ihambing: unang panahon mula
qc-before-to = Unang panahon hanggang
qc-after-from = Ikalawang panahon mula
qc-after-to = Ikalawang panahon hanggang
qc-draw = Iguhit ang mga chart
qc-computing = Kinukuwenta ang mga chart
qc-no-chart = Walang chart: { $reason }
qc-phase = Phase { $phase }: mga limit mula sa { $subgroups } subgroup, gitna { $centre }
qc-chart-title = { $chart } chart ng { $key }
qc-signal = signal
qc-signals-caption = { $count ->
        [one] { $count } signal
       *[other] { $count } na signal
    }
qc-key = Site o annotator
qc-rule = Panuntunan
qc-value = Halaga
qc-lcl = Mababang limit
qc-ucl = Mataas na limit
qc-kpi-caption = Bahagi ng mga paghatol na walang depekto, laban sa target na { $target } (minamarkahan lamang kapag n ≥ { $min })
qc-kpi-share = Bahagi
qc-interval = 95% Wilson interval
qc-q-value = q (BH)
qc-status = Katayuan
qc-status-below = Mas mababa sa target
qc-status-meets = Abot ang target
qc-status-insufficient = Kulang ang ebidensya
qc-bh-statement = { $count ->
        [one] Isang annotator o site ang sinubok; para mamarkahan, dapat buong nasa ibaba ng target ang 95% interval nito at makabuluhan ang one-sided binomial test matapos ang Benjamini–Hochberg false-discovery control sa 5%.
       *[other] { $count } annotator o site ang sabay na sinubok; para mamarkahan ang isa, dapat buong nasa ibaba ng target ang 95% interval nito at makabuluhan ang one-sided binomial test matapos ang Benjamini–Hochberg false-discovery control sa 5% sa kanilang lahat.
    }
qc-strata-title = Rate bawat stratum (may depekto / inihambing)
qc-changed-caption = Ano ang nagbago mula { $before } ({ $from }) hanggang { $after } ({ $to }), strata ayon sa ambag
qc-stratum = Stratum
qc-before = Unang panahon
qc-after = Ikalawang panahon
qc-contribution = Ambag
qc-test = Pagsubok
qc-audit = Audit sa acceptance sampling
qc-lot = Laki ng lot
qc-aql = AQL (%)
qc-level = Antas ng inspeksyon
qc-inspection = Inspeksyon
qc-inspection-normal = normal
qc-inspection-tightened = mahigpit
qc-inspection-reduced = pinaikli
qc-ltpd = LTPD (%) para sa custom na plano
qc-alpha = Panganib ng producer α
qc-beta = Panganib ng consumer β
qc-plan = Ipakita ang plano
qc-qa-judgments = Mga QA na paghatol ng sample
qc-state-file = Switching state (opsyonal)
qc-defect-flag = Flag ng depekto
qc-decide = Pagpasyahan ang lot
qc-plan-iso = ISO 2859-1 code letter { $letter }: inspeksyunin ang n = { $n }, tanggapin kapag ≤ { $ac } depekto, tanggihan kapag ≥ { $re }
qc-plan-custom = Custom na plano: inspeksyunin ang n = { $n }, tanggapin kapag ≤ { $c } depekto
qc-inspect-all = Ang sample ay hindi bababa sa lot: inspeksyunin ang bawat item.
qc-oc-title = Operating characteristic: posibilidad na tanggapin ang lot ayon sa rate ng depekto nito
qc-accept = Tanggapin ang lot
qc-reject = Tanggihan ang lot
qc-defects = { $defects } may depekto sa { $inspected } na inispeksyon
qc-rate = Rate ng depekto { $rate }, 95% Clopper–Pearson interval { $interval }
qc-next-inspection = Susunod na lot: { $inspection } na inspeksyon (switching score { $score })
qc-events-placeholder = date,label — isang pangyayari bawat linya, hal. 2026-11-30,guideline v3

## stream
rating-loading-items = Nilo-load ang task file: { $percent } % nabasa, { $items } item sa ngayon. Puwede kang mag-rate habang naglo-load.
rating-loading-items-unknown = Nilo-load ang task file: { $items } item sa ngayon. Puwede kang mag-rate habang naglo-load.

## workspace
q-leaderboard-matrix-top = Ang { $shown } na may pinakamataas na rating sa { $total } na modelo (nasa mga CSV table ang lahat).
