export-caption = 📦 Everything I store about you, as a JSON file.
forget-confirm = Delete everything I store about you: your saved documents, reminders, settings and questions? This cannot be undone.
forget-btn-yes = 🗑 Yes, delete everything
forget-btn-no = Keep my data
forget-kept = OK, nothing was deleted.
forget-done = ✅ Done: everything I stored about you is deleted. If you write again, I'll start from scratch.
