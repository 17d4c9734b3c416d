# Problemas encontrados nos arquivos de entrada, em palavras (verdict_core::problem::Detail; docs/FORMATS.md).
# Usados pela CLI, pelo relatório e pelo app. $file, $line e $field localizam o problema.
# Terminologia da interface (www/i18n/pt-BR.ftl): item = item, judgment = avaliação, rubric = rubrica,
# criterion = critério, annotator = anotador, model = modelo, output = resposta, warning = aviso.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: aviso: { $message }

problem-invalid-json-detail = não é JSON válido ({ $parser })
problem-truncated = truncado: o arquivo termina no meio do JSON desta linha ({ $parser })
problem-invalid-json-array = não é um array JSON válido ({ $parser })
problem-invalid-toml = não é TOML válido ({ $parser })
problem-unreadable = não pôde ser lido: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = o arquivo está vazio
problem-file-changed = este arquivo de tarefas difere, após os primeiros 4 MiB, do avaliado antes neste navegador: avaliações de itens que mudaram podem não corresponder mais
problem-not-utf8-at = não é UTF-8 válido (byte inválido na coluna { $column }): salve o arquivo como UTF-8
problem-not-utf8-detail = não é UTF-8 válido
problem-line-too-long-detail = passa do limite de { $limit } bytes por linha (--max-line-bytes aumenta o limite)
problem-missing-detail = ausente
problem-missing-prompt = ausente: informe um prompt ou uma conversa (conversation)
problem-no-items = o arquivo está vazio: não há itens para avaliar
problem-wrong-type-detail = deveria ser { $expected }, mas é { $found }
problem-not-allowed = deveria ser { $expected }, mas é "{ $value }"
problem-empty-detail = não pode estar vazio
problem-schema-detail = deveria ser "{ $expected }", mas é "{ $value }"
problem-not-foreign = não é um formato externo: carregue-o como tarefa do Verdict
problem-unknown-row = não é uma avaliação, um confronto da Arena nem uma linha do AlpacaEval
problem-unknown-events-format = esperavam-se linhas JSON ou um cabeçalho CSV com date e label
problem-no-content-detail = uma avaliação precisa de pelo menos um destes campos: preference, ranking, scores, flags
problem-duplicate-key-detail = campo `{ $key }` repetido
problem-duplicate-id = id "{ $id }" repetido: dois itens não podem ter o mesmo id (o primeiro está na linha { $line })
problem-duplicate-model = o modelo "{ $model }" aparece duas vezes
problem-duplicate-criterion = "{ $id }" é usado por dois critérios
problem-duplicate-option = a opção "{ $option }" aparece duas vezes
problem-conversations-differ = os turnos do usuário antes da primeira resposta são diferentes dos de conversation_a
problem-no-verdict-detail = esta linha não traz nenhum veredito (não há vencedor)
problem-out-of-range-detail = deveria ser um número inteiro de { $min } a { $max }, mas é { $value }
problem-preference-out-of-range = deveria ser 1, 2 ou 1.5 (ou um peso entre 1 e 2), mas é { $value }
problem-not-a-criterion = não é um critério da rubrica
problem-not-an-option = "{ $option }" não é uma das opções
problem-bound-too-large = deve estar entre -{ $bound } e { $bound }
problem-max-not-above-min = deve ser maior que min ({ $min } ≥ { $max })
problem-too-many-points = uma escala likert pode ter no máximo { $max } pontos
problem-too-few-options = um critério choice precisa de pelo menos duas opções
problem-too-few-labels = uma escala de preferência precisa de pelo menos dois rótulos
problem-too-long = passa de { $max } caracteres
problem-too-many-events = mais de { $max } eventos
problem-unknown-part-type = tipo de parte desconhecido "{ $name }" (text, markdown, code, math, image, audio, video)
problem-unknown-field = não é um campo deste tipo de parte
problem-url-scheme = URLs { $scheme }: não são permitidas: use https://, um caminho neste servidor ou um URI data:
problem-url-data-type = um URI data: para uma parte { $kind ->
        [image] de imagem
        [audio] de áudio
       *[video] de vídeo
    } deveria ser { $kind }/…, mas é "{ $value }"
problem-url-malformed = a URL não está bem formada
problem-url-origin = { $origin } não está na lista de origens de mídia desta página (media_origins)
problem-anchors-need-likert = âncoras (anchors) são só para critérios likert
problem-not-a-point = não é um ponto da escala ({ $min } a { $max })
problem-unknown-criterion = não há critério "{ $id }" na rubrica
problem-condition-looks-ahead = "{ $id }" deve vir antes deste critério (as condições só olham para trás)
problem-condition-per-output = "{ $id }" é perguntado por resposta: só critérios por resposta podem depender dele
problem-condition-null = deveria ser uma resposta com que comparar, mas é null
problem-chain-unexpected = esta linha tem chain, mas a primeira avaliação do arquivo não tem: linhas foram adicionadas, removidas ou reordenadas
problem-chain-missing = ausente: as outras linhas têm chain, então esta linha foi adicionada ou teve o chain removido
problem-chain-mismatch = não confere: esta linha foi alterada, ou uma linha anterior foi removida, inserida ou reordenada (esperado { $expected }, encadeado a partir da { $from ->
        [first] primeira linha
       *[previous] linha anterior
    })
problem-replaces = substitui a avaliação do item "{ $item }" feita por "{ $annotator }" { $where ->
        [other] em { $place }
       *[same] na linha { $place }
    }
problem-replaced-by = substituída pela avaliação do item "{ $item }" feita por "{ $annotator }" { $where ->
        [other] em { $place }
       *[same] na linha { $place }
    }, enviada depois

problem-expected-string = uma string
problem-expected-whole-number = um número inteiro
problem-expected-boolean = true ou false
problem-expected-object = um objeto
problem-expected-array = um array
problem-expected-string-array = um array de strings
problem-expected-string-or-number = uma string ou um número
problem-expected-winner = um id de modelo, "tie" ou "both_bad"
problem-expected-turn = um objeto com role e content
problem-expected-turn-array = um array de turnos
problem-expected-output = um objeto com model e content
problem-expected-alpaca-preference = um número (1, 2 ou 1.5)
problem-expected-arena-winner = "model_a", "model_b", "tie" ou "tie (bothbad)"
problem-expected-one-option = uma das opções
problem-expected-option-array = um array de opções
problem-expected-scores-by-model = um objeto com uma chave por modelo (critério por resposta)
problem-expected-content-or-parts = uma string ou uma lista de partes
problem-expected-part-object = um objeto de parte
problem-expected-date = uma data (YYYY-MM-DD)
problem-expected-event = um objeto com date e label

problem-found-null = null
problem-found-boolean = um booleano
problem-found-number = um número
problem-found-string = uma string
problem-found-array = um array
problem-found-object = um objeto
