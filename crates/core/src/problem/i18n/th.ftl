# ปัญหาที่พบในไฟล์ข้อมูลเข้า ในรูปข้อความ (verdict_core::problem::Detail; docs/FORMATS.md)
# ใช้โดย CLI รายงาน และแอป โดย $file, $line และ $field บอกตำแหน่งของปัญหา
# คำศัพท์ของอินเทอร์เฟซ (www/i18n/th.ftl): item = รายการ, judgment = การประเมิน, rubric = เกณฑ์การให้คะแนน,
# criterion = เกณฑ์, annotator = ผู้ประเมิน, model = โมเดล, output = ผลลัพธ์, warning = คำเตือน

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: คำเตือน: { $message }

problem-invalid-json-detail = ไม่ใช่ JSON ที่ถูกต้อง ({ $parser })
problem-truncated = ข้อมูลถูกตัด: ไฟล์จบลงกลาง JSON ของบรรทัดนี้ ({ $parser })
problem-invalid-json-array = ไม่ใช่อาร์เรย์ JSON ที่ถูกต้อง ({ $parser })
problem-invalid-toml = ไม่ใช่ TOML ที่ถูกต้อง ({ $parser })
problem-unreadable = อ่านไม่ได้: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = ไฟล์ว่างเปล่า
problem-file-changed = ไฟล์งานนี้ต่างจากไฟล์ที่เคยให้คะแนนในเบราว์เซอร์นี้หลังจาก 4 MiB แรก: การตัดสินของรายการที่เปลี่ยนอาจไม่ตรงกันอีกต่อไป
problem-not-utf8-at = ไม่ใช่ UTF-8 ที่ถูกต้อง (ไบต์ผิดที่คอลัมน์ { $column }): โปรดบันทึกไฟล์เป็น UTF-8
problem-not-utf8-detail = ไม่ใช่ UTF-8 ที่ถูกต้อง
problem-line-too-long-detail = ยาวเกินขีดจำกัด { $limit } ไบต์ต่อบรรทัด (เพิ่มได้ด้วย --max-line-bytes)
problem-missing-detail = ขาดหายไป
problem-missing-prompt = ขาดหายไป: โปรดระบุพรอมต์ (prompt) หรือบทสนทนา (conversation)
problem-no-items = ไฟล์ว่างเปล่า: ไม่มีรายการให้ประเมิน
problem-wrong-type-detail = ต้องเป็น{ $expected } แต่พบ{ $found }
problem-not-allowed = ต้องเป็น{ $expected } แต่พบ "{ $value }"
problem-empty-detail = ต้องไม่ว่างเปล่า
problem-schema-detail = ต้องเป็น "{ $expected }" แต่พบ "{ $value }"
problem-not-foreign = ไม่ใช่รูปแบบภายนอก: โปรดโหลดเป็นงานของ Verdict
problem-unknown-row = ไม่ใช่การประเมิน การแข่งขันของ Arena หรือแถวของ AlpacaEval
problem-unknown-events-format = ต้องเป็นบรรทัด JSON หรือ CSV ที่มีส่วนหัว date และ label
problem-no-content-detail = การประเมินต้องมีอย่างน้อยหนึ่งฟิลด์จาก preference, ranking, scores, flags
problem-duplicate-key-detail = ฟิลด์ `{ $key }` ซ้ำ
problem-duplicate-id = id "{ $id }" ซ้ำ: รายการสองรายการใช้ id เดียวกันไม่ได้ (รายการแรกอยู่ที่บรรทัด { $line })
problem-duplicate-model = โมเดล "{ $model }" ปรากฏสองครั้ง
problem-duplicate-criterion = เกณฑ์สองข้อใช้ "{ $id }" ซ้ำกัน
problem-duplicate-option = ตัวเลือก "{ $option }" ปรากฏสองครั้ง
problem-conversations-differ = เทิร์นของผู้ใช้ก่อนคำตอบแรกไม่ตรงกับของ conversation_a
problem-no-verdict-detail = แถวนี้ไม่มีผลตัดสิน (ไม่มีผู้ชนะ)
problem-out-of-range-detail = ต้องเป็นจำนวนเต็มตั้งแต่ { $min } ถึง { $max } แต่พบ { $value }
problem-preference-out-of-range = ต้องเป็น 1, 2 หรือ 1.5 (หรือน้ำหนักระหว่าง 1 ถึง 2) แต่พบ { $value }
problem-not-a-criterion = ไม่ใช่เกณฑ์ที่มีในเกณฑ์การให้คะแนน
problem-not-an-option = "{ $option }" ไม่ใช่หนึ่งในตัวเลือก
problem-bound-too-large = ต้องอยู่ระหว่าง -{ $bound } ถึง { $bound }
problem-max-not-above-min = ต้องมากกว่า min ({ $min } ≥ { $max })
problem-too-many-points = สเกล likert มีได้ไม่เกิน { $max } ระดับ
problem-too-few-options = เกณฑ์แบบ choice ต้องมีตัวเลือกอย่างน้อยสองตัว
problem-too-few-labels = สเกลความชอบต้องมีป้ายกำกับอย่างน้อยสองป้าย
problem-too-long = ยาวเกิน { $max } อักขระ
problem-too-many-events = มีเหตุการณ์เกิน { $max } รายการ
problem-unknown-part-type = ไม่รู้จักประเภทส่วน "{ $name }" (text, markdown, code, math, image, audio, video)
problem-unknown-field = ไม่ใช่ฟิลด์ของส่วนประเภทนี้
problem-url-scheme = ไม่อนุญาต URL แบบ { $scheme }: โปรดใช้ https:// พาธบนโฮสต์นี้ หรือ data: URI
problem-url-data-type = data: URI ของส่วน{ $kind ->
        [image] รูปภาพ
        [audio] เสียง
       *[video] วิดีโอ
    }ต้องเป็น { $kind }/… แต่พบ "{ $value }"
problem-url-malformed = URL มีรูปแบบไม่ถูกต้อง
problem-url-origin = { $origin } ไม่อยู่ในรายการแหล่งสื่อของหน้านี้ (media_origins)
problem-anchors-need-likert = คำอธิบายระดับ (anchors) ใช้ได้กับเกณฑ์แบบ likert เท่านั้น
problem-not-a-point = ไม่ใช่ระดับบนสเกล ({ $min } ถึง { $max })
problem-unknown-criterion = ไม่มีเกณฑ์ "{ $id }" ในเกณฑ์การให้คะแนน
problem-condition-looks-ahead = "{ $id }" ต้องมาก่อนเกณฑ์นี้ (เงื่อนไขอ้างอิงได้เฉพาะเกณฑ์ที่อยู่ก่อนหน้า)
problem-condition-per-output = "{ $id }" ถามแยกตามผลลัพธ์: เฉพาะเกณฑ์แบบแยกตามผลลัพธ์เท่านั้นที่ขึ้นกับเกณฑ์นี้ได้
problem-condition-null = ต้องเป็นคำตอบที่ใช้เปรียบเทียบ แต่พบ null
problem-chain-unexpected = บรรทัดนี้มี chain แต่การประเมินแรกของไฟล์ไม่มี: มีการเพิ่ม ลบ หรือสลับลำดับบรรทัด
problem-chain-missing = ขาดหายไป: บรรทัดอื่นมี chain ดังนั้นบรรทัดนี้ถูกเพิ่มเข้ามา หรือ chain ของบรรทัดนี้ถูกลบออก
problem-chain-mismatch = ไม่ตรงกัน: บรรทัดนี้ถูกแก้ไข หรือบรรทัดก่อนหน้าถูกลบ แทรก หรือสลับลำดับ (ค่าที่ควรเป็นคือ { $expected } โดยต่อจาก{ $from ->
        [first] บรรทัดแรก
       *[previous] บรรทัดก่อนหน้า
    })
problem-replaces = แทนที่การประเมินรายการ "{ $item }" ของผู้ประเมิน "{ $annotator }" { $where ->
        [other] ที่ { $place }
       *[same] ที่บรรทัด { $place }
    }
problem-replaced-by = ถูกแทนที่ด้วยการประเมินรายการ "{ $item }" ของผู้ประเมิน "{ $annotator }" { $where ->
        [other] ที่ { $place }
       *[same] ที่บรรทัด { $place }
    } ซึ่งส่งภายหลัง

problem-expected-string = สตริง
problem-expected-whole-number = จำนวนเต็ม
problem-expected-boolean = ค่าบูลีน (true หรือ false)
problem-expected-object = ออบเจ็กต์
problem-expected-array = อาร์เรย์
problem-expected-string-array = อาร์เรย์ของสตริง
problem-expected-string-or-number = สตริงหรือตัวเลข
problem-expected-winner = รหัสโมเดล, "tie" หรือ "both_bad"
problem-expected-turn = ออบเจ็กต์ที่มี role และ content
problem-expected-turn-array = อาร์เรย์ของเทิร์นสนทนา
problem-expected-output = ออบเจ็กต์ที่มี model และ content
problem-expected-alpaca-preference = ตัวเลข (1, 2 หรือ 1.5)
problem-expected-arena-winner = ค่า "model_a", "model_b", "tie" หรือ "tie (bothbad)"
problem-expected-one-option = หนึ่งในตัวเลือก
problem-expected-option-array = อาร์เรย์ของตัวเลือก
problem-expected-scores-by-model = ออบเจ็กต์ที่ใช้โมเดลเป็นคีย์ (เกณฑ์แบบแยกตามผลลัพธ์)
problem-expected-content-or-parts = สตริงหรือรายการของส่วน
problem-expected-part-object = ออบเจ็กต์ของส่วน
problem-expected-date = วันที่ (YYYY-MM-DD)
problem-expected-event = ออบเจ็กต์ที่มี date และ label

problem-found-null = ค่า null
problem-found-boolean = ค่าบูลีน
problem-found-number = ตัวเลข
problem-found-string = สตริง
problem-found-array = อาร์เรย์
problem-found-object = ออบเจ็กต์
