# 入力ファイルで見つかった問題の文言（verdict_core::problem::Detail、docs/FORMATS.md）。
# CLI、レポート、アプリで使われます。$file、$line、$field が問題の位置を示します。
# インターフェースの用語（www/i18n/ja.ftl）：item = 項目、judgment = 判定、rubric = ルーブリック、
# criterion = 評価基準、annotator = アノテーター、model = モデル、output = 出力、warning = 警告。

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: 警告: { $message }

problem-invalid-json-detail = 有効な JSON ではありません（{ $parser }）
problem-truncated = 途中で切れています：この行の JSON の途中でファイルが終わっています（{ $parser }）
problem-invalid-json-array = 有効な JSON 配列ではありません（{ $parser }）
problem-invalid-toml = 有効な TOML ではありません（{ $parser }）
problem-unreadable = 読み取れません：{ $parser }
problem-cannot-read = { $reason }
problem-empty-file = ファイルが空です
problem-file-changed = このタスクファイルは、先頭 4 MiB より後ろが、このブラウザーで以前に評価したものと異なります。変更された項目の判定は一致しない可能性があります。
problem-not-utf8-at = 有効な UTF-8 ではありません（{ $column } 列目に不正なバイト）：ファイルを UTF-8 で保存してください
problem-not-utf8-detail = 有効な UTF-8 ではありません
problem-line-too-long-detail = 1 行の上限 { $limit } バイトを超えています（--max-line-bytes で上限を引き上げられます）
problem-missing-detail = ありません
problem-missing-prompt = ありません：プロンプト（prompt）または会話（conversation）を指定してください
problem-no-items = ファイルが空です：評価する項目がありません
problem-wrong-type-detail = { $expected }である必要がありますが、{ $found }です
problem-not-allowed = { $expected }である必要がありますが、"{ $value }" です
problem-empty-detail = 空にはできません
problem-schema-detail = "{ $expected }" である必要がありますが、"{ $value }" です
problem-not-foreign = 外部形式ではありません：Verdict のタスクとして読み込んでください
problem-unknown-row = 判定、Arena の対戦、AlpacaEval の行のいずれでもありません
problem-unknown-events-format = JSON 行、または date と label の見出しがある CSV である必要があります
problem-no-content-detail = 判定には preference、ranking、scores、flags のうち少なくとも 1 つが必要です
problem-duplicate-key-detail = フィールド `{ $key }` が重複しています
problem-duplicate-id = id "{ $id }" が重複しています：2 つの項目で同じ id は使えません（最初は { $line } 行目）
problem-duplicate-model = モデル "{ $model }" が 2 回出現しています
problem-duplicate-criterion = "{ $id }" が 2 つの評価基準で使われています
problem-duplicate-option = 選択肢 "{ $option }" が 2 回出現しています
problem-conversations-differ = 最初の応答より前のユーザーのターンが conversation_a と異なります
problem-no-verdict-detail = この行には勝敗の結果がありません（勝者なし）
problem-out-of-range-detail = { $min }～{ $max } の整数である必要がありますが、{ $value } です
problem-preference-out-of-range = 1、2、1.5 のいずれか（または 1～2 の重み）である必要がありますが、{ $value } です
problem-not-a-criterion = ルーブリックの評価基準ではありません
problem-not-an-option = "{ $option }" は選択肢にありません
problem-bound-too-large = -{ $bound }～{ $bound } の範囲である必要があります
problem-max-not-above-min = min より大きくなければなりません（{ $min } ≥ { $max }）
problem-too-many-points = likert 尺度の段階は最大 { $max } までです
problem-too-few-options = choice の評価基準には選択肢が 2 つ以上必要です
problem-too-few-labels = 選好の尺度にはラベルが 2 つ以上必要です
problem-too-long = { $max } 文字を超えています
problem-too-many-events = イベントが { $max } 件を超えています
problem-unknown-part-type = 不明な部分の種類 "{ $name }" です（text、markdown、code、math、image、audio、video）
problem-unknown-field = この種類の部分にはないフィールドです
problem-url-scheme = { $scheme }: の URL は使用できません：https://、このホスト上のパス、または data: URI を使ってください
problem-url-data-type = { $kind ->
        [image] 画像
        [audio] 音声
       *[video] 動画
    }の部分の data: URI は { $kind }/… である必要がありますが、"{ $value }" です
problem-url-malformed = URL の形式が正しくありません
problem-url-origin = { $origin } はこのページのメディア取得元リスト（media_origins）にありません
problem-anchors-need-likert = アンカー（anchors）は likert の評価基準にのみ指定できます
problem-not-a-point = 尺度の段階ではありません（{ $min }～{ $max }）
problem-unknown-criterion = ルーブリックに評価基準 "{ $id }" がありません
problem-condition-looks-ahead = "{ $id }" はこの評価基準より前に置く必要があります（条件は前にある評価基準しか参照できません）
problem-condition-per-output = "{ $id }" は出力ごとに回答する評価基準です：これを条件にできるのは出力ごとの評価基準だけです
problem-condition-null = 比較対象の回答である必要がありますが、null です
problem-chain-unexpected = この行には chain がありますが、ファイルの最初の判定にはありません：行が追加、削除、または並べ替えられています
problem-chain-missing = ありません：ほかの行には chain があるため、この行が追加されたか、この行の chain が削除されています
problem-chain-mismatch = 一致しません：この行が変更されたか、この行より前の行が削除、挿入、または並べ替えられています（期待値 { $expected }、{ $from ->
        [first] 最初の行
       *[previous] 直前の行
    }からの連鎖）
problem-replaces = アノテーター "{ $annotator }" による項目 "{ $item }" の判定（{ $where ->
        [other] { $place }
       *[same] { $place } 行目
    }）を置き換えます
problem-replaced-by = 後から提出された、アノテーター "{ $annotator }" による項目 "{ $item }" の判定（{ $where ->
        [other] { $place }
       *[same] { $place } 行目
    }）に置き換えられました

problem-expected-string = 文字列
problem-expected-whole-number = 整数
problem-expected-boolean = 真偽値（true または false）
problem-expected-object = オブジェクト
problem-expected-array = 配列
problem-expected-string-array = 文字列の配列
problem-expected-string-or-number = 文字列または数値
problem-expected-winner = モデル ID、"tie"、"both_bad" のいずれか
problem-expected-turn = role と content を持つオブジェクト
problem-expected-turn-array = 会話のターンの配列
problem-expected-output = model と content を持つオブジェクト
problem-expected-alpaca-preference = 数値（1、2、1.5 のいずれか）
problem-expected-arena-winner = "model_a"、"model_b"、"tie"、"tie (bothbad)" のいずれか
problem-expected-one-option = 選択肢のいずれか 1 つ
problem-expected-option-array = 選択肢の配列
problem-expected-scores-by-model = モデルをキーとするオブジェクト（出力ごとの評価基準）
problem-expected-content-or-parts = 文字列または部分のリスト
problem-expected-part-object = 部分のオブジェクト
problem-expected-date = 日付（YYYY-MM-DD）
problem-expected-event = date と label を持つオブジェクト

problem-found-null = null 値
problem-found-boolean = 真偽値
problem-found-number = 数値
problem-found-string = 文字列
problem-found-array = 配列
problem-found-object = オブジェクト
