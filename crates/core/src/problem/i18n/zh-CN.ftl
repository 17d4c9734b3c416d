# 输入文件中发现的问题的文字说明（verdict_core::problem::Detail；docs/FORMATS.md）。
# 供 CLI、报告和应用使用。$file、$line 和 $field 指出问题所在位置。
# 界面术语（www/i18n/zh-CN.ftl）：item = 条目，judgment = 评判，rubric = 评分细则，
# criterion = 评分标准，annotator = 标注员，model = 模型，output = 输出，warning = 警告。

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: 警告: { $message }

problem-invalid-json-detail = 不是有效的 JSON（{ $parser }）
problem-truncated = 已截断：文件在此行的 JSON 中途结束（{ $parser }）
problem-invalid-json-array = 不是有效的 JSON 数组（{ $parser }）
problem-invalid-toml = 不是有效的 TOML（{ $parser }）
problem-unreadable = 无法读取：{ $parser }
problem-cannot-read = { $reason }
problem-empty-file = 文件为空
problem-file-changed = 此任务文件在前 4 MiB 之后与此前在本浏览器中评分的文件不同：已更改项目的评判可能不再对应。
problem-not-utf8-at = 不是有效的 UTF-8（第 { $column } 列有无效字节）：请将文件另存为 UTF-8
problem-not-utf8-detail = 不是有效的 UTF-8
problem-line-too-long-detail = 超过每行 { $limit } 字节的上限（可用 --max-line-bytes 提高上限）
problem-missing-detail = 缺失
problem-missing-prompt = 缺失：请提供提示词（prompt）或对话（conversation）
problem-no-items = 文件为空：没有可评判的条目
problem-wrong-type-detail = 应为{ $expected }，实际为{ $found }
problem-not-allowed = 应为{ $expected }，实际为 "{ $value }"
problem-empty-detail = 不能为空
problem-schema-detail = 应为 "{ $expected }"，实际为 "{ $value }"
problem-not-foreign = 不是外部格式：请作为 Verdict 任务加载
problem-unknown-row = 既不是评判，也不是 Arena 对战或 AlpacaEval 行
problem-unknown-events-format = 应为 JSON 行，或带有 date 和 label 表头的 CSV
problem-no-content-detail = 评判至少需要 preference、ranking、scores、flags 中的一项
problem-duplicate-key-detail = 字段 `{ $key }` 重复
problem-duplicate-id = id "{ $id }" 重复：两个条目不能使用同一个 id（第一个在第 { $line } 行）
problem-duplicate-model = 模型 "{ $model }" 出现了两次
problem-duplicate-criterion = 有两个评分标准使用了 "{ $id }"
problem-duplicate-option = 选项 "{ $option }" 出现了两次
problem-conversations-differ = 其在第一条回复之前的用户轮次与 conversation_a 中的不同
problem-no-verdict-detail = 此行没有结论（没有胜者）
problem-out-of-range-detail = 应为 { $min } 到 { $max } 之间的整数，实际为 { $value }
problem-preference-out-of-range = 应为 1、2 或 1.5（或 1 到 2 之间的权重），实际为 { $value }
problem-not-a-criterion = 不是评分细则中的评分标准
problem-not-an-option = "{ $option }" 不在选项中
problem-bound-too-large = 必须在 -{ $bound } 到 { $bound } 之间
problem-max-not-above-min = 必须大于 min（{ $min } ≥ { $max }）
problem-too-many-points = likert 量表最多只能有 { $max } 个刻度
problem-too-few-options = choice 类评分标准至少需要两个选项
problem-too-few-labels = 偏好量表至少需要两个标签
problem-too-long = 超过 { $max } 个字符
problem-too-many-events = 超过 { $max } 个事件
problem-unknown-part-type = 未知的部分类型 "{ $name }"（text、markdown、code、math、image、audio、video）
problem-unknown-field = 不是此部分类型的字段
problem-url-scheme = 不允许 { $scheme }: 网址：请使用 https://、本站点上的路径或 data: URI
problem-url-data-type = { $kind ->
        [image] 图片
        [audio] 音频
       *[video] 视频
    }部分的 data: URI 必须是 { $kind }/…，实际为 "{ $value }"
problem-url-malformed = 网址格式不正确
problem-url-origin = { $origin } 不在本页面的媒体来源列表（media_origins）中
problem-anchors-need-likert = 锚点（anchors）只适用于 likert 评分标准
problem-not-a-point = 不是量表上的刻度（{ $min } 到 { $max }）
problem-unknown-criterion = 评分细则中没有评分标准 "{ $id }"
problem-condition-looks-ahead = "{ $id }" 必须排在此评分标准之前（条件只能引用前面的评分标准）
problem-condition-per-output = "{ $id }" 是按输出评分的评分标准：只有按输出评分的评分标准才能依赖它
problem-condition-null = 应为可供比较的答案，实际为 null
problem-chain-unexpected = 此行带有 chain，但文件的第一条评判没有：有行被添加、删除或调换了顺序
problem-chain-missing = 缺失：其他行都带有 chain，因此此行是后来添加的，或其 chain 被删除了
problem-chain-mismatch = 不匹配：此行被修改过，或其之前的某行被删除、插入或调换了顺序（应为 { $expected }，链接自{ $from ->
        [first] 第一行
       *[previous] 上一行
    }）
problem-replaces = 替换了标注员 "{ $annotator }" 对条目 "{ $item }" 的评判，{ $where ->
        [other] 位于 { $place }
       *[same] 位于第 { $place } 行
    }
problem-replaced-by = 已被标注员 "{ $annotator }" 对条目 "{ $item }" 的另一条评判替换（{ $where ->
        [other] 位于 { $place }
       *[same] 位于第 { $place } 行
    }，提交时间更晚）

problem-expected-string = 字符串
problem-expected-whole-number = 整数
problem-expected-boolean = 布尔值（true 或 false）
problem-expected-object = 对象
problem-expected-array = 数组
problem-expected-string-array = 字符串数组
problem-expected-string-or-number = 字符串或数字
problem-expected-winner = 模型 ID、"tie" 或 "both_bad"
problem-expected-turn = 包含 role 和 content 的对象
problem-expected-turn-array = 对话轮次数组
problem-expected-output = 包含 model 和 content 的对象
problem-expected-alpaca-preference = 数字（1、2 或 1.5）
problem-expected-arena-winner = "model_a"、"model_b"、"tie" 或 "tie (bothbad)"
problem-expected-one-option = 选项之一
problem-expected-option-array = 选项数组
problem-expected-scores-by-model = 以模型为键的对象（按输出评分的评分标准）
problem-expected-content-or-parts = 字符串或部分列表
problem-expected-part-object = 部分对象
problem-expected-date = 日期（YYYY-MM-DD）
problem-expected-event = 包含 date 和 label 的对象

problem-found-null = 空值（null）
problem-found-boolean = 布尔值
problem-found-number = 数字
problem-found-string = 字符串
problem-found-array = 数组
problem-found-object = 对象
