# Interface do Verdict: português do Brasil.
# Terminologia: item = item, output = resposta, model = modelo, criterion = critério, rubric = rubrica,
# judgment = avaliação, annotator = anotador, gold answer = resposta de referência,
# adjudication = arbitragem, quality workspace = espaço de qualidade.

## Preferences (every page)
prefs-language = Idioma da interface
prefs-theme = Tema de cores
prefs-theme-system = Tema: do sistema
prefs-theme-light = Tema: claro
prefs-theme-dark = Tema: escuro

## Start and setup
app-starting = Iniciando…
app-loading = Carregando { $tasks }…
app-enter-annotator = Digite seu id de anotador e abra a avaliação que você recebeu.
app-locked-failed = Não foi possível abrir esta avaliação. Peça ao responsável pela página que a envie de novo.
app-waiting = Aguardando a página anfitriã enviar uma avaliação…
open-no-items = { $file }: nenhum item pôde ser carregado
open-storage-unavailable = O armazenamento deste navegador não está disponível: { $error }
open-cannot-start = { $file }: a avaliação não pode começar porque { $error }.
setup-tagline = Avalie respostas de LLMs lado a lado. Tudo fica neste navegador.
setup-annotator = Seu id de anotador
setup-annotator-placeholder = ex.: ann-042
setup-annotator-first = Primeiro digite seu id de anotador.
setup-tasks-first = Primeiro escolha um arquivo de tarefas.
setup-default-rubric-name = rubrica padrão
setup-problems = Problemas
setup-linked-title = A avaliação que você recebeu
setup-linked-tasks = Tarefas: { $tasks }
setup-linked-open = Abrir
setup-demos = Experimente uma demonstração
demo-mtbench-pairs-title = Pares do MT-Bench — em pares, às cegas
demo-mtbench-pairs-about = 30 perguntas do MT-Bench (matemática, raciocínio, programação), respondidas por gpt-4 e gpt-4-0125-preview. Dados: FastChat llm_judge (Apache-2.0).
demo-mtbench-ranking-title = MT-Bench — modo de ranking
demo-mtbench-ranking-about = As mesmas 30 perguntas, ordenando as respostas da melhor para a pior. Dados: FastChat llm_judge (Apache-2.0).
demo-alpacaeval-single-title = AlpacaEval — resposta única
demo-alpacaeval-single-about = 805 instruções do AlpacaEval, cada uma com a resposta de um modelo. Dados: respostas de exemplo do alpaca_eval (Apache-2.0).
setup-files-title = Abra seus próprios arquivos
setup-files-hint = Solte aqui um arquivo de tarefas (JSONL ou array JSON) e uma rubrica (JSON), ou escolha-os:
setup-task-file = Arquivo de tarefas
setup-rubric-file = Rubrica
setup-picked = Tarefas: { $tasks } · Rubrica: { $rubric }
setup-picked-none = nenhum
setup-picked-default-rubric = padrão (em pares)
setup-start = Começar a avaliar
setup-quality-title = Espaço de qualidade
setup-quality-about = Para líderes de qualidade: concordância, acurácia nas respostas de referência, KPIs de anotadores e de polos, juízes LLM, ranking, divergências para arbitrar e um relatório.
setup-quality-open = Abrir o espaço de qualidade
setup-attribution = Dados de demonstração: perguntas e respostas de referência do MT-Bench do FastChat llm_judge (Apache-2.0); respostas de exemplo do AlpacaEval do alpaca_eval (Apache-2.0). Avaliações humanas do MT-Bench: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.

## Problems in files (the core's codes)

## Rating page
rating-annotator = anotador { $id }
rating-annotator-title = Anotador
rating-export = Exportar JSONL
rating-export-failed = Falha na exportação: { $error }
rating-copy = Copiar
rating-copied =
    { $count ->
        [one] { $count } avaliação copiada para a área de transferência.
       *[other] { $count } avaliações copiadas para a área de transferência.
    }
rating-copy-refused = O navegador recusou a área de transferência ({ $error }); use Exportar.
rating-switch = Trocar de avaliação
rating-load-problems =
    { $count ->
        [one] { $count } linha de { $file } não pôde ser carregada e foi ignorada
       *[other] { $count } linhas de { $file } não puderam ser carregadas e foram ignoradas
    }
rating-instructions = Instruções
rating-finished-label = Concluído
rating-finished-title = Todos os itens avaliados — obrigado!
rating-finished-saved =
    { $count ->
        [one] { $count } avaliação está salva neste navegador. Exporte-a para entregá-la.
       *[other] { $count } avaliações estão salvas neste navegador. Exporte-as para entregá-las.
    }
rating-finished-revisit = Pressione ← ou o botão abaixo para rever e editar itens.
rating-last-item = ← Último item
rating-download = Baixar minhas avaliações
rating-item-nav = Navegação entre itens
rating-prev = ← Anterior
rating-next = Próximo →
rating-item-position = Item { $position } de { $total } · { $id }
rating-judged-badge = avaliado — editar substitui a avaliação
rating-skip = Pular
rating-flag = Sinalizar como nocivo
rating-details = Detalhes
rating-gold-title = Resposta de referência
rating-gold-none = Este item não tem resposta de referência.
rating-gold-preferred = Preferida: { $preference }
rating-continue = Continuar (Enter)
rating-saving = Salvando…
rating-submit = Enviar
rating-saved-announce = Avaliação salva. { $done } de { $total } itens avaliados.
rating-shortcuts-hint = Pressione ? para ver todos os atalhos
rating-panel = Avaliação
break-title = Hora de uma pausa
break-text = Você está avaliando há { $minutes } minutos. Afaste-se da tela por alguns minutos; seu trabalho está salvo.
break-back = Voltei
progress-label = Itens avaliados
progress-text = { $done } / { $total } concluídos · mediana de { $median } por item
unit-seconds = { $seconds } s

## Item and outputs
item-label = Item
item-sensitive = Este item pode conter conteúdo nocivo ou perturbador.
item-reveal = Mostrar conteúdo (r)
item-prompt = Prompt
item-conversation = Conversa
role-user = usuário
role-assistant = assistente
role-system = sistema
output-label = Resposta { $label }

## Answers
preference-question = Qual resposta é melhor?
preference-label = Preferência
preference-both-bad = Ambas ruins
preference-default-a-better = A é melhor
preference-default-tie = Empate
preference-default-b-better = B é melhor
ranking-question = Ordene as respostas, a melhor primeiro
ranking-hint = { " " }— pressione os números delas em ordem; Backspace desfaz
ranking-label = Ranking
ranking-undo = Desfazer
ranking-all-bad = Todas ruins
ranking-empty = Ainda sem ordem
criterion-for-output = para a resposta { $output }
criterion-several = { " " }(várias)
criterion-required = obrigatório
key-hint = tecla { $key }
answer-yes = Sim
answer-no = Não
text-placeholder = Pressione e para escrever, Esc para sair, Ctrl+Enter para enviar
missing-preference = Escolha qual resposta é melhor.
missing-ranking = Ordene as respostas da melhor para a pior.
missing-criterion = Responda “{ $criterion }”.
missing-criterion-output = Responda “{ $criterion }” para a resposta { $output }.

## Keyboard help
help-title = Atalhos de teclado
help-close = Fechar (?)
help-arrows = As setas têm o mesmo significado em todos os idiomas: → é o próximo item e ← o anterior, também quando a página é lida da direita para a esquerda.
key-or-zero = (ou 0 na preferência)
key-action-0 = Responder a linha ativa (ponto da preferência, nota, opção, próxima resposta no ranking)
key-action-1 = Sim / não numa linha binária
key-action-2 = As duas respostas são ruins
key-action-3 = Próxima linha
key-action-4 = Linha anterior
key-action-5 = Limpar a linha ativa (ranking: desfazer a última escolha)
key-action-6 = Escrever no campo de texto ativo (Esc para sair, Ctrl+Enter envia)
key-action-7 = Enviar a avaliação e ir para o próximo item
key-action-8 = Próximo / anterior item (rever e editar itens anteriores)
key-action-9 = Pular este item por enquanto
key-action-10 = Sinalizar conteúdo nocivo (um item sinalizado pode ser enviado sem terminar)
key-action-11 = Mostrar conteúdo sensível desfocado
key-action-12 = Mostrar ou ocultar esta ajuda
key-action-13 = Sair de um campo de texto; fechar esta ajuda

## Uploads to the collection endpoint
uploads-checking = Verificando envios…
uploads-counts = { $queued } na fila · { $sent } enviadas · { $failed } com falha
uploads-label = Envios
uploads-waiting = Aguardando nova tentativa: { $error }
uploads-refused =
    { $count ->
        [one] { $count } avaliação recusada pelo servidor
       *[other] { $count } avaliações recusadas pelo servidor
    }
uploads-refused-list = Avaliações recusadas
uploads-item = Item { $id }
uploads-retry = Tentar de novo
uploads-retry-item = Tentar de novo o item { $id }
uploads-export-refused = Exportar avaliações recusadas

## Quality workspace
q-adjudication-load-the-task-file-to = Carregue o arquivo de tarefas para ver aqui o prompt e as respostas.
q-adjudication-annotator = Anotador
q-adjudication-group = Grupo
q-adjudication-preferred = Preferida
q-adjudication-scores = Notas
q-adjudication-flags = Sinalizações
q-adjudication-final-answer = Resposta final
q-adjudication-root-cause = Causa raiz{ " " }
q-adjudication-note = Nota{ " " }
q-adjudication-update-adjudication = Atualizar arbitragem
q-adjudication-save-adjudication = Salvar arbitragem
q-adjudication-final-preference = Preferência final
q-adjudication-root-cause-2 = Causa raiz
q-adjudication-note-2 = Nota
q-agreement-majority-of-the-others = maioria dos demais
q-agreement-criterion = Critério
q-agreement-coefficient = Coeficiente
q-agreement-level = Nível
q-agreement-value = Valor
q-agreement-95-ci = IC 95%
q-agreement-band = Faixa
q-agreement-items = Itens
q-agreement-annotators = Anotadores
q-agreement-fewer-than-two-annotators-share = Menos de dois anotadores compartilham itens.
q-agreement-confusion-matrix-on-the-preference = Matriz de confusão da preferência
q-agreement-these-two-share-no-item = Estes dois não compartilham nenhum item da fila de divergências.
q-agreement-agreement = Concordância
q-agreement-pairwise-agreement-between-annotators = Concordância par a par entre anotadores
q-agreement-confusion-matrix-rows-first-annotator = Matriz de confusão (linhas: resposta do primeiro anotador; células: contagens, sombreadas pela proporção da linha)
q-annotators-kpi-thresholds = Limites de KPI
q-annotators-apply-and-save = Aplicar e salvar
q-annotators-pass = aprovado
q-annotators-llm-judge = { " " }(juiz LLM)
q-annotators-groups-sites-vendors = Grupos (polos, fornecedores)
q-annotators-judgments = Avaliações
q-annotators-gold-accuracy = Acurácia nas referências
q-annotators-tie-rate = Taxa de empates
q-annotators-kpis = KPIs
q-annotators-agreement-trend-by-week-agreement = Tendência semanal da concordância (% de concordância na preferência)
q-annotators-annotators-and-sites = Anotadores e polos
q-annotators-weekly-agreement-per-group = Concordância semanal por grupo
q-disagreements-adjudicated = arbitrado
q-disagreements-previous = ← Anterior
q-disagreements-next = Próximo →
q-disagreements-choose-an-item-to-see = Escolha um item para ver a resposta de cada anotador e registrar a final.
q-disagreements-no-adjudication-yet = Nenhuma arbitragem ainda.
q-disagreements-export-adjudications-jsonl = Exportar arbitragens (JSONL)
q-disagreements-export-gold-task-file = Exportar arquivo de tarefas com referências
q-disagreements-disagreements = Divergências
q-disagreements-root-causes-most-frequent-first = Causas raiz, as mais frequentes primeiro
q-disagreements-needs-the-task-file-the = Precisa do arquivo de tarefas: os itens arbitrados são gravados com a referência preenchida
q-judges-no-llm-judge-in-these = Nenhum juiz LLM nestes arquivos (ids de anotador começando com judge:, ou kind "judge").
q-judges-llm-judges-compared-with-the = Juízes LLM comparados com a preferência da maioria humana
q-judges-judge = Juiz
q-judges-items-shared-with-humans = Itens em comum com humanos
q-judges-cohen = κ de Cohen
q-judges-swapped-pairs = Pares invertidos
q-judges-position-consistency = Consistência de posição
q-judges-position-consistency-of-the-comparisons = Consistência de posição: das comparações que o juiz viu nas duas ordens, a proporção em que o veredito não mudou com a ordem (veja docs/METRICS.md).
q-judges-llm-judges = Juízes LLM
q-leaderboard-rank = Posição
q-leaderboard-model = Modelo
q-leaderboard-rating = Pontuação
q-leaderboard-rank-range = Faixa de posições
q-leaderboard-wins = Vitórias
q-leaderboard-losses = Derrotas
q-leaderboard-ties = Empates
q-leaderboard-win-rate = Taxa de vitórias
q-leaderboard-win-rate-of-row-over = Taxa de vitórias da linha sobre a coluna (empates contam metade)
q-leaderboard-bias-diagnostics = Diagnóstico de vieses
q-leaderboard-slices = Recortes
q-leaderboard-one-leaderboard-per = Um ranking por{ " " }
q-leaderboard-computing = Calculando…
q-leaderboard-show-slices = Mostrar recortes
q-leaderboard-meta-fields-need-the-task = campos meta precisam do arquivo de tarefas.
q-leaderboard-no-slice-has-battles = Nenhum recorte tem confrontos.
q-leaderboard-leaderboard = Ranking
q-leaderboard-model-ratings-with-95-confidence = Pontuações dos modelos com intervalos de confiança de 95%
q-leaderboard-win-rate-matrix = Matriz de taxas de vitória
q-leaderboard-slice-by = Recortar por
q-leaderboard-criterion-or-meta-field-e = critério, ou meta.CAMPO (ex.: meta.category)
q-overview-groups = Grupos
q-overview-items-with-2-judgments = Itens com ≥ 2 avaliações
q-overview-judgments-per-day = Avaliações por dia
q-overview-overview = Visão geral
q-quality-quality-workspace = Espaço de qualidade
q-quality-download-report-html = Baixar relatório (HTML)
q-quality-back-to-rating = Voltar a avaliar
q-quality-judgments-one-or-more-jsonl = Avaliações (um ou mais arquivos JSONL)
q-quality-task-file-optional-gold-items = Arquivo de tarefas (opcional: referências, itens)
q-quality-rubric-optional = Rubrica (opcional)
q-quality-analyse = Analisar
q-quality-analyse-the-mt-bench-human = Analisar as avaliações humanas do MT-Bench (demonstração)
q-quality-everything-runs-in-this-browser = Tudo roda neste navegador, em um processo em segundo plano.
q-quality-root-cause-tags-comma-separated = Etiquetas de causa raiz (separadas por vírgula){ " " }
q-quality-tables-as-csv = Tabelas em CSV:{ " " }
q-quality-mt-bench-human-judgments-zheng = Avaliações humanas do MT-Bench: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.
q-quality-analysis-in-progress = Análise em andamento
q-quality-files-to-analyse = Arquivos para analisar
q-quality-views = Visões
q-quality-root-cause-tags = Etiquetas de causa raiz
q-quality-tables-as-csv-2 = Tabelas em CSV
q-tab-overview = Visão geral
q-tab-agreement = Concordância
q-tab-annotators = Anotadores e polos
q-tab-judges = Juízes LLM
q-tab-leaderboard = Ranking
q-tab-disagreements = Divergências
q-choose-judgments = Escolha pelo menos um arquivo de avaliações.
q-status-starting = Iniciando a análise…
q-status-reading = Lendo os arquivos…
q-status-computing = Calculando a concordância, os rankings e a fila de divergências…
q-status-done = Analisado em { $seconds } s
q-adjudication-save-failed = Não foi possível salvar a arbitragem: { $error }
q-adjudication-title = { $id } — { $count ->
        [one] { $count } avaliação
       *[other] { $count } avaliações
    }, divergência { $disagreement }
q-adjudication-output-of = Resposta de { $model }
q-adjudication-saved-at = arbitrado em { $time }
q-agreement-caption = Concordância por critério ({ $resamples } reamostragens bootstrap, IC 95%)
q-agreement-pairwise-title = Concordância par a par em “{ $criterion }” (% dos itens em comum; os { $count } anotadores mais ativos)
q-agreement-shared = { $count } itens em comum · concordância { $agreement }
q-agreement-rows = Linhas:{ " " }
q-agreement-columns = Colunas:{ " " }
q-col-annotator = Anotador
q-col-group = Grupo
q-col-judgments = Avaliações
q-col-median = Tempo mediano
q-col-alpha-delta = α com − sem
q-col-kappa = κ de Cohen médio
q-col-gold = Acurácia nas referências
q-col-position = Vitórias da esquerda
q-col-ties = Taxa de empates
q-col-flags = Taxa de sinalização
q-col-pass = KPIs
q-kpi-gold = Acurácia nas referências ≥
q-kpi-alpha = α do grupo ≥
q-kpi-position = Vitórias da esquerda ≤
q-kpi-fail = reprovado: { $failed }
q-annotators-caption = { $count ->
        [one] { $count } anotador
       *[other] { $count } anotadores
    }
q-disagreements-title = { $count ->
        [one] { $count } item com duas ou mais avaliações, os mais divergentes primeiro
       *[other] { $count } itens com duas ou mais avaliações, os mais divergentes primeiro
    }
q-disagreements-row = { " " }{ $disagreement } · { $count } avaliações
q-disagreements-page = { $first }–{ $last } de { $total }
q-root-causes-title = { $count ->
        [one] Causas raiz de { $count } arbitragem
       *[other] Causas raiz de { $count } arbitragens
    }
q-leaderboard-title = Pontuações Bradley–Terry (escala Elo), IC bootstrap de 95% sobre { $battles } confrontos
q-bias-position = A resposta mostrada primeiro venceu { $wins } de { $decisive } confrontos decididos ({ $share }); teste binomial bilateral p = { $p }
q-bias-ties = Empates: { $ties } · ambas ruins: { $both_bad }
q-bias-length = A resposta mais longa venceu { $wins } de { $decisive } confrontos decididos com comprimentos diferentes ({ $share })
q-bias-length-needs-tasks = O viés de comprimento precisa do arquivo de tarefas (textos das respostas).
q-slice-title = { $name } — { $battles } confrontos
q-slice-chart = Pontuações de { $name }
q-overview-no-dates = Nenhuma avaliação tem data ({ $undated } sem data).
q-overview-undated = { $count ->
        [one] { $count } avaliação não tem data.
       *[other] { $count } avaliações não têm data.
    }
q-overview-problems = { $count ->
        [one] { $count } problema nos arquivos
       *[other] { $count } problemas nos arquivos
    }
q-tab-campaign = Campanha
q-tab-sample-size = Tamanho da amostra
q-quality-campaign-progress = Progresso da campanha

## rich
key-action-14 = Mostrar ou ocultar a ajuda de cada critério
key-action-15 = Fazer uma pausa agora
break-text-any = Afaste-se da tela por alguns minutos; seu trabalho está salvo.
criterion-anchor-hint = { $value }: { $anchor } (tecla { $key })
rating-gold-tie = empate
rating-gold-both-bad = ambas ruins
rating-gold-score-of = { $criterion } ({ $output }): { $value }
content-code = Código { $language }
content-diff-toggle = Mostrar diferenças
content-diff-title = Diferenças entre as respostas
content-diff-truncated = As respostas diferem demais para uma comparação palavra por palavra.
media-kind-image = imagem
media-kind-audio = áudio
media-kind-video = vídeo
media-reveal-image = Mostrar mídia (imagem)
media-reveal-audio = Mostrar mídia (áudio)
media-reveal-video = Mostrar mídia (vídeo)
media-hidden = Oculto pelas suas configurações de visualização.
media-refused = Não exibido: { $reason } ({ $kind }: { $alt })
media-refused-scheme = URLs { $scheme }: não são permitidas: use https://, um caminho neste servidor ou um URI data:
media-refused-type = um URI data: para esta parte deve ser { $expected }/…, encontrado “{ $found }”
media-refused-malformed = a URL não está bem formada
media-refused-origin = { $origin } não está na lista de origens de mídia desta página (media_origins)
viewing-title = Configurações de visualização
viewing-always-blur = Sempre desfocar imagens e vídeos até eu mostrá-los
viewing-greyscale = Mostrar mídia em tons de cinza
viewing-hide = Ocultar mídia até eu pedir
wellbeing-exposure = Conteúdo sensível hoje: { $minutes } min
wellbeing-take-break = Fazer uma pausa
wellbeing-soft-cap = Você atingiu o limite sugerido de conteúdo sensível para hoje. Considere fazer uma pausa.
wellbeing-hard-cap = Sua fila está pausada até amanhã: o limite de conteúdo sensível de hoje foi atingido. Seu líder vê o motivo.
wellbeing-paused = Fila pausada
q-adjudication-reveal = Mostrar conteúdo
q-wellbeing-title = Bem-estar: exposição a itens sensíveis ou sinalizados
q-wellbeing-none = Não há avaliações de anotadores humanos.
q-wellbeing-per-rater = Exposição por anotador
q-wellbeing-per-site = Exposição por polo
q-wellbeing-judged = Avaliados
q-wellbeing-exposing = Itens com exposição
q-wellbeing-minutes = Exposição (min)
q-wellbeing-flags = Sinalizações de conteúdo nocivo
q-wellbeing-busiest = Dia com mais exposição (min)
q-wellbeing-hard-cap = Limite máximo atingido
q-wellbeing-raters = Anotadores
q-wellbeing-per-rater-minutes = Por anotador (min)
q-wellbeing-note = Os minutos são tempo ativo registrado em itens marcados como sensíveis ou sinalizados pelo anotador. Limite máximo: os dias em que a fila do anotador foi pausada.
## lead: KPI verdicts with uncertainty
q-kpi-insufficient = evidência insuficiente: { $kpis }
q-kpi-rule = Um KPI é reprovado só com pelo menos { $min } observações, um intervalo de 95% inteiramente além da meta e um teste que se mantém após a correção de Benjamini–Hochberg entre todos os avaliadores (taxa de falsas descobertas de { $fdr }%). Um desvio sem essa evidência aparece como “evidência insuficiente”.
q-judges-drift = Deriva (CUSUM semanal)
q-judges-weekly-caption = { $judge }: concordância com a maioria humana por semana (semanas em que o CUSUM sinalizou estão marcadas)
q-judges-week = Semana
q-judges-no-drift = nenhuma deriva sinalizada
q-judges-drift-up = a discordância subiu a partir de { $period }
q-judges-drift-down = a discordância caiu a partir de { $period }

## i18n
# Pontuação: depois de um rótulo e entre os itens de uma lista.
label-colon = { ": " }
list-separator = { ", " }
# A página de campanha do anotador: calibração, a barreira e depois a produção.
campaign-loading = Carregando a campanha…
campaign-opening = Abrindo sua fila…
campaign-cannot-open = Não foi possível abrir esta campanha. Confira o link que você recebeu ou fale com seu responsável.
campaign-no-annotator = Este link de campanha não indica o anotador: abra o link que você recebeu (ele termina em &annotator=…).
campaign-attempt = Tentativa { $attempt } de { $allowed }
campaign-calibration-intro = Calibração: avalie estes itens primeiro. Suas respostas são comparadas com as esperadas; a produção é liberada assim que você for aprovado.
campaign-passed = Calibração aprovada: sua fila de produção está aberta.
campaign-failed-title = Calibração ainda não aprovada
campaign-locked-title = Calibração não aprovada
campaign-locked-body = Você usou todas as tentativas permitidas, então a fila de produção continua fechada. Seu responsável recebeu suas respostas e vai entrar em contato.
campaign-accuracy = Você acertou { $accuracy } das respostas esperadas; a nota de aprovação é { $pass }.
campaign-missed = Itens para rever: { $items }
campaign-retakes-left = { $count ->
        [one] Você pode refazer a calibração mais { $count } vez.
       *[other] Você pode refazer a calibração mais { $count } vezes.
    }
campaign-retake = Começar a nova tentativa
campaign-export-hint = Suas avaliações de calibração ficam salvas neste navegador; baixe-as para entregar junto com suas outras avaliações.
campaign-download-calibration = Baixar minhas avaliações de calibração
campaign-download-failed = O download falhou: { $error }
# A aba Campanha do espaço de qualidade.
q-campaign-file = Arquivo da campanha (campaign.json)
q-campaign-tasks-file = O arquivo de tarefas da campanha
q-campaign-compute = Calcular o progresso da campanha
q-campaign-computing = Calculando o progresso em segundo plano…
q-campaign-need-judgments = Escolha primeiro, acima, os arquivos de avaliações (ou a exportação do endpoint).
q-campaign-need-campaign = Escolha o arquivo da campanha e o arquivo de tarefas dela.
q-campaign-raters = Progresso da campanha por anotador
q-campaign-sites = Totais da campanha por unidade
q-campaign-col-rater = Anotador
q-campaign-col-site = Unidade
q-campaign-col-raters = Anotadores
q-campaign-col-assigned = Atribuídos
q-campaign-col-done = Feitos
q-campaign-col-calibration = Calibração
q-campaign-col-retest-pairs = Pares de reteste
q-campaign-col-self-kappa = κ consigo mesmo
q-campaign-col-flip-rate = Taxa de inversão ao trocar a ordem
q-campaign-no-site = (sem unidade)
q-campaign-gate-open = nenhuma
q-campaign-gate-in-progress = em andamento
q-campaign-gate-passed = aprovado
q-campaign-gate-failed = reprovado (pode refazer)
q-campaign-gate-locked = reprovado (bloqueado)
q-campaign-gate-accuracy = { $status } ({ $accuracy })
q-campaign-coverage-label = Cobertura dos itens
q-campaign-coverage = { $items ->
        [one] { $items } item de tarefa
       *[other] { $items } itens de tarefa
    }: { $complete } avaliados por completo, { $partial } em parte, { $untouched } ainda não
q-campaign-pace-label = Ritmo
q-campaign-pace = { $per_day } avaliações por dia nos últimos { $days } dias; faltam { $remaining }; término estimado { $finish }
q-campaign-no-estimate = não há avaliações recentes com horário suficientes para estimar uma data de término
q-campaign-unplanned = { $count ->
        [one] { $count } avaliação não pertence a nenhuma atribuição desta campanha e ficou de fora.
       *[other] { $count } avaliações não pertencem a nenhuma atribuição desta campanha e ficaram de fora.
    }
# A aba Tamanho da amostra.
q-size-question = Pergunta
q-size-metric-alpha = Itens para o IC do α de Krippendorff chegar a uma semiamplitude
q-size-metric-accuracy = Itens de referência para a acurácia ± uma amplitude
q-size-metric-bt = Confrontos para distinguir dois modelos (Bradley–Terry)
q-size-level-nominal = nominal
q-size-level-ordinal = ordinal
q-size-level-interval = intervalar
q-size-categories = Categorias
q-size-raters = Anotadores por item
q-size-alpha = α esperado
q-size-width = Semiamplitude do intervalo de 95%
q-size-accuracy = Acurácia esperada
q-size-elo = Diferença de Elo
q-size-power = Poder
q-size-replications = Simulações por tamanho
q-size-seed = Semente
q-size-compute = Calcular
q-size-computing = Simulando em segundo plano…
q-size-inputs = Entradas usadas
q-size-answer-alpha = { $n ->
        [one] { $n } item dá um IC de 95% de α ± { $width }
       *[other] { $n } itens dão um IC de 95% de α ± { $width }
    }
q-size-answer-accuracy = { $n ->
        [one] { $n } item de referência dá acurácia ± { $width }
       *[other] { $n } itens de referência dão acurácia ± { $width }
    }
q-size-answer-bt = { $n ->
        [one] { $n } confronto distingue os modelos com poder { $power }
       *[other] { $n } confrontos distinguem os modelos com poder { $power }
    }
# A linha de entrada da visão geral: as mesmas contagens do resumo de entrada de cada comando verdict.
q-overview-input = Lido: { $files ->
        [one] { $files } arquivo
       *[other] { $files } arquivos
    }, { $lines ->
        [one] { $lines } linha
       *[other] { $lines } linhas
    }, { $judgments ->
        [one] { $judgments } avaliação
       *[other] { $judgments } avaliações
    }, { $replaced } substituídas, { $skipped } ignoradas, { $problems ->
        [one] { $problems } problema
       *[other] { $problems } problemas
    } (as mesmas contagens do resumo de entrada de cada comando verdict).
q-overview-warnings = { $count ->
        [one] { $count } aviso nos arquivos
       *[other] { $count } avisos nos arquivos
    }
q-leaderboard-not-rated = sem pontuação
q-judges-no-swapped-pairs = sem pares invertidos

## qc
qc-tab-spc = Gráficos de controle
qc-tab-audit = Auditoria
qc-spc = Controle estatístico de processo
qc-metric = Métrica
qc-metric-disagreement = Divergência com os outros anotadores
qc-metric-gold-error = Erro em relação à resposta de referência
qc-metric-handle-time = Tempo de atendimento (segundos)
qc-by = Uma linha por
qc-by-group = Grupo (polo)
qc-by-annotator = Anotador
qc-period = Período
qc-period-week = Semana ISO
qc-period-day = Dia
qc-chart = Gráfico
qc-rules = Regras de sequência
qc-rules-limits-only = Só os limites
qc-baseline-from = Linha de base de (fase II)
qc-baseline-to = Linha de base até
qc-include-judges = Incluir juízes LLM
qc-events = eventos
qc-events-label = Eventos (data,rótulo por linha, ou linhas JSON)
qc-events-file = Ou carregue um arquivo de eventos
qc-strata-rows = Linhas dos estratos (group, annotator ou meta.CAMPO)
qc-strata-columns = Colunas dos estratos (all, group, annotator ou meta.CAMPO)
qc-before-from = Comparar: primeiro período de
qc-before-to = Primeiro período até
qc-after-from = Segundo período de
qc-after-to = Segundo período até
qc-draw = Desenhar os gráficos
qc-computing = Calculando os gráficos
qc-no-chart = Sem gráfico: { $reason }
qc-phase = Fase { $phase }: limites a partir de { $subgroups } subgrupos, linha central { $centre }
qc-chart-title = Gráfico { $chart } de { $key }
qc-signal = sinal
qc-signals-caption = { $count ->
        [one] { $count } sinal
       *[other] { $count } sinais
    }
qc-key = Polo ou anotador
qc-rule = Regra
qc-value = Valor
qc-lcl = Limite inferior
qc-ucl = Limite superior
qc-kpi-caption = Proporção de avaliações sem defeito frente à meta { $target } (só sinalizado com n ≥ { $min })
qc-kpi-share = Proporção
qc-interval = Intervalo de Wilson de 95%
qc-q-value = q (BH)
qc-status = Situação
qc-status-below = Abaixo da meta
qc-status-meets = Atinge a meta
qc-status-insufficient = Evidência insuficiente
qc-bh-statement = { $count ->
        [one] Um anotador ou polo foi testado; para sinalizá-lo, o intervalo de 95% precisa ficar inteiro abaixo da meta e um teste binomial unilateral precisa ser significativo após o controle da taxa de falsas descobertas de Benjamini–Hochberg a 5%.
       *[other] { $count } anotadores ou polos foram testados ao mesmo tempo; para sinalizar um deles, o intervalo de 95% precisa ficar inteiro abaixo da meta e um teste binomial unilateral precisa ser significativo após o controle da taxa de falsas descobertas de Benjamini–Hochberg a 5% sobre todos.
    }
qc-strata-title = Taxa por estrato (com defeito / comparadas)
qc-changed-caption = O que mudou de { $before } ({ $from }) para { $after } ({ $to }), estratos por contribuição
qc-stratum = Estrato
qc-before = Primeiro período
qc-after = Segundo período
qc-contribution = Contribuição
qc-test = Teste
qc-audit = Auditoria por amostragem de aceitação
qc-lot = Tamanho do lote
qc-aql = NQA (%)
qc-level = Nível de inspeção
qc-inspection = Inspeção
qc-inspection-normal = normal
qc-inspection-tightened = severa
qc-inspection-reduced = atenuada
qc-ltpd = LTPD (%) para um plano sob medida
qc-alpha = Risco do produtor α
qc-beta = Risco do consumidor β
qc-plan = Mostrar o plano
qc-qa-judgments = Avaliações de controle de qualidade da amostra
qc-state-file = Estado de comutação (opcional)
qc-defect-flag = Marcador de defeito
qc-decide = Decidir o lote
qc-plan-iso = Letra-código ISO 2859-1 { $letter }: inspecionar n = { $n }, aceitar com ≤ { $ac } defeitos, rejeitar com ≥ { $re }
qc-plan-custom = Plano sob medida: inspecionar n = { $n }, aceitar com ≤ { $c } defeitos
qc-inspect-all = A amostra é pelo menos o lote: inspecione todos os itens.
qc-oc-title = Curva característica de operação: probabilidade de aceitar um lote conforme a taxa de defeitos
qc-accept = Aceitar o lote
qc-reject = Rejeitar o lote
qc-defects = { $defects } com defeito de { $inspected } inspecionados
qc-rate = Taxa de defeitos { $rate }, intervalo de Clopper–Pearson de 95% { $interval }
qc-next-inspection = Próximo lote: inspeção { $inspection } (pontuação de comutação { $score })
qc-events-placeholder = date,label — um evento por linha, p. ex. 2026-11-30,guideline v3

## stream
rating-loading-items = Carregando o arquivo de tarefas: { $percent } % lido, { $items } itens até agora. Você pode avaliar enquanto ele carrega.
rating-loading-items-unknown = Carregando o arquivo de tarefas: { $items } itens até agora. Você pode avaliar enquanto ele carrega.

## workspace
q-leaderboard-matrix-top = Os { $shown } modelos com maior pontuação de { $total } (as tabelas CSV trazem todos).
