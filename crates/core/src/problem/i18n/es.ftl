# Problemas encontrados en los archivos de entrada, en palabras (verdict_core::problem::Detail; docs/FORMATS.md).
# Los usan la CLI, el informe y la app. $file, $line y $field sitúan el problema.
# Terminología de la interfaz (www/i18n/es.ftl): item = ítem, judgment = valoración, rubric = rúbrica,
# criterion = criterio, annotator = anotador, model = modelo, output = respuesta, warning = aviso.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: aviso: { $message }

problem-invalid-json-detail = no es JSON válido ({ $parser })
problem-truncated = truncado: el archivo termina dentro del JSON de esta línea ({ $parser })
problem-invalid-json-array = no es un arreglo JSON válido ({ $parser })
problem-invalid-toml = no es TOML válido ({ $parser })
problem-unreadable = no se puede leer: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = el archivo está vacío
problem-file-changed = este archivo de tareas difiere, después de sus primeros 4 MiB, del valorado antes en este navegador: las valoraciones de los ítems que cambiaron pueden no corresponder
problem-not-utf8-at = no es UTF-8 válido (byte incorrecto en la columna { $column }): guarda el archivo como UTF-8
problem-not-utf8-detail = no es UTF-8 válido
problem-line-too-long-detail = supera el límite de { $limit } bytes por línea (--max-line-bytes lo aumenta)
problem-missing-detail = falta
problem-missing-prompt = falta: indica una instrucción (prompt) o una conversación (conversation)
problem-no-items = el archivo está vacío: no hay ítems que valorar
problem-wrong-type-detail = debe ser { $expected }, pero es { $found }
problem-not-allowed = debe ser { $expected }, pero es "{ $value }"
problem-empty-detail = no puede estar vacío
problem-schema-detail = debe ser "{ $expected }", pero es "{ $value }"
problem-not-foreign = no es un formato externo: cárgalo como tarea de Verdict
problem-unknown-row = no es una valoración, un enfrentamiento de Arena ni una fila de AlpacaEval
problem-unknown-events-format = se esperaban líneas JSON o una cabecera CSV con date y label
problem-no-content-detail = una valoración necesita al menos uno de estos campos: preference, ranking, scores, flags
problem-duplicate-key-detail = campo `{ $key }` repetido
problem-duplicate-id = id "{ $id }" repetido: dos ítems no pueden compartir un id (el primero está en la línea { $line })
problem-duplicate-model = el modelo "{ $model }" aparece dos veces
problem-duplicate-criterion = dos criterios usan "{ $id }"
problem-duplicate-option = la opción "{ $option }" aparece dos veces
problem-conversations-differ = sus turnos de usuario antes de la primera respuesta difieren de los de conversation_a
problem-no-verdict-detail = esta fila no contiene ningún veredicto (no hay ganador)
problem-out-of-range-detail = debe ser un número entero de { $min } a { $max }, pero es { $value }
problem-preference-out-of-range = debe ser 1, 2 o 1.5 (o un peso entre 1 y 2), pero es { $value }
problem-not-a-criterion = no es un criterio de la rúbrica
problem-not-an-option = "{ $option }" no es una de las opciones
problem-bound-too-large = debe estar entre -{ $bound } y { $bound }
problem-max-not-above-min = debe ser mayor que min ({ $min } ≥ { $max })
problem-too-many-points = una escala likert admite como máximo { $max } puntos
problem-too-few-options = un criterio choice necesita al menos dos opciones
problem-too-few-labels = una escala de preferencia necesita al menos dos etiquetas
problem-too-long = supera los { $max } caracteres
problem-too-many-events = más de { $max } eventos
problem-unknown-part-type = tipo de parte desconocido "{ $name }" (text, markdown, code, math, image, audio, video)
problem-unknown-field = no es un campo de este tipo de parte
problem-url-scheme = las URL { $scheme }: no están permitidas: usa https://, una ruta de este servidor o un URI data:
problem-url-data-type = un URI data: para una parte { $kind ->
        [image] de imagen
        [audio] de audio
       *[video] de vídeo
    } debe ser { $kind }/…, pero es "{ $value }"
problem-url-malformed = la URL no está bien formada
problem-url-origin = { $origin } no está en la lista de orígenes multimedia de esta página (media_origins)
problem-anchors-need-likert = los anclajes (anchors) solo son para criterios likert
problem-not-a-point = no es un punto de la escala ({ $min } a { $max })
problem-unknown-criterion = no hay ningún criterio "{ $id }" en la rúbrica
problem-condition-looks-ahead = "{ $id }" debe ir antes de este criterio (las condiciones solo miran hacia atrás)
problem-condition-per-output = "{ $id }" se pregunta por respuesta: solo los criterios por respuesta pueden depender de él
problem-condition-null = debe ser una respuesta con la que comparar, pero es null
problem-chain-unexpected = esta línea lleva chain, pero la primera valoración del archivo no: se añadieron, quitaron o reordenaron líneas
problem-chain-missing = falta: las demás líneas llevan chain, así que esta línea se añadió o se le quitó el chain
problem-chain-mismatch = no coincide: esta línea se modificó, o una línea anterior se quitó, se insertó o se reordenó (se esperaba { $expected }, encadenado desde { $from ->
        [first] la primera línea
       *[previous] la línea anterior
    })
problem-replaces = reemplaza la valoración del ítem "{ $item }" del anotador "{ $annotator }" en { $where ->
        [other] { $place }
       *[same] la línea { $place }
    }
problem-replaced-by = reemplazada por la valoración del ítem "{ $item }" del anotador "{ $annotator }" en { $where ->
        [other] { $place }
       *[same] la línea { $place }
    }, enviada más tarde

problem-expected-string = una cadena de texto
problem-expected-whole-number = un número entero
problem-expected-boolean = true o false
problem-expected-object = un objeto
problem-expected-array = un arreglo
problem-expected-string-array = un arreglo de cadenas de texto
problem-expected-string-or-number = una cadena de texto o un número
problem-expected-winner = un id de modelo, "tie" o "both_bad"
problem-expected-turn = un objeto con role y content
problem-expected-turn-array = un arreglo de turnos
problem-expected-output = un objeto con model y content
problem-expected-alpaca-preference = un número (1, 2 o 1.5)
problem-expected-arena-winner = "model_a", "model_b", "tie" o "tie (bothbad)"
problem-expected-one-option = una de las opciones
problem-expected-option-array = un arreglo de opciones
problem-expected-scores-by-model = un objeto con una clave por modelo (criterio por respuesta)
problem-expected-content-or-parts = una cadena de texto o una lista de partes
problem-expected-part-object = un objeto de parte
problem-expected-date = una fecha (YYYY-MM-DD)
problem-expected-event = un objeto con date y label

problem-found-null = null
problem-found-boolean = un booleano
problem-found-number = un número
problem-found-string = una cadena de texto
problem-found-array = un arreglo
problem-found-object = un objeto
