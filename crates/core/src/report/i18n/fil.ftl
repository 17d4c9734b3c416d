# Ulat sa kalidad ng Verdict: Filipino (ang mga salita ng ulat; nananatili ang mga pangalang pang-makina ng CSV sa mga column).
report-title = Ulat sa kalidad ng Verdict
report-heading = Ulat sa kalidad
report-fallback = Walang bersyong “{ $lang }” ang ulat na ito; ipinapakita ito sa Ingles.
report-intro = { $judgments ->
        [one] { $judgments } paghatol
       *[other] { $judgments } na paghatol
    } sa { $items ->
        [one] { $items } item
       *[other] { $items } na item
    } mula sa { $annotators ->
        [one] { $annotators } annotator
       *[other] { $annotators } na annotator
    } sa { $groups ->
        [one] { $groups } grupo
       *[other] { $groups } na grupo
    }; bootstrap na { $resamples } resample, seed { $seed }.
report-kpi-gold = katumpakan sa sanggunian ≥ { $value }
report-kpi-alpha = α ni Krippendorff ≥ { $value }
report-kpi-position = bahagi ng panalo ng unang ipinakita sa loob ng { $low }–{ $high }
report-failing = { $failing } sa { $annotators } annotator at { $groups_failing } sa { $groups } grupo ang hindi umabot sa isang KPI.
report-none = Wala.
report-pairwise-note = Porsiyento ng pagkakasundo sa { $criterion } sa pagitan ng { $count } pinakaaktibong taong annotator (bilang ng parehong item sa tooltip).
report-shared = { $count ->
        [one] { $count } parehong item
       *[other] { $count } na parehong item
    }
report-chart-per-day = Mga paghatol bawat araw
report-chart-ratings = Mga rating na may 95% interval
report-footer = Ginawa ng Verdict. Nasa pagitan ng 0 at 1 ang mga bahagi; ang mga walang lamang cell ay mga value na hindi tinukoy.
report-data = Datos:
report-section-overview = Pangkalahatang-tanaw
report-section-per_day = Mga paghatol bawat araw
report-section-agreement = Pagkakasundo bawat pamantayan
report-section-pairwise = Pagkakasundo ng bawat pares
report-section-annotators = Mga annotator
report-section-groups = Mga grupo
report-section-trend = Lingguhang takbo
report-section-judges = Mga LLM judge laban sa nakararaming tao
report-section-leaderboard = Leaderboard (Bradley–Terry, Elo scale)
report-section-bias = Pagkiling
report-section-disagreements = Pila ng mga hindi pagkakasundo
report-section-problems = Mga problema
report-section-judge_weeks = Mga LLM judge bawat linggo (CUSUM ng rate ng hindi pagkakasundo)
report-kpi-rule = Nasa ibaba ng target ang isang KPI kapag may hindi bababa sa { $min } obserbasyon, ang 95% na interval ay buong nasa labas ng target, at nananatili ang pagsusuri matapos ang Benjamini–Hochberg na koreksyon sa mga rater (false-discovery rate na { $fdr }%); ang hindi pag-abot nang walang ganoong ebidensya ay nakalista bilang kulang ang ebidensya (kolum na “insufficient”).
report-section-spc_points = Control chart
report-section-spc_signals = Mga signal
report-section-spc_events = Mga pangyayari
report-section-kpi_flags = Mga KPI (Wilson interval, Benjamini–Hochberg)
report-section-strata = Mga rate bawat stratum
report-section-what_changed = Ano ang nagbago
report-section-audit = Desisyon ng audit
report-bh = { $count } rater o site ang sabay na sinuri: nasa ibaba ng target ang isang KPI kapag ang 95% Wilson interval nito ay buong nasa ibaba ng target at nananatiling makabuluhan ang one-sided binomial test matapos ang Benjamini–Hochberg false-discovery control na 5% sa lahat; kung hindi, kulang ang ebidensya.

## rich (#19: the wellbeing section)
report-section-wellbeing = Kapakanan: pagkakalantad sa mga sensitibo o na-flag na item
report-section-wellbeing_raters = Kapakanan bawat tagasuri
report-section-wellbeing_groups = Kapakanan bawat site
