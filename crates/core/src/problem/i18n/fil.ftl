# Mga problemang nakita sa mga input file, sa salita (verdict_core::problem::Detail; docs/FORMATS.md).
# Ginagamit ng CLI, ng ulat at ng app. Tinutukoy ng $file, $line at $field kung nasaan ang problema.
# Mga termino ng interface (www/i18n/fil.ftl): item = item, judgment = paghatol, rubric = rubric,
# criterion = pamantayan, annotator = annotator, model = modelo, output = output, warning = babala.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: babala: { $message }

problem-invalid-json-detail = hindi valid na JSON ({ $parser })
problem-truncated = putol: natapos ang file sa gitna ng JSON ng linyang ito ({ $parser })
problem-invalid-json-array = hindi valid na JSON array ({ $parser })
problem-invalid-toml = hindi valid na TOML ({ $parser })
problem-unreadable = hindi mabasa: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = walang laman ang file
problem-file-changed = Iba ang task file na ito, lampas sa unang 4 MiB, sa na-rate dati sa browser na ito: maaaring hindi na tugma ang mga paghatol sa mga item na nagbago.
problem-not-utf8-at = hindi valid na UTF-8 (maling byte sa column { $column }): i-save ang file bilang UTF-8
problem-not-utf8-detail = hindi valid na UTF-8
problem-line-too-long-detail = lampas sa limitasyong { $limit } byte bawat linya (itinataas ito ng --max-line-bytes)
problem-missing-detail = nawawala
problem-missing-prompt = nawawala: magbigay ng prompt o usapan (conversation)
problem-no-items = walang laman ang file: walang item na susuriin
problem-wrong-type-detail = dapat ay { $expected }, pero { $found } ang nakita
problem-not-allowed = dapat ay { $expected }, pero "{ $value }" ang nakita
problem-empty-detail = hindi dapat walang laman
problem-schema-detail = dapat ay "{ $expected }", pero "{ $value }" ang nakita
problem-not-foreign = hindi ito foreign format: i-load ito bilang Verdict task
problem-unknown-row = hindi ito paghatol, laban sa Arena, o row ng AlpacaEval
problem-unknown-events-format = inaasahan ang JSON lines o CSV header na may date at label
problem-no-content-detail = kailangan ng paghatol ang kahit isa sa preference, ranking, scores, flags
problem-duplicate-key-detail = dobleng field `{ $key }`
problem-duplicate-id = dobleng id "{ $id }": hindi puwedeng magkapareho ng id ang dalawang item (nasa linya { $line } ang una)
problem-duplicate-model = dalawang beses lumabas ang modelong "{ $model }"
problem-duplicate-criterion = ginagamit ng dalawang pamantayan ang "{ $id }"
problem-duplicate-option = dalawang beses lumabas ang opsyong "{ $option }"
problem-conversations-differ = iba ang mga turn ng user nito bago ang unang sagot kaysa sa conversation_a
problem-no-verdict-detail = walang hatol ang row na ito (walang panalo)
problem-out-of-range-detail = dapat ay buong numero mula { $min } hanggang { $max }, pero { $value } ang nakita
problem-preference-out-of-range = dapat ay 1, 2 o 1.5 (o weight sa pagitan ng 1 at 2), pero { $value } ang nakita
problem-not-a-criterion = hindi ito pamantayan ng rubric
problem-not-an-option = hindi kabilang sa mga opsyon ang "{ $option }"
problem-bound-too-large = dapat nasa pagitan ng -{ $bound } at { $bound }
problem-max-not-above-min = dapat mas malaki kaysa sa min ({ $min } ≥ { $max })
problem-too-many-points = hanggang { $max } punto lang ang puwede sa likert scale
problem-too-few-options = kailangan ng choice na pamantayan ang kahit dalawang opsyon
problem-too-few-labels = kailangan ng preference scale ang kahit dalawang label
problem-too-long = lampas sa { $max } na character
problem-too-many-events = higit sa { $max } na pangyayari
problem-unknown-part-type = hindi kilalang uri ng bahagi na "{ $name }" (text, markdown, code, math, image, audio, video)
problem-unknown-field = hindi ito field ng ganitong uri ng bahagi
problem-url-scheme = hindi pinapayagan ang mga URL na { $scheme }: gumamit ng https://, isang path sa host na ito, o isang data: URI
problem-url-data-type = ang data: URI para sa bahaging { $kind ->
        [image] larawan
        [audio] audio
       *[video] video
    } ay dapat { $kind }/…, pero "{ $value }" ang nakita
problem-url-malformed = hindi maayos ang anyo ng URL
problem-url-origin = wala ang { $origin } sa listahan ng mga pinagmulan ng media ng pahinang ito (media_origins)
problem-anchors-need-likert = para lang sa mga likert na pamantayan ang anchors
problem-not-a-point = hindi ito punto ng scale ({ $min } hanggang { $max })
problem-unknown-criterion = walang pamantayang "{ $id }" sa rubric
problem-condition-looks-ahead = dapat mauna ang "{ $id }" sa pamantayang ito (sa mga naunang pamantayan lang tumitingin ang mga kondisyon)
problem-condition-per-output = tinatanong ang "{ $id }" bawat output: mga pamantayang per output lang ang puwedeng nakadepende rito
problem-condition-null = dapat ay sagot na mapaghahambingan, pero null ang nakita
problem-chain-unexpected = may chain ang linyang ito pero wala ang unang paghatol ng file: may mga linyang idinagdag, inalis o pinagpalit ang ayos
problem-chain-missing = nawawala: may chain ang ibang linya, kaya idinagdag ang linyang ito o inalis ang chain nito
problem-chain-mismatch = hindi tugma: binago ang linyang ito, o may linya bago nito na inalis, isiningit o pinagpalit ang ayos (inaasahan ang { $expected }, naka-chain mula sa { $from ->
        [first] unang linya
       *[previous] linyang nauna rito
    })
problem-replaces = pinapalitan ang paghatol ni "{ $annotator }" sa item na "{ $item }" { $where ->
        [other] sa { $place }
       *[same] sa linya { $place }
    }
problem-replaced-by = pinalitan ng paghatol ni "{ $annotator }" sa item na "{ $item }" { $where ->
        [other] sa { $place }
       *[same] sa linya { $place }
    }, na isinumite nang mas huli

problem-expected-string = string
problem-expected-whole-number = buong numero
problem-expected-boolean = true o false
problem-expected-object = object
problem-expected-array = array
problem-expected-string-array = array ng mga string
problem-expected-string-or-number = string o numero
problem-expected-winner = model id, "tie" o "both_bad"
problem-expected-turn = object na may role at content
problem-expected-turn-array = array ng mga turn
problem-expected-output = object na may model at content
problem-expected-alpaca-preference = numero (1, 2 o 1.5)
problem-expected-arena-winner = "model_a", "model_b", "tie" o "tie (bothbad)"
problem-expected-one-option = isa sa mga opsyon
problem-expected-option-array = array ng mga opsyon
problem-expected-scores-by-model = object na may key bawat modelo (pamantayang per output)
problem-expected-content-or-parts = string o listahan ng mga bahagi
problem-expected-part-object = object ng bahagi
problem-expected-date = petsa (YYYY-MM-DD)
problem-expected-event = object na may date at label

problem-found-null = null
problem-found-boolean = boolean
problem-found-number = numero
problem-found-string = string
problem-found-array = array
problem-found-object = object
