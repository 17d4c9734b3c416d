# Interfaz de Verdict: español.
# Terminología: item = ítem, output = respuesta, model = modelo, criterion = criterio, rubric = rúbrica,
# judgment = valoración, annotator = anotador, gold answer = respuesta de referencia,
# adjudication = resolución, quality workspace = espacio de calidad.

## Preferences (every page)
prefs-language = Idioma de la interfaz
prefs-theme = Tema de color
prefs-theme-system = Tema: el del sistema
prefs-theme-light = Tema: claro
prefs-theme-dark = Tema: oscuro

## Start and setup
app-starting = Iniciando…
app-loading = Cargando { $tasks }…
app-enter-annotator = Escribe tu id de anotador y abre la evaluación que te enviaron.
app-locked-failed = No se pudo abrir esta evaluación. Pide al responsable de la página que la envíe de nuevo.
app-waiting = Esperando a que la página anfitriona envíe una evaluación…
open-no-items = { $file }: no se pudo cargar ningún ítem
open-storage-unavailable = El almacenamiento de este navegador no está disponible: { $error }
open-cannot-start = { $file }: la evaluación no puede empezar porque { $error }.
setup-tagline = Valora respuestas de LLM lado a lado. Todo se queda en este navegador.
setup-annotator = Tu id de anotador
setup-annotator-placeholder = p. ej., ann-042
setup-annotator-first = Primero escribe tu id de anotador.
setup-tasks-first = Primero elige un archivo de tareas.
setup-default-rubric-name = rúbrica predeterminada
setup-problems = Problemas
setup-linked-title = La evaluación que te enviaron
setup-linked-tasks = Tareas: { $tasks }
setup-linked-open = Abrirla
setup-demos = Prueba una demostración
demo-mtbench-pairs-title = Pares de MT-Bench — por pares, a ciegas
demo-mtbench-pairs-about = 30 preguntas de MT-Bench (matemáticas, razonamiento, programación), respondidas por gpt-4 y gpt-4-0125-preview. Datos: FastChat llm_judge (Apache-2.0).
demo-mtbench-ranking-title = MT-Bench — modo de clasificación
demo-mtbench-ranking-about = Las mismas 30 preguntas, ordenando las respuestas de mejor a peor. Datos: FastChat llm_judge (Apache-2.0).
demo-alpacaeval-single-title = AlpacaEval — una sola respuesta
demo-alpacaeval-single-about = 805 instrucciones de AlpacaEval con la respuesta de un modelo cada una. Datos: respuestas de ejemplo de alpaca_eval (Apache-2.0).
setup-files-title = Abre tus propios archivos
setup-files-hint = Suelta aquí un archivo de tareas (JSONL o arreglo JSON) y una rúbrica (JSON), o elígelos:
setup-task-file = Archivo de tareas
setup-rubric-file = Rúbrica
setup-picked = Tareas: { $tasks } · Rúbrica: { $rubric }
setup-picked-none = ninguno
setup-picked-default-rubric = predeterminada (por pares)
setup-start = Empezar a valorar
setup-quality-title = Espacio de calidad
setup-quality-about = Para responsables de calidad: acuerdo, precisión frente a referencias, KPI por anotador y por sede, jueces LLM, clasificación, desacuerdos por resolver y un informe.
setup-quality-open = Abrir el espacio de calidad
setup-attribution = Datos de demostración: preguntas y respuestas de referencia de MT-Bench de FastChat llm_judge (Apache-2.0); respuestas de ejemplo de AlpacaEval de alpaca_eval (Apache-2.0). Valoraciones humanas de MT-Bench: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.

## Problems in files (the core's codes)

## Rating page
rating-annotator = anotador { $id }
rating-annotator-title = Anotador
rating-export = Exportar JSONL
rating-export-failed = La exportación falló: { $error }
rating-copy = Copiar
rating-copied =
    { $count ->
        [one] Se copió 1 valoración al portapapeles.
       *[other] Se copiaron { $count } valoraciones al portapapeles.
    }
rating-copy-refused = El navegador rechazó el portapapeles ({ $error }); usa Exportar.
rating-switch = Cambiar de evaluación
rating-load-problems =
    { $count ->
        [one] 1 línea de { $file } no se pudo cargar y se omitió
       *[other] { $count } líneas de { $file } no se pudieron cargar y se omitieron
    }
rating-instructions = Instrucciones
rating-finished-label = Terminado
rating-finished-title = Todos los ítems están valorados. ¡Gracias!
rating-finished-saved =
    { $count ->
        [one] 1 valoración está guardada en este navegador. Expórtala para entregarla.
       *[other] { $count } valoraciones están guardadas en este navegador. Expórtalas para entregarlas.
    }
rating-finished-revisit = Pulsa ← o el botón de abajo para volver a los ítems y editarlos.
rating-last-item = ← Último ítem
rating-download = Descargar mis valoraciones
rating-item-nav = Navegación entre ítems
rating-prev = ← Anterior
rating-next = Siguiente →
rating-item-position = Ítem { $position } de { $total } · { $id }
rating-judged-badge = valorado: editarlo reemplaza la valoración
rating-skip = Omitir
rating-flag = Marcar como dañino
rating-details = Detalles
rating-gold-title = Respuesta de referencia
rating-gold-none = Este ítem no tiene respuesta de referencia.
rating-gold-preferred = Preferida: { $preference }
rating-continue = Continuar (Enter)
rating-saving = Guardando…
rating-submit = Enviar
rating-saved-announce = Valoración guardada. { $done } de { $total } ítems valorados.
rating-shortcuts-hint = Pulsa ? para ver todos los atajos
rating-panel = Valoración
break-title = Hora de un descanso
break-text = Llevas { $minutes } minutos valorando. Aléjate de la pantalla unos minutos; tu trabajo está guardado.
break-back = Ya volví
progress-label = Ítems valorados
progress-text = { $done } / { $total } hechos · mediana de { $median } por ítem
unit-seconds = { $seconds } s

## Item and outputs
item-label = Ítem
item-sensitive = Este ítem puede contener contenido dañino o perturbador.
item-reveal = Mostrar contenido (r)
item-prompt = Instrucción
item-conversation = Conversación
role-user = usuario
role-assistant = asistente
role-system = sistema
output-label = Respuesta { $label }

## Answers
preference-question = ¿Qué respuesta es mejor?
preference-label = Preferencia
preference-both-bad = Ambas malas
preference-default-a-better = A es mejor
preference-default-tie = Empate
preference-default-b-better = B es mejor
ranking-question = Ordena las respuestas, la mejor primero
ranking-hint = { " " }— pulsa sus números en orden; Retroceso deshace
ranking-label = Clasificación
ranking-undo = Deshacer
ranking-all-bad = Todas malas
ranking-empty = Aún sin ordenar
criterion-for-output = para la respuesta { $output }
criterion-several = { " " }(varias)
criterion-required = obligatorio
key-hint = tecla { $key }
answer-yes = Sí
answer-no = No
text-placeholder = Pulsa e para escribir, Esc para salir, Ctrl+Enter para enviar
missing-preference = Elige qué respuesta es mejor.
missing-ranking = Ordena las respuestas de mejor a peor.
missing-criterion = Responde «{ $criterion }».
missing-criterion-output = Responde «{ $criterion }» para la respuesta { $output }.

## Keyboard help
help-title = Atajos de teclado
help-close = Cerrar (?)
help-arrows = Las flechas significan lo mismo en todos los idiomas: → es el ítem siguiente y ← el anterior, también cuando la página se lee de derecha a izquierda.
key-or-zero = (o 0 en la preferencia)
key-action-0 = Responder la fila activa (punto de preferencia, puntuación, opción, siguiente respuesta en la clasificación)
key-action-1 = Sí / no en una fila binaria
key-action-2 = Ambas respuestas son malas
key-action-3 = Fila siguiente
key-action-4 = Fila anterior
key-action-5 = Borrar la fila activa (clasificación: deshacer la última elección)
key-action-6 = Escribir en el campo de texto activo (Esc para salir, Ctrl+Enter envía)
key-action-7 = Enviar la valoración e ir al ítem siguiente
key-action-8 = Ítem siguiente / anterior (volver a ítems pasados y editarlos)
key-action-9 = Omitir este ítem por ahora
key-action-10 = Marcar contenido dañino (un ítem marcado puede enviarse sin terminar)
key-action-11 = Mostrar contenido sensible difuminado
key-action-12 = Mostrar u ocultar esta ayuda
key-action-13 = Salir de un campo de texto; cerrar esta ayuda

## Uploads to the collection endpoint
uploads-checking = Comprobando envíos…
uploads-counts = { $queued } en cola · { $sent } enviadas · { $failed } fallidas
uploads-label = Envíos
uploads-waiting = Esperando para reintentar: { $error }
uploads-refused =
    { $count ->
        [one] 1 valoración rechazada por el servidor
       *[other] { $count } valoraciones rechazadas por el servidor
    }
uploads-refused-list = Valoraciones rechazadas
uploads-item = Ítem { $id }
uploads-retry = Reintentar
uploads-retry-item = Reintentar el ítem { $id }
uploads-export-refused = Exportar valoraciones rechazadas

## Quality workspace
q-adjudication-load-the-task-file-to = Carga el archivo de tareas para ver aquí la instrucción y las respuestas.
q-adjudication-annotator = Anotador
q-adjudication-group = Grupo
q-adjudication-preferred = Preferida
q-adjudication-scores = Puntuaciones
q-adjudication-flags = Marcas
q-adjudication-final-answer = Respuesta final
q-adjudication-root-cause = Causa raíz{ " " }
q-adjudication-note = Nota{ " " }
q-adjudication-update-adjudication = Actualizar la resolución
q-adjudication-save-adjudication = Guardar la resolución
q-adjudication-final-preference = Preferencia final
q-adjudication-root-cause-2 = Causa raíz
q-adjudication-note-2 = Nota
q-agreement-majority-of-the-others = mayoría de los demás
q-agreement-criterion = Criterio
q-agreement-coefficient = Coeficiente
q-agreement-level = Nivel
q-agreement-value = Valor
q-agreement-95-ci = IC 95 %
q-agreement-band = Banda
q-agreement-items = Ítems
q-agreement-annotators = Anotadores
q-agreement-fewer-than-two-annotators-share = Menos de dos anotadores comparten ítems.
q-agreement-confusion-matrix-on-the-preference = Matriz de confusión de la preferencia
q-agreement-these-two-share-no-item = Estos dos no comparten ningún ítem de la cola de desacuerdos.
q-agreement-agreement = Acuerdo
q-agreement-pairwise-agreement-between-annotators = Acuerdo por pares entre anotadores
q-agreement-confusion-matrix-rows-first-annotator = Matriz de confusión (filas: respuesta del primer anotador; celdas: recuentos, sombreadas según la proporción de la fila)
q-annotators-kpi-thresholds = Umbrales de KPI
q-annotators-apply-and-save = Aplicar y guardar
q-annotators-pass = cumple
q-annotators-llm-judge = { " " }(juez LLM)
q-annotators-groups-sites-vendors = Grupos (sedes, proveedores)
q-annotators-judgments = Valoraciones
q-annotators-gold-accuracy = Precisión frente a referencias
q-annotators-tie-rate = Tasa de empates
q-annotators-kpis = KPI
q-annotators-agreement-trend-by-week-agreement = Tendencia semanal del acuerdo (% de acuerdo en la preferencia)
q-annotators-annotators-and-sites = Anotadores y sedes
q-annotators-weekly-agreement-per-group = Acuerdo semanal por grupo
q-disagreements-adjudicated = resuelto
q-disagreements-previous = ← Anterior
q-disagreements-next = Siguiente →
q-disagreements-choose-an-item-to-see = Elige un ítem para ver la respuesta de cada anotador y registrar la final.
q-disagreements-no-adjudication-yet = Todavía no hay resoluciones.
q-disagreements-export-adjudications-jsonl = Exportar resoluciones (JSONL)
q-disagreements-export-gold-task-file = Exportar archivo de tareas con referencias
q-disagreements-disagreements = Desacuerdos
q-disagreements-root-causes-most-frequent-first = Causas raíz, las más frecuentes primero
q-disagreements-needs-the-task-file-the = Necesita el archivo de tareas: los ítems resueltos se escriben con la referencia completada
q-judges-no-llm-judge-in-these = No hay jueces LLM en estos archivos (ids de anotador que empiezan por judge:, o kind "judge").
q-judges-llm-judges-compared-with-the = Jueces LLM comparados con la preferencia de la mayoría humana
q-judges-judge = Juez
q-judges-items-shared-with-humans = Ítems compartidos con humanos
q-judges-cohen = κ de Cohen
q-judges-swapped-pairs = Pares invertidos
q-judges-position-consistency = Consistencia posicional
q-judges-position-consistency-of-the-comparisons = Consistencia posicional: de las comparaciones que el juez vio en ambos órdenes, la proporción en que su veredicto no cambió con el orden (ver docs/METRICS.md).
q-judges-llm-judges = Jueces LLM
q-leaderboard-rank = Puesto
q-leaderboard-model = Modelo
q-leaderboard-rating = Puntuación
q-leaderboard-rank-range = Rango de puestos
q-leaderboard-wins = Victorias
q-leaderboard-losses = Derrotas
q-leaderboard-ties = Empates
q-leaderboard-win-rate = Tasa de victorias
q-leaderboard-win-rate-of-row-over = Tasa de victorias de la fila sobre la columna (los empates cuentan la mitad)
q-leaderboard-bias-diagnostics = Diagnóstico de sesgos
q-leaderboard-slices = Segmentos
q-leaderboard-one-leaderboard-per = Una clasificación por{ " " }
q-leaderboard-computing = Calculando…
q-leaderboard-show-slices = Mostrar segmentos
q-leaderboard-meta-fields-need-the-task = los campos meta necesitan el archivo de tareas.
q-leaderboard-no-slice-has-battles = Ningún segmento tiene enfrentamientos.
q-leaderboard-leaderboard = Clasificación
q-leaderboard-model-ratings-with-95-confidence = Puntuaciones de los modelos con intervalos de confianza del 95 %
q-leaderboard-win-rate-matrix = Matriz de tasas de victoria
q-leaderboard-slice-by = Segmentar por
q-leaderboard-criterion-or-meta-field-e = criterio, o meta.CAMPO (p. ej., meta.category)
q-overview-groups = Grupos
q-overview-items-with-2-judgments = Ítems con ≥ 2 valoraciones
q-overview-judgments-per-day = Valoraciones por día
q-overview-overview = Resumen
q-quality-quality-workspace = Espacio de calidad
q-quality-download-report-html = Descargar informe (HTML)
q-quality-back-to-rating = Volver a valorar
q-quality-judgments-one-or-more-jsonl = Valoraciones (uno o más archivos JSONL)
q-quality-task-file-optional-gold-items = Archivo de tareas (opcional: referencias, ítems)
q-quality-rubric-optional = Rúbrica (opcional)
q-quality-analyse = Analizar
q-quality-analyse-the-mt-bench-human = Analizar las valoraciones humanas de MT-Bench (demostración)
q-quality-everything-runs-in-this-browser = Todo se ejecuta en este navegador, en un proceso en segundo plano.
q-quality-root-cause-tags-comma-separated = Etiquetas de causa raíz (separadas por comas){ " " }
q-quality-tables-as-csv = Tablas en CSV:{ " " }
q-quality-mt-bench-human-judgments-zheng = Valoraciones humanas de MT-Bench: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.
q-quality-analysis-in-progress = Análisis en curso
q-quality-files-to-analyse = Archivos para analizar
q-quality-views = Vistas
q-quality-root-cause-tags = Etiquetas de causa raíz
q-quality-tables-as-csv-2 = Tablas en CSV
q-tab-overview = Resumen
q-tab-agreement = Acuerdo
q-tab-annotators = Anotadores y sedes
q-tab-judges = Jueces LLM
q-tab-leaderboard = Clasificación
q-tab-disagreements = Desacuerdos
q-choose-judgments = Elige al menos un archivo de valoraciones.
q-status-starting = Iniciando el análisis…
q-status-reading = Leyendo los archivos…
q-status-computing = Calculando el acuerdo, las clasificaciones y la cola de desacuerdos…
q-status-done = Analizado en { $seconds } s
q-adjudication-save-failed = No se pudo guardar la resolución: { $error }
q-adjudication-title = { $id } — { $count ->
        [one] 1 valoración
       *[other] { $count } valoraciones
    }, desacuerdo { $disagreement }
q-adjudication-output-of = Respuesta de { $model }
q-adjudication-saved-at = resuelto { $time }
q-agreement-caption = Acuerdo por criterio ({ $resamples } remuestreos bootstrap, IC 95 %)
q-agreement-pairwise-title = Acuerdo por pares en «{ $criterion }» (% de ítems compartidos; los { $count } anotadores más activos)
q-agreement-shared = { $count } ítems compartidos · acuerdo { $agreement }
q-agreement-rows = Filas:{ " " }
q-agreement-columns = Columnas:{ " " }
q-col-annotator = Anotador
q-col-group = Grupo
q-col-judgments = Valoraciones
q-col-median = Tiempo mediano
q-col-alpha-delta = α con − sin
q-col-kappa = κ de Cohen media
q-col-gold = Precisión frente a referencias
q-col-position = Proporción de victorias a la izquierda
q-col-ties = Tasa de empates
q-col-flags = Tasa de marcas
q-col-pass = KPI
q-kpi-gold = Precisión frente a referencias ≥
q-kpi-alpha = α del grupo ≥
q-kpi-position = Proporción de victorias a la izquierda ≤
q-kpi-fail = no cumple: { $failed }
q-annotators-caption = { $count ->
        [one] 1 anotador
       *[other] { $count } anotadores
    }
q-disagreements-title = { $count ->
        [one] 1 ítem con dos o más valoraciones
       *[other] { $count } ítems con dos o más valoraciones, los más disputados primero
    }
q-disagreements-row = { " " }{ $disagreement } · { $count } valoraciones
q-disagreements-page = { $first }–{ $last } de { $total }
q-root-causes-title = { $count ->
        [one] Causas raíz de 1 resolución
       *[other] Causas raíz de { $count } resoluciones
    }
q-leaderboard-title = Puntuaciones Bradley–Terry (escala Elo), IC bootstrap del 95 % sobre { $battles } enfrentamientos
q-bias-position = La respuesta mostrada primero ganó { $wins } de { $decisive } enfrentamientos decididos ({ $share }); prueba binomial bilateral p = { $p }
q-bias-ties = Empates: { $ties } · ambas malas: { $both_bad }
q-bias-length = La respuesta más larga ganó { $wins } de { $decisive } enfrentamientos decididos con longitudes distintas ({ $share })
q-bias-length-needs-tasks = El sesgo de longitud necesita el archivo de tareas (textos de las respuestas).
q-slice-title = { $name } — { $battles } enfrentamientos
q-slice-chart = Puntuaciones de { $name }
q-overview-no-dates = Ninguna valoración tiene fecha ({ $undated } sin fecha).
q-overview-undated = { $count ->
        [one] 1 valoración no tiene fecha.
       *[other] { $count } valoraciones no tienen fecha.
    }
q-overview-problems = { $count ->
        [one] 1 problema en los archivos
       *[other] { $count } problemas en los archivos
    }
q-tab-campaign = Campaña
q-tab-sample-size = Tamaño de muestra
q-quality-campaign-progress = Progreso de la campaña

## rich
key-action-14 = Mostrar u ocultar la ayuda de cada criterio
key-action-15 = Tomar un descanso ahora
break-text-any = Aléjate de la pantalla unos minutos; tu trabajo está guardado.
criterion-anchor-hint = { $value }: { $anchor } (tecla { $key })
rating-gold-tie = empate
rating-gold-both-bad = ambas malas
rating-gold-score-of = { $criterion } ({ $output }): { $value }
content-code = Código { $language }
content-diff-toggle = Mostrar diferencias
content-diff-title = Diferencias entre las respuestas
content-diff-truncated = Las respuestas difieren demasiado para compararlas palabra por palabra.
media-kind-image = imagen
media-kind-audio = audio
media-kind-video = vídeo
media-reveal-image = Mostrar multimedia (imagen)
media-reveal-audio = Mostrar multimedia (audio)
media-reveal-video = Mostrar multimedia (vídeo)
media-hidden = Oculto por tu configuración de visualización.
media-refused = No se muestra: { $reason } ({ $kind }: { $alt })
media-refused-scheme = las URL { $scheme }: no están permitidas: usa https://, una ruta de este servidor o un URI data:
media-refused-type = un URI data: para esta parte debe ser { $expected }/…; se encontró «{ $found }»
media-refused-malformed = la URL no está bien formada
media-refused-origin = { $origin } no está en la lista de orígenes multimedia de esta página (media_origins)
viewing-title = Configuración de visualización
viewing-always-blur = Difuminar siempre imágenes y vídeos hasta que los muestre
viewing-greyscale = Mostrar el contenido multimedia en escala de grises
viewing-hide = Ocultar el contenido multimedia hasta que lo pida
wellbeing-exposure = Contenido sensible hoy: { $minutes } min
wellbeing-take-break = Tomar un descanso
wellbeing-soft-cap = Has alcanzado el límite sugerido de contenido sensible para hoy. Considera tomar un descanso.
wellbeing-hard-cap = Tu cola está en pausa hasta mañana: se alcanzó el límite de contenido sensible de hoy. Tu responsable ve el motivo.
wellbeing-paused = Cola en pausa
q-adjudication-reveal = Mostrar contenido
q-wellbeing-title = Bienestar: exposición a ítems sensibles o marcados
q-wellbeing-none = No hay valoraciones de anotadores humanos.
q-wellbeing-per-rater = Exposición por anotador
q-wellbeing-per-site = Exposición por sede
q-wellbeing-judged = Valorados
q-wellbeing-exposing = Ítems con exposición
q-wellbeing-minutes = Exposición (min)
q-wellbeing-flags = Marcas de contenido dañino
q-wellbeing-busiest = Día con más exposición (min)
q-wellbeing-hard-cap = Límite máximo alcanzado
q-wellbeing-raters = Anotadores
q-wellbeing-per-rater-minutes = Por anotador (min)
q-wellbeing-note = Los minutos son tiempo activo registrado en ítems marcados como sensibles o marcados por el anotador. Límite máximo: los días en que la cola del anotador se pausó.
## lead: KPI verdicts with uncertainty
q-kpi-insufficient = evidencia insuficiente: { $kpis }
q-kpi-rule = Un KPI no se cumple solo con al menos { $min } observaciones, un intervalo del 95 % completamente fuera del objetivo y una prueba que se mantiene tras la corrección de Benjamini–Hochberg entre todos los evaluadores (tasa de falsos descubrimientos { $fdr } %). Un desvío sin esa evidencia se muestra como «evidencia insuficiente».
q-judges-drift = Deriva (CUSUM semanal)
q-judges-weekly-caption = { $judge }: acuerdo con la mayoría humana por semana (se marcan las semanas en que el CUSUM dio señal)
q-judges-week = Semana
q-judges-no-drift = sin deriva detectada
q-judges-drift-up = el desacuerdo subió desde { $period }
q-judges-drift-down = el desacuerdo bajó desde { $period }

## i18n
# Puntuación: tras una etiqueta y entre los elementos de una lista.
label-colon = { ": " }
list-separator = { ", " }
# La página de campaña del anotador: calibración, la puerta y luego producción.
campaign-loading = Cargando la campaña…
campaign-opening = Abriendo tu cola…
campaign-cannot-open = No se pudo abrir esta campaña. Revisa el enlace que te enviaron o consulta a tu responsable.
campaign-no-annotator = Este enlace de campaña no indica anotador: abre el enlace que te enviaron (termina en &annotator=…).
campaign-attempt = Intento { $attempt } de { $allowed }
campaign-calibration-intro = Calibración: valora primero estos ítems. Tus respuestas se comparan con las esperadas; la producción se abre en cuanto apruebes.
campaign-passed = Calibración aprobada: tu cola de producción está abierta.
campaign-failed-title = Calibración aún no aprobada
campaign-locked-title = Calibración no aprobada
campaign-locked-body = Has usado todos los intentos permitidos, así que la cola de producción sigue cerrada. Tu responsable ya tiene tus respuestas y se pondrá en contacto contigo.
campaign-accuracy = Coincidiste con el { $accuracy } de las respuestas esperadas; el aprobado está en { $pass }.
campaign-missed = Ítems para revisar de nuevo: { $items }
campaign-retakes-left = { $count ->
        [one] Puedes repetir la calibración una vez más.
       *[other] Puedes repetir la calibración { $count } veces más.
    }
campaign-retake = Empezar la repetición
campaign-export-hint = Tus valoraciones de calibración quedan guardadas en este navegador; descárgalas para entregarlas junto con tus demás valoraciones.
campaign-download-calibration = Descargar mis valoraciones de calibración
campaign-download-failed = La descarga falló: { $error }
# La pestaña Campaña del espacio de calidad.
q-campaign-file = Archivo de campaña (campaign.json)
q-campaign-tasks-file = El archivo de tareas de la campaña
q-campaign-compute = Calcular el progreso de la campaña
q-campaign-computing = Calculando el progreso en segundo plano…
q-campaign-need-judgments = Elige primero arriba los archivos de valoraciones (o la exportación del endpoint).
q-campaign-need-campaign = Elige el archivo de campaña y su archivo de tareas.
q-campaign-raters = Progreso de la campaña por anotador
q-campaign-sites = Totales de la campaña por sede
q-campaign-col-rater = Anotador
q-campaign-col-site = Sede
q-campaign-col-raters = Anotadores
q-campaign-col-assigned = Asignados
q-campaign-col-done = Hechos
q-campaign-col-calibration = Calibración
q-campaign-col-retest-pairs = Pares de retest
q-campaign-col-self-kappa = κ consigo mismo
q-campaign-col-flip-rate = Tasa de cambio al invertir el orden
q-campaign-no-site = (sin sede)
q-campaign-gate-open = ninguna
q-campaign-gate-in-progress = en curso
q-campaign-gate-passed = aprobada
q-campaign-gate-failed = no aprobada (puede repetir)
q-campaign-gate-locked = no aprobada (bloqueada)
q-campaign-gate-accuracy = { $status } ({ $accuracy })
q-campaign-coverage-label = Cobertura de ítems
q-campaign-coverage = { $items ->
        [one] 1 ítem de tareas
       *[other] { $items } ítems de tareas
    }: { $complete } valorados del todo, { $partial } en parte, { $untouched } todavía no
q-campaign-pace-label = Ritmo
q-campaign-pace = { $per_day } valoraciones al día en los últimos { $days } días; faltan { $remaining }; fin estimado { $finish }
q-campaign-no-estimate = no hay suficientes valoraciones recientes con hora para estimar una fecha de fin
q-campaign-unplanned = { $count ->
        [one] 1 valoración no pertenece a ninguna asignación de esta campaña y se dejó fuera.
       *[other] { $count } valoraciones no pertenecen a ninguna asignación de esta campaña y se dejaron fuera.
    }
# La pestaña Tamaño de muestra.
q-size-question = Pregunta
q-size-metric-alpha = Ítems para que el IC de α de Krippendorff tenga una semiamplitud dada
q-size-metric-accuracy = Ítems de referencia para la precisión ± una amplitud
q-size-metric-bt = Enfrentamientos para distinguir dos modelos (Bradley–Terry)
q-size-level-nominal = nominal
q-size-level-ordinal = ordinal
q-size-level-interval = de intervalo
q-size-categories = Categorías
q-size-raters = Anotadores por ítem
q-size-alpha = α esperado
q-size-width = Semiamplitud del intervalo del 95 %
q-size-accuracy = Precisión esperada
q-size-elo = Diferencia de Elo
q-size-power = Potencia
q-size-replications = Simulaciones por tamaño
q-size-seed = Semilla
q-size-compute = Calcular
q-size-computing = Simulando en segundo plano…
q-size-inputs = Datos usados
q-size-answer-alpha = { $n ->
        [one] 1 ítem da un IC del 95 % de α ± { $width }
       *[other] { $n } ítems dan un IC del 95 % de α ± { $width }
    }
q-size-answer-accuracy = { $n ->
        [one] 1 ítem de referencia da una precisión ± { $width }
       *[other] { $n } ítems de referencia dan una precisión ± { $width }
    }
q-size-answer-bt = { $n ->
        [one] 1 enfrentamiento distingue los modelos con potencia { $power }
       *[other] { $n } enfrentamientos distinguen los modelos con potencia { $power }
    }
# La línea de entrada del resumen: los mismos recuentos que el resumen de entrada de cada orden de verdict.
q-overview-input = Leído: { $files ->
        [one] 1 archivo
       *[other] { $files } archivos
    }, { $lines ->
        [one] 1 línea
       *[other] { $lines } líneas
    }, { $judgments ->
        [one] 1 valoración
       *[other] { $judgments } valoraciones
    }, { $replaced } reemplazadas, { $skipped } omitidas, { $problems ->
        [one] 1 problema
       *[other] { $problems } problemas
    } (los mismos recuentos que el resumen de entrada de cada orden de verdict).
q-overview-warnings = { $count ->
        [one] 1 aviso en los archivos
       *[other] { $count } avisos en los archivos
    }
q-leaderboard-not-rated = sin puntuación
q-judges-no-swapped-pairs = sin pares invertidos

## qc
qc-tab-spc = Gráficos de control
qc-tab-audit = Auditoría
qc-spc = Control estadístico de procesos
qc-metric = Métrica
qc-metric-disagreement = Desacuerdo con los demás anotadores
qc-metric-gold-error = Error frente a la respuesta de referencia
qc-metric-handle-time = Tiempo de gestión (segundos)
qc-by = Una línea por
qc-by-group = Grupo (sede)
qc-by-annotator = Anotador
qc-period = Periodo
qc-period-week = Semana ISO
qc-period-day = Día
qc-chart = Gráfico
qc-rules = Reglas de rachas
qc-rules-limits-only = Solo límites
qc-baseline-from = Línea base desde (fase II)
qc-baseline-to = Línea base hasta
qc-include-judges = Incluir jueces LLM
qc-events = eventos
qc-events-label = Eventos (fecha,etiqueta por línea, o líneas JSON)
qc-events-file = O carga un archivo de eventos
qc-strata-rows = Filas de estratos (group, annotator o meta.CAMPO)
qc-strata-columns = Columnas de estratos (all, group, annotator o meta.CAMPO)
qc-before-from = Comparar: primer periodo desde
qc-before-to = Primer periodo hasta
qc-after-from = Segundo periodo desde
qc-after-to = Segundo periodo hasta
qc-draw = Dibujar los gráficos
qc-computing = Calculando los gráficos
qc-no-chart = Sin gráfico: { $reason }
qc-phase = Fase { $phase }: límites a partir de { $subgroups } subgrupos, línea central { $centre }
qc-chart-title = Gráfico { $chart } de { $key }
qc-signal = señal
qc-signals-caption = { $count ->
        [one] { $count } señal
       *[other] { $count } señales
    }
qc-key = Sede o anotador
qc-rule = Regla
qc-value = Valor
qc-lcl = Límite inferior
qc-ucl = Límite superior
qc-kpi-caption = Proporción de valoraciones sin defecto frente al objetivo { $target } (solo se marca con n ≥ { $min })
qc-kpi-share = Proporción
qc-interval = Intervalo de Wilson al 95 %
qc-q-value = q (BH)
qc-status = Estado
qc-status-below = Por debajo del objetivo
qc-status-meets = Cumple el objetivo
qc-status-insufficient = Evidencia insuficiente
qc-bh-statement = { $count ->
        [one] Se evaluó un anotador o sede; para marcarlo, su intervalo del 95 % debe quedar entero por debajo del objetivo y una prueba binomial unilateral debe ser significativa tras el control de la tasa de falsos descubrimientos de Benjamini–Hochberg al 5 %.
       *[other] Se evaluaron { $count } anotadores o sedes a la vez; para marcar uno, su intervalo del 95 % debe quedar entero por debajo del objetivo y una prueba binomial unilateral debe ser significativa tras el control de la tasa de falsos descubrimientos de Benjamini–Hochberg al 5 % sobre todos ellos.
    }
qc-strata-title = Tasa por estrato (defectuosas / comparadas)
qc-changed-caption = Qué cambió de { $before } ({ $from }) a { $after } ({ $to }), estratos por contribución
qc-stratum = Estrato
qc-before = Primer periodo
qc-after = Segundo periodo
qc-contribution = Contribución
qc-test = Prueba
qc-audit = Auditoría por muestreo de aceptación
qc-lot = Tamaño del lote
qc-aql = NCA (%)
qc-level = Nivel de inspección
qc-inspection = Inspección
qc-inspection-normal = normal
qc-inspection-tightened = rigurosa
qc-inspection-reduced = reducida
qc-ltpd = LTPD (%) para un plan a medida
qc-alpha = Riesgo del productor α
qc-beta = Riesgo del consumidor β
qc-plan = Mostrar el plan
qc-qa-judgments = Valoraciones de control de calidad de la muestra
qc-state-file = Estado de cambio de severidad (opcional)
qc-defect-flag = Marca de defecto
qc-decide = Decidir el lote
qc-plan-iso = Letra código ISO 2859-1 { $letter }: inspeccionar n = { $n }, aceptar con ≤ { $ac } defectos, rechazar con ≥ { $re }
qc-plan-custom = Plan a medida: inspeccionar n = { $n }, aceptar con ≤ { $c } defectos
qc-inspect-all = La muestra es al menos el lote: inspecciona todos los ítems.
qc-oc-title = Curva característica de operación: probabilidad de aceptar un lote según su tasa de defectos
qc-accept = Aceptar el lote
qc-reject = Rechazar el lote
qc-defects = { $defects } defectuosos de { $inspected } inspeccionados
qc-rate = Tasa de defectos { $rate }, intervalo de Clopper–Pearson al 95 % { $interval }
qc-next-inspection = Próximo lote: inspección { $inspection } (puntuación de cambio { $score })
qc-events-placeholder = date,label — un evento por línea, p. ej. 2026-11-30,guideline v3

## stream
rating-loading-items = Cargando el archivo de tareas: { $percent } % leído, { $items } elementos hasta ahora. Puede calificar mientras se carga.
rating-loading-items-unknown = Cargando el archivo de tareas: { $items } elementos hasta ahora. Puede calificar mientras se carga.

## workspace
q-leaderboard-matrix-top = Los { $shown } modelos con mejor puntuación de { $total } (las tablas CSV los incluyen todos).
