# Các vấn đề tìm thấy trong tệp đầu vào, diễn đạt thành lời (verdict_core::problem::Detail; docs/FORMATS.md).
# Dùng cho CLI, báo cáo và ứng dụng. $file, $line và $field cho biết vị trí của vấn đề.
# Thuật ngữ giao diện (www/i18n/vi.ftl): item = mục, judgment = đánh giá, rubric = bộ tiêu chí,
# criterion = tiêu chí, annotator = người gán nhãn, model = mô hình, output = đầu ra, warning = cảnh báo.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: cảnh báo: { $message }

problem-invalid-json-detail = không phải JSON hợp lệ ({ $parser })
problem-truncated = bị cắt cụt: tệp kết thúc giữa phần JSON của dòng này ({ $parser })
problem-invalid-json-array = không phải mảng JSON hợp lệ ({ $parser })
problem-invalid-toml = không phải TOML hợp lệ ({ $parser })
problem-unreadable = không đọc được: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = tệp trống
problem-file-changed = Tệp nhiệm vụ này khác, sau 4 MiB đầu, với tệp đã chấm trước đây trong trình duyệt này: đánh giá của các mục đã thay đổi có thể không còn khớp.
problem-not-utf8-at = không phải UTF-8 hợp lệ (byte lỗi ở cột { $column }): hãy lưu tệp dưới dạng UTF-8
problem-not-utf8-detail = không phải UTF-8 hợp lệ
problem-line-too-long-detail = dài hơn giới hạn { $limit } byte mỗi dòng (dùng --max-line-bytes để tăng giới hạn)
problem-missing-detail = bị thiếu
problem-missing-prompt = bị thiếu: hãy cung cấp lời nhắc (prompt) hoặc hội thoại (conversation)
problem-no-items = tệp trống: không có mục nào để đánh giá
problem-wrong-type-detail = phải là { $expected }, nhưng lại là { $found }
problem-not-allowed = phải là { $expected }, nhưng lại là "{ $value }"
problem-empty-detail = không được để trống
problem-schema-detail = phải là "{ $expected }", nhưng lại là "{ $value }"
problem-not-foreign = không phải định dạng ngoài: hãy tải tệp này như một nhiệm vụ Verdict
problem-unknown-row = không phải đánh giá, trận Arena hay dòng AlpacaEval
problem-unknown-events-format = cần các dòng JSON hoặc tiêu đề CSV có date và label
problem-no-content-detail = một đánh giá cần ít nhất một trong các trường preference, ranking, scores, flags
problem-duplicate-key-detail = trường `{ $key }` bị trùng
problem-duplicate-id = id "{ $id }" bị trùng: hai mục không được dùng chung id (mục đầu tiên ở dòng { $line })
problem-duplicate-model = mô hình "{ $model }" xuất hiện hai lần
problem-duplicate-criterion = "{ $id }" được dùng cho hai tiêu chí
problem-duplicate-option = lựa chọn "{ $option }" xuất hiện hai lần
problem-conversations-differ = các lượt của người dùng trước câu trả lời đầu tiên khác với conversation_a
problem-no-verdict-detail = dòng này không có kết quả (không có bên thắng)
problem-out-of-range-detail = phải là số nguyên từ { $min } đến { $max }, nhưng lại là { $value }
problem-preference-out-of-range = phải là 1, 2 hoặc 1.5 (hoặc một trọng số từ 1 đến 2), nhưng lại là { $value }
problem-not-a-criterion = không phải tiêu chí của bộ tiêu chí
problem-not-an-option = "{ $option }" không thuộc các lựa chọn
problem-bound-too-large = phải nằm trong khoảng từ -{ $bound } đến { $bound }
problem-max-not-above-min = phải lớn hơn min ({ $min } ≥ { $max })
problem-too-many-points = thang likert chỉ được có tối đa { $max } điểm
problem-too-few-options = tiêu chí choice cần ít nhất hai lựa chọn
problem-too-few-labels = thang ưu tiên cần ít nhất hai nhãn
problem-too-long = dài hơn { $max } ký tự
problem-too-many-events = nhiều hơn { $max } sự kiện
problem-unknown-part-type = loại phần không xác định "{ $name }" (text, markdown, code, math, image, audio, video)
problem-unknown-field = không phải trường của loại phần này
problem-url-scheme = không cho phép URL { $scheme }: hãy dùng https://, một đường dẫn trên máy chủ này hoặc URI data:
problem-url-data-type = URI data: của phần { $kind ->
        [image] hình ảnh
        [audio] âm thanh
       *[video] video
    } phải là { $kind }/…, nhưng lại là "{ $value }"
problem-url-malformed = URL không đúng định dạng
problem-url-origin = { $origin } không có trong danh sách nguồn đa phương tiện của trang này (media_origins)
problem-anchors-need-likert = mốc mô tả (anchors) chỉ dùng cho tiêu chí likert
problem-not-a-point = không phải một điểm của thang ({ $min } đến { $max })
problem-unknown-criterion = không có tiêu chí "{ $id }" trong bộ tiêu chí
problem-condition-looks-ahead = "{ $id }" phải đứng trước tiêu chí này (điều kiện chỉ tham chiếu các tiêu chí phía trước)
problem-condition-per-output = "{ $id }" được hỏi theo từng đầu ra: chỉ các tiêu chí theo từng đầu ra mới có thể phụ thuộc vào nó
problem-condition-null = phải là một câu trả lời để so sánh, nhưng lại là null
problem-chain-unexpected = dòng này có chain nhưng đánh giá đầu tiên của tệp thì không: các dòng đã bị thêm, xóa hoặc đổi thứ tự
problem-chain-missing = bị thiếu: các dòng khác đều có chain, nên dòng này đã được thêm vào hoặc bị xóa chain
problem-chain-mismatch = không khớp: dòng này đã bị sửa, hoặc một dòng trước nó đã bị xóa, chèn thêm hoặc đổi thứ tự (cần { $expected }, nối tiếp từ { $from ->
        [first] dòng đầu tiên
       *[previous] dòng ngay trước
    })
problem-replaces = thay thế đánh giá mục "{ $item }" của người gán nhãn "{ $annotator }" { $where ->
        [other] tại { $place }
       *[same] ở dòng { $place }
    }
problem-replaced-by = bị thay thế bởi đánh giá mục "{ $item }" của người gán nhãn "{ $annotator }" { $where ->
        [other] tại { $place }
       *[same] ở dòng { $place }
    }, được gửi sau

problem-expected-string = một chuỗi
problem-expected-whole-number = một số nguyên
problem-expected-boolean = true hoặc false
problem-expected-object = một đối tượng
problem-expected-array = một mảng
problem-expected-string-array = một mảng chuỗi
problem-expected-string-or-number = một chuỗi hoặc một số
problem-expected-winner = một id mô hình, "tie" hoặc "both_bad"
problem-expected-turn = một đối tượng có role và content
problem-expected-turn-array = một mảng các lượt hội thoại
problem-expected-output = một đối tượng có model và content
problem-expected-alpaca-preference = một số (1, 2 hoặc 1.5)
problem-expected-arena-winner = "model_a", "model_b", "tie" hoặc "tie (bothbad)"
problem-expected-one-option = một trong các lựa chọn
problem-expected-option-array = một mảng lựa chọn
problem-expected-scores-by-model = một đối tượng có khóa theo mô hình (tiêu chí theo từng đầu ra)
problem-expected-content-or-parts = một chuỗi hoặc một danh sách các phần
problem-expected-part-object = một đối tượng phần
problem-expected-date = một ngày (YYYY-MM-DD)
problem-expected-event = một đối tượng có date và label

problem-found-null = null
problem-found-boolean = một giá trị boolean
problem-found-number = một số
problem-found-string = một chuỗi
problem-found-array = một mảng
problem-found-object = một đối tượng
