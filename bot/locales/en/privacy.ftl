export-caption = 📦 Everything I store about you, as a JSON file.
forget-confirm = Delete everything I store about you: your saved documents, reminders, settings and questions? This cannot be undone.
forget-btn-yes = 🗑 Yes, delete everything
forget-btn-no = Keep my data
forget-kept = OK, nothing was deleted.
forget-done = ✅ Done: everything I stored about you is deleted. If you write again, I'll start from scratch.
cmd-privacy = What I store about you
privacy-text =
    🔒 <b>What I store about you</b>
    • Your Telegram id, first name and language, your time zone and reminder settings.
    • The documents you save (kind, your label, the expiry date) and the reminders I sent about them: kept until you delete them in /mydocs or with /forget.
    • The questions you type, with the answer I gave: kept at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, then deleted automatically. The agency reads them to improve the answers. Questions an operator uses to teach me are kept without your name.
    • Your conversations with an operator: which messages belong to you (the messages themselves are in the agency's operators' chat).
    • Which broadcasts reached you.
    Nothing is shared with anyone outside the agency.

    /export sends you all of it as a file; /forget deletes all of it at once.
