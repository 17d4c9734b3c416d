# Informe de calidad de Verdict: español (las palabras del informe; los nombres de columna siguen siendo los del CSV).
report-title = Informe de calidad de Verdict
report-heading = Informe de calidad
report-fallback = Este informe no está escrito en «{ $lang }»; se muestra en inglés.
report-intro = { $judgments ->
        [one] 1 valoración
       *[other] { $judgments } valoraciones
    } de { $items ->
        [one] 1 ítem
       *[other] { $items } ítems
    } por { $annotators ->
        [one] 1 anotador
       *[other] { $annotators } anotadores
    } en { $groups ->
        [one] 1 grupo
       *[other] { $groups } grupos
    }; bootstrap con { $resamples } remuestreos, semilla { $seed }.
report-kpi-gold = precisión frente a referencias ≥ { $value }
report-kpi-alpha = α de Krippendorff ≥ { $value }
report-kpi-position = proporción de victorias del primero mostrado entre { $low } y { $high }
report-failing = { $failing } de { $annotators } anotadores y { $groups_failing } de { $groups } grupos no cumplen algún KPI.
report-none = Ninguno.
report-pairwise-note = Porcentaje de acuerdo en { $criterion } entre los { $count } anotadores humanos más activos (ítems compartidos en la información emergente).
report-shared = { $count ->
        [one] 1 ítem compartido
       *[other] { $count } ítems compartidos
    }
report-chart-per-day = Valoraciones por día
report-chart-ratings = Puntuaciones con intervalos del 95 %
report-footer = Generado por Verdict. Las proporciones van de 0 a 1; las celdas vacías son valores no definidos.
report-data = Datos:
report-section-overview = Resumen
report-section-per_day = Valoraciones por día
report-section-agreement = Acuerdo por criterio
report-section-pairwise = Acuerdo por pares
report-section-annotators = Anotadores
report-section-groups = Grupos
report-section-trend = Tendencia semanal
report-section-judges = Jueces LLM frente a la mayoría humana
report-section-leaderboard = Clasificación (Bradley–Terry, escala Elo)
report-section-bias = Sesgos
report-section-disagreements = Cola de desacuerdos
report-section-problems = Problemas
report-section-judge_weeks = Jueces LLM por semana (CUSUM de la tasa de desacuerdo)
report-kpi-rule = Un KPI está por debajo del objetivo solo con al menos { $min } observaciones, un intervalo del 95 % completamente fuera del objetivo y una prueba que se mantiene tras la corrección de Benjamini–Hochberg entre evaluadores (tasa de falsos descubrimientos { $fdr } %); un desvío sin esa evidencia figura como evidencia insuficiente (columna «insufficient»).
report-section-spc_points = Gráfico de control
report-section-spc_signals = Señales
report-section-spc_events = Eventos
report-section-kpi_flags = KPI (intervalo de Wilson, Benjamini–Hochberg)
report-section-strata = Tasas por estrato
report-section-what_changed = Qué cambió
report-section-audit = Decisión de auditoría
report-bh = Se evaluaron { $count } evaluadores o sitios a la vez: un KPI está por debajo del objetivo solo cuando su intervalo de Wilson del 95 % queda por completo bajo el objetivo y una prueba binomial unilateral sigue siendo significativa tras el control de la tasa de falsos descubrimientos de Benjamini–Hochberg al 5 % sobre todos; si no, la evidencia es insuficiente.

## rich (#19: the wellbeing section)
report-section-wellbeing = Bienestar: exposición a elementos sensibles o marcados
report-section-wellbeing_raters = Bienestar por evaluador
report-section-wellbeing_groups = Bienestar por sede
