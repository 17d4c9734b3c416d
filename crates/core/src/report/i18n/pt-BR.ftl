# Relatório de qualidade do Verdict: português do Brasil (as palavras do relatório; os nomes de coluna continuam os do CSV).
report-title = Relatório de qualidade do Verdict
report-heading = Relatório de qualidade
report-fallback = Este relatório não está escrito em “{ $lang }”; ele é exibido em inglês.
report-intro = { $judgments ->
        [one] { $judgments } avaliação
       *[other] { $judgments } avaliações
    } de { $items ->
        [one] { $items } item
       *[other] { $items } itens
    } por { $annotators ->
        [one] { $annotators } anotador
       *[other] { $annotators } anotadores
    } em { $groups ->
        [one] { $groups } grupo
       *[other] { $groups } grupos
    }; bootstrap com { $resamples } reamostragens, semente { $seed }.
report-kpi-gold = acurácia nas referências ≥ { $value }
report-kpi-alpha = α de Krippendorff ≥ { $value }
report-kpi-position = proporção de vitórias do primeiro exibido entre { $low } e { $high }
report-failing = { $failing } de { $annotators } anotadores e { $groups_failing } de { $groups } grupos não atingem algum KPI.
report-none = Nenhum.
report-pairwise-note = Percentual de concordância em { $criterion } entre os { $count } anotadores humanos mais ativos (itens em comum na dica).
report-shared = { $count ->
        [one] { $count } item em comum
       *[other] { $count } itens em comum
    }
report-chart-per-day = Avaliações por dia
report-chart-ratings = Pontuações com intervalos de 95%
report-footer = Gerado pelo Verdict. As proporções vão de 0 a 1; células vazias são valores indefinidos.
report-data = Dados:
report-section-overview = Visão geral
report-section-per_day = Avaliações por dia
report-section-agreement = Concordância por critério
report-section-pairwise = Concordância entre pares
report-section-annotators = Anotadores
report-section-groups = Grupos
report-section-trend = Tendência semanal
report-section-judges = Juízes LLM em comparação com a maioria humana
report-section-leaderboard = Classificação (Bradley–Terry, escala Elo)
report-section-bias = Vieses
report-section-disagreements = Fila de discordâncias
report-section-problems = Problemas
report-section-judge_weeks = Juízes LLM por semana (CUSUM da taxa de discordância)
report-kpi-rule = Um KPI fica abaixo da meta só com pelo menos { $min } observações, um intervalo de 95% inteiramente além da meta e um teste que se mantém após a correção de Benjamini–Hochberg entre avaliadores (taxa de falsas descobertas de { $fdr }%); um desvio sem essa evidência aparece como evidência insuficiente (coluna “insufficient”).
report-section-spc_points = Gráfico de controle
report-section-spc_signals = Sinais
report-section-spc_events = Eventos
report-section-kpi_flags = KPIs (intervalo de Wilson, Benjamini–Hochberg)
report-section-strata = Taxas por estrato
report-section-what_changed = O que mudou
report-section-audit = Decisão da auditoria
report-bh = { $count } avaliadores ou sites foram testados ao mesmo tempo: um KPI fica abaixo da meta só quando seu intervalo de Wilson de 95% está inteiramente abaixo da meta e um teste binomial unilateral continua significativo após o controle da taxa de falsas descobertas de Benjamini–Hochberg a 5% sobre todos; caso contrário, a evidência é insuficiente.

## rich (#19: the wellbeing section)
report-section-wellbeing = Bem-estar: exposição a itens sensíveis ou sinalizados
report-section-wellbeing_raters = Bem-estar por avaliador
report-section-wellbeing_groups = Bem-estar por local
