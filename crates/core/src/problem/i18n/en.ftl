# Problems found in input files, in words (verdict_core::problem::Detail; docs/FORMATS.md).
# Used by the CLI, the report and the app. $file, $line and $field locate the problem.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: warning: { $message }

problem-invalid-json-detail = not valid JSON ({ $parser })
problem-truncated = truncated: the file ends inside this line's JSON ({ $parser })
problem-invalid-json-array = not a valid JSON array ({ $parser })
problem-invalid-toml = not valid TOML ({ $parser })
problem-unreadable = not readable: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = the file is empty
problem-file-changed = this task file differs, past its first 4 MiB, from the one rated before in this browser: judgments of items that changed may no longer match them
problem-not-utf8-at = not valid UTF-8 (bad byte at column { $column }): save the file as UTF-8
problem-not-utf8-detail = not valid UTF-8
problem-line-too-long-detail = longer than the line limit of { $limit } bytes (--max-line-bytes raises it)
problem-missing-detail = missing
problem-missing-prompt = missing: give a prompt or a conversation
problem-no-items = the file is empty: no items to rate
problem-wrong-type-detail = expected { $expected }, found { $found }
problem-not-allowed = expected { $expected }, found "{ $value }"
problem-empty-detail = must not be empty
problem-schema-detail = expected "{ $expected }", found "{ $value }"
problem-not-foreign = not a foreign format: load it as a Verdict task
problem-unknown-row = not a judgment, Arena battle or AlpacaEval row
problem-unknown-events-format = expected JSON lines or a CSV header with date and label
problem-no-content-detail = a judgment needs at least one of preference, ranking, scores, flags
problem-duplicate-key-detail = duplicate field `{ $key }`
problem-duplicate-id = duplicate id "{ $id }": two items cannot share an id (first on line { $line })
problem-duplicate-model = model "{ $model }" appears twice
problem-duplicate-criterion = "{ $id }" is used by two criteria
problem-duplicate-option = option "{ $option }" appears twice
problem-conversations-differ = its user turns before the first reply differ from conversation_a's
problem-no-verdict-detail = this row carries no verdict (no winner)
problem-out-of-range-detail = expected a whole number from { $min } to { $max }, found { $value }
problem-preference-out-of-range = expected 1, 2 or 1.5 (or a weight between 1 and 2), found { $value }
problem-not-a-criterion = not a criterion of the rubric
problem-not-an-option = "{ $option }" is not one of the options
problem-bound-too-large = must be between -{ $bound } and { $bound }
problem-max-not-above-min = must be greater than min ({ $min } ≥ { $max })
problem-too-many-points = a likert scale may have at most { $max } points
problem-too-few-options = a choice needs at least two options
problem-too-few-labels = a preference scale needs at least two labels
problem-too-long = longer than { $max } characters
problem-too-many-events = more than { $max } events
problem-unknown-part-type = unknown part type "{ $name }" (text, markdown, code, math, image, audio, video)
problem-unknown-field = not a field of this part type
problem-url-scheme = { $scheme }: URLs are not allowed: use https://, a path on this host, or a data: URI
problem-url-data-type = a data: URI for { $kind ->
        [image] an image
        [audio] an audio
       *[video] a video
    } part must be { $kind }/…, found "{ $value }"
problem-url-malformed = not a well-formed URL
problem-url-origin = { $origin } is not on this page's list of media origins (media_origins)
problem-anchors-need-likert = anchors belong to likert criteria
problem-not-a-point = not a point of the scale ({ $min } to { $max })
problem-unknown-criterion = no criterion "{ $id }" in the rubric
problem-condition-looks-ahead = "{ $id }" must come before this criterion (conditions look back)
problem-condition-per-output = "{ $id }" is asked per output: only per-output criteria can depend on it
problem-condition-null = expected an answer to compare with, found null
problem-chain-unexpected = this line is chained but the file's first judgment is not: lines were added, removed or reordered
problem-chain-missing = missing: the other lines are chained, so this line was added or its chain removed
problem-chain-mismatch = does not match: this line was altered, or a line before it was removed, inserted or reordered (expected { $expected }, chained from { $from ->
        [first] the first line
       *[previous] the line before it
    })
problem-replaces = replaces the judgment of "{ $item }" by "{ $annotator }" on { $where ->
        [other] { $place }
       *[same] line { $place }
    }
problem-replaced-by = replaced by the judgment of "{ $item }" by "{ $annotator }" on { $where ->
        [other] { $place }
       *[same] line { $place }
    }, submitted later

problem-expected-string = a string
problem-expected-whole-number = a whole number
problem-expected-boolean = true or false
problem-expected-object = an object
problem-expected-array = an array
problem-expected-string-array = an array of strings
problem-expected-string-or-number = a string or a number
problem-expected-winner = a model id, "tie" or "both_bad"
problem-expected-turn = an object with role and content
problem-expected-turn-array = an array of turns
problem-expected-output = an object with model and content
problem-expected-alpaca-preference = a number (1, 2 or 1.5)
problem-expected-arena-winner = "model_a", "model_b", "tie" or "tie (bothbad)"
problem-expected-one-option = one option
problem-expected-option-array = an array of options
problem-expected-scores-by-model = an object keyed by model (per-output criterion)
problem-expected-content-or-parts = a string or a list of parts
problem-expected-part-object = a part object
problem-expected-date = a date (YYYY-MM-DD)
problem-expected-event = an object with date and label

problem-found-null = null
problem-found-boolean = a boolean
problem-found-number = a number
problem-found-string = a string
problem-found-array = an array
problem-found-object = an object
