// Copies of the ledger for the user (linked in front of duebook.js with --pre-js, before storage.js, whose
// module hands these on): a download of the file as it stands in memory, and "Back up now" with its reminder.
Module.duebookBackup = (function() {
  // Hands the user the ledger file as it stands in memory, as `name` (by default named by the time).
  function download(name) {
    const n = _duebook_storage_snapshot();
    const ptr = _duebook_storage_snapshot_data();
    const blob = new Blob([HEAPU8.slice(ptr, ptr + n)], {type: "application/vnd.sqlite3"});
    _duebook_storage_snapshot_free();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name || "duebook-ledger-" + new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-") + ".sqlite";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(a.href); }, 60000);
  }

  // "Back up now": the whole ledger as duebook-ledger-<today, local>.sqlite; the time is remembered in
  // localStorage (a backup is about this browser's copy, so it is kept beside it, not in the ledger).
  const LAST_BACKUP = "duebook.lastBackup", REMIND_DAYS = "duebook.backupReminderDays";
  function backUp() {
    const now = new Date();
    const two = function(n) { return String(n).padStart(2, "0"); };
    download("duebook-ledger-" + now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate()) + ".sqlite");
    try { localStorage.setItem(LAST_BACKUP, String(now.getTime())); } catch (e) { /* not remembered: reminds */ }
  }
  function stored(key) {
    try { return Number(localStorage.getItem(key)) || 0; } catch (e) { return 0; }
  }
  function lastBackup() { return stored(LAST_BACKUP); }
  function backupReminderDays() { return stored(REMIND_DAYS) > 0 ? Math.floor(stored(REMIND_DAYS)) : 7; }
  function setBackupReminderDays(days) {
    try { localStorage.setItem(REMIND_DAYS, String(days)); } catch (e) { /* not kept: the default applies */ }
  }

  return {
    download: download, backUp: backUp, lastBackup: lastBackup, backupReminderDays: backupReminderDays,
    setBackupReminderDays: setBackupReminderDays,
  };
})();
