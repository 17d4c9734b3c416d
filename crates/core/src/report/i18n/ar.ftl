# تقرير الجودة في Verdict: العربية (الكلمات الخاصة بالتقرير؛ أسماء الأعمدة تبقى كما في CSV).
report-title = تقرير الجودة من Verdict
report-heading = تقرير الجودة
report-fallback = هذا التقرير غير مكتوب بلغة «{ $lang }»؛ يُعرض بالإنجليزية.
report-intro = { $judgments } حكمًا على { $items } عنصرًا من { $annotators } مُقيِّمًا في { $groups } مجموعة؛ { $resamples } إعادة معاينة bootstrap، البذرة { $seed }.
report-kpi-gold = دقة الإجابات المرجعية ≥ { $value }
report-kpi-alpha = α كريبندورف ≥ { $value }
report-kpi-position = حصة فوز المعروض أولًا بين { $low } و{ $high }
report-failing = { $failing } من { $annotators } مُقيِّمًا و{ $groups_failing } من { $groups } مجموعة دون هدف أحد مؤشرات الأداء.
report-none = لا شيء.
report-pairwise-note = نسبة الاتفاق على { $criterion } بين أنشط { $count } مُقيِّمين من البشر (عدد العناصر المشتركة في التلميح).
report-shared = { $count ->
        [one] عنصر مشترك واحد
        [two] عنصران مشتركان
        [few] { $count } عناصر مشتركة
        [many] { $count } عنصرًا مشتركًا
       *[other] { $count } عنصر مشترك
    }
report-chart-per-day = الأحكام يوميًا
report-chart-ratings = التصنيفات مع فواصل ثقة 95%
report-footer = أُنشئ بواسطة Verdict. الحصص بين 0 و1؛ الخلايا الفارغة قيم غير معرَّفة.
report-data = البيانات:
report-section-overview = نظرة عامة
report-section-per_day = الأحكام يوميًا
report-section-agreement = الاتفاق لكل معيار
report-section-pairwise = الاتفاق الثنائي
report-section-annotators = المُقيِّمون
report-section-groups = المجموعات
report-section-trend = الاتجاه الأسبوعي
report-section-judges = محكّمو النماذج اللغوية مقارنةً بأغلبية البشر
report-section-leaderboard = لوحة الصدارة (Bradley–Terry، بمقياس Elo)
report-section-bias = الانحياز
report-section-disagreements = قائمة الخلافات
report-section-problems = المشكلات
report-section-judge_weeks = محكّمو النماذج اللغوية أسبوعيًا (CUSUM لمعدل الاختلاف)
report-kpi-rule = لا يكون المؤشر دون الهدف إلا بوجود { $min } ملاحظة على الأقل، وفترة 95٪ تقع كلها خارج الهدف، واختبار يصمد بعد تصحيح بنجاميني–هوخبرغ عبر المقيِّمين (معدل الاكتشاف الخاطئ { $fdr }٪)؛ والإخفاق دون هذه الأدلة يُدرج بوصفه أدلة غير كافية (العمود «insufficient»).
report-section-spc_points = خريطة المراقبة
report-section-spc_signals = الإشارات
report-section-spc_events = الأحداث
report-section-kpi_flags = مؤشرات الأداء (فترة Wilson، وBenjamini–Hochberg)
report-section-strata = المعدلات حسب الطبقة
report-section-what_changed = ما الذي تغيّر
report-section-audit = قرار التدقيق
report-bh = اختُبر { $count } من المُقيِّمين أو المواقع معًا: لا يكون المؤشر دون الهدف إلا إذا وقعت فترة Wilson بثقة 95٪ كلها دون الهدف وبقي اختبار ذي الحدين أحادي الجانب دالًّا بعد ضبط معدل الاكتشاف الكاذب بطريقة Benjamini–Hochberg عند 5٪ عبرها جميعًا؛ وإلا فالأدلة غير كافية.

## rich (#19: the wellbeing section)
report-section-wellbeing = الرفاه: التعرّض لعناصر حساسة أو مُبلَّغ عنها
report-section-wellbeing_raters = الرفاه لكل مُقيِّم
report-section-wellbeing_groups = الرفاه لكل موقع
