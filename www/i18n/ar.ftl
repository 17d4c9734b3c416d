# واجهة Verdict: العربية.
# المصطلحات: item = عنصر، output = مُخرَج، model = نموذج، criterion = معيار، rubric = دليل التقييم،
# judgment = حكم، annotator = مُقيِّم، gold answer = الإجابة المرجعية، adjudication = فصل،
# quality workspace = مساحة عمل الجودة. الأسهم تحتفظ بمعناها: → التالي و← السابق.

## Preferences (every page)
prefs-language = لغة الواجهة
prefs-theme = سمة الألوان
prefs-theme-system = السمة: حسب النظام
prefs-theme-light = السمة: فاتحة
prefs-theme-dark = السمة: داكنة

## Start and setup
app-starting = جارٍ البدء…
app-loading = جارٍ تحميل { $tasks }…
app-enter-annotator = أدخل مُعرِّف المُقيِّم الخاص بك، ثم افتح التقييم الذي أُرسل إليك.
app-locked-failed = تعذّر فتح هذا التقييم. اطلب من مالك الصفحة إرساله مرة أخرى.
app-waiting = في انتظار أن ترسل الصفحة المضيفة تقييمًا…
open-no-items = { $file }: لم يُحمَّل أي عنصر
open-storage-unavailable = مساحة التخزين في هذا المتصفح غير متاحة: { $error }
open-cannot-start = { $file }: لا يمكن بدء التقييم لأن { $error }.
setup-tagline = قيِّم مخرجات النماذج اللغوية جنبًا إلى جنب. يبقى كل شيء في هذا المتصفح.
setup-annotator = مُعرِّف المُقيِّم
setup-annotator-placeholder = مثال: ann-042
setup-annotator-first = أدخل مُعرِّف المُقيِّم أولًا.
setup-tasks-first = اختر ملف المهام أولًا.
setup-default-rubric-name = دليل التقييم الافتراضي
setup-problems = المشكلات
setup-linked-title = التقييم الذي أُرسل إليك
setup-linked-tasks = المهام: { $tasks }
setup-linked-open = افتحه
setup-demos = جرّب عرضًا توضيحيًا
demo-mtbench-pairs-title = أزواج MT-Bench — مقارنة ثنائية، معمّاة
demo-mtbench-pairs-about = ‏30 سؤالًا من MT-Bench (رياضيات، استدلال، برمجة)، بإجابات gpt-4 وgpt-4-0125-preview. البيانات: FastChat llm_judge ‏(Apache-2.0).
demo-mtbench-ranking-title = MT-Bench — وضع الترتيب
demo-mtbench-ranking-about = الأسئلة الثلاثون نفسها، مع ترتيب الإجابات من الأفضل إلى الأسوأ. البيانات: FastChat llm_judge ‏(Apache-2.0).
demo-alpacaeval-single-title = AlpacaEval — مُخرَج واحد
demo-alpacaeval-single-about = ‏805 تعليمات من AlpacaEval مع إجابة نموذج واحد لكل منها. البيانات: مخرجات alpaca_eval النموذجية ‏(Apache-2.0).
setup-files-title = افتح ملفاتك الخاصة
setup-files-hint = أفلت هنا ملف مهام (JSONL أو مصفوفة JSON) ودليل تقييم (JSON)، أو اخترهما:
setup-task-file = ملف المهام
setup-rubric-file = دليل التقييم
setup-picked = المهام: { $tasks } · دليل التقييم: { $rubric }
setup-picked-none = لا شيء
setup-picked-default-rubric = الافتراضي (مقارنة ثنائية)
setup-start = ابدأ التقييم
setup-quality-title = مساحة عمل الجودة
setup-quality-about = لمسؤولي الجودة: الاتفاق، ودقة الإجابات المرجعية، ومؤشرات أداء المُقيِّمين والمواقع، ومحكّمو النماذج اللغوية، ولوحة الصدارة، والخلافات للفصل فيها، وتقرير.
setup-quality-open = افتح مساحة عمل الجودة
setup-attribution = بيانات العرض التوضيحي: أسئلة MT-Bench وإجاباتها المرجعية من FastChat llm_judge ‏(Apache-2.0)؛ مخرجات AlpacaEval النموذجية من alpaca_eval ‏(Apache-2.0). الأحكام البشرية على MT-Bench: ‏Zheng et al. 2023، arXiv:2306.05685، ‏CC BY 4.0.

## Problems in files (the core's codes)

## Rating page
rating-annotator = المُقيِّم { $id }
rating-annotator-title = المُقيِّم
rating-export = تصدير JSONL
rating-export-failed = فشل التصدير: { $error }
rating-copy = نسخ
rating-copied =
    { $count ->
        [zero] لم يُنسخ أي حكم إلى الحافظة.
        [one] نُسخ حكم واحد إلى الحافظة.
        [two] نُسخ حكمان إلى الحافظة.
        [few] نُسخت { $count } أحكام إلى الحافظة.
       *[other] نُسخ { $count } حكمًا إلى الحافظة.
    }
rating-copy-refused = رفض المتصفح الوصول إلى الحافظة ({ $error })؛ استخدم التصدير بدلًا من ذلك.
rating-switch = تبديل التقييم
rating-load-problems =
    { $count ->
        [one] تعذّر تحميل سطر واحد من { $file } فاستُبعد
        [two] تعذّر تحميل سطرين من { $file } فاستُبعدا
        [few] تعذّر تحميل { $count } أسطر من { $file } فاستُبعدت
       *[other] تعذّر تحميل { $count } سطرًا من { $file } فاستُبعدت
    }
rating-instructions = التعليمات
rating-finished-label = انتهى
rating-finished-title = قُيِّمت جميع العناصر — شكرًا لك!
rating-finished-saved =
    { $count ->
        [one] حُفظ حكم واحد في هذا المتصفح. صدِّره لتسليمه.
        [two] حُفظ حكمان في هذا المتصفح. صدِّرهما لتسليمهما.
        [few] حُفظت { $count } أحكام في هذا المتصفح. صدِّرها لتسليمها.
       *[other] حُفظ { $count } حكمًا في هذا المتصفح. صدِّرها لتسليمها.
    }
rating-finished-revisit = اضغط ← أو الزر أدناه لمراجعة العناصر وتعديلها.
rating-last-item = ← آخر عنصر
rating-download = نزّل أحكامي
rating-item-nav = التنقل بين العناصر
rating-prev = ← السابق
rating-next = التالي →
rating-item-position = العنصر { $position } من { $total } · { $id }
rating-judged-badge = قُيِّم — التعديل يستبدل الحكم
rating-skip = تخطٍّ
rating-flag = وسم كمحتوى ضار
rating-details = التفاصيل
rating-gold-title = الإجابة المرجعية
rating-gold-none = لا توجد إجابة مرجعية لهذا العنصر.
rating-gold-preferred = المفضَّل: { $preference }
rating-continue = متابعة (Enter)
rating-saving = جارٍ الحفظ…
rating-submit = إرسال
rating-saved-announce = حُفظ الحكم. قُيِّم { $done } من { $total } عنصرًا.
rating-shortcuts-hint = اضغط ? لعرض كل الاختصارات
rating-panel = التقييم
break-title = حان وقت الاستراحة
break-text = أنت تقيّم منذ { $minutes } دقيقة. ابتعد عن الشاشة بضع دقائق؛ عملك محفوظ.
break-back = عدتُ
progress-label = العناصر المقيَّمة
progress-text = أُنجز { $done } / { $total } · الوسيط { $median } لكل عنصر
unit-seconds = { $seconds } ث

## Item and outputs
item-label = العنصر
item-sensitive = قد يحتوي هذا العنصر على محتوى ضار أو مزعج.
item-reveal = إظهار المحتوى (r)
item-prompt = الموجِّه
item-conversation = المحادثة
role-user = المستخدم
role-assistant = المساعد
role-system = النظام
output-label = المُخرَج { $label }

## Answers
preference-question = أيّ المُخرَجين أفضل؟
preference-label = التفضيل
preference-both-bad = كلاهما سيئ
preference-default-a-better = A أفضل
preference-default-tie = تعادل
preference-default-b-better = B أفضل
ranking-question = رتّب المخرجات، الأفضل أولًا
ranking-hint = { " " }— اضغط أرقامها بالترتيب؛ مفتاح Backspace يتراجع
ranking-label = الترتيب
ranking-undo = تراجع
ranking-all-bad = كلها سيئة
ranking-empty = لم تُرتَّب بعد
criterion-for-output = للمُخرَج { $output }
criterion-several = { " " }(عدة خيارات)
criterion-required = مطلوب
key-hint = المفتاح { $key }
answer-yes = نعم
answer-no = لا
text-placeholder = اضغط e للكتابة، وEsc للخروج، وCtrl+Enter للإرسال
missing-preference = اختر المُخرَج الأفضل.
missing-ranking = رتّب المخرجات من الأفضل إلى الأسوأ.
missing-criterion = أجب عن «{ $criterion }».
missing-criterion-output = أجب عن «{ $criterion }» للمُخرَج { $output }.

## Keyboard help
help-title = اختصارات لوحة المفاتيح
help-close = إغلاق (?)
help-arrows = تحتفظ مفاتيح الأسهم بمعناها في كل اللغات: → هو العنصر التالي و← هو السابق، حتى عندما تُقرأ الصفحة من اليمين إلى اليسار.
key-or-zero = (أو 0 في سطر التفضيل)
key-action-0 = أجب عن الصف النشط (نقطة التفضيل، الدرجة، الخيار، المُخرَج التالي في الترتيب)
key-action-1 = نعم / لا في صف ثنائي
key-action-2 = كلا المُخرَجين سيئ
key-action-3 = الصف التالي
key-action-4 = الصف السابق
key-action-5 = امسح الصف النشط (في الترتيب: تراجع عن آخر اختيار)
key-action-6 = اكتب في حقل النص النشط (Esc للخروج منه، وCtrl+Enter للإرسال)
key-action-7 = أرسل الحكم وانتقل إلى العنصر التالي
key-action-8 = العنصر التالي / السابق (راجع العناصر السابقة وعدّلها)
key-action-9 = تخطَّ هذا العنصر الآن
key-action-10 = وسم المحتوى كضار (يمكن إرسال عنصر موسوم دون إكماله)
key-action-11 = أظهر المحتوى الحساس المموّه
key-action-12 = أظهر هذه المساعدة أو أخفها
key-action-13 = اخرج من حقل النص؛ أغلق هذه المساعدة

## Uploads to the collection endpoint
uploads-checking = جارٍ التحقق من الرفع…
uploads-counts = في الانتظار { $queued } · أُرسل { $sent } · فشل { $failed }
uploads-label = الرفع
uploads-waiting = في انتظار إعادة المحاولة: { $error }
uploads-refused =
    { $count ->
        [one] رفض الخادم حكمًا واحدًا
        [two] رفض الخادم حكمين
        [few] رفض الخادم { $count } أحكام
       *[other] رفض الخادم { $count } حكمًا
    }
uploads-refused-list = الأحكام المرفوضة
uploads-item = العنصر { $id }
uploads-retry = أعد المحاولة
uploads-retry-item = أعد محاولة العنصر { $id }
uploads-export-refused = صدّر الأحكام المرفوضة

## Quality workspace
q-adjudication-load-the-task-file-to = حمّل ملف المهام لرؤية الموجِّه والمخرجات هنا.
q-adjudication-annotator = المُقيِّم
q-adjudication-group = المجموعة
q-adjudication-preferred = المفضَّل
q-adjudication-scores = الدرجات
q-adjudication-flags = العلامات
q-adjudication-final-answer = الإجابة النهائية
q-adjudication-root-cause = السبب الجذري{ " " }
q-adjudication-note = ملاحظة{ " " }
q-adjudication-update-adjudication = حدّث الفصل
q-adjudication-save-adjudication = احفظ الفصل
q-adjudication-final-preference = التفضيل النهائي
q-adjudication-root-cause-2 = السبب الجذري
q-adjudication-note-2 = ملاحظة
q-agreement-majority-of-the-others = أغلبية الآخرين
q-agreement-criterion = المعيار
q-agreement-coefficient = المعامل
q-agreement-level = المستوى
q-agreement-value = القيمة
q-agreement-95-ci = فاصل الثقة 95%
q-agreement-band = الفئة
q-agreement-items = العناصر
q-agreement-annotators = المُقيِّمون
q-agreement-fewer-than-two-annotators-share = لا يشترك مُقيِّمان على الأقل في عناصر.
q-agreement-confusion-matrix-on-the-preference = مصفوفة الالتباس للتفضيل
q-agreement-these-two-share-no-item = لا يشترك هذان في أي عنصر من قائمة الخلافات.
q-agreement-agreement = الاتفاق
q-agreement-pairwise-agreement-between-annotators = الاتفاق الثنائي بين المُقيِّمين
q-agreement-confusion-matrix-rows-first-annotator = مصفوفة الالتباس (الصفوف: إجابة المُقيِّم الأول؛ الخلايا: أعداد، مظلّلة بحسب حصة الصف)
q-annotators-kpi-thresholds = عتبات مؤشرات الأداء
q-annotators-apply-and-save = طبّق واحفظ
q-annotators-pass = ناجح
q-annotators-llm-judge = { " " }(محكّم نموذج لغوي)
q-annotators-groups-sites-vendors = المجموعات (المواقع، الموردون)
q-annotators-judgments = الأحكام
q-annotators-gold-accuracy = دقة الإجابات المرجعية
q-annotators-tie-rate = نسبة التعادل
q-annotators-kpis = مؤشرات الأداء
q-annotators-agreement-trend-by-week-agreement = اتجاه الاتفاق أسبوعيًا (% الاتفاق على التفضيل)
q-annotators-annotators-and-sites = المُقيِّمون والمواقع
q-annotators-weekly-agreement-per-group = الاتفاق الأسبوعي لكل مجموعة
q-disagreements-adjudicated = فُصل فيه
q-disagreements-previous = ← السابق
q-disagreements-next = التالي →
q-disagreements-choose-an-item-to-see = اختر عنصرًا لرؤية إجابة كل مُقيِّم وتسجيل الإجابة النهائية.
q-disagreements-no-adjudication-yet = لا يوجد فصل بعد.
q-disagreements-export-adjudications-jsonl = صدّر قرارات الفصل (JSONL)
q-disagreements-export-gold-task-file = صدّر ملف المهام المرجعي
q-disagreements-disagreements = الخلافات
q-disagreements-root-causes-most-frequent-first = الأسباب الجذرية، الأكثر تكرارًا أولًا
q-disagreements-needs-the-task-file-the = يحتاج إلى ملف المهام: تُكتب العناصر المفصول فيها مع تعبئة الإجابة المرجعية
q-judges-no-llm-judge-in-these = لا يوجد محكّم نموذج لغوي في هذه الملفات (مُعرِّفات مُقيِّمين تبدأ بـ judge:، أو النوع "judge").
q-judges-llm-judges-compared-with-the = محكّمو النماذج اللغوية مقارنةً بتفضيل أغلبية البشر
q-judges-judge = المحكّم
q-judges-items-shared-with-humans = عناصر مشتركة مع البشر
q-judges-cohen = معامل كوهين κ
q-judges-swapped-pairs = أزواج معكوسة
q-judges-position-consistency = ثبات الموضع
q-judges-position-consistency-of-the-comparisons = ثبات الموضع: من المقارنات التي رآها المحكّم بالترتيبين، حصة تلك التي لم ينقلب فيها حكمه مع تغيّر الترتيب (انظر docs/METRICS.md).
q-judges-llm-judges = محكّمو النماذج اللغوية
q-leaderboard-rank = المرتبة
q-leaderboard-model = النموذج
q-leaderboard-rating = التصنيف
q-leaderboard-rank-range = نطاق المرتبة
q-leaderboard-wins = انتصارات
q-leaderboard-losses = هزائم
q-leaderboard-ties = تعادلات
q-leaderboard-win-rate = نسبة الفوز
q-leaderboard-win-rate-of-row-over = نسبة فوز الصف على العمود (التعادل يُحتسب نصفًا)
q-leaderboard-bias-diagnostics = تشخيص الانحياز
q-leaderboard-slices = الشرائح
q-leaderboard-one-leaderboard-per = لوحة صدارة لكل{ " " }
q-leaderboard-computing = جارٍ الحساب…
q-leaderboard-show-slices = اعرض الشرائح
q-leaderboard-meta-fields-need-the-task = حقول meta تحتاج إلى ملف المهام.
q-leaderboard-no-slice-has-battles = لا توجد مواجهات في أي شريحة.
q-leaderboard-leaderboard = لوحة الصدارة
q-leaderboard-model-ratings-with-95-confidence = تصنيفات النماذج مع فواصل ثقة 95%
q-leaderboard-win-rate-matrix = مصفوفة نسب الفوز
q-leaderboard-slice-by = التقسيم حسب
q-leaderboard-criterion-or-meta-field-e = معيار، أو meta.FIELD (مثل meta.category)
q-overview-groups = المجموعات
q-overview-items-with-2-judgments = عناصر بحكمين أو أكثر
q-overview-judgments-per-day = الأحكام يوميًا
q-overview-overview = نظرة عامة
q-quality-quality-workspace = مساحة عمل الجودة
q-quality-download-report-html = نزّل التقرير (HTML)
q-quality-back-to-rating = العودة إلى التقييم
q-quality-judgments-one-or-more-jsonl = الأحكام (ملف JSONL واحد أو أكثر)
q-quality-task-file-optional-gold-items = ملف المهام (اختياري: الإجابات المرجعية، العناصر)
q-quality-rubric-optional = دليل التقييم (اختياري)
q-quality-analyse = حلّل
q-quality-analyse-the-mt-bench-human = حلّل الأحكام البشرية على MT-Bench (عرض توضيحي)
q-quality-everything-runs-in-this-browser = كل شيء يعمل في هذا المتصفح، في عامل خلفي.
q-quality-root-cause-tags-comma-separated = وسوم الأسباب الجذرية (مفصولة بفواصل){ " " }
q-quality-tables-as-csv = الجداول بتنسيق CSV:{ " " }
q-quality-mt-bench-human-judgments-zheng = الأحكام البشرية على MT-Bench: ‏Zheng et al. 2023، arXiv:2306.05685، ‏CC BY 4.0.
q-quality-analysis-in-progress = التحليل جارٍ
q-quality-files-to-analyse = الملفات المراد تحليلها
q-quality-views = طرق العرض
q-quality-root-cause-tags = وسوم الأسباب الجذرية
q-quality-tables-as-csv-2 = الجداول بتنسيق CSV
q-tab-overview = نظرة عامة
q-tab-agreement = الاتفاق
q-tab-annotators = المُقيِّمون والمواقع
q-tab-judges = محكّمو النماذج اللغوية
q-tab-leaderboard = لوحة الصدارة
q-tab-disagreements = الخلافات
q-choose-judgments = اختر ملف أحكام واحدًا على الأقل.
q-status-starting = جارٍ بدء التحليل…
q-status-reading = جارٍ قراءة الملفات…
q-status-computing = جارٍ حساب الاتفاق والترتيب وقائمة الخلافات…
q-status-done = اكتمل التحليل في { $seconds } ث
q-adjudication-save-failed = تعذّر حفظ الفصل: { $error }
q-adjudication-title = { $id } — { $count ->
        [one] حكم واحد
        [two] حكمان
        [few] { $count } أحكام
       *[other] { $count } حكمًا
    }، الخلاف { $disagreement }
q-adjudication-output-of = مُخرَج { $model }
q-adjudication-saved-at = فُصل فيه { $time }
q-agreement-caption = الاتفاق لكل معيار ({ $resamples } إعادة معاينة bootstrap، فاصل ثقة 95%)
q-agreement-pairwise-title = الاتفاق الثنائي على «{ $criterion }» (% من العناصر المشتركة؛ أنشط { $count } مُقيِّمين)
q-agreement-shared = { $count } عنصرًا مشتركًا · الاتفاق { $agreement }
q-agreement-rows = الصفوف:{ " " }
q-agreement-columns = الأعمدة:{ " " }
q-col-annotator = المُقيِّم
q-col-group = المجموعة
q-col-judgments = الأحكام
q-col-median = الزمن الوسيط
q-col-alpha-delta = α مع − بدون
q-col-kappa = متوسط κ لكوهين
q-col-gold = دقة الإجابات المرجعية
q-col-position = حصة فوز اليسار
q-col-ties = نسبة التعادل
q-col-flags = نسبة الوسم
q-col-pass = مؤشرات الأداء
q-kpi-gold = دقة الإجابات المرجعية ≥
q-kpi-alpha = α المجموعة ≥
q-kpi-position = حصة فوز اليسار ≤
q-kpi-fail = راسب: { $failed }
q-annotators-caption = { $count ->
        [one] مُقيِّم واحد
        [two] مُقيِّمان
        [few] { $count } مُقيِّمين
       *[other] { $count } مُقيِّمًا
    }
q-disagreements-title = { $count ->
        [one] عنصر واحد بحكمين أو أكثر
        [two] عنصران بحكمين أو أكثر، الأكثر خلافًا أولًا
        [few] { $count } عناصر بحكمين أو أكثر، الأكثر خلافًا أولًا
        [many] { $count } عنصرًا بحكمين أو أكثر، الأكثر خلافًا أولًا
       *[other] { $count } عنصر بحكمين أو أكثر، الأكثر خلافًا أولًا
    }
q-disagreements-row = { " " }{ $disagreement } · { $count } حكمًا
q-disagreements-page = { $first }–{ $last } من { $total }
q-root-causes-title = { $count ->
        [one] الأسباب الجذرية لقرار فصل واحد
        [two] الأسباب الجذرية لقراري فصل
        [few] الأسباب الجذرية لـ { $count } قرارات فصل
        [many] الأسباب الجذرية لـ { $count } قرارًا من قرارات الفصل
       *[other] الأسباب الجذرية لـ { $count } من قرارات الفصل
    }
q-leaderboard-title = تصنيفات Bradley–Terry (بمقياس Elo)، فاصل ثقة bootstrap ‏95% على { $battles } مواجهة
q-bias-position = فاز المُخرَج المعروض أولًا في { $wins } من { $decisive } مواجهة حاسمة ({ $share })؛ اختبار ذي الحدين ثنائي الطرف p = { $p }
q-bias-ties = التعادل: { $ties } · كلاهما سيئ: { $both_bad }
q-bias-length = فاز المُخرَج الأطول في { $wins } من { $decisive } مواجهة حاسمة بأطوال مختلفة ({ $share })
q-bias-length-needs-tasks = انحياز الطول يحتاج إلى ملف المهام (نصوص المخرجات).
q-slice-title = { $name } — { $battles } مواجهة
q-slice-chart = تصنيفات { $name }
q-overview-no-dates = لا يحمل أي حكم تاريخًا ({ $undated } بلا تاريخ).
q-overview-undated = { $count ->
        [one] حكم واحد بلا تاريخ.
        [two] حكمان بلا تاريخ.
        [few] { $count } أحكام بلا تاريخ.
       *[other] { $count } حكمًا بلا تاريخ.
    }
q-overview-problems = { $count ->
        [one] مشكلة واحدة في الملفات
        [two] مشكلتان في الملفات
        [few] { $count } مشكلات في الملفات
       *[other] { $count } مشكلة في الملفات
    }
q-tab-campaign = الحملة
q-tab-sample-size = حجم العينة
q-quality-campaign-progress = تقدّم الحملة

## rich
key-action-14 = أظهر مساعدة كل معيار أو أخفها
key-action-15 = خذ استراحة الآن
break-text-any = ابتعد عن الشاشة بضع دقائق؛ عملك محفوظ.
criterion-anchor-hint = { $value }: { $anchor } (المفتاح { $key })
rating-gold-tie = تعادل
rating-gold-both-bad = كلاهما سيئ
rating-gold-score-of = { $criterion } ({ $output }): { $value }
content-code = شيفرة { $language }
content-diff-toggle = أظهر الفروق
content-diff-title = الفروق بين المُخرَجات
content-diff-truncated = تختلف المُخرَجات أكثر من أن تُقارَن كلمةً بكلمة.
media-kind-image = صورة
media-kind-audio = صوت
media-kind-video = فيديو
media-reveal-image = إظهار الوسائط (صورة)
media-reveal-audio = إظهار الوسائط (صوت)
media-reveal-video = إظهار الوسائط (فيديو)
media-hidden = مخفية بحسب إعدادات العرض لديك.
media-refused = لم تُعرَض: { $reason } ({ $kind }: { $alt })
media-refused-scheme = عناوين { $scheme }: غير مسموح بها: استخدم ‎https://‎ أو مسارًا على هذا الخادم أو عنوان data:
media-refused-type = يجب أن يكون عنوان data: لهذا الجزء من النوع { $expected }/…، لكن وُجد «{ $found }»
media-refused-malformed = عنوان غير صالح البنية
media-refused-origin = { $origin } ليس في قائمة مصادر الوسائط لهذه الصفحة (media_origins)
viewing-title = إعدادات العرض
viewing-always-blur = موِّه الصور والفيديو دائمًا إلى أن أُظهرها
viewing-greyscale = اعرض الوسائط بتدرّج الرمادي
viewing-hide = أخفِ الوسائط إلى أن أطلبها
wellbeing-exposure = المحتوى الحساس اليوم: { $minutes } د
wellbeing-take-break = خذ استراحة
wellbeing-soft-cap = بلغتَ الحد المقترح لهذا اليوم من المحتوى الحساس. فكّر في أخذ استراحة.
wellbeing-hard-cap = قائمة عناصرك متوقفة حتى الغد: بلغتَ حد اليوم من المحتوى الحساس. يرى مسؤولك السبب.
wellbeing-paused = القائمة متوقفة
q-adjudication-reveal = إظهار المحتوى
q-wellbeing-title = الرفاه: التعرّض لعناصر حساسة أو موسومة
q-wellbeing-none = لا توجد أحكام من مُقيِّمين بشريين.
q-wellbeing-per-rater = التعرّض لكل مُقيِّم
q-wellbeing-per-site = التعرّض لكل موقع
q-wellbeing-judged = المقيَّمة
q-wellbeing-exposing = عناصر التعرّض
q-wellbeing-minutes = التعرّض (دقيقة)
q-wellbeing-flags = وسوم المحتوى الضار
q-wellbeing-busiest = أكثر الأيام (دقيقة)
q-wellbeing-hard-cap = بلوغ الحد الأقصى
q-wellbeing-raters = المُقيِّمون
q-wellbeing-per-rater-minutes = لكل مُقيِّم (دقيقة)
q-wellbeing-note = الدقائق هي الوقت النشط المسجَّل على عناصر موصوفة بالحساسية أو وسمها المُقيِّم. الحد الأقصى: الأيام التي توقفت فيها قائمة المُقيِّم.
## lead: KPI verdicts with uncertainty
q-kpi-insufficient = أدلة غير كافية: { $kpis }
q-kpi-rule = لا يرسب مؤشر الأداء إلا بوجود { $min } ملاحظة على الأقل، وفترة ثقة 95٪ تقع كلها خارج الهدف، واختبار يصمد بعد تصحيح بنجاميني–هوخبرغ عبر جميع المقيِّمين (معدل الاكتشاف الخاطئ { $fdr }٪). والإخفاق دون هذه الأدلة يظهر بعبارة «أدلة غير كافية».
q-judges-drift = الانحراف (CUSUM أسبوعيًا)
q-judges-weekly-caption = { $judge }: الاتفاق مع أغلبية البشر أسبوعيًا (الأسابيع التي أشار فيها CUSUM مميَّزة)
q-judges-week = الأسبوع
q-judges-no-drift = لم يُرصد انحراف
q-judges-drift-up = ارتفع الاختلاف ابتداءً من { $period }
q-judges-drift-down = انخفض الاختلاف ابتداءً من { $period }

## i18n
# علامات الترقيم: بعد التسمية وبين عناصر القائمة.
label-colon = { ": " }
list-separator = { "، " }
# صفحة الحملة للمُقيِّم: المعايرة، ثم البوابة، ثم الإنتاج.
campaign-loading = جارٍ تحميل الحملة…
campaign-opening = جارٍ فتح قائمة عناصرك…
campaign-cannot-open = تعذّر فتح هذه الحملة. تحقّق من الرابط الذي أُرسل إليك، أو اسأل مسؤولك.
campaign-no-annotator = رابط الحملة هذا لا يحدّد مُقيِّمًا: افتح الرابط الذي أُرسل إليك (ينتهي بـ &annotator=…).
campaign-attempt = المحاولة { $attempt } من { $allowed }
campaign-calibration-intro = المعايرة: قيّم هذه العناصر أولًا. تُقارَن إجاباتك بالإجابات المتوقعة، ويُفتح الإنتاج بمجرد نجاحك.
campaign-passed = اجتزت المعايرة: قائمة الإنتاج الخاصة بك مفتوحة.
campaign-failed-title = لم تجتز المعايرة بعد
campaign-locked-title = لم تجتز المعايرة
campaign-locked-body = استنفدت كل المحاولات المسموح بها، لذا تبقى قائمة الإنتاج مغلقة. أُرسلت إجاباتك إلى مسؤولك وسيتواصل معك.
campaign-accuracy = طابقت { $accuracy } من الإجابات المتوقعة؛ درجة النجاح { $pass }.
campaign-missed = عناصر تستحق نظرة ثانية: { $items }
campaign-retakes-left = { $count ->
        [one] يمكنك إعادة المعايرة مرة واحدة أخرى.
        [two] يمكنك إعادة المعايرة مرتين أخريين.
        [few] يمكنك إعادة المعايرة { $count } مرات أخرى.
       *[other] يمكنك إعادة المعايرة { $count } مرة أخرى.
    }
campaign-retake = ابدأ الإعادة
campaign-export-hint = تبقى أحكام المعايرة محفوظة في هذا المتصفح؛ نزّلها لتسلّمها مع أحكامك الأخرى.
campaign-download-calibration = نزّل أحكام المعايرة الخاصة بي
campaign-download-failed = فشل التنزيل: { $error }
# تبويب الحملة في مساحة الجودة.
q-campaign-file = ملف الحملة (campaign.json)
q-campaign-tasks-file = ملف المهام الخاص بالحملة
q-campaign-compute = احسب تقدّم الحملة
q-campaign-computing = جارٍ حساب التقدّم في الخلفية…
q-campaign-need-judgments = اختر ملفات الأحكام (أو ما صدّرته نقطة الجمع) أعلاه أولًا.
q-campaign-need-campaign = اختر ملف الحملة وملف مهامها.
q-campaign-raters = تقدّم الحملة لكل مُقيِّم
q-campaign-sites = مجاميع الحملة لكل موقع
q-campaign-col-rater = المُقيِّم
q-campaign-col-site = الموقع
q-campaign-col-raters = المُقيِّمون
q-campaign-col-assigned = المُسنَد
q-campaign-col-done = المُنجَز
q-campaign-col-calibration = المعايرة
q-campaign-col-retest-pairs = أزواج إعادة الاختبار
q-campaign-col-self-kappa = κ الذاتي
q-campaign-col-flip-rate = نسبة الانقلاب عند تبديل الترتيب
q-campaign-no-site = (بلا موقع)
q-campaign-gate-open = لا يوجد
q-campaign-gate-in-progress = قيد التنفيذ
q-campaign-gate-passed = ناجح
q-campaign-gate-failed = راسب (الإعادة مسموحة)
q-campaign-gate-locked = راسب (مُقفَل)
q-campaign-gate-accuracy = { $status } ({ $accuracy })
q-campaign-coverage-label = تغطية العناصر
q-campaign-coverage = { $items ->
        [one] عنصر واحد في ملف المهام
        [two] عنصران في ملف المهام
        [few] { $items } عناصر في ملف المهام
        [many] { $items } عنصرًا في ملف المهام
       *[other] { $items } عنصر في ملف المهام
    }: { $complete } مُقيَّمة بالكامل، و{ $partial } جزئيًا، و{ $untouched } لم تُقيَّم بعد
q-campaign-pace-label = الوتيرة
q-campaign-pace = بمعدل { $per_day } حكم في اليوم خلال آخر { $days } من الأيام؛ يتبقى { $remaining }؛ الانتهاء المتوقع { $finish }
q-campaign-no-estimate = لا توجد أحكام حديثة مؤرَّخة تكفي لتقدير موعد الانتهاء
q-campaign-unplanned = { $count ->
        [one] حكم واحد لا ينتمي إلى أي إسناد في هذه الحملة فاستُبعد.
        [two] حكمان لا ينتميان إلى أي إسناد في هذه الحملة فاستُبعدا.
        [few] { $count } أحكام لا تنتمي إلى أي إسناد في هذه الحملة فاستُبعدت.
        [many] { $count } حكمًا لا تنتمي إلى أي إسناد في هذه الحملة فاستُبعدت.
       *[other] { $count } حكم لا تنتمي إلى أي إسناد في هذه الحملة فاستُبعدت.
    }
# تبويب حجم العينة.
q-size-question = السؤال
q-size-metric-alpha = عدد العناصر لبلوغ نصف عرض معيّن لفاصل ثقة α كريبندورف
q-size-metric-accuracy = عدد العناصر المرجعية لقياس الدقة ± عرض معيّن
q-size-metric-bt = عدد المواجهات للتمييز بين نموذجين (Bradley–Terry)
q-size-level-nominal = اسمي
q-size-level-ordinal = ترتيبي
q-size-level-interval = فتري
q-size-categories = الفئات
q-size-raters = المُقيِّمون لكل عنصر
q-size-alpha = α المتوقعة
q-size-width = نصف عرض فاصل الثقة 95%
q-size-accuracy = الدقة المتوقعة
q-size-elo = فرق Elo
q-size-power = القوة الإحصائية
q-size-replications = عمليات المحاكاة لكل حجم
q-size-seed = البذرة
q-size-compute = احسب
q-size-computing = جارٍ المحاكاة في الخلفية…
q-size-inputs = المُدخلات المستخدمة
q-size-answer-alpha = { $n ->
        [one] عنصر واحد
        [two] عنصران
        [few] { $n } عناصر
        [many] { $n } عنصرًا
       *[other] { $n } عنصر
    }: فاصل ثقة 95% لـ α بمقدار ± { $width }
q-size-answer-accuracy = { $n ->
        [one] عنصر مرجعي واحد
        [two] عنصران مرجعيان
        [few] { $n } عناصر مرجعية
        [many] { $n } عنصرًا مرجعيًا
       *[other] { $n } عنصر مرجعي
    }: الدقة ± { $width }
q-size-answer-bt = { $n ->
        [one] مواجهة واحدة
        [two] مواجهتان
        [few] { $n } مواجهات
        [many] { $n } مواجهةً
       *[other] { $n } مواجهة
    }: تمييز بين النموذجين بقوة { $power }
# سطر المُدخلات في النظرة العامة: الأعداد نفسها التي يطبعها كل أمر من أوامر verdict.
q-overview-input = قُرئ: { $files ->
        [one] ملف واحد
        [two] ملفان
        [few] { $files } ملفات
        [many] { $files } ملفًا
       *[other] { $files } ملف
    }، { $lines ->
        [one] سطر واحد
        [two] سطران
        [few] { $lines } أسطر
        [many] { $lines } سطرًا
       *[other] { $lines } سطر
    }، { $judgments ->
        [one] حكم واحد
        [two] حكمان
        [few] { $judgments } أحكام
        [many] { $judgments } حكمًا
       *[other] { $judgments } حكم
    }، { $replaced } مُستبدَل، { $skipped } مُتخطّى، { $problems ->
        [one] مشكلة واحدة
        [two] مشكلتان
        [few] { $problems } مشكلات
        [many] { $problems } مشكلةً
       *[other] { $problems } مشكلة
    } (العدد نفسه في ملخّص المُدخلات لكل أمر من أوامر verdict).
q-overview-warnings = { $count ->
        [one] تحذير واحد في الملفات
        [two] تحذيران في الملفات
        [few] { $count } تحذيرات في الملفات
        [many] { $count } تحذيرًا في الملفات
       *[other] { $count } تحذير في الملفات
    }
q-leaderboard-not-rated = بلا تصنيف
q-judges-no-swapped-pairs = لا أزواج معكوسة

## qc
qc-tab-spc = خرائط المراقبة
qc-tab-audit = تدقيق الدفعات
qc-spc = الضبط الإحصائي للعمليات
qc-metric = المقياس
qc-metric-disagreement = الاختلاف مع المُقيِّمين الآخرين
qc-metric-gold-error = الخطأ مقارنةً بالإجابة المرجعية
qc-metric-handle-time = زمن المعالجة (بالثواني)
qc-by = خط واحد لكل
qc-by-group = مجموعة (موقع)
qc-by-annotator = مُقيِّم
qc-period = الفترة
qc-period-week = أسبوع ISO
qc-period-day = يوم
qc-chart = الخريطة
qc-rules = قواعد التتابع
qc-rules-limits-only = الحدود فقط
qc-baseline-from = خط الأساس من (المرحلة الثانية)
qc-baseline-to = خط الأساس حتى
qc-include-judges = تضمين محكّمي النماذج اللغوية
qc-events = الأحداث
qc-events-label = الأحداث (التاريخ,الوصف في كل سطر، أو أسطر JSON)
qc-events-file = أو حمّل ملف أحداث
qc-strata-rows = صفوف الطبقات (group أو annotator أو meta.FIELD)
qc-strata-columns = أعمدة الطبقات (all أو group أو annotator أو meta.FIELD)
qc-before-from = المقارنة: الفترة الأولى من
qc-before-to = الفترة الأولى حتى
qc-after-from = الفترة الثانية من
qc-after-to = الفترة الثانية حتى
qc-draw = ارسم الخرائط
qc-computing = جارٍ حساب الخرائط
qc-no-chart = لا خريطة: { $reason }
qc-phase = المرحلة { $phase }: الحدود من { $subgroups } مجموعة فرعية، الخط المركزي { $centre }
qc-chart-title = خريطة { $chart } لـ { $key }
qc-signal = إشارة
qc-signals-caption = { $count ->
        [zero] لا إشارات
        [one] إشارة واحدة
        [two] إشارتان
        [few] { $count } إشارات
       *[other] { $count } إشارة
    }
qc-key = الموقع أو المُقيِّم
qc-rule = القاعدة
qc-value = القيمة
qc-lcl = الحد الأدنى
qc-ucl = الحد الأعلى
qc-kpi-caption = نسبة الأحكام الخالية من العيوب مقارنةً بالهدف { $target } (لا يُعلَّم إلا عندما n ≥ { $min })
qc-kpi-share = النسبة
qc-interval = فترة Wilson بثقة 95٪
qc-q-value = q (BH)
qc-status = الحالة
qc-status-below = دون الهدف
qc-status-meets = يبلغ الهدف
qc-status-insufficient = أدلة غير كافية
qc-bh-statement = { $count ->
        [one] اختُبر مُقيِّم أو موقع واحد؛ يلزم للتعليم أن تقع فترة الثقة 95٪ كلها دون الهدف وأن يكون اختبار ذي الحدين أحادي الجانب دالًّا بعد ضبط معدل الاكتشاف الكاذب بطريقة Benjamini–Hochberg عند 5٪.
       *[other] اختُبر { $count } من المُقيِّمين أو المواقع معًا؛ يلزم للتعليم أن تقع فترة الثقة 95٪ كلها دون الهدف وأن يكون اختبار ذي الحدين أحادي الجانب دالًّا بعد ضبط معدل الاكتشاف الكاذب بطريقة Benjamini–Hochberg عند 5٪ عبرها جميعًا.
    }
qc-strata-title = المعدل حسب الطبقة (المعيبة / المقارَنة)
qc-changed-caption = ما الذي تغيّر من { $before } ({ $from }) إلى { $after } ({ $to })، الطبقات حسب الإسهام
qc-stratum = الطبقة
qc-before = الفترة الأولى
qc-after = الفترة الثانية
qc-contribution = الإسهام
qc-test = الاختبار
qc-audit = تدقيق بالمعاينة للقبول
qc-lot = حجم الدفعة
qc-aql = AQL (٪)
qc-level = مستوى الفحص
qc-inspection = الفحص
qc-inspection-normal = عادي
qc-inspection-tightened = مشدَّد
qc-inspection-reduced = مخفَّف
qc-ltpd = LTPD (٪) لخطة مخصّصة
qc-alpha = مخاطرة المنتِج α
qc-beta = مخاطرة المستهلك β
qc-plan = اعرض الخطة
qc-qa-judgments = أحكام ضبط الجودة على العيّنة
qc-state-file = حالة التبديل (اختياري)
qc-defect-flag = علامة العيب
qc-decide = قرّر بشأن الدفعة
qc-plan-iso = حرف رمز ISO 2859-1 ‏{ $letter }: افحص n = { $n }، واقبل عند ≤ { $ac } عيوب، وارفض عند ≥ { $re }
qc-plan-custom = خطة مخصّصة: افحص n = { $n }، واقبل عند ≤ { $c } عيوب
qc-inspect-all = العيّنة لا تقل عن الدفعة: افحص كل عنصر.
qc-oc-title = منحنى خاصية التشغيل: احتمال قبول الدفعة حسب معدل العيوب
qc-accept = اقبل الدفعة
qc-reject = ارفض الدفعة
qc-defects = { $defects } معيبة من { $inspected } مفحوصة
qc-rate = معدل العيوب { $rate }، فترة Clopper–Pearson بثقة 95٪ { $interval }
qc-next-inspection = الدفعة التالية: فحص { $inspection } (درجة التبديل { $score })
qc-events-placeholder = date,label — حدث واحد في كل سطر، مثل 2026-11-30,guideline v3

## stream
rating-loading-items = جارٍ تحميل ملف المهام: قُرئ { $percent } %، و{ $items } عنصرًا حتى الآن. يمكنك التقييم أثناء التحميل.
rating-loading-items-unknown = جارٍ تحميل ملف المهام: { $items } عنصرًا حتى الآن. يمكنك التقييم أثناء التحميل.

## workspace
q-leaderboard-matrix-top = أعلى { $shown } نموذجًا تقييمًا من أصل { $total } (جداول CSV تضمّها كلها).
