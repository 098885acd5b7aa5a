settings-btn-news = 📣 Agency news
news-btn-off = 🔕 Turn off the agency's news
news-btn-on = 🔔 Turn the agency's news back on
news-status-on = 🔔 You receive the agency's news. Reminders about your documents come either way.
news-status-off = 🔕 The agency's news is off. Reminders about your documents still come. You can turn news back on here or in /settings.
