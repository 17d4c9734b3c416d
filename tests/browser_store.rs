//! Browser tests of the persistence layer against the real IndexedDB in headless Chromium.
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p verdict-web --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use verdict_web::state::store::{SavedFiles, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn line(item: &str, winner: &str) -> String {
    format!(r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"ann","preference":{{"winner":"{winner}"}}}}"#)
}

#[wasm_bindgen_test]
async fn judgments_survive_reopening_and_an_edit_replaces_the_old_one() {
    let key = "test-survive";
    Store::delete(key).await.unwrap();
    let store = Store::open(key).await.unwrap();
    store.put_judgment("ann", "q1", &line("q1", "a")).await.unwrap();
    store.put_judgment("ann", "q2", &line("q2", "b")).await.unwrap();
    store.put_judgment("ann", "q1", &line("q1", "tie")).await.unwrap();
    store.put_judgment("other", "q1", &line("q1", "b")).await.unwrap();
    drop(store);
    let reopened = Store::open(key).await.unwrap();
    let lines = reopened.judgments_of("ann").await.unwrap();
    assert_eq!(lines, vec![line("q1", "tie"), line("q2", "b")]);
    assert_eq!(reopened.judgments_of("other").await.unwrap().len(), 1);
    assert_eq!(reopened.judgments_of("nobody").await.unwrap(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn two_evaluations_keep_separate_stores() {
    Store::delete("test-eval-a").await.unwrap();
    Store::delete("test-eval-b").await.unwrap();
    let a = Store::open("test-eval-a").await.unwrap();
    let b = Store::open("test-eval-b").await.unwrap();
    a.put_judgment("ann", "q1", &line("q1", "a")).await.unwrap();
    assert_eq!(a.judgments_of("ann").await.unwrap().len(), 1);
    assert!(b.judgments_of("ann").await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn files_and_position_round_trip() {
    let key = "test-files";
    Store::delete(key).await.unwrap();
    let store = Store::open(key).await.unwrap();
    assert_eq!(store.files().await.unwrap(), None);
    assert_eq!(store.position("ann").await.unwrap(), None);
    let files = SavedFiles {
        tasks_name: "tasks.jsonl".into(),
        tasks_text: "{\"id\":\"q1\"}\n".into(),
        rubric_name: "rubric.json".into(),
        rubric_text: "{}".into(),
    };
    store.put_files(&files).await.unwrap();
    store.put_position("ann", 17).await.unwrap();
    let reopened = Store::open(key).await.unwrap();
    assert_eq!(reopened.files().await.unwrap(), Some(files));
    assert_eq!(reopened.position("ann").await.unwrap(), Some(17));
    assert_eq!(reopened.position("other").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn issue_14_item_ids_from_u_e000_up_are_read_back() {
    let key = "test-odd-ids";
    Store::delete(key).await.unwrap();
    let store = Store::open(key).await.unwrap();
    let ids = ["\u{e000}private", "\u{ffff}last-bmp", "\u{10ffff}astral", "plain"];
    for id in ids {
        store.put_judgment("ann", id, &line(id, "a")).await.unwrap();
    }
    store.put_judgment("ann2", "plain", &line("plain", "b")).await.unwrap();
    let lines = store.judgments_of("ann").await.unwrap();
    assert_eq!(lines.len(), ids.len(), "{lines:?}");
    for id in ids {
        assert!(lines.contains(&line(id, "a")), "{id:?} is read back");
    }
}

#[wasm_bindgen_test]
async fn issue_14_a_judgment_its_draft_removal_and_outbox_entry_are_one_write() {
    use verdict_web::state::outbox::{Counts, Outbox};
    let key = "test-one-transaction";
    Store::delete(key).await.unwrap();
    let store = Store::open(key).await.unwrap();
    store.put_draft("ann", "q1", Some("{\"draft\":1}")).await.unwrap();
    assert_eq!(store.drafts_of("ann").await.unwrap().len(), 1);
    store
        .save_judgment(
            "ann",
            "q1",
            &line("q1", "a"),
            Some(("000-x".into(), r#"{"url":"/c","id":"x","body":"{}","state":"queued","item_id":"q1"}"#.into())),
        )
        .await
        .unwrap();
    assert_eq!(store.judgments_of("ann").await.unwrap(), vec![line("q1", "a")]);
    assert!(store.drafts_of("ann").await.unwrap().is_empty(), "the draft went with the save");
    assert_eq!(Outbox::new(&store).counts().await.unwrap(), Counts { queued: 1, sent: 0, parked: 0 });
}

#[wasm_bindgen_test]
async fn issue_14_judgments_queued_by_an_earlier_version_are_adopted_not_lost() {
    use verdict_web::state::outbox::{Outbox, State};
    // An earlier version's outbox database with one queued judgment (written as that version did).
    let setup = js_sys::eval(
        r#"new Promise((resolve, reject) => {
            const request = indexedDB.open('verdict-outbox', 1);
            request.onupgradeneeded = () => request.result.createObjectStore('pending');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
                const db = request.result;
                const t = db.transaction('pending', 'readwrite');
                const judgment = {schema: 'verdict/judgment@1', item_id: 'q9', annotator: 'ann', flags: ['x']};
                const body = JSON.stringify({id: 'old1', judgment});
                t.objectStore('pending').put(JSON.stringify({url: 'http://127.0.0.1:9/none', id: 'old1', body}), '000000000000001-old1');
                t.oncomplete = () => { db.close(); resolve(); };
                t.onerror = () => reject(t.error);
            };
        })"#,
    )
    .unwrap();
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(setup)).await.unwrap();
    let key = "test-legacy-outbox";
    Store::delete(key).await.unwrap();
    let store = Store::open(key).await.unwrap();
    let outbox = Outbox::new(&store);
    // Nothing listens on port 9: the POST fails and the adopted entry stays queued, not lost.
    let _ = outbox.flush().await;
    let entries = outbox.entries().await.unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!((entries[0].id.as_str(), entries[0].item_id.as_str(), entries[0].state), ("old1", "q9", State::Queued));
    // A second flush finds nothing more to adopt and keeps the one entry.
    let _ = outbox.flush().await;
    assert_eq!(outbox.entries().await.unwrap().len(), 1);
}
