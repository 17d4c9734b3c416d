# المشكلات التي وُجدت في ملفات الإدخال، مصوغةً في كلمات (verdict_core::problem::Detail؛ docs/FORMATS.md).
# تستخدمها واجهة سطر الأوامر والتقرير والتطبيق. يحدّد $file و$line و$field موضع المشكلة.
# مصطلحات الواجهة (www/i18n/ar.ftl): item = عنصر، judgment = حكم، rubric = دليل التقييم،
# criterion = معيار، annotator = مُقيِّم، model = نموذج، output = مُخرَج، warning = تحذير.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: تحذير: { $message }

problem-invalid-json-detail = ليس JSON صالحًا ({ $parser })
problem-truncated = مبتور: ينتهي الملف في منتصف JSON هذا السطر ({ $parser })
problem-invalid-json-array = ليس مصفوفة JSON صالحة ({ $parser })
problem-invalid-toml = ليس TOML صالحًا ({ $parser })
problem-unreadable = تتعذّر قراءته: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = الملف فارغ
problem-file-changed = يختلف ملف المهام هذا بعد أول 4 MiB عن الملف الذي قُيّم سابقًا في هذا المتصفح: قد لا تطابق أحكام العناصر التي تغيّرت.
problem-not-utf8-at = ليس UTF-8 صالحًا (بايت غير صالح في العمود { $column }): احفظ الملف بترميز UTF-8
problem-not-utf8-detail = ليس UTF-8 صالحًا
problem-line-too-long-detail = أطول من الحد الأقصى للسطر ({ $limit } بايت)، ويمكن رفعه بالخيار --max-line-bytes
problem-missing-detail = مفقود
problem-missing-prompt = مفقود: أضِف موجِّهًا (prompt) أو محادثة (conversation)
problem-no-items = الملف فارغ: لا توجد عناصر للتقييم
problem-wrong-type-detail = المتوقَّع { $expected }، والموجود { $found }
problem-not-allowed = المتوقَّع { $expected }، والموجود "{ $value }"
problem-empty-detail = يجب ألّا يكون فارغًا
problem-schema-detail = المتوقَّع "{ $expected }"، والموجود "{ $value }"
problem-not-foreign = ليس تنسيقًا خارجيًا: حمّله بوصفه مهمة Verdict
problem-unknown-row = ليس حكمًا ولا مواجهة Arena ولا صف AlpacaEval
problem-unknown-events-format = المتوقَّع أسطر JSON أو ملف CSV بترويسة فيها date وlabel
problem-no-content-detail = يحتاج الحكم إلى حقل واحد على الأقل من: preference، ranking، scores، flags
problem-duplicate-key-detail = الحقل `{ $key }` مكرَّر
problem-duplicate-id = المُعرِّف "{ $id }" مكرَّر: لا يجوز أن يشترك عنصران في مُعرِّف واحد (الأول في السطر { $line })
problem-duplicate-model = النموذج "{ $model }" مذكور مرتين
problem-duplicate-criterion = "{ $id }" مستخدَم في معيارين
problem-duplicate-option = الخيار "{ $option }" مذكور مرتين
problem-conversations-differ = أدوار المستخدم فيها قبل أول رد تختلف عن أدواره في conversation_a
problem-no-verdict-detail = لا يحمل هذا الصف أي نتيجة (لا يوجد فائز)
problem-out-of-range-detail = المتوقَّع عدد صحيح من { $min } إلى { $max }، والموجود { $value }
problem-preference-out-of-range = المتوقَّع 1 أو 2 أو 1.5 (أو وزن بين 1 و2)، والموجود { $value }
problem-not-a-criterion = ليس معيارًا في دليل التقييم
problem-not-an-option = "{ $option }" ليس من الخيارات
problem-bound-too-large = يجب أن يكون بين -{ $bound } و{ $bound }
problem-max-not-above-min = يجب أن يكون أكبر من min ({ $min } ≥ { $max })
problem-too-many-points = يجب ألّا يزيد عدد نقاط مقياس likert على { $max }
problem-too-few-options = يحتاج معيار choice إلى خيارين على الأقل
problem-too-few-labels = يحتاج مقياس التفضيل إلى تسميتين على الأقل
problem-too-long = عدد الأحرف أكثر من { $max }
problem-too-many-events = عدد الأحداث أكثر من { $max }
problem-unknown-part-type = نوع جزء غير معروف "{ $name }" (text، markdown، code، math، image، audio، video)
problem-unknown-field = ليس حقلًا من حقول هذا النوع من الأجزاء
problem-url-scheme = عناوين { $scheme }: غير مسموح بها: استخدم ‎https://‎ أو مسارًا على هذا الخادم أو عنوان data:
problem-url-data-type = يجب أن يكون عنوان data: لجزء { $kind ->
        [image] صورة
        [audio] صوت
       *[video] فيديو
    } من النوع { $kind }/…، والموجود "{ $value }"
problem-url-malformed = عنوان غير صالح البنية
problem-url-origin = { $origin } ليس في قائمة مصادر الوسائط لهذه الصفحة (media_origins)
problem-anchors-need-likert = المراسي (anchors) خاصة بمعايير likert
problem-not-a-point = ليس نقطة من نقاط المقياس (من { $min } إلى { $max })
problem-unknown-criterion = لا يوجد معيار "{ $id }" في دليل التقييم
problem-condition-looks-ahead = يجب أن يأتي "{ $id }" قبل هذا المعيار (لا تشير الشروط إلا إلى معايير سابقة)
problem-condition-per-output = يُطرح "{ $id }" لكل مُخرَج: لا يجوز أن تعتمد عليه إلا المعايير التي تُطرح لكل مُخرَج
problem-condition-null = المتوقَّع إجابة للمقارنة بها، والموجود null
problem-chain-unexpected = هذا السطر يحمل chain لكن أول حكم في الملف لا يحمله: أُضيفت أسطر أو حُذفت أو أُعيد ترتيبها
problem-chain-missing = مفقود: الأسطر الأخرى تحمل chain، لذا فهذا السطر مُضاف أو حُذف منه chain
problem-chain-mismatch = غير مطابق: عُدِّل هذا السطر، أو حُذف سطر قبله أو أُدرج أو أُعيد ترتيبه (المتوقَّع { $expected }، بالتسلسل من { $from ->
        [first] السطر الأول
       *[previous] السطر السابق
    })
problem-replaces = يحلّ محلّ حكم المُقيِّم "{ $annotator }" على العنصر "{ $item }" في { $where ->
        [other] { $place }
       *[same] السطر { $place }
    }
problem-replaced-by = حلّ محلّه حكم المُقيِّم "{ $annotator }" على العنصر "{ $item }" في { $where ->
        [other] { $place }
       *[same] السطر { $place }
    }، وقد أُرسل لاحقًا

problem-expected-string = سلسلة نصية
problem-expected-whole-number = عدد صحيح
problem-expected-boolean = true أو false
problem-expected-object = كائن
problem-expected-array = مصفوفة
problem-expected-string-array = مصفوفة سلاسل نصية
problem-expected-string-or-number = سلسلة نصية أو رقم
problem-expected-winner = مُعرِّف نموذج أو "tie" أو "both_bad"
problem-expected-turn = كائن فيه role وcontent
problem-expected-turn-array = مصفوفة أدوار محادثة
problem-expected-output = كائن فيه model وcontent
problem-expected-alpaca-preference = رقم (1 أو 2 أو 1.5)
problem-expected-arena-winner = "model_a" أو "model_b" أو "tie" أو "tie (bothbad)"
problem-expected-one-option = أحد الخيارات
problem-expected-option-array = مصفوفة خيارات
problem-expected-scores-by-model = كائن مفاتيحه النماذج (معيار لكل مُخرَج)
problem-expected-content-or-parts = سلسلة نصية أو قائمة أجزاء
problem-expected-part-object = كائن جزء
problem-expected-date = تاريخ (YYYY-MM-DD)
problem-expected-event = كائن فيه date وlabel

problem-found-null = null
problem-found-boolean = قيمة منطقية
problem-found-number = رقم
problem-found-string = سلسلة نصية
problem-found-array = مصفوفة
problem-found-object = كائن
