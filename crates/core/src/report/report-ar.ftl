# تقرير الجودة في Verdict: العربية (الكلمات الخاصة بالتقرير؛ أسماء الأعمدة تبقى كما في CSV).
report-title = تقرير الجودة من Verdict
report-heading = تقرير الجودة
report-fallback = هذا التقرير متاح بالإنجليزية والعربية.
report-intro = { $judgments } حكمًا على { $items } عنصرًا من { $annotators } مُقيِّمًا في { $groups } مجموعة؛ { $resamples } إعادة معاينة bootstrap، البذرة { $seed }.
report-kpi-gold = دقة الإجابات المرجعية ≥ { $value }
report-kpi-alpha = α كريبندورف ≥ { $value }
report-kpi-position = حصة فوز المعروض أولًا بين { $low } و{ $high }
report-failing = { $failing } من { $annotators } مُقيِّمًا و{ $groups_failing } من { $groups } مجموعة لا تبلغ أحد مؤشرات الأداء.
report-none = لا شيء.
report-pairwise-note = نسبة الاتفاق على { $criterion } بين أنشط { $count } مُقيِّمين من البشر (عدد العناصر المشتركة في التلميح).
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

## rich
report-section-wellbeing = الرفاه: التعرّض لعناصر حساسة أو مُبلَّغ عنها
report-section-wellbeing_raters = الرفاه لكل مُقيِّم
report-section-wellbeing_groups = الرفاه لكل موقع
