# Verdict interface: English (the source language).
# Terminology (keep it consistent in every language): item, output, model, criterion, rubric,
# judgment, annotator, gold answer, adjudication, quality workspace.
# Variables in { $braces } are filled in by the app; keep them. Numbers are formatted per locale.

## Preferences (every page)
prefs-language = Interface language
prefs-theme = Colour theme
prefs-theme-system = Theme: system
prefs-theme-light = Theme: light
prefs-theme-dark = Theme: dark

## Start and setup
app-starting = Starting…
app-loading = Loading { $tasks }…
app-enter-annotator = Enter your annotator id, then open the evaluation you were sent.
app-locked-failed = This evaluation could not be opened. Ask the page's owner to send it again.
app-waiting = Waiting for the host page to send an evaluation…
open-no-items = { $file }: no item could be loaded
open-storage-unavailable = This browser's storage is not available: { $error }
open-cannot-start = { $file }: the evaluation cannot start because { $error }.
setup-tagline = Rate LLM outputs side by side. Everything stays in this browser.
setup-annotator = Your annotator id
setup-annotator-placeholder = e.g. ann-042
setup-annotator-first = Enter your annotator id first.
setup-tasks-first = Choose a task file first.
setup-default-rubric-name = default rubric
setup-problems = Problems
setup-linked-title = The evaluation you were sent
setup-linked-tasks = Tasks: { $tasks }
setup-linked-open = Open it
setup-demos = Try a demo
demo-mtbench-pairs-title = MT-Bench pairs — pairwise, blind
demo-mtbench-pairs-about = 30 MT-Bench questions (math, reasoning, coding), answers by gpt-4 and gpt-4-0125-preview. Data: FastChat llm_judge (Apache-2.0).
demo-mtbench-ranking-title = MT-Bench — ranking mode
demo-mtbench-ranking-about = The same 30 questions, ordering the answers best to worst. Data: FastChat llm_judge (Apache-2.0).
demo-alpacaeval-single-title = AlpacaEval — single output
demo-alpacaeval-single-about = 805 AlpacaEval instructions with one model's answer each. Data: alpaca_eval example outputs (Apache-2.0).
setup-files-title = Open your own files
setup-files-hint = Drop a task file (JSONL or JSON array) and a rubric (JSON) here, or choose them:
setup-task-file = Task file
setup-rubric-file = Rubric
setup-picked = Tasks: { $tasks } · Rubric: { $rubric }
setup-picked-none = none
setup-picked-default-rubric = default (pairwise)
setup-start = Start rating
setup-quality-title = Quality workspace
setup-quality-about = For quality leads: agreement, gold accuracy, annotator and site KPIs, LLM judges, leaderboard, disagreements to adjudicate, and a report.
setup-quality-open = Open the quality workspace
setup-attribution = Demo data: MT-Bench questions and reference answers from FastChat llm_judge (Apache-2.0); AlpacaEval example outputs from alpaca_eval (Apache-2.0). MT-Bench human judgments: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.

## Problems in files (the core's codes)

## Rating page
rating-annotator = annotator { $id }
rating-annotator-title = Annotator
rating-export = Export JSONL
rating-export-failed = Export failed: { $error }
rating-copy = Copy
rating-copied =
    { $count ->
        [one] Copied 1 judgment to the clipboard.
       *[other] Copied { $count } judgments to the clipboard.
    }
rating-copy-refused = The browser refused the clipboard ({ $error }); use Export instead.
rating-switch = Switch evaluation
rating-load-problems =
    { $count ->
        [one] 1 line of { $file } could not be loaded and was left out
       *[other] { $count } lines of { $file } could not be loaded and were left out
    }
rating-instructions = Instructions
rating-finished-label = Finished
rating-finished-title = All items judged — thank you!
rating-finished-saved =
    { $count ->
        [one] 1 judgment is saved in this browser. Export it to hand it in.
       *[other] { $count } judgments are saved in this browser. Export them to hand them in.
    }
rating-finished-revisit = Press ← or the button below to revisit and edit items.
rating-last-item = ← Last item
rating-download = Download my judgments
rating-item-nav = Item navigation
rating-prev = ← Prev
rating-next = Next →
rating-item-position = Item { $position } of { $total } · { $id }
rating-judged-badge = judged — editing replaces it
rating-skip = Skip
rating-flag = Flag harmful
rating-details = Details
rating-gold-title = Gold answer
rating-gold-none = No gold answer for this item.
rating-gold-preferred = Preferred: { $preference }
rating-continue = Continue (Enter)
rating-saving = Saving…
rating-submit = Submit
rating-saved-announce = Judgment saved. { $done } of { $total } items judged.
rating-shortcuts-hint = Press ? for all shortcuts
rating-panel = Rating
break-title = Time for a break
break-text = You have been rating for { $minutes } minutes. Step away from the screen for a few minutes; your work is saved.
break-back = I'm back
progress-label = Items judged
progress-text = { $done } / { $total } done · median { $median } per item
unit-seconds = { $seconds } s

## Item and outputs
item-label = Item
item-sensitive = This item may contain harmful or disturbing content.
item-reveal = Reveal content (r)
item-prompt = Prompt
item-conversation = Conversation
role-user = user
role-assistant = assistant
role-system = system
output-label = Output { $label }

## Answers
preference-question = Which output is better?
preference-label = Preference
preference-both-bad = Both bad
preference-default-a-better = A better
preference-default-tie = Tie
preference-default-b-better = B better
ranking-question = Rank the outputs, best first
ranking-hint = { " " }— press their numbers in order; Backspace undoes
ranking-label = Ranking
ranking-undo = Undo
ranking-all-bad = All bad
ranking-empty = Not ranked yet
criterion-for-output = for output { $output }
criterion-several = { " " }(several)
criterion-required = required
key-hint = key { $key }
answer-yes = Yes
answer-no = No
text-placeholder = Press e to write, Esc to leave, Ctrl+Enter to submit
missing-preference = Choose which output is better.
missing-ranking = Rank the outputs from best to worst.
missing-criterion = Answer "{ $criterion }".
missing-criterion-output = Answer "{ $criterion }" for output { $output }.

## Keyboard help
help-title = Keyboard shortcuts
help-close = Close (?)
help-arrows = The arrow keys keep their meaning in every language: → is the next item and ← the previous one, also when the page reads right to left.
key-or-zero = (or 0 on the preference)
key-action-0 = Answer the active row (preference point, score, option, next-ranked output)
key-action-1 = Yes / no on a binary row
key-action-2 = Both outputs are bad
key-action-3 = Next row
key-action-4 = Previous row
key-action-5 = Clear the active row (ranking: undo the last pick)
key-action-6 = Write in the active text field (Esc to leave it, Ctrl+Enter submits)
key-action-7 = Submit the judgment and go to the next item
key-action-8 = Next / previous item (revisit and edit past items)
key-action-9 = Skip this item for now
key-action-10 = Flag harmful content (a flagged item may be submitted unfinished)
key-action-11 = Reveal blurred sensitive content
key-action-12 = Show or hide this help
key-action-13 = Leave a text field; close this help

## Uploads to the collection endpoint
uploads-checking = Checking uploads…
uploads-counts = { $queued } queued · { $sent } sent · { $failed } failed
uploads-label = Uploads
uploads-waiting = Waiting to retry: { $error }
uploads-refused =
    { $count ->
        [one] 1 judgment refused by the server
       *[other] { $count } judgments refused by the server
    }
uploads-refused-list = Refused judgments
uploads-item = Item { $id }
uploads-retry = Retry
uploads-retry-item = Retry item { $id }
uploads-export-refused = Export refused judgments

## Quality workspace
q-adjudication-load-the-task-file-to = Load the task file to see the prompt and outputs here.
q-adjudication-annotator = Annotator
q-adjudication-group = Group
q-adjudication-preferred = Preferred
q-adjudication-scores = Scores
q-adjudication-flags = Flags
q-adjudication-final-answer = Final answer
q-adjudication-root-cause = Root cause{ " " }
q-adjudication-note = Note{ " " }
q-adjudication-update-adjudication = Update adjudication
q-adjudication-save-adjudication = Save adjudication
q-adjudication-final-preference = Final preference
q-adjudication-root-cause-2 = Root cause
q-adjudication-note-2 = Note
q-agreement-majority-of-the-others = majority of the others
q-agreement-criterion = Criterion
q-agreement-coefficient = Coefficient
q-agreement-level = Level
q-agreement-value = Value
q-agreement-95-ci = 95% CI
q-agreement-band = Band
q-agreement-items = Items
q-agreement-annotators = Annotators
q-agreement-fewer-than-two-annotators-share = Fewer than two annotators share items.
q-agreement-confusion-matrix-on-the-preference = Confusion matrix on the preference
q-agreement-these-two-share-no-item = These two share no item in the disagreement queue.
q-agreement-agreement = Agreement
q-agreement-pairwise-agreement-between-annotators = Pairwise agreement between annotators
q-agreement-confusion-matrix-rows-first-annotator = Confusion matrix (rows: first annotator's answer; cells: counts, shaded by row share)
q-annotators-kpi-thresholds = KPI thresholds
q-annotators-apply-and-save = Apply and save
q-annotators-pass = pass
q-annotators-llm-judge = { " " }(LLM judge)
q-annotators-groups-sites-vendors = Groups (sites, vendors)
q-annotators-judgments = Judgments
q-annotators-gold-accuracy = Gold accuracy
q-annotators-tie-rate = Tie rate
q-annotators-kpis = KPIs
q-annotators-agreement-trend-by-week-agreement = Agreement trend by week (% agreement on the preference)
q-annotators-annotators-and-sites = Annotators and sites
q-annotators-weekly-agreement-per-group = Weekly agreement per group
q-disagreements-adjudicated = adjudicated
q-disagreements-previous = ← Previous
q-disagreements-next = Next →
q-disagreements-choose-an-item-to-see = Choose an item to see every annotator's answer and record the final one.
q-disagreements-no-adjudication-yet = No adjudication yet.
q-disagreements-export-adjudications-jsonl = Export adjudications (JSONL)
q-disagreements-export-gold-task-file = Export gold task file
q-disagreements-disagreements = Disagreements
q-disagreements-root-causes-most-frequent-first = Root causes, most frequent first
q-disagreements-needs-the-task-file-the = Needs the task file: the adjudicated items are written with gold filled
q-judges-no-llm-judge-in-these = No LLM judge in these files (annotator ids starting with judge:, or kind "judge").
q-judges-llm-judges-compared-with-the = LLM judges compared with the human majority preference
q-judges-judge = Judge
q-judges-items-shared-with-humans = Items shared with humans
q-judges-cohen = Cohen κ
q-judges-swapped-pairs = Swapped pairs
q-judges-position-consistency = Position consistency
q-judges-position-consistency-of-the-comparisons = Position consistency: of the comparisons the judge saw in both orders, the share where its verdict did not flip with the order (see docs/METRICS.md).
q-judges-llm-judges = LLM judges
q-leaderboard-rank = Rank
q-leaderboard-model = Model
q-leaderboard-rating = Rating
q-leaderboard-rank-range = Rank range
q-leaderboard-wins = Wins
q-leaderboard-losses = Losses
q-leaderboard-ties = Ties
q-leaderboard-win-rate = Win rate
q-leaderboard-win-rate-of-row-over = Win rate of row over column (ties count half)
q-leaderboard-bias-diagnostics = Bias diagnostics
q-leaderboard-slices = Slices
q-leaderboard-one-leaderboard-per = One leaderboard per{ " " }
q-leaderboard-computing = Computing…
q-leaderboard-show-slices = Show slices
q-leaderboard-meta-fields-need-the-task = meta fields need the task file.
q-leaderboard-no-slice-has-battles = No slice has battles.
q-leaderboard-leaderboard = Leaderboard
q-leaderboard-model-ratings-with-95-confidence = Model ratings with 95% confidence intervals
q-leaderboard-win-rate-matrix = Win-rate matrix
q-leaderboard-slice-by = Slice by
q-leaderboard-criterion-or-meta-field-e = criterion, or meta.FIELD (e.g. meta.category)
q-overview-groups = Groups
q-overview-items-with-2-judgments = Items with ≥ 2 judgments
q-overview-judgments-per-day = Judgments per day
q-overview-overview = Overview
q-quality-quality-workspace = Quality workspace
q-quality-download-report-html = Download report (HTML)
q-quality-back-to-rating = Back to rating
q-quality-judgments-one-or-more-jsonl = Judgments (one or more JSONL files)
q-quality-task-file-optional-gold-items = Task file (optional: gold, items)
q-quality-rubric-optional = Rubric (optional)
q-quality-analyse = Analyse
q-quality-analyse-the-mt-bench-human = Analyse the MT-Bench human judgments (demo)
q-quality-everything-runs-in-this-browser = Everything runs in this browser, in a background worker.
q-quality-root-cause-tags-comma-separated = Root-cause tags (comma-separated){ " " }
q-quality-tables-as-csv = Tables as CSV:{ " " }
q-quality-mt-bench-human-judgments-zheng = MT-Bench human judgments: Zheng et al. 2023, arXiv:2306.05685, CC BY 4.0.
q-quality-analysis-in-progress = Analysis in progress
q-quality-files-to-analyse = Files to analyse
q-quality-views = Views
q-quality-root-cause-tags = Root-cause tags
q-quality-tables-as-csv-2 = Tables as CSV
q-tab-overview = Overview
q-tab-agreement = Agreement
q-tab-annotators = Annotators & sites
q-tab-judges = LLM judges
q-tab-leaderboard = Leaderboard
q-tab-disagreements = Disagreements
q-choose-judgments = Choose at least one judgments file.
q-status-starting = Starting the analysis…
q-status-reading = Reading the files…
q-status-computing = Computing agreement, rankings and the disagreement queue…
q-status-done = Analysed in { $seconds } s
q-adjudication-save-failed = The adjudication could not be saved: { $error }
q-adjudication-title = { $id } — { $count ->
        [one] 1 judgment
       *[other] { $count } judgments
    }, disagreement { $disagreement }
q-adjudication-output-of = Output of { $model }
q-adjudication-saved-at = adjudicated { $time }
q-agreement-caption = Agreement per criterion ({ $resamples } bootstrap resamples, 95% CI)
q-agreement-pairwise-title = Pairwise agreement on "{ $criterion }" (% of shared items; the { $count } most active annotators)
q-agreement-shared = { $count } shared items · agreement { $agreement }
q-agreement-rows = Rows:{ " " }
q-agreement-columns = Columns:{ " " }
q-col-annotator = Annotator
q-col-group = Group
q-col-judgments = Judgments
q-col-median = Median time
q-col-alpha-delta = α with − without
q-col-kappa = Mean Cohen κ
q-col-gold = Gold accuracy
q-col-position = Left-wins share
q-col-ties = Tie rate
q-col-flags = Flag rate
q-col-pass = KPIs
q-kpi-gold = Gold accuracy ≥
q-kpi-alpha = Group α ≥
q-kpi-position = Left-wins share ≤
q-kpi-fail = fail: { $failed }
q-annotators-caption = { $count ->
        [one] 1 annotator
       *[other] { $count } annotators
    }
q-disagreements-title = { $count ->
        [one] 1 item with two or more judgments
       *[other] { $count } items with two or more judgments, most disputed first
    }
q-disagreements-row = { " " }{ $disagreement } · { $count } judgments
q-disagreements-page = { $first }–{ $last } of { $total }
q-root-causes-title = { $count ->
        [one] Root causes of 1 adjudication
       *[other] Root causes of { $count } adjudications
    }
q-leaderboard-title = Bradley–Terry ratings (Elo scale), 95% bootstrap CI over { $battles } battles
q-bias-position = Output shown first won { $wins } of { $decisive } decisive battles ({ $share }); two-sided binomial p = { $p }
q-bias-ties = Ties: { $ties } · both bad: { $both_bad }
q-bias-length = The longer output won { $wins } of { $decisive } decisive battles with different lengths ({ $share })
q-bias-length-needs-tasks = Length bias needs the task file (output texts).
q-slice-title = { $name } — { $battles } battles
q-slice-chart = Ratings for { $name }
q-overview-no-dates = No judgment carries a date ({ $undated } undated).
q-overview-undated = { $count ->
        [one] 1 judgment has no date.
       *[other] { $count } judgments have no date.
    }
q-overview-problems = { $count ->
        [one] 1 problem in the files
       *[other] { $count } problems in the files
    }
q-tab-campaign = Campaign
q-tab-sample-size = Sample size
q-quality-campaign-progress = Campaign progress

## rich
key-action-14 = Show or hide each criterion's help
key-action-15 = Take a break now
break-text-any = Step away from the screen for a few minutes; your work is saved.
criterion-anchor-hint = { $value }: { $anchor } (key { $key })
rating-gold-tie = tie
rating-gold-both-bad = both bad
rating-gold-score-of = { $criterion } ({ $output }): { $value }
content-code = Code { $language }
content-diff-toggle = Show differences
content-diff-title = Differences between the outputs
content-diff-truncated = The outputs differ too much for a word-by-word comparison.
media-kind-image = image
media-kind-audio = audio
media-kind-video = video
media-reveal-image = Show media (image)
media-reveal-audio = Show media (audio)
media-reveal-video = Show media (video)
media-hidden = Hidden by your viewing settings.
media-refused = Not shown: { $reason } ({ $kind }: { $alt })
media-refused-scheme = { $scheme }: URLs are not allowed: use https://, a path on this host, or a data: URI
media-refused-type = a data: URI for this part must be { $expected }/…, found “{ $found }”
media-refused-malformed = not a well-formed URL
media-refused-origin = { $origin } is not on this page's list of media origins (media_origins)
viewing-title = Viewing settings
viewing-always-blur = Always blur images and video until I reveal them
viewing-greyscale = Show media in greyscale
viewing-hide = Hide media until I ask
wellbeing-exposure = Sensitive content today: { $minutes } min
wellbeing-take-break = Take a break
wellbeing-soft-cap = You have reached today's suggested limit for sensitive content. Consider a break.
wellbeing-hard-cap = Your queue is paused until tomorrow: today's limit for sensitive content is reached. Your lead sees why.
wellbeing-paused = Queue paused
q-adjudication-reveal = Reveal content
q-wellbeing-title = Wellbeing: exposure to sensitive or flagged items
q-wellbeing-none = No judgments by human raters.
q-wellbeing-per-rater = Exposure per rater
q-wellbeing-per-site = Exposure per site
q-wellbeing-judged = Judged
q-wellbeing-exposing = Exposing items
q-wellbeing-minutes = Exposure (min)
q-wellbeing-flags = Harmful flags
q-wellbeing-busiest = Busiest day (min)
q-wellbeing-hard-cap = Hard cap reached
q-wellbeing-raters = Raters
q-wellbeing-per-rater-minutes = Per rater (min)
q-wellbeing-note = Minutes are recorded active time on items marked sensitive or flagged by the rater. Hard cap: the days a rater's queue paused.
## lead: KPI verdicts with uncertainty
q-kpi-insufficient = insufficient evidence: { $kpis }
q-kpi-rule = A KPI fails only with at least { $min } observations, a 95% interval wholly beyond its target and a test that holds after the Benjamini–Hochberg correction across all raters (false-discovery rate { $fdr }%). A miss without that evidence reads “insufficient evidence”.
q-judges-drift = Drift (CUSUM by week)
q-judges-weekly-caption = { $judge }: agreement with the human majority by week (weeks where the CUSUM signalled are marked)
q-judges-week = Week
q-judges-no-drift = no drift signalled
q-judges-drift-up = disagreement rose from { $period }
q-judges-drift-down = disagreement fell from { $period }

## i18n
# Punctuation: after a label ("Pace: …") and between the items of a list.
label-colon = { ": " }
list-separator = { ", " }
# The rater's campaign page: calibration, the gate, then production.
campaign-loading = Loading the campaign…
campaign-opening = Opening your queue…
campaign-cannot-open = This campaign could not be opened. Check the link you were sent, or ask your lead.
campaign-no-annotator = This campaign link has no annotator: open the link you were sent (it ends in &annotator=…).
campaign-attempt = Attempt { $attempt } of { $allowed }
campaign-calibration-intro = Calibration: judge these items first. Your answers are compared with the expected ones; production opens once you pass.
campaign-passed = Calibration passed: your production queue is open.
campaign-failed-title = Calibration not passed yet
campaign-locked-title = Calibration not passed
campaign-locked-body = You have used every allowed attempt, so the production queue stays closed. Your lead has been given your answers and will contact you.
campaign-accuracy = You matched { $accuracy } of the expected answers; the pass mark is { $pass }.
campaign-missed = Items to look at again: { $items }
campaign-retakes-left = { $count ->
        [one] You may retake the calibration once more.
       *[other] You may retake the calibration { $count } more times.
    }
campaign-retake = Start the retake
campaign-export-hint = Your calibration judgments stay saved in this browser; download them to hand them in with your other judgments.
campaign-download-calibration = Download my calibration judgments
campaign-download-failed = The download failed: { $error }
# The workspace's Campaign tab.
q-campaign-file = Campaign file (campaign.json)
q-campaign-tasks-file = The campaign's task file
q-campaign-compute = Compute campaign progress
q-campaign-computing = Computing progress in the background…
q-campaign-need-judgments = Choose the judgment files (or the endpoint's export) above first.
q-campaign-need-campaign = Choose the campaign file and its task file.
q-campaign-raters = Campaign progress per rater
q-campaign-sites = Campaign totals per site
q-campaign-col-rater = Rater
q-campaign-col-site = Site
q-campaign-col-raters = Raters
q-campaign-col-assigned = Assigned
q-campaign-col-done = Done
q-campaign-col-calibration = Calibration
q-campaign-col-retest-pairs = Retest pairs
q-campaign-col-self-kappa = Self-κ
q-campaign-col-flip-rate = Flip rate under swap
q-campaign-no-site = (no site)
q-campaign-gate-open = none
q-campaign-gate-in-progress = in progress
q-campaign-gate-passed = passed
q-campaign-gate-failed = failed (retake allowed)
q-campaign-gate-locked = failed (locked)
q-campaign-gate-accuracy = { $status } ({ $accuracy })
q-campaign-coverage-label = Item coverage
q-campaign-coverage = { $items ->
        [one] 1 task item
       *[other] { $items } task items
    }: { $complete } fully judged, { $partial } partly, { $untouched } not yet
q-campaign-pace-label = Pace
q-campaign-pace = { $per_day } judgments a day over the last { $days } days; { $remaining } to go; estimated finish { $finish }
q-campaign-no-estimate = not enough recent judgments with a time to estimate a finish date
q-campaign-unplanned = { $count ->
        [one] 1 judgment belongs to no assignment of this campaign and was left out.
       *[other] { $count } judgments belong to no assignment of this campaign and were left out.
    }
# The workspace's Sample-size tab.
q-size-question = Question
q-size-metric-alpha = Items for Krippendorff's α to a CI half-width
q-size-metric-accuracy = Gold items for accuracy ± a width
q-size-metric-bt = Battles to separate two models (Bradley–Terry)
q-size-level-nominal = nominal
q-size-level-ordinal = ordinal
q-size-level-interval = interval
q-size-categories = Categories
q-size-raters = Raters per item
q-size-alpha = Expected α
q-size-width = Half-width of the 95% interval
q-size-accuracy = Expected accuracy
q-size-elo = Elo difference
q-size-power = Power
q-size-replications = Simulations per size
q-size-seed = Seed
q-size-compute = Compute
q-size-computing = Simulating in the background…
q-size-inputs = Inputs used
q-size-answer-alpha = { $n ->
        [one] 1 item gives a 95% CI of α ± { $width }
       *[other] { $n } items give a 95% CI of α ± { $width }
    }
q-size-answer-accuracy = { $n ->
        [one] 1 gold item gives accuracy ± { $width }
       *[other] { $n } gold items give accuracy ± { $width }
    }
q-size-answer-bt = { $n ->
        [one] 1 battle separates the models with power { $power }
       *[other] { $n } battles separate the models with power { $power }
    }
# The overview's input line: the same counts as every verdict command's input summary.
q-overview-input = Read: { $files ->
        [one] 1 file
       *[other] { $files } files
    }, { $lines ->
        [one] 1 line
       *[other] { $lines } lines
    }, { $judgments ->
        [one] 1 judgment
       *[other] { $judgments } judgments
    }, { $replaced } replaced, { $skipped } skipped, { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    } (the same count as every verdict command's input summary).
q-overview-warnings = { $count ->
        [one] 1 warning in the files
       *[other] { $count } warnings in the files
    }
q-leaderboard-not-rated = not rated
q-judges-no-swapped-pairs = no swapped pairs

## qc
qc-tab-spc = Control charts
qc-tab-audit = Audit
qc-spc = Statistical process control
qc-metric = Metric
qc-metric-disagreement = Disagreement with the other raters
qc-metric-gold-error = Gold error
qc-metric-handle-time = Handling time (seconds)
qc-by = One line per
qc-by-group = Group (site)
qc-by-annotator = Annotator
qc-period = Period
qc-period-week = ISO week
qc-period-day = Day
qc-chart = Chart
qc-rules = Run rules
qc-rules-limits-only = Limits only
qc-baseline-from = Baseline from (phase II)
qc-baseline-to = Baseline to
qc-include-judges = Include LLM judges
qc-events = events
qc-events-label = Events (date,label per line, or JSON lines)
qc-events-file = Or load an events file
qc-strata-rows = Strata rows (group, annotator or meta.FIELD)
qc-strata-columns = Strata columns (all, group, annotator or meta.FIELD)
qc-before-from = Compare: first period from
qc-before-to = First period to
qc-after-from = Second period from
qc-after-to = Second period to
qc-draw = Draw the charts
qc-computing = Computing the charts
qc-no-chart = No chart: { $reason }
qc-phase = Phase { $phase }: limits from { $subgroups } subgroups, centre { $centre }
qc-chart-title = { $chart } chart of { $key }
qc-signal = signal
qc-signals-caption = { $count ->
        [one] { $count } signal
       *[other] { $count } signals
    }
qc-key = Site or rater
qc-rule = Rule
qc-value = Value
qc-lcl = Lower limit
qc-ucl = Upper limit
qc-kpi-caption = Share of judgments without a defect, against the target { $target } (flagged only with n ≥ { $min })
qc-kpi-share = Share
qc-interval = 95% Wilson interval
qc-q-value = q (BH)
qc-status = Status
qc-status-below = Below target
qc-status-meets = Meets the target
qc-status-insufficient = Insufficient evidence
qc-bh-statement = { $count ->
        [one] One rater or site was tested; a flag needs its 95% interval wholly below the target and a one-sided binomial test significant after the Benjamini–Hochberg false-discovery control at 5%.
       *[other] { $count } raters or sites were tested at once; a flag needs its 95% interval wholly below the target and a one-sided binomial test significant after the Benjamini–Hochberg false-discovery control at 5% across all of them.
    }
qc-strata-title = Rate by stratum (defective / compared)
qc-changed-caption = What changed from { $before } ({ $from }) to { $after } ({ $to }), strata by contribution
qc-stratum = Stratum
qc-before = First period
qc-after = Second period
qc-contribution = Contribution
qc-test = Test
qc-audit = Acceptance-sampling audit
qc-lot = Lot size
qc-aql = AQL (%)
qc-level = Inspection level
qc-inspection = Inspection
qc-inspection-normal = normal
qc-inspection-tightened = tightened
qc-inspection-reduced = reduced
qc-ltpd = LTPD (%) for a custom plan
qc-alpha = Producer's risk α
qc-beta = Consumer's risk β
qc-plan = Show the plan
qc-qa-judgments = QA judgments of the sample
qc-state-file = Switching state (optional)
qc-defect-flag = Defect flag
qc-decide = Decide the lot
qc-plan-iso = ISO 2859-1 code letter { $letter }: inspect n = { $n }, accept with ≤ { $ac } defects, reject with ≥ { $re }
qc-plan-custom = Custom plan: inspect n = { $n }, accept with ≤ { $c } defects
qc-inspect-all = The sample is at least the lot: inspect every item.
qc-oc-title = Operating characteristic: probability of accepting a lot by its defect rate
qc-accept = Accept the lot
qc-reject = Reject the lot
qc-defects = { $defects } defective of { $inspected } inspected
qc-rate = Defect rate { $rate }, 95% Clopper–Pearson interval { $interval }
qc-next-inspection = Next lot: { $inspection } inspection (switching score { $score })
qc-events-placeholder = date,label — one event per line, e.g. 2026-11-30,guideline v3

## stream
rating-loading-items = Loading the task file: { $percent } % read, { $items } items so far. You can rate while it loads.
rating-loading-items-unknown = Loading the task file: { $items } items so far. You can rate while it loads.

## workspace
q-leaderboard-matrix-top = The { $shown } highest-rated of { $total } models (the CSV tables have them all).
