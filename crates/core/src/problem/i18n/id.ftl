# Masalah yang ditemukan dalam file masukan, dalam kata-kata (verdict_core::problem::Detail; docs/FORMATS.md).
# Dipakai oleh CLI, laporan, dan aplikasi. $file, $line, dan $field menunjukkan letak masalah.
# Istilah antarmuka (www/i18n/id.ftl): item = butir, judgment = penilaian, rubric = rubrik,
# criterion = kriteria, annotator = anotator, model = model, output = keluaran, warning = peringatan.

problem-line = { $file }:{ $line }: { $field }: { $message }
problem-line-warning = { $file }:{ $line }: { $field }: peringatan: { $message }

problem-invalid-json-detail = bukan JSON yang valid ({ $parser })
problem-truncated = terpotong: file berakhir di tengah JSON baris ini ({ $parser })
problem-invalid-json-array = bukan larik JSON yang valid ({ $parser })
problem-invalid-toml = bukan TOML yang valid ({ $parser })
problem-unreadable = tidak dapat dibaca: { $parser }
problem-cannot-read = { $reason }
problem-empty-file = file kosong
problem-file-changed = File tugas ini berbeda, setelah 4 MiB pertamanya, dari yang dinilai sebelumnya di browser ini: penilaian item yang berubah mungkin tidak lagi cocok.
problem-not-utf8-at = bukan UTF-8 yang valid (byte salah pada posisi { $column }): simpan file sebagai UTF-8
problem-not-utf8-detail = bukan UTF-8 yang valid
problem-line-too-long-detail = melebihi batas { $limit } byte per baris (--max-line-bytes menaikkannya)
problem-missing-detail = tidak ada
problem-missing-prompt = tidak ada: isi prompt atau percakapan (conversation)
problem-no-items = file kosong: tidak ada butir untuk dinilai
problem-wrong-type-detail = seharusnya { $expected }, tetapi berisi { $found }
problem-not-allowed = seharusnya { $expected }, tetapi berisi "{ $value }"
problem-empty-detail = tidak boleh kosong
problem-schema-detail = seharusnya "{ $expected }", tetapi berisi "{ $value }"
problem-not-foreign = bukan format eksternal: muat sebagai tugas Verdict
problem-unknown-row = bukan penilaian, pertandingan Arena, atau baris AlpacaEval
problem-unknown-events-format = seharusnya baris JSON atau header CSV dengan date dan label
problem-no-content-detail = penilaian memerlukan setidaknya salah satu dari preference, ranking, scores, flags
problem-duplicate-key-detail = kolom `{ $key }` ganda
problem-duplicate-id = id "{ $id }" ganda: dua butir tidak boleh memakai id yang sama (yang pertama di baris { $line })
problem-duplicate-model = model "{ $model }" muncul dua kali
problem-duplicate-criterion = "{ $id }" dipakai oleh dua kriteria
problem-duplicate-option = opsi "{ $option }" muncul dua kali
problem-conversations-differ = giliran pengguna sebelum balasan pertama berbeda dari conversation_a
problem-no-verdict-detail = baris ini tidak berisi hasil (tidak ada pemenang)
problem-out-of-range-detail = seharusnya bilangan bulat dari { $min } sampai { $max }, tetapi berisi { $value }
problem-preference-out-of-range = seharusnya 1, 2, atau 1.5 (atau bobot antara 1 dan 2), tetapi berisi { $value }
problem-not-a-criterion = bukan kriteria dalam rubrik
problem-not-an-option = "{ $option }" bukan salah satu opsi
problem-bound-too-large = harus di antara -{ $bound } dan { $bound }
problem-max-not-above-min = harus lebih besar dari min ({ $min } ≥ { $max })
problem-too-many-points = skala likert paling banyak memiliki { $max } titik
problem-too-few-options = kriteria choice memerlukan setidaknya dua opsi
problem-too-few-labels = skala preferensi memerlukan setidaknya dua label
problem-too-long = lebih dari { $max } karakter
problem-too-many-events = lebih dari { $max } peristiwa
problem-unknown-part-type = jenis bagian "{ $name }" tidak dikenal (text, markdown, code, math, image, audio, video)
problem-unknown-field = bukan kolom untuk jenis bagian ini
problem-url-scheme = URL { $scheme }: tidak diizinkan: gunakan https://, path di host ini, atau URI data:
problem-url-data-type = URI data: untuk bagian { $kind ->
        [image] gambar
        [audio] audio
       *[video] video
    } seharusnya { $kind }/…, tetapi berisi "{ $value }"
problem-url-malformed = URL tidak berformat benar
problem-url-origin = { $origin } tidak ada dalam daftar asal media halaman ini (media_origins)
problem-anchors-need-likert = jangkar (anchors) hanya untuk kriteria likert
problem-not-a-point = bukan titik pada skala ({ $min } sampai { $max })
problem-unknown-criterion = tidak ada kriteria "{ $id }" dalam rubrik
problem-condition-looks-ahead = "{ $id }" harus berada sebelum kriteria ini (kondisi hanya merujuk ke kriteria sebelumnya)
problem-condition-per-output = "{ $id }" ditanyakan per keluaran: hanya kriteria per keluaran yang boleh bergantung padanya
problem-condition-null = seharusnya jawaban untuk dibandingkan, tetapi berisi null
problem-chain-unexpected = baris ini memiliki chain, tetapi penilaian pertama dalam file tidak: ada baris yang ditambahkan, dihapus, atau diubah urutannya
problem-chain-missing = tidak ada: baris lain memiliki chain, jadi baris ini ditambahkan atau chain-nya dihapus
problem-chain-mismatch = tidak cocok: baris ini diubah, atau baris sebelumnya dihapus, disisipkan, atau diubah urutannya (seharusnya { $expected }, dirangkai dari { $from ->
        [first] baris pertama
       *[previous] baris sebelumnya
    })
problem-replaces = menggantikan penilaian butir "{ $item }" dari anotator "{ $annotator }" { $where ->
        [other] di { $place }
       *[same] di baris { $place }
    }
problem-replaced-by = digantikan oleh penilaian butir "{ $item }" dari anotator "{ $annotator }" { $where ->
        [other] di { $place }
       *[same] di baris { $place }
    }, yang dikirim belakangan

problem-expected-string = string
problem-expected-whole-number = bilangan bulat
problem-expected-boolean = true atau false
problem-expected-object = objek
problem-expected-array = larik
problem-expected-string-array = larik string
problem-expected-string-or-number = string atau angka
problem-expected-winner = id model, "tie", atau "both_bad"
problem-expected-turn = objek dengan role dan content
problem-expected-turn-array = larik giliran percakapan
problem-expected-output = objek dengan model dan content
problem-expected-alpaca-preference = angka (1, 2, atau 1.5)
problem-expected-arena-winner = "model_a", "model_b", "tie", atau "tie (bothbad)"
problem-expected-one-option = salah satu opsi
problem-expected-option-array = larik opsi
problem-expected-scores-by-model = objek dengan kunci per model (kriteria per keluaran)
problem-expected-content-or-parts = string atau daftar bagian
problem-expected-part-object = objek bagian
problem-expected-date = tanggal (YYYY-MM-DD)
problem-expected-event = objek dengan date dan label

problem-found-null = null
problem-found-boolean = boolean
problem-found-number = angka
problem-found-string = string
problem-found-array = larik
problem-found-object = objek
